import { Construct } from 'constructs';
import { z } from 'zod';
import { CronJob, EnvValue, NetworkPeer, NetworkPolicy, Package, PackageProps, PersistentVolumeClaim, Probe, Secret, StatefulService, Volume } from 'chartwright';

const size = z.string().regex(/^[0-9]+(Mi|Gi|Ti)$/);

/** Values of the mysql package. */
export const mysqlValues = z.object({
  enabled: z.boolean().default(true).describe('Whether a package that includes this one runs it (its `condition`).'),
  image: z.string().min(1).default('mysql:8.4.3').describe('MySQL image, pinned.'),
  database: z.string().regex(/^[A-Za-z0-9_]{1,64}$/).default('app').describe('A database made on first start.'),
  user: z.string().regex(/^[A-Za-z0-9_]{1,32}$/).default('app').describe('A user made on first start, with all rights on `database`.'),
  existingSecret: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/)
    .default('mysql-credentials')
    .describe('An existing Secret with the keys `root-password` and `password` (of `user`); it never lives in the repo.'),
  storageSize: size.default('8Gi').describe('The volume of the database files.'),
  storageClassName: z.string().optional().describe("StorageClass of the volumes; the cluster's default when unset."),
  clients: z.record(z.string(), z.string()).optional().describe("Labels of the pods that may connect; the release's own pods when unset."),
  backup: z
    .object({
      enabled: z.boolean().default(true).describe('A CronJob that dumps every database to a volume.'),
      schedule: z.string().default('30 2 * * *').describe('When, as a cron schedule (UTC).'),
      storageSize: size.default('8Gi').describe('The backup volume.'),
      keep: z.number().int().min(1).default(7).describe('Dumps to keep; older ones are removed.'),
    })
    .default({ enabled: true, schedule: '30 2 * * *', storageSize: '8Gi', keep: 7 })
    .describe('Nightly dumps to a PersistentVolumeClaim.'),
});

/**
 * mysql: one MySQL server as a StatefulSet with its own volume, its
 * passwords from a Secret outside the repo, a NetworkPolicy that admits only
 * its clients, and a nightly `mysqldump` to a PersistentVolumeClaim.
 *
 * The official image runs mysqld as its `mysql` user (uid 999); started as
 * that user it neither chowns nor switches users, so the pod runs as 999
 * with fsGroup 999 (the volumes become writable for it) and the socket
 * folder and /tmp on empty volumes under a read-only root filesystem.
 */
export class MySql extends Package<typeof mysqlValues> {
  static readonly metadata = { name: 'mysql', version: '1.0.0', appVersion: '8.4.3', description: 'MySQL with a volume, passwords from a Secret, a NetworkPolicy and nightly dumps.' };
  static readonly values = mysqlValues;

  readonly server: StatefulService;
  readonly backup?: CronJob;
  /** The host name clients connect to. */
  readonly host: string;

  constructor(scope: Construct, id: string, props: PackageProps<typeof mysqlValues> = {}) {
    super(scope, id, props);
    const v = this.values;
    const secret = Secret.fromName(v.existingSecret);
    const security = { runAsUser: 999, runAsGroup: 999, fsGroup: 999 };

    this.server = new StatefulService(this, 'server', {
      // one server: more replicas would be separate databases, not copies
      replicas: 1,
      podSecurity: security,
      containers: [
        {
          name: 'mysql',
          image: v.image,
          ports: [{ name: 'mysql', port: 3306 }],
          env: {
            MYSQL_ROOT_PASSWORD: EnvValue.fromSource(secret, 'root-password'),
            MYSQL_DATABASE: EnvValue.fromValue(v.database),
            MYSQL_USER: EnvValue.fromValue(v.user),
            MYSQL_PASSWORD: EnvValue.fromSource(secret, 'password'),
          },
          resources: { cpu: { request: '250m', limit: '1' }, memory: { request: '512Mi', limit: '1Gi' } },
          readiness: Probe.exec(['sh', '-c', 'mysqladmin ping -uroot -p"$MYSQL_ROOT_PASSWORD" --silent'], { periodSeconds: 10 }),
          liveness: Probe.tcp({ port: 'mysql' }),
          mounts: [
            { volume: Volume.emptyDir('run', { sizeLimit: '1Mi' }), path: '/var/run/mysqld' },
            { volume: Volume.emptyDir('tmp', { sizeLimit: '256Mi' }), path: '/tmp' },
          ],
        },
      ],
      storage: [{ name: 'data', mountPath: '/var/lib/mysql', size: v.storageSize, storageClassName: v.storageClassName }],
    });
    this.host = this.server.service!.name;

    if (v.backup.enabled) {
      const claim = new PersistentVolumeClaim(this, 'backup', { size: v.backup.storageSize, storageClass: v.storageClassName });
      this.backup = new CronJob(this, 'backup-job', {
        schedule: v.backup.schedule,
        timeZone: 'Etc/UTC',
        concurrencyPolicy: 'Forbid',
        podSecurity: security,
        containers: [
          {
            name: 'dump',
            image: v.image,
            command: [
              'sh',
              '-c',
              // a dump is complete or absent: written under a temporary name, renamed when done
              `set -eu; f=/backup/all-$(date -u +%Y%m%dT%H%M%SZ).sql.gz; mysqldump -h ${this.host} -uroot -p"$MYSQL_ROOT_PASSWORD" --all-databases --single-transaction | gzip > "$f.part"; mv "$f.part" "$f"; ls -1t /backup/all-*.sql.gz | tail -n +${v.backup.keep + 1} | xargs -r rm --`,
            ],
            env: { MYSQL_ROOT_PASSWORD: EnvValue.fromSource(secret, 'root-password') },
            resources: { cpu: { request: '100m', limit: '500m' }, memory: { request: '128Mi', limit: '256Mi' } },
            mounts: [
              { volume: Volume.fromClaim('backup', claim), path: '/backup' },
              { volume: Volume.emptyDir('tmp', { sizeLimit: '64Mi' }), path: '/tmp' },
            ],
          },
        ],
      });
    }

    // the dump pods serve nothing: no incoming traffic
    if (this.backup) new NetworkPolicy(this, 'backup-no-ingress', { selector: this.backup, ingress: [] });

    const clients = [NetworkPeer.pods(v.clients ?? { 'app.kubernetes.io/instance': this.releaseName })];
    new NetworkPolicy(this, 'allow-clients', { selector: this.server, ingress: [{ peers: clients, ports: [{ port: 'mysql' }] }] });
  }
}
