import { Construct } from 'constructs';
import { z } from 'zod';
import { ConfigMap, EnvValue, NetworkPeer, NetworkPolicy, Package, PackageProps, Probe, RolloutWebService, Secret, Volume, rolloutValues } from '../../lib';
import { Redis } from '../redis/src';

/** The label of the pods Redis admits: the frontend's. */
const REDIS_CLIENT = { 'example.com/redis-client': 'guestbook' };

const hostName = z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/);

/** Values of the guestbook package. */
export const guestbookValues = z.object({
  frontend: z
    .object({
      replicas: z.number().int().min(1).max(50).default(3).describe('Frontend pods to run.'),
      repository: z.string().min(1).default('gcr.io/google_samples/gb-frontend').describe('Image repository of the PHP frontend.'),
      tag: z.string().min(1).default('v5').describe('Image tag of the frontend running now; pin a version, never `latest`.'),
    })
    .default({ replicas: 3, repository: 'gcr.io/google_samples/gb-frontend', tag: 'v5' })
    .describe('The PHP frontend (Apache with mod_php).'),
  host: hostName.default('guestbook.example.com').describe('Host name the Ingress answers for.'),
  tlsSecret: hostName.default('guestbook-tls').describe('An existing kubernetes.io/tls Secret for the host, made outside the repo (by cert-manager, say).'),
  rollout: rolloutValues,
});

// Apache of the php:apache image the frontend is built on listens on 80,
// which a non-root user may not bind: it listens on 8080 instead, and its
// pid, lock and log files go to writable empty folders (the envvars file
// of the image reads these variables when they are set).
const APACHE_PORTS = 'Listen 8080\n';
const APACHE_SITE = [
  '<VirtualHost *:8080>',
  '    DocumentRoot /var/www/html',
  '    ErrorLog /dev/stderr',
  '    CustomLog /dev/stdout combined',
  '</VirtualHost>',
  '',
].join('\n');

/**
 * guestbook: the Kubernetes guestbook example. A Redis leader takes the
 * writes, Redis followers replicate it and serve the reads, and the PHP
 * frontend runs behind a Service and an Ingress with TLS. Only the frontend
 * may reach Redis, and only the ingress controller the frontend.
 */
export class Guestbook extends Package<typeof guestbookValues> {
  static readonly metadata = {
    name: 'guestbook',
    version: '2.0.0',
    appVersion: 'v5',
    description: 'The Kubernetes guestbook: a PHP frontend behind an Ingress with TLS, a Redis leader and Redis followers.',
  };
  static readonly values = guestbookValues;
  // Redis is the reusable redis package (examples/redis); the frontend's
  // pods carry the label it admits. The user's `redis.*` values (image,
  // followers, storageSize) still apply.
  static readonly dependencies = { redis: { package: Redis, values: { clients: REDIS_CLIENT } } };

  readonly redis: Redis;
  readonly frontend: RolloutWebService;

  constructor(scope: Construct, id: string, props: PackageProps<typeof guestbookValues> = {}) {
    super(scope, id, props);
    const v = this.values;

    this.redis = this.dependencies.redis as Redis;

    const apache = new ConfigMap(this, 'apache', { data: { 'ports.conf': APACHE_PORTS, '000-default.conf': APACHE_SITE } });
    const writable = (name: string, path: string) => ({ volume: Volume.emptyDir(name, { sizeLimit: '16Mi' }), path });

    this.frontend = new RolloutWebService(this, 'frontend', {
      rollout: v.rollout,
      version: v.frontend.tag,
      image: (version) => `${v.frontend.repository}:${version}`,
      replicas: v.frontend.replicas,
      healthCheckPath: '/',
      // www-data of the Debian-based php:apache image
      podSecurity: { runAsUser: 33, runAsGroup: 33 },
      podLabels: REDIS_CLIENT,
      containers: [
        {
          name: 'php-redis',
          image: `${v.frontend.repository}:${v.frontend.tag}`,
          ports: [{ name: 'http', port: 8080 }],
          env: {
            // guestbook.php reads the Redis hosts from these with GET_HOSTS_FROM=env
            GET_HOSTS_FROM: EnvValue.fromValue('env'),
            REDIS_LEADER_SERVICE_HOST: EnvValue.fromValue(this.redis.leaderHost),
            REDIS_FOLLOWER_SERVICE_HOST: EnvValue.fromValue(this.redis.readHost),
            APACHE_RUN_DIR: EnvValue.fromValue('/var/run/apache2'),
            APACHE_LOCK_DIR: EnvValue.fromValue('/var/lock/apache2'),
            APACHE_LOG_DIR: EnvValue.fromValue('/var/log/apache2'),
          },
          resources: { cpu: { request: '100m', limit: '500m' }, memory: { request: '64Mi', limit: '128Mi' } },
          liveness: Probe.httpGet('/'),
          mounts: [
            { volume: Volume.fromSource('ports', apache, { items: { 'ports.conf': 'ports.conf' } }), path: '/etc/apache2/ports.conf', subPath: 'ports.conf' },
            { volume: Volume.fromSource('site', apache, { items: { '000-default.conf': '000-default.conf' } }), path: '/etc/apache2/sites-enabled' },
            writable('run', '/var/run/apache2'),
            writable('lock', '/var/lock/apache2'),
            writable('log', '/var/log/apache2'),
            writable('tmp', '/tmp'),
          ],
        },
      ],
      ingress: { hosts: [v.host], tlsSecret: Secret.fromName(v.tlsSecret) },
    });

    new NetworkPolicy(this, 'allow-ingress', {
      selector: this.frontend,
      ingress: [{ peers: [NetworkPeer.ingressController()], ports: [{ port: 'http' }] }],
    });
  }
}
