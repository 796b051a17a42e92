import { Construct } from 'constructs';
import { ConfigMap, NetworkPeer, NetworkPolicy, Package, PackageProps, Probe, Volume, WebService } from '../../lib';

/** Values of the hello-web package. */
export interface HelloWebValues {
  /** Pods to run. @default 2 */
  readonly replicas?: number;
  /** The nginx image. @default 'nginxinc/nginx-unprivileged:1.27.3-alpine' */
  readonly image?: string;
  /** The host name the Ingress answers for. @default 'hello.example.com' */
  readonly host?: string;
  /** The greeting on the page. @default 'Hello from chartwright' */
  readonly greeting?: string;
}

/**
 * hello-web: a static page served by unprivileged nginx, with its page and
 * server configuration in a ConfigMap, behind a Service and an Ingress, with
 * traffic allowed only from the ingress controller.
 */
export class HelloWeb extends Package<HelloWebValues> {
  static readonly metadata = {
    name: 'hello-web',
    version: '1.1.0',
    appVersion: '1.27.3',
    description: 'A static page served by unprivileged nginx behind a Service and an Ingress.',
  };

  readonly config: ConfigMap;
  readonly web: WebService;

  constructor(scope: Construct, id: string, props: PackageProps<HelloWebValues> = {}) {
    super(scope, id, props);
    const values = this.values;
    const greeting = values.greeting ?? 'Hello from chartwright';

    this.config = new ConfigMap(this, 'content', {
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

    this.web = new WebService(this, 'server', {
      replicas: values.replicas ?? 2,
      healthCheckPath: '/healthz',
      podSecurity: { runAsUser: 101, runAsGroup: 101 },
      containers: [
        {
          name: 'nginx',
          image: values.image ?? 'nginxinc/nginx-unprivileged:1.27.3-alpine',
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
      ingress: { hosts: [values.host ?? 'hello.example.com'] },
    });

    new NetworkPolicy(this, 'allow-ingress', {
      selector: this.web,
      ingress: [{ peers: [NetworkPeer.ingressController()], ports: [{ port: 'http' }] }],
    });
  }
}
