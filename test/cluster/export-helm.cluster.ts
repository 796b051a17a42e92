import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { exportHelmChart } from '../../lib/export';
import { MAIN, SHOP } from '../export/fixture';
import { REPO, makeProject, runCli } from '../support/project';
import { HELM, describeCluster, keyOf, kubectl, kubectlOk, readObjects, scratch, synthApps } from './kube';

/**
 * `chartwright export helm` of the example apps (apps/main.ts), proved with
 * the real Helm: the chart lints strictly, `helm template` renders what
 * synth renders for the same values, and it installs, upgrades, rolls back
 * and packages against the suite's API server.
 */
const CHECKSUM = 'checksum/config';
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
    expect(fs.readFileSync(path.join(chart, 'values.yaml'), 'utf8')).toContain('# Image tag; pin a version, never `latest`.\n  tag: 1.27.3-alpine');
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
    const templated = parse(helmOk(['template', 'hello', chart, '--namespace', namespace]));
    expect(synthesized.length).toBeGreaterThan(3);
    expect(comparable(templated)).toEqual(comparable(synthesized));
  });

  test('helm template with random valid values renders what synth renders with the same values', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(dev.chart, 'values.schema.json'), 'utf8'));
    const dns = fc.stringMatching(/^[a-z0-9]([-a-z0-9.]{0,20}[a-z0-9])?$/);
    const arbitraries: Record<string, fc.Arbitrary<string>> = {
      'image.repository': fc.stringMatching(/^[a-z0-9]+(\/[a-z0-9]+)?$/),
      // the tag is also the pods' version label: a label value, stricter than the schema's min(1)
      'image.tag': fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9_.-]{0,20}[a-zA-Z0-9])?$/),
      host: dns,
      tlsSecret: dns,
      greeting: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s.trim().length > 0),
    };
    // the values the arbitraries cover are the schema's and the export's parameterized ones
    for (const key of Object.keys(arbitraries)) expect(dev.parameterized).toContain(key);
    expect(schema.properties.host.pattern).toBeDefined();
    let n = 0;
    fc.assert(
      fc.property(fc.record(arbitraries), (picked) => {
        const values = { image: { repository: picked['image.repository'], tag: picked['image.tag'] }, host: picked.host, tlsSecret: picked.tlsSecret, greeting: picked.greeting };
        const file = path.join(dir, `random-${n++}.json`);
        fs.writeFileSync(file, JSON.stringify(values));
        const out = path.join(dir, `synth-random-${n}`);
        synthApps(out, '--env', 'dev', '--release', 'hello', '--values', file);
        const synthesized = readObjects(path.join(out, 'dev', 'hello.k8s.yaml'));
        const templated = parse(helmOk(['template', 'hello', dev.chart, '--namespace', 'hello-dev', '--values', file]));
        expect(comparable(templated)).toEqual(comparable(synthesized));
      }),
      { numRuns: 4, seed: 18 },
    );
  });

  test('a config value changes the checksum the template computes, so the pods roll', () => {
    const before = checksumOf(parse(helmOk(['template', 'hello', dev.chart, '--namespace', 'hello-dev'])));
    const after = checksumOf(parse(helmOk(['template', 'hello', dev.chart, '--namespace', 'hello-dev', '--set', 'greeting=Hi there'])));
    const unchanged = checksumOf(parse(helmOk(['template', 'hello', dev.chart, '--namespace', 'hello-dev', '--set', 'host=other.example.com'])));
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
    const fromFolder = comparable(parse(helmOk(['template', 'shop', dev.chart, '--namespace', ns])));
    expect(comparable(parse(helmOk(['template', 'shop', tgz, '--namespace', ns])))).toEqual(fromFolder);
    helmOk(['install', 'shop', tgz, '--namespace', ns, '--create-namespace']);
    expect(kubectlOk(['get', 'service', 'shop-server', '-n', ns, '-o', 'name']).trim()).toBe('service/shop-server');
    helmOk(['uninstall', 'shop', '--namespace', ns]);
  });

  test('an object a boolean turns off is wrapped in an if, hooks and tests render as Helm hooks, as synth renders them', () => {
    const project = makeProject({ 'apps/shop.ts': SHOP, 'apps/main.ts': MAIN });
    const cwd = process.cwd();
    try {
      process.chdir(project);
      const { chart } = exportHelmChart({ release: 'shop', env: 'dev', out: 'charts' });
      expect(helm(['lint', '--strict', chart]).status).toBe(0);
      for (const metrics of ['true', 'false']) {
        const file = path.join(project, `values-${metrics}.yaml`);
        fs.writeFileSync(file, `metrics: ${metrics}\nport: 9090\n`);
        const result = runCli(project, ['synth', '--env', 'dev', '--values', file, '--out', `dist-${metrics}`]);
        expect(result.stderr).toBe('');
        // hooks and tests are in stage folders of their own (pre/, tests/): every file of the release
        const envDir = path.join(project, `dist-${metrics}`, 'dev');
        const files = (fs.readdirSync(envDir, { recursive: true }) as string[]).filter((f) => path.basename(f) === 'shop.k8s.yaml');
        expect(files.sort()).toEqual(['pre/shop.k8s.yaml', 'shop.k8s.yaml', 'tests/shop.k8s.yaml']);
        const synthesized = files.flatMap((f) => readObjects(path.join(envDir, f)));
        const templated = parse(helmOk(['template', 'shop', chart, '--namespace', 'shop-dev', '--values', file]));
        expect(comparable(templated)).toEqual(comparable(synthesized));
        expect(templated.some((o) => o.metadata.name === 'shop-metrics')).toBe(metrics === 'true');
        expect(templated.filter((o) => o.metadata.annotations?.['helm.sh/hook']).map((o) => o.metadata.annotations['helm.sh/hook']).sort()).toEqual(['pre-install,pre-upgrade', 'test']);
      }
    } finally {
      process.chdir(cwd);
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});
