import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { toYamlStream } from '../../lib';
import { StagedOutput } from '../../lib/synth/output';
import { RenderedEnvironment } from '../../lib/synth/render';
import { readTree } from '../support/project';

function environment(name: string, releases: Record<string, unknown[]>, namespaces: unknown[] = []): RenderedEnvironment {
  return { name, releases: Object.entries(releases).map(([release, objects]) => ({ name: release, objects })), namespaces, warnings: [] } as unknown as RenderedEnvironment;
}

function write(outDir: string, ...environments: RenderedEnvironment[]): void {
  const output = new StagedOutput(outDir);
  try {
    for (const env of environments) output.writeEnvironment(env);
    output.commit();
  } finally {
    output.close();
  }
}

describe('StagedOutput', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-output-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes each release as the YAML stream of its objects, across chunks and with multi-byte characters', () => {
    const objects: unknown[] = [];
    for (let i = 0; i < 3000; i++) objects.push({ kind: 'ConfigMap', metadata: { name: `é-${i}` }, data: { text: `名前-🚀-${i}` } });
    objects.push({ kind: 'ConfigMap', data: { big: 'x'.repeat(200_000) } }); // one document larger than a chunk
    write(dir, environment('dev', { app: objects, empty: [] }));
    expect(fs.readFileSync(path.join(dir, 'dev', 'app.k8s.yaml'), 'utf8')).toBe(toYamlStream(objects));
    expect(fs.readFileSync(path.join(dir, 'dev', 'empty.k8s.yaml'), 'utf8')).toBe('');
    expect(fs.readFileSync(path.join(dir, 'dev', 'kustomization.yaml'), 'utf8')).toBe(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nsortOptions:\n  order: fifo\nresources:\n  - app.k8s.yaml\n  - empty.k8s.yaml\n',
    );
    expect(fs.readdirSync(dir)).toEqual(['.chartwright', 'dev']);
    expect(fs.readdirSync(path.join(dir, '.chartwright'))).toEqual(['manifest.json']);
  });

  test('CustomResourceDefinitions go to crds/ with a kustomization of their own, out of the main stage', () => {
    const crd = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' } };
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } };
    write(dir, environment('dev', { app: [crd, widget], other: [{ a: 1 }] }));
    expect(fs.readFileSync(path.join(dir, 'dev', 'crds', 'app.k8s.yaml'), 'utf8')).toBe(toYamlStream([crd]));
    expect(fs.readFileSync(path.join(dir, 'dev', 'app.k8s.yaml'), 'utf8')).toBe(toYamlStream([widget]));
    expect(fs.readFileSync(path.join(dir, 'dev', 'crds', 'kustomization.yaml'), 'utf8')).toContain('resources:\n  - app.k8s.yaml\n');
    expect(fs.readFileSync(path.join(dir, 'dev', 'kustomization.yaml'), 'utf8')).toContain('resources:\n  - app.k8s.yaml\n  - other.k8s.yaml\n');
    expect(fs.readdirSync(path.join(dir, 'dev', 'crds')).sort()).toEqual(['app.k8s.yaml', 'kustomization.yaml']);
  });

  test("an environment's Namespaces go to namespaces.yaml, first in the kustomization", () => {
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } };
    write(dir, environment('dev', { app: [{ a: 1 }] }, [ns]));
    expect(fs.readFileSync(path.join(dir, 'dev', 'namespaces.yaml'), 'utf8')).toBe(toYamlStream([ns]));
    expect(fs.readFileSync(path.join(dir, 'dev', 'kustomization.yaml'), 'utf8')).toContain('resources:\n  - namespaces.yaml\n  - app.k8s.yaml\n');
  });

  test('replaces the folders of the environments written and leaves the others', () => {
    write(dir, environment('dev', { a: [{ a: 1 }] }), environment('prod', { a: [{ a: 2 }] }));
    write(dir, environment('dev', { b: [{ b: 1 }] }));
    expect(fs.readdirSync(path.join(dir, 'dev')).sort()).toEqual(['b.k8s.yaml', 'kustomization.yaml']);
    expect(fs.readFileSync(path.join(dir, 'prod', 'a.k8s.yaml'), 'utf8')).toBe('a: 2\n');
  });

  test('without commit, closing leaves the output folder as it was, and removes one it made', () => {
    write(dir, environment('dev', { a: [{ a: 1 }] }));
    const output = new StagedOutput(dir);
    output.writeEnvironment(environment('dev', { b: [{ b: 1 }] }));
    output.close();
    expect(fs.readdirSync(dir)).toEqual(['.chartwright', 'dev']);
    expect(fs.readdirSync(path.join(dir, '.chartwright'))).toEqual(['manifest.json']);
    expect(fs.readdirSync(path.join(dir, 'dev')).sort()).toEqual(['a.k8s.yaml', 'kustomization.yaml']);

    const fresh = path.join(dir, 'new-out');
    const other = new StagedOutput(fresh);
    other.writeEnvironment(environment('dev', { a: [{ a: 1 }] }));
    other.close();
    expect(fs.existsSync(fresh)).toBe(false);
  });

  test('an object YAML cannot carry fails the write, and nothing is put in place', () => {
    expect(() => write(dir, environment('dev', { a: [{ a: 1 }] }), environment('prod', { a: [{ spec: { replicas: NaN } }] }))).toThrow('cannot write NaN at spec.replicas');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('StagedOutput writes only where chartwright owns the folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-owned-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const dev = () => environment('dev', { app: [{ a: 1 }] });

  test('the manifest lists every file written, by environment', () => {
    write(dir, environment('dev', { app: [{ a: 1 }] }, [{ kind: 'Namespace' }]), environment('prod', { app: [{ a: 2 }] }));
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, '.chartwright', 'manifest.json'), 'utf8'));
    expect(manifest.environments).toEqual({
      dev: ['app.k8s.yaml', 'kustomization.yaml', 'namespaces.yaml'],
      prod: ['app.k8s.yaml', 'kustomization.yaml'],
    });
  });

  test('a folder with files and no manifest is refused, naming them, and left as it was', () => {
    fs.mkdirSync(path.join(dir, 'dev', 'myproject', '.git'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dev', 'myproject', '.git', 'HEAD'), 'ref: refs/heads/main\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const before = readTree(dir);
    expect(() => write(dir, dev())).toThrow(/holds files chartwright did not write \(dev, notes\.txt\) and no \.chartwright\/manifest\.json .*choose an empty or new folder/);
    expect(readTree(dir)).toEqual(before);
  });

  test("an environment folder holding a file the manifest does not list is refused, and nothing is deleted", () => {
    write(dir, dev(), environment('prod', { app: [{ a: 2 }] }));
    fs.mkdirSync(path.join(dir, 'dev', 'myproject', '.git'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dev', 'myproject', '.git', 'HEAD'), 'ref: refs/heads/main\n');
    fs.writeFileSync(path.join(dir, 'dev', 'stale.k8s.yaml'), 'mine');
    const before = readTree(dir);
    expect(() => write(dir, dev())).toThrow(/dev holds files chartwright did not write: myproject\/\.git\/HEAD, stale\.k8s\.yaml; synth replaces the folder whole/);
    expect(readTree(dir)).toEqual(before);
    // the other environments can still be written
    write(dir, environment('prod', { app: [{ a: 3 }] }));
    expect(fs.readFileSync(path.join(dir, 'prod', 'app.k8s.yaml'), 'utf8')).toBe('a: 3\n');
  });

  test('a file a previous synth wrote and this one does not is removed with its folder', () => {
    write(dir, environment('dev', { app: [{ a: 1 }], old: [{ b: 1 }] }));
    write(dir, dev());
    expect(fs.readdirSync(path.join(dir, 'dev')).sort()).toEqual(['app.k8s.yaml', 'kustomization.yaml']);
  });

  test('a plain file or a symbolic link where an environment goes is refused', () => {
    write(dir, environment('prod', { app: [{ a: 2 }] }));
    fs.writeFileSync(path.join(dir, 'dev'), 'a file');
    expect(() => write(dir, dev())).toThrow(/dev is a file chartwright did not write, where environment "dev" goes/);
    expect(fs.readFileSync(path.join(dir, 'dev'), 'utf8')).toBe('a file');
    fs.rmSync(path.join(dir, 'dev'));
    const checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-checkout-'));
    try {
      fs.symlinkSync(checkout, path.join(dir, 'dev'));
      expect(() => write(dir, dev())).toThrow(/dev is a symbolic link to .*chartwright-checkout-.*: .*does not write through links/);
      expect(fs.lstatSync(path.join(dir, 'dev')).isSymbolicLink()).toBe(true);
    } finally {
      fs.rmSync(checkout, { recursive: true });
    }
  });

  test('an output folder that is a link to a folder is written through: the environments go into the folder it points to', () => {
    const checkout = path.join(dir, 'gitops', 'clusters');
    fs.mkdirSync(checkout, { recursive: true });
    fs.symlinkSync(checkout, path.join(dir, 'dist'));
    write(path.join(dir, 'dist'), dev());
    expect(fs.lstatSync(path.join(dir, 'dist')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(checkout, 'dev', 'app.k8s.yaml'), 'utf8')).toBe('a: 1\n');
  });

  test.each([
    ['an empty name', '', /the output folder is an empty name/],
    ['/', '/', /the output folder \/ is a system folder/],
    ['/var', '/var', /is a system folder/],
    ['a folder under /proc', '/proc/x', /the output folder \/proc\/x is a system folder/],
    ['a folder under /sys', '/sys/kernel/x', /is a system folder/],
  ])('%s is refused as an output folder', (_, out, message) => {
    expect(() => write(out, dev())).toThrow(message);
  });

  test('an output folder that is a file, under a file, a dangling link or too long a name is a clear error', () => {
    const file = path.join(dir, 'file');
    fs.writeFileSync(file, 'x');
    expect(() => write(file, dev())).toThrow(/the output folder .*file is a file, not a folder/);
    expect(() => write(path.join(file, 'out'), dev())).toThrow(/cannot use the output folder .*file\/out: a part of the path is a file, not a folder \(ENOTDIR\)/);
    fs.symlinkSync(path.join(dir, 'missing'), path.join(dir, 'link'));
    expect(() => write(path.join(dir, 'link'), dev())).toThrow(/the output folder .*link is a symbolic link to .*missing, which does not exist/);
    expect(() => write(path.join(dir, 'x'.repeat(300)), dev())).toThrow(/the name is too long|longer than 255 bytes/);
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });

  test('files whose bytes did not change are not rewritten; changed ones are', () => {
    write(dir, environment('dev', { same: [{ a: 1 }], changed: [{ b: 1 }] }));
    const inode = (f: string) => fs.statSync(path.join(dir, 'dev', f)).ino;
    const before = { same: inode('same.k8s.yaml'), kustomization: inode('kustomization.yaml'), changed: inode('changed.k8s.yaml') };
    write(dir, environment('dev', { same: [{ a: 1 }], changed: [{ b: 2 }] }));
    expect(inode('same.k8s.yaml')).toBe(before.same);
    expect(inode('kustomization.yaml')).toBe(before.kustomization);
    expect(inode('changed.k8s.yaml')).not.toBe(before.changed);
    expect(fs.readFileSync(path.join(dir, 'dev', 'changed.k8s.yaml'), 'utf8')).toBe('b: 2\n');
  });


  test('an environment whose files all stayed the same keeps its folder; the one that changed is swapped, and the manifest lists both', () => {
    write(dir, environment('dev', { web: [{ a: 1 }] }), environment('prod', { web: [{ a: 1 }] }));
    const folder = (env: string) => fs.statSync(path.join(dir, env)).ino;
    const before = { dev: folder('dev'), prod: folder('prod') };
    write(dir, environment('dev', { web: [{ a: 2 }] }), environment('prod', { web: [{ a: 1 }] }));
    expect(folder('prod')).toBe(before.prod);
    expect(folder('dev')).not.toBe(before.dev);
    expect(fs.readFileSync(path.join(dir, 'dev', 'web.k8s.yaml'), 'utf8')).toBe('a: 2\n');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, '.chartwright', 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.environments)).toEqual(['dev', 'prod']);
    // nothing changed at all: nothing is staged or committed, and no trace is left
    write(dir, environment('dev', { web: [{ a: 2 }] }), environment('prod', { web: [{ a: 1 }] }));
    expect(fs.readdirSync(path.join(dir, '.chartwright'))).toEqual(['manifest.json']);
    expect(folder('prod')).toBe(before.prod);
  });

  test('without durable flushes the commit is the same: staged, journaled, swapped, unlocked', () => {
    const steps: string[] = [];
    const output = new StagedOutput(dir, { durable: false, onStep: (step) => steps.push(step) });
    try {
      output.writeEnvironment(environment('dev', { web: [{ a: 1 }] }));
      output.commit();
    } finally {
      output.close();
    }
    expect(steps).toEqual(['staged', 'journal', 'swap dev: old out', 'swap dev: new in', 'manifest', 'journal removed', 'done']);
    expect(readTree(dir)['dev/web.k8s.yaml']).toBe('a: 1\n');
    expect(fs.readdirSync(path.join(dir, '.chartwright'))).toEqual(['manifest.json']);
  });
  test('a lock held by a running process refuses a second synth; one left by a dead process is taken over', () => {
    write(dir, dev());
    const lock = path.join(dir, '.chartwright', 'lock');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      fs.writeFileSync(lock, JSON.stringify({ pid: sleeper.pid, host: os.hostname() }));
      expect(() => write(dir, dev())).toThrow(new RegExp(`another chartwright synth \\(process ${sleeper.pid}\\) is writing to .*: wait for it to finish`));
      expect(fs.existsSync(lock)).toBe(true);
    } finally {
      sleeper.kill('SIGKILL');
    }
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    fs.writeFileSync(lock, JSON.stringify({ pid: dead, host: os.hostname() }));
    write(dir, environment('dev', { app: [{ a: 5 }] }));
    expect(fs.readFileSync(path.join(dir, 'dev', 'app.k8s.yaml'), 'utf8')).toBe('a: 5\n');
    expect(fs.existsSync(lock)).toBe(false);
  });
});
