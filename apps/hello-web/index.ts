import { Construct } from 'constructs';
import { z } from 'zod';
import { ConfigMap, NetworkPeer, NetworkPolicy, Package, PackageProps, Probe, RolloutWebService, Secret, Volume, rolloutValues } from '../../lib';

/** A lower-case DNS name: labels of letters, digits and inner '-', joined by '.'. */
const DNS_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/;

/** Values of the hello-web package. */
export const helloWebValues = z.object({
  replicas: z.number().int().min(1).max(50).default(2).describe('Pods to run.'),
  image: z
    .object({
      repository: z
        .string()
        .regex(/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/)
        .default('nginxinc/nginx-unprivileged')
        .describe('Image repository: lower-case path segments separated by `/`.'),
      tag: z
        .string()
        .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}$/)
        .default('1.27.3-alpine')
        .describe('Image tag; pin a version, never `latest`. It is also the version label, so at most 63 characters.'),
    })
    .default({ repository: 'nginxinc/nginx-unprivileged', tag: '1.27.3-alpine' })
    .describe('The nginx image.'),
  host: z.string().regex(DNS_NAME).default('hello.example.com').describe('Host name the Ingress answers for.'),
  greeting: z.string().min(1).max(200).default('Hello from chartwright').describe('Greeting on the page.'),
  tlsSecret: z
    .string()
    .regex(DNS_NAME)
    .default('hello-web-tls')
    .describe('An existing kubernetes.io/tls Secret for the host, made outside the repo (by cert-manager, say).'),
  rollout: rolloutValues,
});

/**
 * hello-web: a static page served by unprivileged nginx, with its page and
 * server configuration in a ConfigMap, behind a Service and an Ingress, with
 * traffic allowed only from the ingress controller.
 */
export class HelloWeb extends Package<typeof helloWebValues> {
  static readonly metadata = {
    name: 'hello-web',
    version: '1.2.0',
    appVersion: '1.27.3',
    description: 'A static page served by unprivileged nginx behind a Service and an Ingress.',
  };
  static readonly values = helloWebValues;

  readonly config: ConfigMap;
  readonly web: RolloutWebService;

  constructor(scope: Construct, id: string, props: PackageProps<typeof helloWebValues> = {}) {
    super(scope, id, props);
    const values = this.values;

    this.config = new ConfigMap(this, 'content', {
      data: {
        'index.html': `<!doctype html>\n<title>${values.greeting}</title>\n<h1>${values.greeting}</h1>\n`,
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

    // image.tag is the version running now; blue/green colours and a canary
    // run other tags of the same repository (see the rollout values).
    this.web = new RolloutWebService(this, 'server', {
      rollout: values.rollout,
      version: values.image.tag,
      image: (version) => `${values.image.repository}:${version}`,
      replicas: values.replicas,
      healthCheckPath: '/healthz',
      podSecurity: { runAsUser: 101, runAsGroup: 101 },
      containers: [
        {
          name: 'nginx',
          image: `${values.image.repository}:${values.image.tag}`,
          ports: [{ name: 'http', port: 8080 }],
          resources: { cpu: { request: '50m', limit: '200m' }, memory: { request: '32Mi', limit: '64Mi' } },
          liveness: Probe.httpGet('/healthz'),
          mounts: [
            { volume: Volume.fromSource('content', this.config, { items: { 'index.html': 'index.html' } }), path: '/usr/share/nginx/html' },
            { volume: Volume.fromSource('conf', this.config, { items: { 'default.conf': 'default.conf' } }), path: '/etc/nginx/conf.d' },
            { volume: Volume.emptyDir('tmp', { sizeLimit: '64Mi' }), path: '/tmp' },
          ],
        },
      ],
      ingress: { hosts: [values.host], tlsSecret: Secret.fromName(values.tlsSecret) },
    });

    new NetworkPolicy(this, 'allow-ingress', {
      selector: this.web,
      ingress: [{ peers: [NetworkPeer.ingressController()], ports: [{ port: 'http' }] }],
    });
  }
}
