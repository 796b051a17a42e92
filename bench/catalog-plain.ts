import { ApiObject, Cron, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';

/**
 * The example catalog's apps (examples/*, with the values of each example's
 * prod environment) written with cdk8s-plus-28, for the benchmark's
 * realistic fleet (./catalog.ts): the same objects, kind for kind, with the
 * same containers, ports, environment, probes, resources, volumes, security
 * contexts, replicas, schedules and selectors. What cdk8s-plus-28 has no
 * construct for is written as its generated type (PodDisruptionBudget) or
 * an ApiObject (ExternalSecret), and a StatefulSet's volume claim template
 * as a JSON patch (its storage size a `k8s.Quantity`: KubeStatefulSet writes
 * the patched JSON through its converters, which drop a plain string). The
 * guestbook's Redis is the redis package's: both tracks of the frontend carry
 * its client label, which its NetworkPolicies admit. What differs:
 * chartwright's objects also carry the
 * recommended labels, checksums of the ConfigMaps they mount, startup
 * probes, anti-affinity and topology spread, and the release's notes; those
 * are not written here.
 */
type Build = (chart: Construct, release: string) => void;

const cpu = kplus.Cpu.millis;
const mi = Size.mebibytes;

function resources(cpuRequest: number, cpuLimit: number, memRequest: number, memLimit: number): kplus.ContainerResources {
  return { cpu: { request: cpu(cpuRequest), limit: cpu(cpuLimit) }, memory: { request: mi(memRequest), limit: mi(memLimit) } };
}

function emptyDir(scope: Construct, name: string, sizeMebibytes: number): kplus.Volume {
  return kplus.Volume.fromEmptyDir(scope, `${name}-volume`, name, { sizeLimit: mi(sizeMebibytes) });
}

/** The pod security of a workload that runs as `uid`. */
function runAs(uid: number, fsGroup = true): kplus.PodSecurityContextProps {
  return { user: uid, group: uid, ...(fsGroup ? { fsGroup: uid } : {}), ensureNonRoot: true };
}

function env(values: Record<string, string>, secrets: Record<string, [kplus.ISecret, string]> = {}): Record<string, kplus.EnvValue> {
  const out: Record<string, kplus.EnvValue> = {};
  for (const [k, v] of Object.entries(values)) out[k] = kplus.EnvValue.fromValue(v);
  for (const [k, [secret, key]] of Object.entries(secrets)) out[k] = kplus.EnvValue.fromSecretValue({ secret, key });
  return out;
}

function pdb(scope: Construct, id: string, workload: kplus.Workload): void {
  new kplus.k8s.KubePodDisruptionBudget(scope, id, {
    spec: { maxUnavailable: kplus.k8s.IntOrString.fromNumber(1), selector: { matchLabels: workload.matchLabels } },
  });
}

function ingressControllerPeer(scope: Construct): kplus.INetworkPolicyPeer {
  return kplus.Pods.select(scope, 'ingress-controller', {
    labels: { 'app.kubernetes.io/name': 'ingress-nginx' },
    namespaces: kplus.Namespaces.select(scope, 'ingress-namespace', { names: ['ingress-nginx'] }),
  });
}

function allowIngress(scope: Construct, id: string, selector: kplus.IPodSelector, peers: kplus.INetworkPolicyPeer[], port: number): void {
  const policy = new kplus.NetworkPolicy(scope, id, { selector, ingress: { default: kplus.NetworkPolicyTrafficDefault.DENY } });
  for (const peer of peers) policy.addIngressRule(peer, [kplus.NetworkPolicyPort.tcp(port)]);
}

function denyIngress(scope: Construct, id: string, selector: kplus.IPodSelector): void {
  new kplus.NetworkPolicy(scope, id, { selector, ingress: { default: kplus.NetworkPolicyTrafficDefault.DENY } });
}

function ingress(scope: Construct, service: kplus.Service, host: string, tlsSecret: string): void {
  new kplus.Ingress(scope, 'ingress', {
    rules: [{ host, path: '/', pathType: kplus.HttpIngressPathType.PREFIX, backend: kplus.IngressBackend.fromService(service) }],
    tls: [{ hosts: [host], secret: kplus.Secret.fromSecretName(scope, 'tls', tlsSecret) }],
  });
}

interface StatefulOptions {
  readonly replicas: number;
  readonly uid: number;
  readonly container: kplus.ContainerProps;
  readonly port: number;
  readonly data: { readonly path: string; readonly size: string };
}

/** A StatefulSet with its headless Service, a ClusterIP Service, and a volume claim template for its data. */
function statefulService(scope: Construct, id: string, o: StatefulOptions): { set: kplus.StatefulSet; service: kplus.Service } {
  const set = new kplus.StatefulSet(scope, id, {
    replicas: o.replicas,
    securityContext: runAs(o.uid),
    automountServiceAccountToken: false,
    containers: [{ ...o.container, securityContext: { user: o.uid, group: o.uid } }],
  });
  // a Quantity, not a string: the generated KubeStatefulSet writes the patched JSON through its converters, which drop a plain string there
  ApiObject.of(set).addJsonPatch(
    JsonPatch.add('/spec/volumeClaimTemplates', [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: kplus.k8s.Quantity.fromString(o.data.size) } } } }]),
    JsonPatch.add('/spec/template/spec/containers/0/volumeMounts/-', { name: 'data', mountPath: o.data.path }),
  );
  const service = new kplus.Service(scope, `${id}-service`, { selector: set, ports: [{ port: o.port, targetPort: o.port }] });
  return { set, service };
}

