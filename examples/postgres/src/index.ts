import { Construct } from 'constructs';
import { z } from 'zod';
import { EnvValue, ExternalSecret, IConfigSource, NetworkPeer, NetworkPolicy, Package, PackageProps, Probe, Secret, StatefulService, Volume } from 'chartwright';

/** Values of the postgres package. */
export const postgresValues = z.object({
  image: z.string().min(1).default('postgres:17.2-bookworm').describe('Postgres image (the Debian one, whose postgres user is uid 999), pinned.'),
  database: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).default('app').describe('The database made on first start.'),
  user: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).default('app').describe('The user made on first start, owner of `database`.'),
  password: z
    .object({
      existingSecret: z.string().default('postgres-credentials').describe('An existing Secret with a `password` key.'),
      vaultPath: z.string().optional().describe('A path in the secret manager behind the `vault` ClusterSecretStore: an ExternalSecret makes the Secret instead.'),
    })
    .default({ existingSecret: 'postgres-credentials' })
    .describe('Where the password comes from; it never lives in the repo.'),
  storageSize: z.string().regex(/^[0-9]+(Mi|Gi|Ti)$/).default('8Gi').describe('The volume of the database files.'),
  storageClassName: z.string().optional().describe("StorageClass of the volume; the cluster's default when unset."),
  clients: z.record(z.string(), z.string()).optional().describe("Labels of the pods that may connect; the release's own pods when unset."),
});

/**
 * postgres: one Postgres server as a StatefulService with its own volume,
 * its password from a Secret outside the repo (or an ExternalSecret), and a
 * NetworkPolicy admitting only its clients.
 *
 * The image runs postgres as uid 999: the pod runs as 999 with fsGroup 999,
 * the data in a subfolder of the volume (initdb wants an empty folder, and a
 * volume's root may hold lost+found), the socket folder and /tmp on empty
 * volumes under a read-only root filesystem.
 */
export class Postgres extends Package<typeof postgresValues> {
  static readonly metadata = { name: 'postgres', version: '1.0.0', appVersion: '17.2', description: 'Postgres with a volume, a password from outside the repo and a NetworkPolicy.' };
  static readonly values = postgresValues;

  readonly server: StatefulService;
  /** The Secret (or ExternalSecret) with the `password` key. */
  readonly password: IConfigSource;
  /** The host name clients connect to. */
  readonly host: string;

  constructor(scope: Construct, id: string, props: PackageProps<typeof postgresValues> = {}) {
    super(scope, id, props);
    const v = this.values;
    this.password = v.password.vaultPath
      ? new ExternalSecret(this, 'credentials', { store: { name: 'vault', kind: 'ClusterSecretStore' }, data: [{ secretKey: 'password', remoteKey: v.password.vaultPath }] })
      : Secret.fromName(v.password.existingSecret);

    this.server = new StatefulService(this, 'server', {
      // one server: more replicas would be separate databases, not copies
      replicas: 1,
      podSecurity: { runAsUser: 999, runAsGroup: 999, fsGroup: 999 },
      containers: [
        {
          name: 'postgres',
          image: v.image,
          ports: [{ name: 'postgres', port: 5432 }],
          env: {
            POSTGRES_DB: EnvValue.fromValue(v.database),
            POSTGRES_USER: EnvValue.fromValue(v.user),
            POSTGRES_PASSWORD: EnvValue.fromSource(this.password, 'password'),
            PGDATA: EnvValue.fromValue('/var/lib/postgresql/data/pgdata'),
          },
          resources: { cpu: { request: '250m', limit: '1' }, memory: { request: '256Mi', limit: '1Gi' } },
          readiness: Probe.exec(['sh', '-c', `pg_isready -U ${v.user} -d ${v.database} -h 127.0.0.1`], { periodSeconds: 5 }),
          liveness: Probe.tcp({ port: 'postgres' }),
          mounts: [
            { volume: Volume.emptyDir('run', { sizeLimit: '1Mi' }), path: '/var/run/postgresql' },
            { volume: Volume.emptyDir('tmp', { sizeLimit: '64Mi' }), path: '/tmp' },
          ],
        },
      ],
      storage: [{ name: 'data', mountPath: '/var/lib/postgresql/data', size: v.storageSize, storageClassName: v.storageClassName }],
    });
    this.host = this.server.service!.name;

    new NetworkPolicy(this, 'allow-clients', {
      selector: this.server,
      ingress: [{ peers: [NetworkPeer.pods(v.clients ?? { 'app.kubernetes.io/instance': this.releaseName })], ports: [{ port: 'postgres' }] }],
    });
  }
}
