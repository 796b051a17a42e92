import { Construct } from 'constructs';
import { z } from 'zod';
import { NetworkPeer, NetworkPolicy, Package, PackageProps, Probe, StatefulService, Volume } from 'chartwright';

/** Values of the redis package. */
export const redisValues = z.object({
  image: z.string().min(1).default('redis:7.4.1-alpine').describe('Redis image of the leader and the followers, pinned.'),
  followers: z.number().int().min(0).max(10).default(2).describe('Read replicas of the leader.'),
  storageSize: z.string().regex(/^[0-9]+(Mi|Gi|Ti)$/).default('1Gi').describe('The volume each Redis pod keeps its data on.'),
  storageClassName: z.string().optional().describe("StorageClass of the volumes; the cluster's default when unset."),
  clients: z.record(z.string(), z.string()).optional().describe("Labels of the pods that may connect; the release's own pods when unset."),
});

/**
 * redis: a Redis leader that takes the writes and followers that replicate
 * it and serve the reads, each a StatefulService with a volume per pod, and
 * NetworkPolicies that admit only the clients (and, to the leader, the
 * followers).
 *
 * The image runs redis-server as its `redis` user (uid 999): the pods run as
 * 999 with fsGroup 999 (the volumes become writable for it), `/tmp` on an
 * empty volume under a read-only root filesystem.
 */
export class Redis extends Package<typeof redisValues> {
  static readonly metadata = {
    name: 'redis',
    version: '1.0.0',
    appVersion: '7.4.1',
    description: 'A Redis leader and read-only followers, with a volume per pod and a NetworkPolicy.',
  };
  static readonly values = redisValues;

  readonly leader: StatefulService;
  readonly followers?: StatefulService;
  /** The host name clients write to. */
  readonly leaderHost: string;
  /** The host name clients read from: the followers', or the leader's when there are none. */
  readonly readHost: string;

  constructor(scope: Construct, id: string, props: PackageProps<typeof redisValues> = {}) {
    super(scope, id, props);
    const v = this.values;

    const redis = (command: string) => ({
      podSecurity: { runAsUser: 999, runAsGroup: 999, fsGroup: 999 },
      containers: [
        {
          name: 'redis',
          image: v.image,
          command: ['sh', '-c', command],
          ports: [{ name: 'redis', port: 6379 }],
          resources: { cpu: { request: '100m', limit: '500m' }, memory: { request: '128Mi', limit: '256Mi' } },
          readiness: Probe.exec(['redis-cli', 'ping'], { periodSeconds: 5 }),
          mounts: [{ volume: Volume.emptyDir('tmp', { sizeLimit: '16Mi' }), path: '/tmp' }],
        },
      ],
      storage: [{ name: 'data', mountPath: '/data', size: v.storageSize, storageClassName: v.storageClassName }],
    });

    this.leader = new StatefulService(this, 'leader', { replicas: 1, ...redis('exec redis-server --appendonly yes --dir /data') });
    this.leaderHost = this.leader.service!.name;
    if (v.followers > 0) {
      this.followers = new StatefulService(this, 'follower', {
        replicas: v.followers,
        ...redis(`exec redis-server --dir /data --replicaof ${this.leaderHost} 6379`),
      });
    }
    this.readHost = this.followers ? this.followers.service!.name : this.leaderHost;

    // the clients write to the leader and read from the followers; the
    // followers replicate from the leader; nothing else reaches Redis
    const clients = NetworkPeer.pods(v.clients ?? { 'app.kubernetes.io/instance': this.releaseName });
    new NetworkPolicy(this, 'allow-leader', {
      selector: this.leader,
      ingress: [{ peers: [clients, ...(this.followers ? [NetworkPeer.pods(this.followers)] : [])], ports: [{ port: 'redis' }] }],
    });
    if (this.followers) {
      new NetworkPolicy(this, 'allow-followers', { selector: this.followers, ingress: [{ peers: [clients], ports: [{ port: 'redis' }] }] });
    }
  }
}
