import * as path from 'path';
import { KubeObject, renderEnvironment } from '../../lib';
import { loadPlatform } from '../../lib/synth/load';
import { find, userError } from '../support/render';

const DIR = path.join(__dirname, '..', '..', 'examples', 'wordpress');

/** Release "blog" of an environment of examples/wordpress/platform.ts with these --set expressions, as `chartwright synth` renders it. */
function blog(env: string, ...sets: string[]): KubeObject[] {
  const platform = loadPlatform(path.join(DIR, 'platform.ts'));
  const rendered = renderEnvironment(platform, env, { values: { root: DIR, commandLine: { files: [], sets, releases: ['blog'] } } });
  return rendered.releases.find((r) => r.name === 'blog')!.objects as KubeObject[];
}

const env = (container: any, name: string) => container.env.find((e: any) => e.name === name);

describe('wordpress example: MySQL as a dependency', () => {
  test('the included MySQL takes the database and user the parent gives it, and WordPress connects to it', () => {
    const objects = blog('dev');
    const mysql = find(objects, 'StatefulSet', 'blog-mysql-server').spec.template.spec;
    expect(env(mysql.containers[0], 'MYSQL_DATABASE').value).toBe('wordpress');
    expect(env(mysql.containers[0], 'MYSQL_USER').value).toBe('wordpress');
    expect(env(mysql.containers[0], 'MYSQL_PASSWORD').valueFrom.secretKeyRef).toEqual({ name: 'wordpress-db', key: 'password' });
    expect(mysql.securityContext).toMatchObject({ runAsUser: 999, fsGroup: 999 });
    const wp = find(objects, 'Deployment', 'blog-wordpress').spec.template.spec;
    expect(env(wp.containers[0], 'WORDPRESS_DB_HOST').value).toBe('blog-mysql-server');
    expect(wp.securityContext).toMatchObject({ runAsUser: 33, fsGroup: 33 });
  });

  test('mysql.enabled=false drops MySQL and its backup; WordPress uses the external database', () => {
    const objects = blog('staging', 'mysql.enabled=false', 'database.host=db.internal:3306');
    expect(objects.filter((o) => (o.metadata.name ?? '').startsWith('blog-mysql'))).toEqual([]);
    const wp = find(objects, 'Deployment', 'blog-wordpress').spec.template.spec;
    expect(env(wp.containers[0], 'WORDPRESS_DB_HOST').value).toBe('db.internal:3306');
  });

  test('mysql.enabled=false without database.host is an error naming the value', () => {
    expect(userError(() => blog('staging', 'mysql.enabled=false'))).toMatch(/database\.host is empty: with mysql\.enabled false, give the host of an external MySQL/);
  });

  test('prod: blue/green, the backup CronJob dumps to its own claim, and only the release reaches MySQL', () => {
    const objects = blog('prod');
    expect(objects.filter((o) => o.kind === 'Deployment').map((o) => o.metadata.name).sort()).toEqual(['blog-wordpress-blue', 'blog-wordpress-green']);
    const job = find(objects, 'CronJob', 'blog-mysql-backup-job').spec.jobTemplate.spec.template.spec;
    expect(job.volumes.find((v: any) => v.name === 'backup').persistentVolumeClaim.claimName).toBe('blog-mysql-backup');
    expect(job.containers[0].command[2]).toContain('mysqldump -h blog-mysql-server');
    const policy = find(objects, 'NetworkPolicy', 'blog-mysql-allow-clients').spec;
    expect(policy.ingress[0].from).toEqual([{ podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'blog' } } }]);
  });
});
