import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { INSTALL_ORDER } from '../../lib/kube/install-order';
import { SAMPLE_PACKAGE, makeProject, readTree, runCli, samplePlatform, writeFiles } from '../support/project';

function docs(text: string): any[] {
  return parseAllDocuments(text).map((d) => d.toJS());
}

describe('chartwright synth', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeProject({ 'apps/sample.ts': SAMPLE_PACKAGE, 'apps/main.ts': samplePlatform() });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes one file per release, its notes, and a kustomization.yaml listing exactly the release files', () => {
    const result = runCli(dir, ['synth']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('dist/dev: 15 objects');
    const tree = readTree(path.join(dir, 'dist'));
    expect(Object.keys(tree).sort()).toEqual([
      '.chartwright/manifest.json',
      'dev/api.NOTES.md', 'dev/api.k8s.yaml', 'dev/kustomization.yaml', 'dev/namespaces.yaml', 'dev/web.NOTES.md', 'dev/web.k8s.yaml',
      'prod/api.NOTES.md', 'prod/api.k8s.yaml', 'prod/kustomization.yaml', 'prod/namespaces.yaml', 'prod/web.NOTES.md', 'prod/web.k8s.yaml',
    ]);
    const [kustomization] = docs(tree['dev/kustomization.yaml']);
    expect(kustomization).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      sortOptions: { order: 'fifo' },
      resources: ['namespaces.yaml', 'web.k8s.yaml', 'api.k8s.yaml'],
    });
    // the environment's namespace, restricted by default
    expect(docs(tree['dev/namespaces.yaml'])).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          labels: {
            'app.kubernetes.io/managed-by': 'chartwright',
            'pod-security.kubernetes.io/enforce': 'restricted',
            'pod-security.kubernetes.io/warn': 'restricted',
          },
          name: 'dev',
        },
      },
    ]);
  });

  test('orders objects by Helm install order, unknown kinds last', () => {
    expect(runCli(dir, ['synth', '--env', 'dev']).code).toBe(0);
    const objects = docs(fs.readFileSync(path.join(dir, 'dist/dev/web.k8s.yaml'), 'utf8'));
    expect(objects.map((o) => o.kind)).toEqual(['Namespace', 'ServiceAccount', 'ConfigMap', 'Service', 'Deployment', 'Ingress', 'Widget']);
    const ranks = objects.slice(0, -1).map((o) => INSTALL_ORDER.indexOf(o.kind));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  test('names objects <release>-<component> without hash suffixes, with namespace and labels', () => {
    expect(runCli(dir, ['synth', '--env', 'prod']).code).toBe(0);
    const objects = docs(fs.readFileSync(path.join(dir, 'dist/prod/web.k8s.yaml'), 'utf8'));
    const deployment = objects.find((o) => o.kind === 'Deployment');
    expect(deployment.metadata.name).toBe('web-server');
    expect(deployment.metadata.namespace).toBe('prod');
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.metadata.labels).toEqual({
      'app.kubernetes.io/name': 'sample',
      'app.kubernetes.io/instance': 'web',
      'app.kubernetes.io/version': '2.0.0',
      'app.kubernetes.io/managed-by': 'chartwright',
      'chartwright.dev/package': 'sample-0.1.0',
    });
    expect(objects.find((o) => o.kind === 'Service').metadata.name).toBe('web-service');
    expect(Object.keys(deployment).slice(0, 3)).toEqual(['apiVersion', 'kind', 'metadata']);
  });

  test('is deterministic: two runs give byte-identical files', () => {
    expect(runCli(dir, ['synth']).code).toBe(0);
    const first = readTree(path.join(dir, 'dist'));
    fs.rmSync(path.join(dir, 'dist'), { recursive: true });
    expect(runCli(dir, ['synth']).code).toBe(0);
    expect(readTree(path.join(dir, 'dist'))).toEqual(first);
  });

  test('--env writes only the named environments and leaves the others as they were', () => {
    expect(runCli(dir, ['synth']).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'dist/prod/marker'), 'kept');
    expect(runCli(dir, ['synth', '--env', 'dev']).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'dist/prod/marker'), 'utf8')).toBe('kept');
  });

  test('a file chartwright did not write in an environment folder stops the synth (exit 1) and is kept', () => {
    expect(runCli(dir, ['synth']).code).toBe(0);
    fs.mkdirSync(path.join(dir, 'dist/dev/myproject/.git'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dist/dev/myproject/.git/HEAD'), 'ref: refs/heads/main');
    const before = readTree(path.join(dir, 'dist'));
    const result = runCli(dir, ['synth']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: dist/dev holds files chartwright did not write: myproject/.git/HEAD; synth replaces the folder whole, so move them elsewhere (or choose another --out) and run again\n');
    expect(readTree(path.join(dir, 'dist'))).toEqual(before);
  });

  test('--out at a folder that is not an output (a project, /) is refused with exit 1; an empty --out is a usage error', () => {
    const parent = runCli(dir, ['synth', '--out', '.']);
    expect(parent.code).toBe(1);
    expect(parent.stderr).toMatch(/^error: the output folder \. holds files chartwright did not write \(apps, node_modules\) and no \.chartwright\/manifest\.json/);
    expect(fs.readdirSync(dir).sort()).toEqual(['apps', 'node_modules']);
    const root = runCli(dir, ['synth', '--out', '/']);
    expect(root.code).toBe(1);
    expect(root.stderr).toBe('error: the output folder / is a system folder: chartwright writes only into a folder of its own, such as dist\n');
    const empty = runCli(dir, ['synth', '--out', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--out needs a folder name');
  });

  test.each([
    ['a file', (d: string) => fs.writeFileSync(path.join(d, 'out'), 'x'), 'out', /^error: the output folder out is a file, not a folder/],
    ['under a file', (d: string) => fs.writeFileSync(path.join(d, 'out'), 'x'), 'out/x', /^error: cannot use the output folder out\/x: a part of the path is a file, not a folder \(ENOTDIR\)/],
    ['a dangling link', (d: string) => fs.symlinkSync('missing', path.join(d, 'out')), 'out', /^error: the output folder out is a symbolic link to missing, which does not exist/],
    ['too long a name', () => {}, 'o'.repeat(300), /^error: .*(the name is too long|longer than 255 bytes)/],
    ['under /proc', () => {}, '/proc/x', /^error: the output folder \/proc\/x is a system folder/],
  ])('--out %s is a clear error, exit 1, no stack trace', (_, prepare, out, message) => {
    prepare(dir);
    const result = runCli(dir, ['synth', '--out', out]);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.code).toBe(1);
  });

  test('--out chooses the output folder', () => {
    expect(runCli(dir, ['synth', '--out', 'manifests', '--env', 'dev']).code).toBe(0);
    expect(Object.keys(readTree(path.join(dir, 'manifests')))).toHaveLength(7);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('a throwing app exits 1, names the release and the cause, prints no stack, and leaves dist/ as it was', () => {
    expect(runCli(dir, ['synth']).code).toBe(0);
    const before = readTree(path.join(dir, 'dist'));
    writeFiles(dir, { 'apps/main.ts': samplePlatform(`web: { package: Sample }, api: { package: Sample, values: { fail: 'database URL is missing' } }`) });
    const result = runCli(dir, ['synth']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('environment "dev", release "api" (package sample): database URL is missing');
    expect(result.stderr).toMatch(/at apps\/sample\.ts:\d+:\d+/);
    expect(result.stderr).not.toMatch(/^\s+at .*\(.*node_modules/m);
    expect(result.stderr.split('\n').length).toBeLessThan(5);
    expect(readTree(path.join(dir, 'dist'))).toEqual(before);
    expect(fs.readdirSync(path.join(dir, 'dist')).sort()).toEqual(['.chartwright', 'dev', 'prod']);
    expect(fs.readdirSync(path.join(dir, 'dist', '.chartwright'))).toEqual(['manifest.json']);
  });

  test('an entry file that fails to load exits 1 with the file and the cause', () => {
    writeFiles(dir, { 'apps/main.ts': `import { nothing } from './sample';\nthrow new Error('boom at load');\n` });
    const result = runCli(dir, ['synth']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('apps/main.ts failed to load: boom at load');
    expect(result.stderr).toContain('at apps/main.ts:2:');
  });

  test('a TypeScript syntax error names the file', () => {
    writeFiles(dir, { 'apps/main.ts': `const x: = 3;\n` });
    const result = runCli(dir, ['synth']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/apps\/main\.ts.*Unexpected token/);
  });

  test('an entry that exports no platform is an error', () => {
    writeFiles(dir, { 'apps/main.ts': `export const x = 1;\n` });
    const result = runCli(dir, ['synth']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('exports no Platform');
  });

  test('a missing entry file is an error that says how to fix it', () => {
    const result = runCli(dir, ['synth', '--app', 'apps/nope.ts']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('platform entry apps/nope.ts not found');
  });

  test('package.json can name the entry file', () => {
    fs.renameSync(path.join(dir, 'apps/main.ts'), path.join(dir, 'apps/platform.ts'));
    writeFiles(dir, { 'package.json': JSON.stringify({ chartwright: { app: 'apps/platform.ts' } }) });
    expect(runCli(dir, ['synth', '--env', 'dev']).code).toBe(0);
  });

  test('a package.json with a byte order mark is read; a malformed one is an error naming it', () => {
    fs.renameSync(path.join(dir, 'apps/main.ts'), path.join(dir, 'apps/platform.ts'));
    writeFiles(dir, { 'package.json': '\uFEFF' + JSON.stringify({ chartwright: { app: 'apps/platform.ts' } }) });
    expect(runCli(dir, ['synth', '--env', 'dev']).code).toBe(0);
    writeFiles(dir, { 'package.json': '{ "chartwright": { "app": "apps/platform.ts", } }' });
    const result = runCli(dir, ['synth', '--env', 'dev']);
    expect(result.stderr).toMatch(/^error: package\.json is not valid JSON \(.*\): chartwright reads "chartwright": \{ "app" \} from it; fix the file, or name the entry with --app\n$/);
    expect(result.code).toBe(1);
  });

  test('two objects with one name in an environment are an error naming both construct paths', () => {
    writeFiles(dir, {
      'apps/main.ts': `
import { Platform, Package } from '{{lib}}';
import { ApiObject } from 'cdk8s';
class Clash extends Package {
  static readonly metadata = { name: 'clash', version: '1.0.0' };
  constructor(scope: any, id: string, props: any) {
    super(scope, id, props);
    new ApiObject(this, 'api-server', { apiVersion: 'v1', kind: 'ConfigMap' });
    new ApiObject(this, 'ApiServer', { apiVersion: 'v1', kind: 'ConfigMap' });
  }
}
export default new Platform({ environments: { dev: { releases: { web: { package: Clash } } } } });
`,
    });
    const result = runCli(dir, ['synth']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('two objects are both ConfigMap "web-api-server": web/api-server and web/ApiServer');
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('the same name across two releases in one namespace is an error too', () => {
    writeFiles(dir, {
      'apps/main.ts': `
import { Platform, Package } from '{{lib}}';
import { ApiObject } from 'cdk8s';
class Fixed extends Package {
  static readonly metadata = { name: 'fixed', version: '1.0.0' };
  constructor(scope: any, id: string, props: any) {
    super(scope, id, props);
    new ApiObject(this, 'c', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'shared' } });
  }
}
export default new Platform({ environments: { dev: { namespace: 'x', releases: { a: { package: Fixed }, b: { package: Fixed } } } } });
`,
    });
    const result = runCli(dir, ['synth']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ConfigMap "shared" in namespace "x": a/c and b/c');
  });

  test('an unknown environment is an error with a suggestion', () => {
    const result = runCli(dir, ['synth', '--env', 'prd']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--env prd: no such environment (did you mean "prod"?)');
  });

  test('usage errors exit 2', () => {
    expect(runCli(dir, ['synth', '--bogus']).code).toBe(2);
    expect(runCli(dir, ['frobnicate']).code).toBe(2);
    expect(runCli(dir, []).code).toBe(2);
    const help = runCli(dir, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: chartwright');
  });

  const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
  (kubectl ? test : test.skip)('kubectl kustomize renders the same objects as the release files', () => {
    expect(runCli(dir, ['synth', '--env', 'dev']).code).toBe(0);
    const out = spawnSync('kubectl', ['kustomize', path.join(dir, 'dist/dev')], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    const key = (o: any) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;
    const rendered = docs(out.stdout);
    const ours = ['namespaces.yaml', 'web.k8s.yaml', 'api.k8s.yaml'].flatMap((f) => docs(fs.readFileSync(path.join(dir, `dist/dev/${f}`), 'utf8')));
    // sortOptions fifo: kustomize keeps chartwright's install order instead of its own
    expect(rendered.map(key)).toEqual(ours.map(key));
    const byKey = new Map(ours.map((o) => [key(o), o]));
    for (const obj of rendered) expect(obj).toEqual(byKey.get(key(obj)));
  });
});
