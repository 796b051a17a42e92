import * as fs from 'fs';
import * as path from 'path';
import { REPO } from '../support/project';
import { readObjects, scratch } from './kube';
import { NPM_FLAGS, attempt, chartwright, chartwrightBin, npm } from './npm';

/**
 * The example packages as a platform team publishes them and an application
 * team uses them: chartwright and each of examples/{mysql,redis,postgres}
 * packed into tarballs; each package's own tests run against the packed
 * chartwright; then a fresh app project (`chartwright init app`) installs
 * the package tarballs, uses them in releases with values overrides,
 * synthesizes, validates, reads their values docs and is type-checked with
 * their types. Nothing comes from the registry but third-party packages
 * through the npm cache (see ./npm.ts); no cluster is needed.
 */
const PACKAGES = ['mysql', 'redis', 'postgres'] as const;

const APP = (cacheValues: string) => `import { Platform, release } from 'chartwright';
import { MySql } from '@chartwright-examples/mysql';
import { Postgres } from '@chartwright-examples/postgres';
import { Redis } from '@chartwright-examples/redis';

export default new Platform({
  environments: {
    dev: {
      namespace: 'shop-dev',
      releases: {
        orders: release(MySql, { values: { database: 'orders', storageSize: '2Gi', backup: { enabled: false } } }),
        cache: release(Redis, { values: ${cacheValues} }),
        accounts: release(Postgres, { values: { database: 'accounts', user: 'accounts' } }),
      },
    },
    prod: {
      namespace: 'shop',
      profile: 'prod',
      releases: {
        orders: release(MySql, { values: { database: 'orders', storageSize: '50Gi', backup: { keep: 30 } } }),
        cache: release(Redis, { values: { followers: 2, clients: { 'app.kubernetes.io/instance': 'orders' } } }),
        accounts: release(Postgres, { values: { database: 'accounts', user: 'accounts', password: { vaultPath: 'prod/accounts' } } }),
      },
    },
  },
});
`;