/** A Deployment of one container, its Service and a PodDisruptionBudget. */
function webDeployment(scope: Construct, id: string, replicas: number | undefined, uid: number, container: kplus.ContainerProps, fsGroup = true): kplus.Deployment {
  return new kplus.Deployment(scope, id, {
    replicas,
    securityContext: runAs(uid, fsGroup),
    automountServiceAccountToken: false,
    containers: [{ ...container, securityContext: { user: uid, group: uid } }],
  });
}

const APACHE_PORTS = 'Listen 8080\n';
const APACHE_SITE = ['<VirtualHost *:8080>', '    DocumentRoot /var/www/html', '    ErrorLog /dev/stderr', '    CustomLog /dev/stdout combined', '</VirtualHost>', ''].join('\n');

function apacheMounts(scope: Construct, config: kplus.ConfigMap): kplus.VolumeMount[] {
  return [
    { path: '/etc/apache2/ports.conf', subPath: 'ports.conf', volume: kplus.Volume.fromConfigMap(scope, 'ports', config, { name: 'ports', items: { 'ports.conf': { path: 'ports.conf' } } }) },
    { path: '/etc/apache2/sites-enabled', volume: kplus.Volume.fromConfigMap(scope, 'site', config, { name: 'site', items: { '000-default.conf': { path: '000-default.conf' } } }) },
  ];
}

function writable(scope: Construct, name: string, path: string, sizeMebibytes = 16): kplus.VolumeMount {
  return { path, volume: emptyDir(scope, name, sizeMebibytes) };
}

