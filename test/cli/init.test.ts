import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { REPO, readTree, runCli } from '../support/project';

/**
 * package.json of chartwright as installed, its `exports` pointing at the
 * sources (`./lib`, a link to this repo's) instead of the build:
 * `./build/lib/x.js` → `./lib/x.ts`.
 */
function installedPackageJson(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const toSource = (target: string) => './' + target.replace(/^(\.\/)?build\//, '').replace(/\.d\.ts$|\.js$/, '.ts');
  const exportsMap: Record<string, unknown> = {};
  for (const [subpath, target] of Object.entries<unknown>(pkg.exports)) {
    exportsMap[subpath] =
      typeof target === 'string' ? target : Object.fromEntries(Object.entries(target as Record<string, string>).map(([condition, file]) => [condition, toSource(file)]));
  }
  return JSON.stringify({ name: 'chartwright', version: pkg.version, main: toSource(pkg.main), types: toSource(pkg.types), exports: exportsMap });
}

/** A folder whose node_modules has this repo's dependencies, and chartwright as this repo's sources behind its `exports` map. */
function emptyProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-init-'));
  const modules = path.join(dir, 'node_modules');
  fs.mkdirSync(path.join(modules, 'chartwright'), { recursive: true });
  for (const entry of fs.readdirSync(path.join(REPO, 'node_modules'))) {
    if (entry !== '.bin' && entry !== '.cache') fs.symlinkSync(path.join(REPO, 'node_modules', entry), path.join(modules, entry));
  }
  fs.writeFileSync(path.join(modules, 'chartwright', 'package.json'), installedPackageJson());
  fs.symlinkSync(path.join(REPO, 'lib'), path.join(modules, 'chartwright', 'lib'), 'dir');
  return dir;
}

describe('chartwright init', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const project = () => {
    const d = emptyProject();
    dirs.push(d);
    return d;
  };

  test('app: writes a project that synthesizes both environments', () => {
    const dir = project();
    const result = runCli(dir, ['init', 'app', 'shop']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const shop = path.join(dir, 'shop');
    expect(Object.keys(readTree(shop)).sort()).toEqual([
      '.gitignore', 'README.md', 'apps/main.ts', 'apps/web/index.ts', 'apps/web/values.yaml', 'package.json', 'tsconfig.json',
    ]);
    fs.symlinkSync(path.join(dir, 'node_modules'), path.join(shop, 'node_modules'));
    const pkg = JSON.parse(fs.readFileSync(path.join(shop, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('shop');
    expect(pkg.dependencies.chartwright).toBe(`^${require('../../package.json').version}`);
    const synth = runCli(shop, ['synth']);
    expect(synth.stderr).toBe('');
    expect(synth.code).toBe(0);
    const objects = parseAllDocuments(fs.readFileSync(path.join(shop, 'dist/prod/web.k8s.yaml'), 'utf8')).map((d) => d.toJS());
    const deployment = objects.find((o) => o.kind === 'Deployment');
    expect(deployment.metadata).toMatchObject({ name: 'web-server', namespace: 'shop' });
    expect(deployment.spec.replicas).toBe(3);
    expect(objects.find((o) => o.kind === 'Ingress').spec.rules[0].host).toBe('shop.example.com');
  });

  test('package: writes a publishable package whose test platform synthesizes and whose README table is generated', () => {
    const dir = project();
    expect(runCli(dir, ['init', 'package', '--name', 'greeter']).code).toBe(0);
    const synth = runCli(dir, ['synth', '--app', 'test/platform.ts', '--out', 'out']);
    expect(synth.stderr).toBe('');
    expect(synth.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out/test/example.k8s.yaml'), 'utf8')).toContain('name: example-server');
    expect(runCli(dir, ['values', '--app', 'test/platform.ts', '--release', 'example', '--docs', '--write', 'README.md']).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toContain('| `resources.cpu.limit` | string | `"250m"` |  |');
  });

  test('both templates type-check against the library', () => {
    const dir = project();
    expect(runCli(dir, ['init', 'app', 'app']).code).toBe(0);
    expect(runCli(dir, ['init', 'package', 'pkg']).code).toBe(0);
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: 'commonjs', moduleResolution: 'node', target: 'ES2022', esModuleInterop: true, skipLibCheck: true, types: ['node'], baseUrl: '.', paths: { chartwright: [path.join(REPO, 'lib')] } },
        include: ['app/apps', 'pkg/src', 'pkg/test'],
      }),
    );
    const tsc = spawnSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  test('refuses to overwrite anything, and writes nothing', () => {
    const dir = project();
    fs.mkdirSync(path.join(dir, 'apps'));
    fs.writeFileSync(path.join(dir, 'apps/main.ts'), 'mine');
    const result = runCli(dir, ['init', 'app', '--name', 'x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('already has apps/main.ts; choose an empty folder');
    expect(fs.existsSync(path.join(dir, 'package.json'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'apps/main.ts'), 'utf8')).toBe('mine');
  });

  test('a project reaches chartwright and chartwright/validate through the exports map, and nothing deeper', () => {
    const dir = project();
    const script = [
      "require(process.argv[1]).register();",
      "const root = require('chartwright');",
      "const validate = require('chartwright/validate');",
      "let deep = 'importable';",
      "try { require('chartwright/lib/synth/render'); } catch (err) { deep = err.code; }",
      "console.log(JSON.stringify({ root: typeof root.Platform, validate: typeof validate.validateObjects, same: root.validateObjects === validate.validateObjects, version: require('chartwright/package.json').version, deep }));",
    ].join('\n');
    const result = spawnSync(process.execPath, ['-e', script, path.join(REPO, 'bin', 'register.js')], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ root: 'function', validate: 'function', same: true, version: require('../../package.json').version, deep: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
  });

  test('an unknown kind is a usage error; a bad name is an input error', () => {
    const dir = project();
    expect(runCli(dir, ['init', 'chart']).code).toBe(2);
    expect(runCli(dir, ['init']).code).toBe(2);
    const bad = runCli(dir, ['init', 'app', '--name', 'My_App']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"My_App" is not a valid project name');
  });

  test('init into a path that is a file is a clear error, exit 1, and the file is kept', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'shop'), 'a file');
    const result = runCli(dir, ['init', 'app', 'shop']);
    expect(result.stderr).toBe('error: init: shop is a file, not a folder: choose a new or empty folder\n');
    expect(result.code).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'shop'), 'utf8')).toBe('a file');
  });
});