describe('published packages: packed, installed into a fresh app project, used from there', () => {
  const { dir, remove } = scratch();
  let chartwrightTarball = '';
  const tarballs: Record<string, string> = {};
  let app = '';
  beforeAll(() => {
    const [packed] = JSON.parse(npm(REPO, 'pack', '--json', '--pack-destination', dir, '--loglevel', 'error'));
    chartwrightTarball = path.join(dir, packed.filename);
  }, 600_000);
  afterAll(() => remove());

  test.each(PACKAGES)('%s: its own tests pass against the packed chartwright, and it packs to its build and README', (name) => {
    const project = path.join(dir, name);
    const source = path.join(REPO, 'examples', name);
    fs.cpSync(source, project, { recursive: true, filter: (file) => !['node_modules', 'build', 'dist'].includes(path.relative(source, file).split(path.sep)[0]) });
    npm(project, 'install', ...NPM_FLAGS, '--save-dev', chartwrightTarball);
    const tested = npm(project, 'test');
    expect(tested).toMatch(/^# fail 0$/m);
    expect(tested).toMatch(/^# pass [1-9]/m);
    const [packed] = JSON.parse(npm(project, 'pack', '--json', '--pack-destination', dir, '--loglevel', 'error'));
    expect(packed.files.map((f: { path: string }) => f.path).sort()).toEqual(['README.md', 'build/index.d.ts', 'build/index.js', 'package.json']);
    tarballs[name] = path.join(dir, packed.filename);
  }, 900_000); // install, tsc, synth, tests and build: about 2 min each alone, 4–5 on a loaded machine

  test('a fresh app project installs them and synthesizes its releases with their values overrides', () => {
    expect(Object.keys(tarballs).sort()).toEqual([...PACKAGES].sort());
    app = path.join(dir, 'shop');
    fs.mkdirSync(app);
    npm(app, 'install', ...NPM_FLAGS, chartwrightTarball);
    chartwright(app, 'init', 'app', '.');
    npm(app, 'install', ...NPM_FLAGS, ...PACKAGES.map((p) => tarballs[p]));
    // the app's own releases: the installed packages instead of the starter's web package
    fs.rmSync(path.join(app, 'apps', 'web'), { recursive: true });
    fs.writeFileSync(path.join(app, 'apps', 'main.ts'), APP("{ followers: 0, storageSize: '2Gi' }"));

    chartwright(app, 'synth', '--out', 'dist');
    const dev = (release: string) => readObjects(path.join(app, 'dist', 'dev', `${release}.k8s.yaml`));
    const prod = (release: string) => readObjects(path.join(app, 'dist', 'prod', `${release}.k8s.yaml`));
    const kinds = (objects: any[]) => objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();
    const claim = (set: any) => set.spec.volumeClaimTemplates[0].spec.resources.requests.storage;

    expect(kinds(dev('orders'))).toEqual(['NetworkPolicy/orders-allow-clients', 'Service/orders-server', 'Service/orders-server-headless', 'StatefulSet/orders-server']);
    expect(claim(dev('orders').find((o) => o.kind === 'StatefulSet'))).toBe('2Gi');
    expect(prod('orders').find((o) => o.kind === 'CronJob').spec.jobTemplate.spec.template.spec.containers[0].command[2]).toContain('tail -n +31 ');
    expect(dev('cache').filter((o) => o.kind === 'StatefulSet').map((o) => [o.metadata.name, o.spec.replicas, claim(o)])).toEqual([['cache-leader', 1, '2Gi']]);
    expect(prod('cache').filter((o) => o.kind === 'StatefulSet').map((o) => [o.metadata.name, o.spec.replicas])).toEqual([['cache-leader', 1], ['cache-follower', 2]]);
    expect(prod('accounts').find((o) => o.kind === 'ExternalSecret').spec.data[0].remoteRef.key).toBe('prod/accounts');

    // a --set on the command line is the top layer, as for any release
    chartwright(app, 'synth', '--env', 'dev', '--release', 'cache', '--set', 'followers=1', '--out', 'dist-set');
    expect(readObjects(path.join(app, 'dist-set', 'dev', 'cache.k8s.yaml')).filter((o) => o.kind === 'StatefulSet')).toHaveLength(2);
  }, 600_000);

  test('the output validates with no findings at each environment profile', () => {
    expect(chartwright(app, 'validate', '--complete', '--profile', 'dev', 'dist/dev')).toMatch(/0 errors, 0 warnings/);
    expect(chartwright(app, 'validate', '--complete', '--profile', 'prod', 'dist/prod')).toMatch(/0 errors, 0 warnings/);
  }, 300_000);

  test("the installed packages' values docs come from their schemas, with the release's values", () => {
    const docs = chartwright(app, 'values', '--env', 'prod', '--release', 'orders', '--docs');
    expect(docs).toContain('| `backup.keep` | integer (≥ 1) | `7` | Dumps to keep; older ones are removed. |');
    expect(docs).toContain('| `existingSecret` |');
    const merged = chartwright(app, 'values', '--env', 'prod', '--release', 'cache');
    expect(merged).toMatch(/^followers: 2$/m);
  }, 300_000);

  test("the packages' types reach the consumer: a type error in a release's values fails tsc (naming the file and line) and synth (naming the value)", () => {
    const tsc = path.join(app, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(attempt(app, process.execPath, [tsc, '--noEmit']).code).toBe(0);

    fs.writeFileSync(path.join(app, 'apps', 'main.ts'), APP("{ followers: 'three' }"));
    const line = APP("{ followers: 'three' }").split('\n').findIndex((l) => l.includes("followers: 'three'")) + 1;
    const checked = attempt(app, process.execPath, [tsc, '--noEmit', '--pretty', 'false']);
    expect(checked.code).not.toBe(0);
    expect(checked.output).toContain(`apps/main.ts(${line},`);
    expect(checked.output).toMatch(/Type 'string' is not assignable to type 'number'/);

    const synth = attempt(app, process.execPath, [chartwrightBin(app), 'synth', '--out', 'dist-bad']);
    expect(synth.code).toBe(1);
    // the release's values are checked against the package's schema as the app builds, before its type check reports
    expect(synth.output).toContain('followers: expected number, got string "three"');
    expect(synth.output).toContain('apps/main.ts');
    expect(synth.output).not.toMatch(/\n\s+at /); // no stack trace
    expect(fs.existsSync(path.join(app, 'dist-bad'))).toBe(false);
  }, 300_000);
});
