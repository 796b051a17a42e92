/**
 * The layers of lib/ point one way: a file imports only from its own folder
 * and from the folders below it (docs: the layers in DESIGN.md).
 *
 *     cli/        one file per command: flags, help → calls the library only
 *     review/     what `chartwright diff` compares: outputs read, rendered, or synthesized
 *                 at a git revision, and the values that caused each change
 *     synth/      the pipeline as one function: load → build → render → validate → stage → commit
 *     package/    Package, Platform, environments, releases, their values sources
 *     values/     schema, layering, --set, JSON Schema (knows nothing of platforms)
 *     rollout/    blue/green, canary, strategy values → props of the patterns below
 *     patterns/   web service, worker, stateful service, node agent (L3: compose L2s)
 *     workloads/ networking/ scaling/ storage/ security/ policy/ config/
 *                 the L2 kinds, in this order among themselves
 *     construct/  the runtime on cdk8s: the only importer of cdk8s internals and of
 *                 cdk8s-plus-28 (its generated k8s types); names; construct checks
 *     validate/   a standalone library: depends on kube/ and internal/ only
 *     diff/       comparing two outputs object by object, risks, formats: kube/ and internal/ only
 *     kube/       Kubernetes vocabulary: names, labels, quantities, cron, install order
 *     internal/   helpers (and lib/errors.ts, which every layer throws)
 *
 * `npm run check:layers` runs this file alone.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const LIB = path.join(__dirname, '..', 'lib');

/** Top first; a folder may import from itself and from the folders after it. */
const LAYERS = [
  'cli',
  'review',
  'synth',
  'package',
  'values',
  'rollout',
  'patterns',
  'workloads',
  'networking',
  'scaling',
  'storage',
  'security',
  'policy',
  'config',
  'construct',
  'validate',
  'diff',
  'kube',
  'internal',
] as const;

/** Files at the top of lib/ and the layer they belong to. */
const TOP_FILES: Record<string, string> = {
  'index.ts': 'index', // the public API: re-exports every layer
  'errors.ts': 'internal',
};

/** Layers that may import nothing of cdk8s or constructs: they work on plain JSON. */
const PLAIN_LAYERS = new Set(['validate', 'diff', 'kube', 'internal']);

/** Modules only lib/construct/ may import: cdk8s internals, and cdk8s-plus-28 (its generated k8s types). */
function runtimeOnly(spec: string): boolean {
  return spec === 'cdk8s-plus-28' || spec.startsWith('cdk8s-plus-28/') || spec.startsWith('cdk8s/');
}

function cdk8sModule(spec: string): boolean {
  return spec === 'cdk8s' || spec === 'constructs' || runtimeOnly(spec);
}

function rank(layer: string): number {
  return layer === 'index' ? -1 : (LAYERS as readonly string[]).indexOf(layer);
}

function layerOf(file: string): string {
  const rel = path.relative(LIB, file).split(path.sep);
  return rel.length === 1 ? TOP_FILES[rel[0]] ?? `(unplaced: lib/${rel[0]})` : rel[0];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The file a relative import names, as lib/ lays it out. */
function resolveImport(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.json`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return base;
}

interface Import {
  readonly file: string;
  readonly line: number;
  readonly spec: string;
}

/** Every import, `export … from`, `require()` and `import()` of every file of lib/. */
function importsOfLib(): Import[] {
  const out: Import[] = [];
  for (const file of sourceFiles(LIB)) {
    const text = fs.readFileSync(file, 'utf8');
    const info = ts.preProcessFile(text, true, true);
    for (const ref of info.importedFiles) {
      const line = text.slice(0, ref.pos).split('\n').length;
      out.push({ file, line, spec: ref.fileName });
    }
  }
  return out;
}

const where = (i: Import) => `lib/${path.relative(LIB, i.file).split(path.sep).join('/')}:${i.line} imports '${i.spec}'`;

describe('layers', () => {
  const imports = importsOfLib();

  test('every folder of lib/ has its place in the layers', () => {
    const folders = fs.readdirSync(LIB, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const files = fs.readdirSync(LIB, { withFileTypes: true }).filter((e) => e.isFile() && /\.tsx?$/.test(e.name)).map((e) => e.name);
    expect(folders.filter((f) => rank(f) < 0)).toEqual([]);
    expect(files.filter((f) => TOP_FILES[f] === undefined)).toEqual([]);
  });

  test('imports point down only', () => {
    const against = imports
      .filter((i) => i.spec.startsWith('.'))
      .filter((i) => {
        const from = layerOf(i.file);
        const to = layerOf(resolveImport(i.file, i.spec));
        return from !== to && rank(to) <= rank(from);
      })
      .map((i) => `${where(i)}: ${layerOf(i.file)}/ is below ${layerOf(resolveImport(i.file, i.spec))}/`);
    expect(against).toEqual([]);
  });

  test('only lib/construct/ imports cdk8s internals and cdk8s-plus-28', () => {
    const outside = imports.filter((i) => runtimeOnly(i.spec) && layerOf(i.file) !== 'construct').map(where);
    expect(outside).toEqual([]);
  });

  test('validate/, diff/, kube/ and internal/ work on plain JSON, without cdk8s or constructs', () => {
    const found = imports.filter((i) => cdk8sModule(i.spec) && PLAIN_LAYERS.has(layerOf(i.file))).map(where);
    expect(found).toEqual([]);
  });

  test('the check sees imports of every form', () => {
    const kinds = new Set(imports.map((i) => fs.readFileSync(i.file, 'utf8').split('\n')[i.line - 1].trim().split(/\s/)[0]));
    expect(kinds).toContain('import');
    expect(kinds).toContain('export');
  });
});
