import { Construct } from 'constructs';
import { z } from 'zod';
import { ConfigMap, EnvValue, NetworkPeer, NetworkPolicy, Package, PackageProps, Probe, RolloutWebService, Secret, UserError, Volume, rolloutValues } from '../../lib';
import { MySql } from '../mysql/src';

const dnsName = z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/);

/** Values of the wordpress package. */
export const wordpressValues = z.object({
  replicas: z.number().int().min(1).max(20).default(2).describe('WordPress pods to run.'),
  repository: z.string().min(1).default('wordpress').describe('Image repository.'),
  tag: z.string().min(1).default('6.7.1-php8.3-apache').describe('Image tag running now; pin a version, never `latest`.'),
  host: dnsName.default('blog.example.com').describe('Host name the Ingress answers for.'),
  tlsSecret: dnsName.default('wordpress-tls').describe('An existing kubernetes.io/tls Secret for the host, made outside the repo.'),
  database: z
    .object({
      host: z.string().default('').describe('With `mysql.enabled: false`: the host (and `:port`) of an external MySQL.'),
      name: z.string().default('wordpress').describe('The database; given to the included MySQL too.'),
      user: z.string().default('wordpress').describe('The database user; given to the included MySQL too.'),
      existingSecret: dnsName
        .default('wordpress-db')
        .describe('An existing Secret with the key `password` (of `user`), and `root-password` for the included MySQL.'),
    })
    .default({ host: '', name: 'wordpress', user: 'wordpress', existingSecret: 'wordpress-db' })
    .describe('The database WordPress uses: the included MySQL, or an external one.'),
  uploadsClaim: z
    .string()
    .optional()
    .describe('An existing ReadWriteMany PersistentVolumeClaim for `wp-content/uploads`; unset: uploads live in the pod and are lost with it.'),
  rollout: rolloutValues,
});

// The image's Apache listens on 80, which its www-data user (uid 33) may not
// bind: it listens on 8080, with its pid, lock and log files in writable
// empty folders (the image's envvars file reads these variables when set).
const APACHE_PORTS = 'Listen 8080\n';
const APACHE_SITE = ['<VirtualHost *:8080>', '    DocumentRoot /var/www/html', '    ErrorLog /dev/stderr', '    CustomLog /dev/stdout combined', '</VirtualHost>', ''].join('\n');

/**
 * wordpress: WordPress behind a Service and an Ingress with TLS, with its
 * database from the included `mysql` package (`mysql.enabled`, the
 * default) or an external MySQL (`database.host`).
 */
export class WordPress extends Package<typeof wordpressValues> {
  static readonly metadata = { name: 'wordpress', version: '1.0.0', appVersion: '6.7.1', description: 'WordPress behind an Ingress with TLS, with its own MySQL or an external one.' };
  static readonly values = wordpressValues;
  // the parent gives MySQL its database, user and Secret; the user's
  // `mysql.*` values still override them
  static readonly dependencies = {
    mysql: { package: MySql, condition: 'mysql.enabled', values: { database: 'wordpress', user: 'wordpress', existingSecret: 'wordpress-db' } },
  };

  readonly web: RolloutWebService;

  constructor(scope: Construct, id: string, props: PackageProps<typeof wordpressValues> = {}) {
    super(scope, id, props);
    const v = this.values;
    const mysql = this.dependencies.mysql as MySql | undefined;
    const dbHost = mysql ? mysql.host : v.database.host;
    if (!dbHost) {
      throw new UserError(`release "${this.releaseName}": values database.host is empty: with mysql.enabled false, give the host of an external MySQL`, {
        field: 'database.host',
        given: v.database.host,
        expected: 'the host of an external MySQL when mysql.enabled is false',
      });
    }
    const secret = Secret.fromName(v.database.existingSecret);
    const apache = new ConfigMap(this, 'apache', { data: { 'ports.conf': APACHE_PORTS, '000-default.conf': APACHE_SITE } });
    const writable = (name: string, path: string, sizeLimit = '16Mi') => ({ volume: Volume.emptyDir(name, { sizeLimit }), path });

    this.web = new RolloutWebService(this, 'wordpress', {
      rollout: v.rollout,
      version: v.tag,
      image: (version) => `${v.repository}:${version}`,
      replicas: v.replicas,
      healthCheckPath: '/wp-login.php',
      // www-data; fsGroup makes the empty folders its own
      podSecurity: { runAsUser: 33, runAsGroup: 33, fsGroup: 33 },
      containers: [
        {
          name: 'wordpress',
          image: `${v.repository}:${v.tag}`,
          ports: [{ name: 'http', port: 8080 }],
          env: {
            WORDPRESS_DB_HOST: EnvValue.fromValue(dbHost),
            WORDPRESS_DB_NAME: EnvValue.fromValue(v.database.name),
            WORDPRESS_DB_USER: EnvValue.fromValue(v.database.user),
            WORDPRESS_DB_PASSWORD: EnvValue.fromSource(secret, 'password'),
            APACHE_RUN_DIR: EnvValue.fromValue('/var/run/apache2'),
            APACHE_LOCK_DIR: EnvValue.fromValue('/var/lock/apache2'),
            APACHE_LOG_DIR: EnvValue.fromValue('/var/log/apache2'),
          },
          resources: { cpu: { request: '200m', limit: '1' }, memory: { request: '256Mi', limit: '512Mi' } },
          liveness: Probe.tcp({ port: 'http' }),
          mounts: [
            { volume: Volume.fromSource('ports', apache, { items: { 'ports.conf': 'ports.conf' } }), path: '/etc/apache2/ports.conf', subPath: 'ports.conf' },
            { volume: Volume.fromSource('site', apache, { items: { '000-default.conf': '000-default.conf' } }), path: '/etc/apache2/sites-enabled' },
            // the entrypoint copies WordPress here on start and writes wp-config.php
            writable('html', '/var/www/html', '512Mi'),
            ...(v.uploadsClaim ? [{ volume: Volume.fromClaim('uploads', v.uploadsClaim), path: '/var/www/html/wp-content/uploads' }] : []),
            writable('run', '/var/run/apache2'),
            writable('lock', '/var/lock/apache2'),
            writable('log', '/var/log/apache2'),
            writable('tmp', '/tmp', '256Mi'),
          ],
        },
      ],
      ingress: { hosts: [v.host], tlsSecret: Secret.fromName(v.tlsSecret) },
    });

    new NetworkPolicy(this, 'allow-ingress', {
      selector: this.web,
      ingress: [{ peers: [NetworkPeer.ingressController()], ports: [{ port: 'http' }] }],
    });
  }
}
