import { Construct } from 'constructs';
import * as kplus from 'cdk8s-plus-28';
import { Size } from 'cdk8s';
import { z } from 'zod';
import { Package, PackageProps } from '../../lib';

/** Values of the hello-web package. */
export const helloWebValues = z.object({
  replicas: z.number().int().min(1).max(50).default(2).describe('Pods to run.'),
  image: z
    .object({
      repository: z.string().min(1).default('nginxinc/nginx-unprivileged').describe('Image repository.'),
      tag: z.string().min(1).default('1.27.3-alpine').describe('Image tag; pin a version, never `latest`.'),
    })
    .default({ repository: 'nginxinc/nginx-unprivileged', tag: '1.27.3-alpine' })
    .describe('The nginx image.'),
  host: z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/).default('hello.example.com').describe('Host name the Ingress answers for.'),
  greeting: z.string().min(1).max(200).default('Hello from chartwright').describe('Greeting on the page.'),
});

/**
 * hello-web: a static page served by unprivileged nginx, with its page and
 * server configuration in a ConfigMap, a ClusterIP Service and an Ingress.
 */
export class HelloWeb extends Package<typeof helloWebValues> {
  static readonly metadata = {
    name: 'hello-web',
    version: '1.0.0',
    appVersion: '1.27.3',
    description: 'A static page served by unprivileged nginx behind a Service and an Ingress.',
  };
  static readonly values = helloWebValues;

  readonly config: kplus.ConfigMap;
  readonly deployment: kplus.Deployment;
  readonly service: kplus.Service;
  readonly ingress: kplus.Ingress;

  constructor(scope: Construct, id: string, props: PackageProps<typeof helloWebValues> = {}) {
    super(scope, id, props);
    const values = this.values;
    const greeting = values.greeting;

    this.config = new kplus.ConfigMap(this, 'content', {
      data: {
        'index.html': `<!doctype html>\n<title>${greeting}</title>\n<h1>${greeting}</h1>\n`,
        'default.conf': [
          'server {',
          '    listen 8080;',
          '    location / {',
          '        root /usr/share/nginx/html;',
          '    }',
          '    location = /healthz {',
          '        access_log off;',
          '        return 200 "ok\\n";',
          '    }',
          '}',
          '',
        ].join('\n'),
      },
    });

    this.deployment = new kplus.Deployment(this, 'server', {
      replicas: values.replicas,
      automountServiceAccountToken: false,
      securityContext: { ensureNonRoot: true, user: 101, group: 101 },
    });
    const container = this.deployment.addContainer({
      name: 'nginx',
      image: `${values.image.repository}:${values.image.tag}`,
      portNumber: 8080,
      resources: {
        cpu: { request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(200) },
        memory: { request: Size.mebibytes(32), limit: Size.mebibytes(64) },
      },
      readiness: kplus.Probe.fromHttpGet('/healthz', { port: 8080 }),
      liveness: kplus.Probe.fromHttpGet('/healthz', { port: 8080 }),
      securityContext: { ensureNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, user: 101, group: 101 },
    });
    const content = kplus.Volume.fromConfigMap(this, 'content-volume', this.config, {
      name: 'content',
      items: { 'index.html': { path: 'index.html' } },
    });
    container.mount('/usr/share/nginx/html', content, { readOnly: true });
    container.mount('/etc/nginx/conf.d', kplus.Volume.fromConfigMap(this, 'conf-volume', this.config, {
      name: 'conf',
      items: { 'default.conf': { path: 'default.conf' } },
    }), { readOnly: true });
    container.mount('/tmp', kplus.Volume.fromEmptyDir(this, 'tmp', 'tmp'));

    this.service = this.deployment.exposeViaService({ name: `${this.releaseName}`, ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
    this.ingress = new kplus.Ingress(this, 'ingress', {
      rules: [{ host: values.host, path: '/', pathType: kplus.HttpIngressPathType.PREFIX, backend: kplus.IngressBackend.fromService(this.service) }],
    });
  }
}
