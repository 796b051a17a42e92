import { Construct } from 'constructs';
import { z } from 'zod';
import { ConfigMap, EnvValue, Hook, NetworkPeer, NetworkPolicy, Package, PackageProps, Probe, Volume, WebService } from '../../lib';
import { Postgres } from '../postgres/src';

/** The label of the pods the database admits: the API's and the migration's. */
const DATABASE_CLIENT = { 'example.com/database-client': 'api' };

/** Values of the api package. */
export const apiValues = z.object({
  image: z.string().min(1).default('postgrest/postgrest:v12.2.3').describe('PostgREST image, pinned.'),
  minReplicas: z.number().int().min(1).default(2).describe('Fewest API pods the autoscaler keeps.'),
  maxReplicas: z.number().int().min(1).default(10).describe('Most API pods the autoscaler makes.'),
  cpuUtilization: z.number().int().min(10).max(100).default(70).describe('Average CPU use, in percent of the request, the autoscaler aims for.'),
  host: z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/).default('api.example.com').describe('Host name the Ingress answers for.'),
  tlsSecret: z.string().default('api-tls').describe('An existing kubernetes.io/tls Secret for the host, made outside the repo.'),
  schema: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('api').describe('The database schema the API serves; the migration makes it.'),
});

// The migration: idempotent SQL, run by psql from the Postgres image.
const MIGRATION = (schema: string) =>
  [
    `CREATE SCHEMA IF NOT EXISTS ${schema};`,
    `CREATE TABLE IF NOT EXISTS ${schema}.todos (id bigserial PRIMARY KEY, task text NOT NULL, done boolean NOT NULL DEFAULT false);`,
    '',
  ].join('\n');

/**
 * api: PostgREST, a REST API over a Postgres database, as a Deployment with
 * an autoscaler and a disruption budget, behind an Ingress with TLS; its
 * database the included `postgres` package with credentials from the
 * secret manager (an ExternalSecret), which only the API's pods (and the
 * migration) may reach; and a migration hook that brings the schema up to
 * date after each install and upgrade.
 */
export class Api extends Package<typeof apiValues> {
  static readonly metadata = { name: 'api', version: '1.0.0', appVersion: '12.2.3', description: 'PostgREST over Postgres with a migration hook, an autoscaler and a NetworkPolicy to the database.' };
  static readonly values = apiValues;
  // the database admits only pods with the client label, which this package gives the API and the migration
  static readonly dependencies = { postgres: { package: Postgres, values: { database: 'api', user: 'api', clients: DATABASE_CLIENT } } };

  readonly web: WebService;
  readonly migration: Hook;

  constructor(scope: Construct, id: string, props: PackageProps<typeof apiValues> = {}) {
    super(scope, id, props);
    const v = this.values;
    const db = this.dependencies.postgres as Postgres;
    const dbValues = db.values;
    const connection = {
      PGHOST: EnvValue.fromValue(db.host),
      PGDATABASE: EnvValue.fromValue(dbValues.database),
      PGUSER: EnvValue.fromValue(dbValues.user),
      PGPASSWORD: EnvValue.fromSource(db.password, 'password'),
    };
    const migrations = new ConfigMap(this, 'migrations', { data: { '001-todos.sql': MIGRATION(v.schema) } });
    const tmp = { volume: Volume.emptyDir('tmp', { sizeLimit: '16Mi' }), path: '/tmp' };

    this.migration = new Hook(this, 'migrate', {
      // after the deploy: with kubectl, pre hooks complete before anything
      // else is applied, so a first install's migration would wait for a
      // database that is not there yet. Migrations therefore only add
      // (expand first, remove in a later release) so the running version
      // works before and after them.
      on: ['postInstall', 'postUpgrade'],
      job: {
        backoffLimit: 6,
        podLabels: DATABASE_CLIENT,
        podSecurity: { runAsUser: 999, runAsGroup: 999 },
        containers: [
          {
            name: 'migrate',
            image: dbValues.image,
            // on a first install the database may still be starting
            command: ['sh', '-c', 'until pg_isready -t 5; do sleep 2; done; for f in /migrations/*.sql; do psql -v ON_ERROR_STOP=1 -f "$f"; done'],
            env: connection,
            resources: { cpu: { request: '50m', limit: '200m' }, memory: { request: '64Mi', limit: '128Mi' } },
            mounts: [{ volume: Volume.fromSource('migrations', migrations), path: '/migrations' }, tmp],
          },
        ],
      },
    });

    this.web = new WebService(this, 'api', {
      podLabels: DATABASE_CLIENT,
      // the image's user, not root
      podSecurity: { runAsUser: 1000, runAsGroup: 1000 },
      healthCheckPath: '/ready',
      autoscaling: { minReplicas: v.minReplicas, maxReplicas: v.maxReplicas, cpuUtilization: v.cpuUtilization },
      containers: [
        {
          name: 'postgrest',
          image: v.image,
          ports: [{ name: 'http', port: 3000 }, { name: 'admin', port: 3001 }],
          env: {
            ...connection,
            PGRST_DB_URI: EnvValue.fromValue('postgres://'),
            PGRST_DB_SCHEMAS: EnvValue.fromValue(v.schema),
            PGRST_DB_ANON_ROLE: EnvValue.fromValue(dbValues.user),
            PGRST_ADMIN_SERVER_PORT: EnvValue.fromValue('3001'),
          },
          resources: { cpu: { request: '100m', limit: '500m' }, memory: { request: '64Mi', limit: '256Mi' } },
          liveness: Probe.httpGet('/live', { port: 'admin' }),
          readiness: Probe.httpGet('/ready', { port: 'admin' }),
          mounts: [tmp],
        },
      ],
      ingress: { hosts: [v.host], tlsSecret: v.tlsSecret },
    });

    // the migration's pods serve nothing: no incoming traffic
    new NetworkPolicy(this, 'migrate-no-ingress', { selector: this.migration.job, ingress: [] });

    new NetworkPolicy(this, 'allow-ingress', {
      selector: this.web,
      ingress: [{ peers: [NetworkPeer.ingressController()], ports: [{ port: 'http' }] }],
    });
  }
}
