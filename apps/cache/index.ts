import { Construct } from 'constructs';
import { EnvValue, ExternalSecret, IConfigSource, NetworkPeer, NetworkPolicy, Package, PackageProps, Probe, Secret, StatefulService, Volume } from '../../lib';

/** Values of the cache package. */
export interface CacheValues {
  /** @default 'redis:7.4.1-alpine' */
  readonly image?: string;
  /** The volume each replica keeps its data on. @default '1Gi' */
  readonly storageSize?: string;
  /** @default - the cluster's default StorageClass */
  readonly storageClassName?: string;
  /**
   * Where the password comes from: an existing Secret with a `password` key,
   * or a path in the secret manager behind the `vault` ClusterSecretStore.
   * @default { existingSecret: 'redis-auth' }
   */
  readonly password?: { readonly existingSecret?: string; readonly vaultPath?: string };
  /** Labels of the pods that may connect. @default { 'app.kubernetes.io/instance': <release> } */
  readonly clients?: Record<string, string>;
}

/**
 * cache: Redis with append-only persistence on a PersistentVolumeClaim per
 * replica, its password from a Secret that does not live in the repo, and a
 * NetworkPolicy that admits only the release's own pods.
 */
export class Cache extends Package<CacheValues> {
  static readonly metadata = { name: 'cache', version: '1.0.0', appVersion: '7.4.1', description: 'Redis with persistence, a password from outside the repo and a NetworkPolicy.' };

  readonly redis: StatefulService;
  readonly password: IConfigSource;

  constructor(scope: Construct, id: string, props: PackageProps<CacheValues> = {}) {
    super(scope, id, props);
    const v = this.values;
    this.password = v.password?.vaultPath
      ? new ExternalSecret(this, 'auth', { store: { name: 'vault', kind: 'ClusterSecretStore' }, data: [{ secretKey: 'password', remoteKey: v.password.vaultPath }] })
      : Secret.fromName(v.password?.existingSecret ?? 'redis-auth');

    this.redis = new StatefulService(this, 'redis', {
      replicas: 1,
      podSecurity: { runAsUser: 999, runAsGroup: 999, fsGroup: 999 },
      containers: [
        {
          name: 'redis',
          image: v.image ?? 'redis:7.4.1-alpine',
          command: ['sh', '-c', 'exec redis-server --appendonly yes --dir /data --requirepass "$REDIS_PASSWORD"'],
          ports: [{ name: 'redis', port: 6379 }],
          env: { REDIS_PASSWORD: EnvValue.fromSource(this.password, 'password') },
          resources: { cpu: { request: '100m', limit: null }, memory: { request: '256Mi', limit: '256Mi' } },
          readiness: Probe.exec(['sh', '-c', 'redis-cli -a "$REDIS_PASSWORD" --no-auth-warning ping | grep -q PONG'], { periodSeconds: 5 }),
          mounts: [{ volume: Volume.emptyDir('tmp', { sizeLimit: '16Mi' }), path: '/tmp' }],
        },
      ],
      storage: [{ name: 'data', mountPath: '/data', size: v.storageSize ?? '1Gi', storageClassName: v.storageClassName }],
    });

    new NetworkPolicy(this, 'allow-clients', {
      selector: this.redis,
      ingress: [{ peers: [NetworkPeer.pods(v.clients ?? { 'app.kubernetes.io/instance': this.releaseName })], ports: [{ port: 'redis' }] }],
    });
  }
}
