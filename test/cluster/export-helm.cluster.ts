import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { exportHelmChart } from '../../lib/export';
import { MAIN, SHOP } from '../export/fixture';
import { REPO, makeProject, runCli } from '../support/project';
import { HELM, describeCluster, keyOf, kubectl, kubectlOk, readObjects, scratch, synthApps } from './kube';
import { schemaValues } from './schema-values';

/**
 * `chartwright export helm` of the example apps (apps/main.ts), proved with
 * the real Helm: the chart lints strictly, `helm template` renders what
 * synth renders for the same values, and it installs, upgrades, rolls back
 * and packages against the suite's API server.
 */
const CHECKSUM = 'checksum/config';
/** The seed of the random value sets: CHARTWRIGHT_SEED=N repeats a run's sets (each run prints its seed). */
const SEED = process.env.CHARTWRIGHT_SEED ? Number(process.env.CHARTWRIGHT_SEED) : Math.floor(Math.random() * 2 ** 31);
// eslint-disable-next-line no-console
console.log(`export helm: random values with seed ${SEED} (CHARTWRIGHT_SEED=${SEED} repeats them)`);
const APP = path.join(REPO, 'apps', 'main.ts');

const helm = (args: string[]) => spawnSync(HELM, args, { encoding: 'utf8', timeout: 120_000 });
function helmOk(args: string[]): string {
  const result = helm(args);
  if (result.status !== 0) throw new Error(`helm ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return result.stdout;
}

/** Objects by `Kind/namespace/name`, without the checksum annotation (Helm hashes the config templates, synth the config itself: see docs/export-helm.md). */
function comparable(objects: any[]): Record<string, any> {
  const byKey: Record<string, any> = {};
  for (const obj of objects) {
    const copy = JSON.parse(JSON.stringify(obj));
    const annotations = copy.spec?.template?.metadata?.annotations;
    if (annotations) {
      expect(typeof annotations[CHECKSUM]).toBe('string');
      delete annotations[CHECKSUM];
    }
    byKey[keyOf(copy)] = copy;
  }
  return byKey;
}

/**
 * The API server's version (v1.37.2): `helm template` checks Chart.yaml's
 * kubeVersion against the version it is told, else against the default built
 * into Helm (v1.20.0 in a build without Helm's Makefile flags).
 */
let serverVersion: string | undefined;
const clusterVersion = () => (serverVersion ??= JSON.parse(kubectlOk(['version', '-o', 'json'])).serverVersion.gitVersion as string);
/** `helm template` for the test cluster's Kubernetes version. */
const template = (args: string[]) => helmOk(['template', '--kube-version', clusterVersion(), ...args]);

const parse = (text: string) => parseAllDocuments(text).map((d) => d.toJS()).filter((o) => o !== null);
const checksumOf = (objects: any[]) => objects.find((o) => o.kind === 'Deployment').spec.template.metadata.annotations[CHECKSUM];

describeCluster('export helm', () => {
  const { dir, remove } = scratch();
  afterAll(remove);
  const charts = path.join(dir, 'charts');
  let dev: ReturnType<typeof exportHelmChart>;

  beforeAll(() => {
    const cwd = process.cwd();
    process.chdir(REPO);
    try {
      dev = exportHelmChart({ app: APP, release: 'hello', env: 'dev', out: charts });
    } finally {
      process.chdir(cwd);
    }
  });

  test('the chart passes helm lint --strict and has its files', () => {
    const chart = dev.chart;
    for (const file of ['Chart.yaml', 'values.yaml', 'values.schema.json', 'README.md', 'templates/NOTES.txt']) expect(fs.existsSync(path.join(chart, file))).toBe(true);
    expect(fs.readFileSync(path.join(chart, 'values.yaml'), 'utf8')).toContain('# Image tag; pin a version, never `latest`. It is also the version label, so at most 63 characters.\n  tag: 1.27.3-alpine');
    expect(dev.parameterized).toEqual(expect.arrayContaining(['image.repository', 'image.tag', 'host', 'greeting', 'tlsSecret']));
    const lint = helm(['lint', '--strict', chart]);
    expect(lint.stdout + lint.stderr).toContain('0 chart(s) failed');
    expect(lint.status).toBe(0);
  });

  test.each(['dev', 'prod'])('helm template with the values of environment %s renders what synth renders', (env) => {
    const namespace = env === 'dev' ? 'hello-dev' : 'hello';
    const cwd = process.cwd();
    process.chdir(REPO);
    let chart: string;
    try {
      chart = exportHelmChart({ app: APP, release: 'hello', env, out: path.join(dir, `charts-${env}`) }).chart;
    } finally {
      process.chdir(cwd);
    }
    const out = path.join(dir, `synth-${env}`);
    synthApps(out, '--env', env);
    const synthesized = readObjects(path.join(out, env, 'hello.k8s.yaml'));
    const templated = parse(template(['hello', chart, '--namespace', namespace]));
    expect(synthesized.length).toBeGreaterThan(3);
    expect(comparable(templated)).toEqual(comparable(synthesized));
  });

  test('helm template with random valid values from values.schema.json renders what synth renders with the same values', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(dev.chart, 'values.schema.json'), 'utf8'));
    expect(dev.parameterized).toEqual(expect.arrayContaining(['image.repository', 'image.tag', 'host', 'greeting', 'tlsSecret']));
    let n = 0;
    let compared = 0;
    fc.assert(
      fc.property(schemaValues(schema, dev.parameterized), (values) => {
        const file = path.join(dir, `random-${n++}.json`);
        fs.writeFileSync(file, JSON.stringify(values));
        const out = path.join(dir, `synth-random-${n}`);
        const synth = runCli(REPO, ['synth', '--app', 'apps/main.ts', '--out', out, '--env', 'dev', '--release', 'hello', '--values', file]);
        // values the schema takes but the package refuses (an image tag with a space): not a set to compare
        fc.pre(synth.code !== 1);
        expect(synth.code).toBe(0);
        const synthesized = readObjects(path.join(out, 'dev', 'hello.k8s.yaml'));
        const templated = parse(template(['hello', dev.chart, '--namespace', 'hello-dev', '--values', file]));
        expect(comparable(templated)).toEqual(comparable(synthesized));
        compared++;
      }),
      { numRuns: 5, seed: SEED, maxSkipsPerRun: 10 },
    );
    expect(compared).toBe(5);
  });

  test('a config value changes the checksum the template computes, so the pods roll', () => {
    const before = checksumOf(parse(template(['hello', dev.chart, '--namespace', 'hello-dev'])));
    const after = checksumOf(parse(template(['hello', dev.chart, '--namespace', 'hello-dev', '--set', 'greeting=Hi there'])));
    const unchanged = checksumOf(parse(template(['hello', dev.chart, '--namespace', 'hello-dev', '--set', 'host=other.example.com'])));
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(after).not.toBe(before);
    expect(unchanged).toBe(before);
  });

  test('helm install, upgrade, rollback and history work against the API server, under any release name', () => {
    const ns = 'export-helm';
    const greeting = () => kubectlOk(['get', 'configmap', 'web-content', '-n', ns, '-o', 'jsonpath={.data.index\\.html}']);
    helmOk(['install', 'web', dev.chart, '--namespace', ns, '--create-namespace']);
    expect(greeting()).toContain('<h1>Hello from dev</h1>');
    expect(kubectlOk(['get', 'deployment', 'web-server', '-n', ns, '-o', 'jsonpath={.metadata.labels.app\\.kubernetes\\.io/instance}'])).toBe('web');
    const checksum = () => kubectlOk(['get', 'deployment', 'web-server', '-n', ns, '-o', 'jsonpath={.spec.template.metadata.annotations.checksum/config}']);
    const first = checksum();

    helmOk(['upgrade', 'web', dev.chart, '--namespace', ns, '--set', 'greeting=Hello again']);
    expect(greeting()).toContain('<h1>Hello again</h1>');
    expect(checksum()).not.toBe(first);

    helmOk(['rollback', 'web', '1', '--namespace', ns]);
    expect(greeting()).toContain('<h1>Hello from dev</h1>');
    expect(checksum()).toBe(first);

    const history = JSON.parse(helmOk(['history', 'web', '--namespace', ns, '--output', 'json']));
    expect(history.map((h: any) => h.revision)).toEqual([1, 2, 3]);
    expect(history[2].description).toContain('Rollback to 1');
    helmOk(['uninstall', 'web', '--namespace', ns]);
    expect(kubectl(['get', 'configmap', 'web-content', '-n', ns]).code).not.toBe(0);
  });

  test('helm package makes a .tgz that installs the same way', () => {
    const ns = 'export-helm-tgz';
    const packaged = helmOk(['package', dev.chart, '--destination', dir]);
    const tgz = path.join(dir, 'hello-web-1.2.0.tgz');
    expect(packaged).toContain(tgz);
    const fromFolder = comparable(parse(template(['shop', dev.chart, '--namespace', ns])));
    expect(comparable(parse(template(['shop', tgz, '--namespace', ns])))).toEqual(fromFolder);
    helmOk(['install', 'shop', tgz, '--namespace', ns, '--create-namespace']);
    expect(kubectlOk(['get', 'service', 'shop-server', '-n', ns, '-o', 'name']).trim()).toBe('service/shop-server');
    helmOk(['uninstall', 'shop', '--namespace', ns]);
  });

  describe('the shop package (test/export/fixture.ts)', () => {
    let project: string;
    let shop: ReturnType<typeof exportHelmChart>;
    /** synth of the shop project with a values file: every object of release shop, hooks and tests too */
    const synthShop = (app: string, env: string, values: string[], out: string): any[] | undefined => {
      const result = runCli(project, ['synth', '--app', app, '--env', env, ...values.flatMap((f) => ['--values', f]), '--out', out]);
      if (result.code === 1) return undefined;
      expect(result.stderr).toBe('');
      // hooks and tests are in stage folders of their own (pre/, tests/): every file of the release
      const envDir = path.join(project, out, env);
      const files = (fs.readdirSync(envDir, { recursive: true }) as string[]).filter((f) => path.basename(f) === 'shop.k8s.yaml');
      expect(files.sort()).toEqual(['pre/shop.k8s.yaml', 'shop.k8s.yaml', 'tests/shop.k8s.yaml']);
      return files.flatMap((f) => readObjects(path.join(envDir, f)));
    };

    beforeAll(() => {
      project = makeProject({
        'apps/shop.ts': SHOP,
        'apps/main.ts': MAIN,
        // the package with its own defaults, for the chart --package exports
        'apps/defaults.ts': "import { Platform } from '{{lib}}';\nimport { Shop } from './shop';\nexport default new Platform({ environments: { test: { namespace: 'shop-test', releases: { shop: { package: Shop } } } } });\n",
      });
      const cwd = process.cwd();
      try {
        process.chdir(project);
        shop = exportHelmChart({ release: 'shop', env: 'dev', out: 'charts' });
      } finally {
        process.chdir(cwd);
      }
    });
    afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

    test('an object a boolean turns off is wrapped in an if, hooks and tests render as Helm hooks, as synth renders them', () => {
      const lint = helm(['lint', '--strict', shop.chart]);
      expect(lint.stdout + lint.stderr).toContain('0 chart(s) failed');
      expect(fs.readFileSync(path.join(shop.chart, 'Chart.yaml'), 'utf8')).toContain('kubeVersion: ">=1.28.0-0"');
      for (const metrics of ['true', 'false']) {
        const file = path.join(project, `values-${metrics}.yaml`);
        // payment.token is sensitive and set by environment dev: the chart has no value for it, the consumer gives it
        fs.writeFileSync(file, `metrics: ${metrics}\nport: 9090\npayment:\n  token: tok-given\n`);
        const synthesized = synthShop('apps/main.ts', 'dev', [file], `dist-${metrics}`)!;
        const templated = parse(template(['shop', shop.chart, '--namespace', 'shop-dev', '--values', file]));
        expect(comparable(templated)).toEqual(comparable(synthesized));
        expect(templated.some((o) => o.metadata.name === 'shop-metrics')).toBe(metrics === 'true');
        expect(templated.filter((o) => o.metadata.annotations?.['helm.sh/hook']).map((o) => o.metadata.annotations['helm.sh/hook']).sort()).toEqual(['pre-install,pre-upgrade', 'test']);
      }
    });

    test('a sensitive value left out of values.yaml: helm template without it fails, naming it and how to give it', () => {
      const result = helm(['template', '--kube-version', clusterVersion(), 'shop', shop.chart, '--namespace', 'shop-dev']);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain("payment.token is sensitive and not in the chart's values.yaml: set it with --set payment.token=");
      const given = parse(template(['shop', shop.chart, '--namespace', 'shop-dev', '--set', 'payment.token=tok-dev-s3cret']));
      const secret = given.find((o) => o.kind === 'Secret');
      expect(Buffer.from(secret.data.token, 'base64').toString('utf8')).toBe('tok-dev-s3cret');
    });

    test('helm template with random valid values from values.schema.json renders what synth renders', () => {
      const schema = JSON.parse(fs.readFileSync(path.join(shop.chart, 'values.schema.json'), 'utf8'));
      expect(shop.parameterized).toEqual(['metrics', 'port', 'payment.token']);
      let n = 0;
      let compared = 0;
      fc.assert(
        fc.property(schemaValues(schema, shop.parameterized), (values) => {
          const file = path.join(project, `random-${n++}.json`);
          fs.writeFileSync(file, JSON.stringify(values));
          const synthesized = synthShop('apps/main.ts', 'dev', [file], `dist-random-${n}`);
          fc.pre(synthesized !== undefined);
          const templated = parse(template(['shop', shop.chart, '--namespace', 'shop-dev', '--values', file]));
          expect(comparable(templated)).toEqual(comparable(synthesized!));
          compared++;
        }),
        { numRuns: 5, seed: SEED, maxSkipsPerRun: 10 },
      );
      expect(compared).toBe(5);
    });

    test("Chart.yaml's kubeVersion: Helm refuses an older Kubernetes and takes a provider's build of a newer one", () => {
      const cwd = process.cwd();
      let prod: string;
      try {
        process.chdir(project);
        prod = exportHelmChart({ release: 'shop', env: 'prod', out: 'charts-kube' }).chart;
      } finally {
        process.chdir(cwd);
      }
      const older = helm(['template', 'shop', prod, '--namespace', 'shop', '--kube-version', 'v1.29.9']);
      expect(older.status).not.toBe(0);
      expect(older.stderr).toContain('chart requires kubeVersion: >=1.30.0-0 which is incompatible with Kubernetes v1.29.9');
      for (const version of ['v1.30.0', 'v1.30.2-eks-1234', 'v1.31.0-gke.1', 'v1.37.2']) {
        expect(helm(['template', 'shop', prod, '--namespace', 'shop', '--kube-version', version]).status).toBe(0);
      }
    });

    test('each environment: helm template with the chart of that environment renders what synth renders', () => {
      for (const [env, namespace, kube] of [
        ['dev', 'shop-dev', '>=1.28.0-0'],
        ['prod', 'shop', '>=1.30.0-0'],
      ]) {
        const cwd = process.cwd();
        let chart: string;
        try {
          process.chdir(project);
          chart = exportHelmChart({ release: 'shop', env, out: `charts-${env}` }).chart;
        } finally {
          process.chdir(cwd);
        }
        expect(fs.readFileSync(path.join(chart, 'Chart.yaml'), 'utf8')).toContain(`kubeVersion: "${kube}"`);
        const lint = helm(['lint', '--strict', chart]);
        expect(lint.stdout + lint.stderr).toContain('0 chart(s) failed');
        const synthesized = synthShop('apps/main.ts', env, [], `dist-env-${env}`)!;
        // dev's token is sensitive: the consumer gives it, here the one dev sets
        const templated = parse(template(['shop', chart, '--namespace', namespace, ...(env === 'dev' ? ['--set', 'payment.token=tok-dev-s3cret'] : [])]));
        expect(comparable(templated)).toEqual(comparable(synthesized));
      }
    });

    test('--package: the chart of the package on its own renders what synth renders with the package defaults, and installs', () => {
      const result = runCli(project, ['export', 'helm', '--package', 'apps/shop.ts', '--out', 'charts-package']);
      expect(result.code).toBe(0);
      const chart = path.join(project, 'charts-package', 'shop');
      const lint = helm(['lint', '--strict', chart]);
      expect(lint.stdout + lint.stderr).toContain('0 chart(s) failed');
      const synthesized = synthShop('apps/defaults.ts', 'test', [], 'dist-defaults')!;
      const templated = parse(template(['shop', chart, '--namespace', 'shop-test']));
      expect(comparable(templated)).toEqual(comparable(synthesized));
      // under another release name and namespace, as Helm gives them
      const ns = 'export-helm-package';
      const other = parse(template(['store', chart, '--namespace', ns]));
      expect(other.map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toContain(`${ns}/store-settings`);
      helmOk(['install', 'store', chart, '--namespace', ns, '--create-namespace', '--no-hooks']);
      expect(kubectlOk(['get', 'configmap', 'store-settings', '-n', ns, '-o', 'jsonpath={.data.url}'])).toBe('http://store:8080');
      helmOk(['uninstall', 'store', '--namespace', ns]);
    });
  });
});
