import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { toYamlStream } from '../../lib';
import { StagedOutput } from '../../lib/synth/output';
import { RenderedEnvironment } from '../../lib/synth/render';

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
    expect(fs.readdirSync(dir)).toEqual(['dev']);
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
    expect(fs.readdirSync(dir)).toEqual(['dev']);
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
