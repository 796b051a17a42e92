import { Construct } from 'constructs';
import { z } from 'zod';
import { EnvValue, ExternalSecret, IConfigSource, NetworkPeer, NetworkPolicy, Package, PackageProps, Probe, Secret, StatefulService, Volume, statefulRolloutValues, statefulSetStrategyProps } from '../../lib';

/** Values of the cache package. */
export const cacheValues = z.object({
  image: z.string().min(1).default('redis:7.4.1-alpine').describe('Redis image, pinned.'),
  storageSize: z.string().regex(/^[0-9]+(Mi|Gi|Ti)$/).default('1Gi').describe('The volume each replica keeps its data on.'),
  storageClassName: z.string().optional().describe("StorageClass of the volumes; the cluster's default when unset."),
  password: z
    .object({
      existingSecret: z.string().default('redis-auth').describe('An existing Secret with a `password` key.'),
      vaultPath: z.string().optional().describe('A path in the secret manager behind the `vault` ClusterSecretStore; used instead of existingSecret when set.'),
    })
    .default({ existingSecret: 'redis-auth' })
    .describe('Where the password comes from; it never lives in the repo.'),
  clients: z.record(z.string(), z.string()).optional().describe('Labels of the pods that may connect; the release\'s own pods when unset.'),
  rollout: statefulRolloutValues,
});

/**
 * cache: Redis with append-only persistence on a PersistentVolumeClaim per
 * replica, its password from a Secret that does not live in the repo, and a
 * NetworkPolicy that admits only the release's own pods.
 */
export class Cache extends Package<typeof cacheValues> {
  static readonly metadata = { name: 'cache', version: '1.0.0', appVersion: '7.4.1', description: 'Redis with persistence, a password from outside the repo and a NetworkPolicy.' };
  static readonly values = cacheValues;

  readonly redis: StatefulService;
  readonly password: IConfigSource;

  constructor(scope: Construct, id: string, props: PackageProps<typeof cacheValues> = {}) {
    super(scope, id, props);
    const v = this.values;
    this.password = v.password.vaultPath
      ? new ExternalSecret(this, 'auth', { store: { name: 'vault', kind: 'ClusterSecretStore' }, data: [{ secretKey: 'password', remoteKey: v.password.vaultPath }] })
      : Secret.fromName(v.password.existingSecret);

    this.redis = new StatefulService(this, 'redis', {
      replicas: 1,
      ...statefulSetStrategyProps(v.rollout),
      podSecurity: { runAsUser: 999, runAsGroup: 999, fsGroup: 999 },
      containers: [
        {
          name: 'redis',
          image: v.image,
          command: ['sh', '-c', 'exec redis-server --appendonly yes --dir /data --requirepass "$REDIS_PASSWORD"'],
          ports: [{ name: 'redis', port: 6379 }],
          env: { REDIS_PASSWORD: EnvValue.fromSource(this.password, 'password') },
          resources: { cpu: { request: '100m', limit: '500m' }, memory: { request: '256Mi', limit: '256Mi' } },
          readiness: Probe.exec(['sh', '-c', 'redis-cli -a "$REDIS_PASSWORD" --no-auth-warning ping | grep -q PONG'], { periodSeconds: 5 }),
          mounts: [{ volume: Volume.emptyDir('tmp', { sizeLimit: '16Mi' }), path: '/tmp' }],
        },
      ],
      storage: [{ name: 'data', mountPath: '/data', size: v.storageSize, storageClassName: v.storageClassName }],
    });

    new NetworkPolicy(this, 'allow-clients', {
      selector: this.redis,
      ingress: [{ peers: [NetworkPeer.pods(v.clients ?? { 'app.kubernetes.io/instance': this.releaseName })], ports: [{ port: 'redis' }] }],
    });
  }
}
