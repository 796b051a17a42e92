import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { z } from 'zod';
import { NetworkPeer, NetworkPolicy, configSource, Package, PackageProps, Probe, Service, Volume, WebService } from '../../lib';

/** Values of the status-page package. */
export const statusPageValues = z.object({
  replicas: z.number().int().min(1).max(20).default(2).describe('Web pods to run.'),
  image: z.string().min(1).default('nginxinc/nginx-unprivileged:1.27.3-alpine').describe('The nginx image, pinned.'),
  redisImage: z.string().min(1).default('redis:7.4.1-alpine').describe('The Redis image of the cache, pinned.'),
  title: z.string().min(1).max(100).default('All systems operational').describe('The line the page shows.'),
  host: z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/).default('status.example.com').describe('Host name the Ingress answers for.'),
  tlsSecret: z.string().default('status-tls').describe('An existing kubernetes.io/tls Secret for the host, made outside the repo.'),
});

/**
 * status-page: a package built from both libraries. cdk8s-plus-28 makes the
 * page's ConfigMap and a Redis Deployment; chartwright makes the web
 * service that mounts that ConfigMap, the Service in front of the Redis
 * Deployment and the NetworkPolicy that lets only the web pods reach it,
 * selecting the cdk8s-plus Deployment through the interface both libraries
 * implement (docs/constructs.md, "Using cdk8s-plus-28 constructs").
 */
export class StatusPage extends Package<typeof statusPageValues> {
  static readonly metadata = { name: 'status-page', version: '1.0.0', appVersion: '1.27.3', description: 'A status page built from chartwright and cdk8s-plus-28 constructs.' };
  static readonly values = statusPageValues;

  readonly page: kplus.ConfigMap;
  readonly cache: kplus.Deployment;
  readonly web: WebService;

  constructor(scope: Construct, id: string, props: PackageProps<typeof statusPageValues> = {}) {
    super(scope, id, props);
    const v = this.values;

    this.page = new kplus.ConfigMap(this, 'page', {
      data: {
        'index.html': `<!doctype html>\n<title>Status</title>\n<h1>${v.title}</h1>\n`,
        'default.conf': 'server {\n    listen 8080;\n    location / {\n        root /usr/share/nginx/html;\n    }\n}\n',
      },
    });

    // cdk8s-plus's own secure defaults; the redis image's user is uid 999
    this.cache = new kplus.Deployment(this, 'cache', {
      replicas: 1,
      automountServiceAccountToken: false,
      securityContext: { user: 999, group: 999, ensureNonRoot: true },
      containers: [
        {
          name: 'redis',
          image: v.redisImage,
          portNumber: 6379,
          securityContext: {
            user: 999,
            group: 999,
            ensureNonRoot: true,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: [kplus.Capability.ALL] },
            seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
          },
          resources: {
            cpu: { request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(200) },
            memory: { request: cdk8sSize(64), limit: cdk8sSize(128) },
          },
          readiness: kplus.Probe.fromTcpSocket({ port: 6379 }),
          liveness: kplus.Probe.fromTcpSocket({ port: 6379, failureThreshold: 6 }), // more patient than readiness: a busy Redis leaves rotation before it is restarted
          volumeMounts: [{ path: '/data', volume: kplus.Volume.fromEmptyDir(this, 'cache-data', 'data') }],
        },
      ],
    });
    new Service(this, 'cache-service', { selector: this.cache, ports: [{ port: 6379 }] });

    this.web = new WebService(this, 'web', {
      replicas: v.replicas,
      podSecurity: { runAsUser: 101, runAsGroup: 101 },
      healthCheckPath: '/',
      containers: [
        {
          name: 'nginx',
          image: v.image,
          ports: [{ name: 'http', port: 8080 }],
          resources: { cpu: { request: '50m', limit: '200m' }, memory: { request: '32Mi', limit: '64Mi' } },
          liveness: Probe.httpGet('/'),
          mounts: [
            // a cdk8s-plus ConfigMap, mounted by a chartwright container (configSource adapts it)
            { volume: Volume.fromSource('page', configSource(this.page), { items: { 'index.html': 'index.html' } }), path: '/usr/share/nginx/html' },
            { volume: Volume.fromSource('conf', configSource(this.page), { items: { 'default.conf': 'default.conf' } }), path: '/etc/nginx/conf.d' },
            { volume: Volume.emptyDir('tmp', { sizeLimit: '64Mi' }), path: '/tmp' },
          ],
        },
      ],
      ingress: { hosts: [v.host], tlsSecret: v.tlsSecret },
    });

    new NetworkPolicy(this, 'cache-from-web', { selector: this.cache, ingress: [{ peers: [NetworkPeer.pods(this.web)], ports: [{ port: 6379 }] }] });
    new NetworkPolicy(this, 'web-from-ingress', { selector: this.web, ingress: [{ peers: [NetworkPeer.ingressController()], ports: [{ port: 'http' }] }] });
  }
}

function cdk8sSize(mebibytes: number) {
  // cdk8s's Size, through cdk8s-plus's dependency
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return (require('cdk8s') as typeof import('cdk8s')).Size.mebibytes(mebibytes);
}