const guestbook: Build = (chart, release) => {
  // Redis admits the pods with this label, both tracks of the frontend (the redis package's `clients`)
  const redisClients = kplus.Pods.select(chart, 'redis-clients', { labels: { 'example.com/redis-client': 'guestbook' } });
  const redis = (id: string, replicas: number, command: string) =>
    statefulService(chart, id, {
      replicas,
      uid: 999,
      port: 6379,
      data: { path: '/data', size: '10Gi' },
      container: {
        name: 'redis',
        image: 'redis:7.4.1-alpine',
        command: ['sh', '-c', command],
        ports: [{ name: 'redis', number: 6379 }],
        resources: resources(100, 500, 128, 256),
        readiness: kplus.Probe.fromCommand(['redis-cli', 'ping'], { periodSeconds: Duration.seconds(5) }),
        volumeMounts: [writable(chart, `${id}-tmp`, '/tmp')],
      },
    });
  const leader = redis('redis-leader', 1, 'exec redis-server --appendonly yes --dir /data');
  const leaderHost = leader.service.name;
  const followers = redis('redis-follower', 2, `exec redis-server --dir /data --replicaof ${leaderHost} 6379`);
  pdb(chart, 'redis-follower-pdb', followers.set);
  const apache = new kplus.ConfigMap(chart, 'apache', { data: { 'ports.conf': APACHE_PORTS, '000-default.conf': APACHE_SITE } });
  const frontend = (id: string, replicas: number, tag: string) => {
    const d = webDeployment(chart, id, replicas, 33, {
      name: 'php-redis',
      image: `gcr.io/google_samples/gb-frontend:${tag}`,
      ports: [{ name: 'http', number: 8080 }],
      envVariables: env({
        GET_HOSTS_FROM: 'env',
        REDIS_LEADER_SERVICE_HOST: leaderHost,
        REDIS_FOLLOWER_SERVICE_HOST: followers.service.name,
        APACHE_RUN_DIR: '/var/run/apache2',
        APACHE_LOCK_DIR: '/var/lock/apache2',
        APACHE_LOG_DIR: '/var/log/apache2',
      }),
      resources: resources(100, 500, 64, 128),
      liveness: kplus.Probe.fromHttpGet('/', { port: 8080 }),
      readiness: kplus.Probe.fromHttpGet('/', { port: 8080 }),
      volumeMounts: [...apacheMounts(new Construct(chart, `${id}-apache`), apache), writable(chart, `${id}-run`, '/var/run/apache2'), writable(chart, `${id}-lock`, '/var/lock/apache2'), writable(chart, `${id}-log`, '/var/log/apache2'), writable(chart, `${id}-tmp`, '/tmp')],
    }, false);
    d.podMetadata.addLabel('app.kubernetes.io/instance', release);
    d.podMetadata.addLabel('app.kubernetes.io/component', 'frontend');
    d.podMetadata.addLabel('example.com/redis-client', 'guestbook');
    return d;
  };
  const stable = frontend('frontend-stable', 3, 'v5');
  frontend('frontend-canary', 1, 'v6');
  // one Service in front of both tracks
  const service = new kplus.Service(chart, 'frontend', { ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
  service.selectLabel('app.kubernetes.io/instance', release);
  service.selectLabel('app.kubernetes.io/component', 'frontend');
  pdb(chart, 'frontend-pdb', stable);
  ingress(chart, service, 'guestbook.example.com', 'guestbook-tls');
  allowIngress(chart, 'allow-ingress', stable, [ingressControllerPeer(chart)], 8080);
  allowIngress(chart, 'allow-redis-leader', leader.set, [redisClients, followers.set], 6379);
  allowIngress(chart, 'allow-redis-followers', followers.set, [redisClients], 6379);
};

/** MySQL: the server, its backup claim and CronJob, and their NetworkPolicies (mysql, and wordpress's database). */
function mysql(chart: Construct, release: string, o: { database: string; user: string; secret: string; storage: string; backup: string; keep: number }): string {
  const secret = kplus.Secret.fromSecretName(chart, 'mysql-secret', o.secret);
  const server = statefulService(chart, 'mysql-server', {
    replicas: 1,
    uid: 999,
    port: 3306,
    data: { path: '/var/lib/mysql', size: o.storage },
    container: {
      name: 'mysql',
      image: 'mysql:8.4.3',
      ports: [{ name: 'mysql', number: 3306 }],
      envVariables: env({ MYSQL_DATABASE: o.database, MYSQL_USER: o.user }, { MYSQL_ROOT_PASSWORD: [secret, 'root-password'], MYSQL_PASSWORD: [secret, 'password'] }),
      resources: resources(250, 1000, 512, 1024),
      readiness: kplus.Probe.fromCommand(['sh', '-c', 'mysqladmin ping -uroot -p"$MYSQL_ROOT_PASSWORD" --silent'], { periodSeconds: Duration.seconds(10) }),
      liveness: kplus.Probe.fromTcpSocket({ port: 3306 }),
      volumeMounts: [writable(chart, 'mysql-run', '/var/run/mysqld', 1), writable(chart, 'mysql-tmp', '/tmp', 256)],
    },
  });
  const host = server.service.name;
  const claim = new kplus.PersistentVolumeClaim(chart, 'backup', { storage: Size.gibibytes(parseInt(o.backup, 10)), accessModes: [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE] });
  const job = new kplus.CronJob(chart, 'backup-job', {
    schedule: Cron.schedule({ minute: '30', hour: '2' }),
    timeZone: 'Etc/UTC',
    concurrencyPolicy: kplus.ConcurrencyPolicy.FORBID,
    securityContext: runAs(999),
    automountServiceAccountToken: false,
    containers: [
      {
        name: 'dump',
        image: 'mysql:8.4.3',
        command: ['sh', '-c', `set -eu; f=/backup/all-$(date -u +%Y%m%dT%H%M%SZ).sql.gz; mysqldump -h ${host} -uroot -p"$MYSQL_ROOT_PASSWORD" --all-databases --single-transaction | gzip > "$f.part"; mv "$f.part" "$f"; ls -1t /backup/all-*.sql.gz | tail -n +${o.keep + 1} | xargs -r rm --`],
        envVariables: env({}, { MYSQL_ROOT_PASSWORD: [secret, 'root-password'] }),
        resources: resources(100, 500, 128, 256),
        securityContext: { user: 999, group: 999 },
        volumeMounts: [{ path: '/backup', volume: kplus.Volume.fromPersistentVolumeClaim(chart, 'backup-volume', claim) }, writable(chart, 'dump-tmp', '/tmp', 64)],
      },
    ],
  });
  denyIngress(chart, 'backup-no-ingress', job);
  allowIngress(chart, 'allow-clients', server.set, [kplus.Pods.select(chart, 'clients', { labels: { 'app.kubernetes.io/instance': release } })], 3306);
  return host;
}

const mysqlApp: Build = (chart, release) => {
  mysql(chart, release, { database: 'app', user: 'app', secret: 'mysql-credentials', storage: '50Gi', backup: '100Gi', keep: 14 });
};

const wordpress: Build = (chart, release) => {
  const dbHost = mysql(chart, release, { database: 'wordpress', user: 'wordpress', secret: 'wordpress-db', storage: '50Gi', backup: '100Gi', keep: 14 });
  const secret = kplus.Secret.fromSecretName(chart, 'db-secret', 'wordpress-db');
  const apache = new kplus.ConfigMap(chart, 'apache', { data: { 'ports.conf': APACHE_PORTS, '000-default.conf': APACHE_SITE } });
  const color = (id: string) => {
    const d = webDeployment(chart, id, 3, 33, {
      name: 'wordpress',
      image: 'wordpress:6.7.1-php8.3-apache',
      ports: [{ name: 'http', number: 8080 }],
      envVariables: env(
        { WORDPRESS_DB_HOST: dbHost, WORDPRESS_DB_NAME: 'wordpress', WORDPRESS_DB_USER: 'wordpress', APACHE_RUN_DIR: '/var/run/apache2', APACHE_LOCK_DIR: '/var/lock/apache2', APACHE_LOG_DIR: '/var/log/apache2' },
        { WORDPRESS_DB_PASSWORD: [secret, 'password'] },
      ),
      resources: resources(200, 1000, 256, 512),
      liveness: kplus.Probe.fromTcpSocket({ port: 8080 }),
      readiness: kplus.Probe.fromHttpGet('/wp-login.php', { port: 8080 }),
      volumeMounts: [
        ...apacheMounts(new Construct(chart, `${id}-apache`), apache),
        writable(chart, `${id}-html`, '/var/www/html', 512),
        { path: '/var/www/html/wp-content/uploads', volume: kplus.Volume.fromPersistentVolumeClaim(chart, `${id}-uploads`, kplus.PersistentVolumeClaim.fromClaimName(chart, `${id}-claim`, `${release}-uploads`)) },
        writable(chart, `${id}-run`, '/var/run/apache2'),
        writable(chart, `${id}-lock`, '/var/lock/apache2'),
        writable(chart, `${id}-log`, '/var/log/apache2'),
        writable(chart, `${id}-tmp`, '/tmp', 256),
      ],
    });
    d.podMetadata.addLabel('app.kubernetes.io/instance', release);
    d.podMetadata.addLabel('example.com/color', id);
    return d;
  };
  const blue = color('blue');
  color('green');
  const active = new kplus.Service(chart, 'wordpress', { ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
  active.selectLabel('example.com/color', 'blue');
  const preview = new kplus.Service(chart, 'wordpress-preview', { ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
  preview.selectLabel('example.com/color', 'green');
  pdb(chart, 'wordpress-pdb', blue);
  ingress(chart, active, 'blog.example.com', 'blog-tls');
  allowIngress(chart, 'allow-ingress', blue, [ingressControllerPeer(chart)], 8080);
};

const FLUENT_BIT_CONF = [
  '[SERVICE]', '    Flush         5', '    Log_Level     warn', '    Parsers_File  /fluent-bit/etc/parsers.conf', '    HTTP_Server   On', '    HTTP_Listen   0.0.0.0', '    HTTP_Port     2020', '    Health_Check  On', '',
  '[INPUT]', '    Name              tail', '    Path              /var/log/containers/*.log', '    multiline.parser  docker, cri', '    Tag               kube.*', '    DB                /var/fluent-bit/state/positions.db', '    Mem_Buf_Limit     5MB', '    Skip_Long_Lines   On', '',
  '[FILTER]', '    Name       kubernetes', '    Match      kube.*', '    Merge_Log  On', '',
  '[OUTPUT]', '    Name   forward', '    Match  *', '    Host   fluentd.logging.svc', '    Port   24224', '',
].join('\n');

const logAgent: Build = (chart) => {
  const config = new kplus.ConfigMap(chart, 'config', { data: { 'fluent-bit.conf': FLUENT_BIT_CONF } });
  const account = new kplus.ServiceAccount(chart, 'agent', { automountToken: true });
  const role = new kplus.ClusterRole(chart, 'agent-role');
  role.allowRead(kplus.ApiResource.PODS, kplus.ApiResource.NAMESPACES);
  role.bind(account);
  const agent = new kplus.DaemonSet(chart, 'fluent-bit', {
    serviceAccount: account,
    automountServiceAccountToken: true,
    securityContext: { ensureNonRoot: false, user: 0, group: 0 },
    containers: [
      {
        name: 'fluent-bit',
        image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.2',
        securityContext: { ensureNonRoot: false, user: 0, group: 0 },
        ports: [{ name: 'http', number: 2020 }],
        resources: resources(50, 500, 64, 128),
        liveness: kplus.Probe.fromHttpGet('/', { port: 2020 }),
        readiness: kplus.Probe.fromHttpGet('/api/v1/health', { port: 2020 }),
        volumeMounts: [
          { path: '/fluent-bit/etc/fluent-bit.conf', subPath: 'fluent-bit.conf', volume: kplus.Volume.fromConfigMap(chart, 'config-volume', config) },
          { path: '/var/fluent-bit/state', volume: kplus.Volume.fromHostPath(chart, 'state', 'state', { path: '/var/lib/fluent-bit', type: kplus.HostPathVolumeType.DIRECTORY_OR_CREATE }) },
          { path: '/var/log', readOnly: true, volume: kplus.Volume.fromHostPath(chart, 'logs', 'logs', { path: '/var/log' }) },
          writable(chart, 'tmp', '/tmp'),
        ],
      },
    ],
  });
  agent.scheduling.tolerate(kplus.Node.tainted(kplus.NodeTaintQuery.any()));
};

/** Postgres: an ExternalSecret for its password, the server and its NetworkPolicy (postgres, and api's database). */
function postgres(chart: Construct, release: string, o: { database: string; user: string; vaultPath: string; clients: Record<string, string> }): { host: string; secret: kplus.ISecret } {
  const credentials = new ApiObject(chart, 'credentials', {
    apiVersion: 'external-secrets.io/v1beta1',
    kind: 'ExternalSecret',
    metadata: {},
    spec: { secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' }, target: { name: `${release}-credentials` }, data: [{ secretKey: 'password', remoteRef: { key: o.vaultPath } }] },
  });
  const secret = kplus.Secret.fromSecretName(chart, 'credentials-secret', credentials.name);
  const server = statefulService(chart, 'postgres-server', {
    replicas: 1,
    uid: 999,
    port: 5432,
    data: { path: '/var/lib/postgresql/data', size: '100Gi' },
    container: {
      name: 'postgres',
      image: 'postgres:17.2-bookworm',
      ports: [{ name: 'postgres', number: 5432 }],
      envVariables: env({ POSTGRES_DB: o.database, POSTGRES_USER: o.user, PGDATA: '/var/lib/postgresql/data/pgdata' }, { POSTGRES_PASSWORD: [secret, 'password'] }),
      resources: resources(250, 1000, 256, 1024),
      readiness: kplus.Probe.fromCommand(['sh', '-c', `pg_isready -U ${o.user} -d ${o.database} -h 127.0.0.1`], { periodSeconds: Duration.seconds(5) }),
      liveness: kplus.Probe.fromTcpSocket({ port: 5432 }),
      volumeMounts: [writable(chart, 'pg-run', '/var/run/postgresql', 1), writable(chart, 'pg-tmp', '/tmp', 64)],
    },
  });
  allowIngress(chart, 'allow-clients', server.set, [kplus.Pods.select(chart, 'clients', { labels: o.clients })], 5432);
  return { host: server.service.name, secret };
}

const postgresApp: Build = (chart, release) => {
  postgres(chart, release, { database: 'app', user: 'app', vaultPath: 'prod/postgres', clients: { 'app.kubernetes.io/instance': release } });
};

const api: Build = (chart, release) => {
  const client = { 'example.com/database-client': 'api' };
  const db = postgres(chart, release, { database: 'api', user: 'api', vaultPath: 'prod/api/postgres', clients: client });
  const connection = { values: { PGHOST: db.host, PGDATABASE: 'api', PGUSER: 'api' }, secrets: { PGPASSWORD: [db.secret, 'password'] as [kplus.ISecret, string] } };
  const migrations = new kplus.ConfigMap(chart, 'migrations', {
    data: { '001-todos.sql': 'CREATE SCHEMA IF NOT EXISTS api;\nCREATE TABLE IF NOT EXISTS api.todos (id bigserial PRIMARY KEY, task text NOT NULL, done boolean NOT NULL DEFAULT false);\n' },
  });
  const migrate = new kplus.Job(chart, 'migrate', {
    metadata: { annotations: { 'helm.sh/hook': 'post-install,post-upgrade' } },
    backoffLimit: 6,
    securityContext: runAs(999, false),
    automountServiceAccountToken: false,
    containers: [
      {
        name: 'migrate',
        image: 'postgres:17.2-bookworm',
        command: ['sh', '-c', 'until pg_isready -t 5; do sleep 2; done; for f in /migrations/*.sql; do psql -v ON_ERROR_STOP=1 -f "$f"; done'],
        envVariables: env(connection.values, connection.secrets),
        resources: resources(50, 200, 64, 128),
        securityContext: { user: 999, group: 999 },
        volumeMounts: [{ path: '/migrations', volume: kplus.Volume.fromConfigMap(chart, 'migrations-volume', migrations) }, writable(chart, 'migrate-tmp', '/tmp')],
      },
    ],
  });
  migrate.podMetadata.addLabel('example.com/database-client', 'api');
  // no replicas: the autoscaler sets them
  const web = webDeployment(chart, 'api', undefined, 1000, {
    name: 'postgrest',
    image: 'postgrest/postgrest:v12.2.3',
    ports: [{ name: 'http', number: 3000 }, { name: 'admin', number: 3001 }],
    envVariables: env({ ...connection.values, PGRST_DB_URI: 'postgres://', PGRST_DB_SCHEMAS: 'api', PGRST_DB_ANON_ROLE: 'api', PGRST_ADMIN_SERVER_PORT: '3001' }, connection.secrets),
    resources: resources(100, 500, 64, 256),
    liveness: kplus.Probe.fromHttpGet('/live', { port: 3001 }),
    readiness: kplus.Probe.fromHttpGet('/ready', { port: 3001 }),
    volumeMounts: [writable(chart, 'api-tmp', '/tmp')],
  }, false);
  web.podMetadata.addLabel('example.com/database-client', 'api');
  const service = web.exposeViaService({ name: `${release}-api`, ports: [{ port: 80, targetPort: 3000, name: 'http' }] });
  new kplus.HorizontalPodAutoscaler(chart, 'autoscaler', { target: web, minReplicas: 3, maxReplicas: 20, metrics: [kplus.Metric.resourceCpu(kplus.MetricTarget.averageUtilization(70))] });
  pdb(chart, 'api-pdb', web);
  ingress(chart, service, 'api.example.com', 'api-tls');
  denyIngress(chart, 'migrate-no-ingress', migrate);
  allowIngress(chart, 'allow-ingress', web, [ingressControllerPeer(chart)], 3000);
};

const statusPage: Build = (chart, release) => {
  const page = new kplus.ConfigMap(chart, 'page', {
    data: {
      'index.html': '<!doctype html>\n<title>Status</title>\n<h1>All systems operational</h1>\n',
      'default.conf': 'server {\n    listen 8080;\n    location / {\n        root /usr/share/nginx/html;\n    }\n}\n',
    },
  });
  const cache = webDeployment(chart, 'cache', 1, 999, {
    name: 'redis',
    image: 'redis:7.4.1-alpine',
    portNumber: 6379,
    resources: resources(50, 200, 64, 128),
    readiness: kplus.Probe.fromTcpSocket({ port: 6379 }),
    liveness: kplus.Probe.fromTcpSocket({ port: 6379, failureThreshold: 6 }),
    volumeMounts: [{ path: '/data', volume: kplus.Volume.fromEmptyDir(chart, 'cache-data', 'data') }],
  }, false);
  new kplus.Service(chart, 'cache-service', { selector: cache, ports: [{ port: 6379 }] });
  const web = webDeployment(chart, 'web', 3, 101, {
    name: 'nginx',
    image: 'nginx:1.27.3-alpine',
    ports: [{ name: 'http', number: 8080 }],
    resources: resources(50, 200, 32, 64),
    liveness: kplus.Probe.fromHttpGet('/', { port: 8080 }),
    readiness: kplus.Probe.fromHttpGet('/', { port: 8080 }),
    volumeMounts: [
      { path: '/usr/share/nginx/html', volume: kplus.Volume.fromConfigMap(chart, 'page-volume', page, { name: 'page', items: { 'index.html': { path: 'index.html' } } }) },
      { path: '/etc/nginx/conf.d', volume: kplus.Volume.fromConfigMap(chart, 'conf-volume', page, { name: 'conf', items: { 'default.conf': { path: 'default.conf' } } }) },
      writable(chart, 'tmp', '/tmp', 64),
    ],
  }, false);
  const service = web.exposeViaService({ name: `${release}-web`, ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
  pdb(chart, 'web-pdb', web);
  ingress(chart, service, 'status.example.com', 'status-tls');
  allowIngress(chart, 'cache-from-web', cache, [web], 6379);
  allowIngress(chart, 'web-from-ingress', web, [ingressControllerPeer(chart)], 8080);
};

/** Each app of the catalog by its release name in ./catalog.ts. */
export const CATALOG_PLAIN: Readonly<Record<string, Build>> = {
  guestbook,
  mysql: mysqlApp,
  blog: wordpress,
  'log-agent': logAgent,
  postgres: postgresApp,
  api,
  'status-page': statusPage,
};
