import * as fs from 'fs';
import * as path from 'path';
import { LineCounter, parseAllDocuments, stringify } from 'yaml';
import { parseManifests } from '../../lib/validate';
import { YAML11_OPTIONS } from '../../lib/validate/yaml11';
import { LineMap, Unsupported, readDocument, resolvePlain } from '../../lib/validate/yaml-reader';
import { REPO } from '../support/project';

/**
 * The YAML reader: scalars resolved as kubectl (sigs.k8s.io/yaml, go-yaml
 * v2) resolves them, and a fast path held to the `yaml` package (set to the
 * same YAML 1.1 rules) on every fixture of the repository and on generated
 * documents: the same values, and the same line for every path.
 */

describe('plain scalars resolve as go-yaml v2 resolves them', () => {
  test.each([
    ['yes', true], ['Yes', true], ['YES', true], ['y', true], ['Y', true], ['on', true], ['On', true], ['ON', true], ['true', true], ['True', true],
    ['no', false], ['No', false], ['n', false], ['N', false], ['off', false], ['Off', false], ['OFF', false], ['false', false],
    ['~', null], ['null', null], ['Null', null], ['NULL', null], ['', null],
    ['0644', 420], ['0o17', 15], ['0x1F', 31], ['0b101', 5], ['-0x10', -16], ['+12', 12], ['1_000', 1000], ['0', 0], ['-0', -0],
    ['08', 8], ['1.5', 1.5], ['.5', 0.5], ['1e3', 1000], ['-1.5E-2', -0.015], ['.inf', Infinity], ['-.Inf', -Infinity],
    ['9223372036854775807', 9223372036854775807],
    ['yess', 'yess'], ['1:20', '1:20'], ['2001-12-14', '2001-12-14'], ['2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'], ['0x', '0x'], ['1.2.3', '1.2.3'], ['nginx', 'nginx'], ['- a', '- a'], ['TRUE!', 'TRUE!'],
  ])('%p → %p', (text, value) => {
    expect(resolvePlain(text)).toEqual(value);
  });

  test('.nan is NaN', () => expect(resolvePlain('.nan')).toBeNaN());

  test('quoted scalars stay strings', () => {
    expect(readDocument('a: "yes"\nb: \'0644\'\nc: "\\u00e9\\n"\nd: \'it\'\'s\'\n')!.value).toEqual({ a: 'yes', b: '0644', c: 'é\n', d: "it's" });
  });

  test('keys that resolve to other types become strings, as in JSON', () => {
    expect(readDocument('yes: 1\n0644: 2\n~: 3\n')!.value).toEqual({ true: 1, 420: 2, null: 3 });
  });
});

describe('documents', () => {
  test('merge keys: the merged mapping, then what follows overrides it; of several, the first wins', () => {
    const doc = 'base: &base {a: 1, b: 2}\nmore: &more {b: 3, c: 4}\none:\n  <<: *base\n  b: 9\nmany:\n  <<: [*base, *more]\n';
    expect(readDocument(doc)!.value).toEqual({ base: { a: 1, b: 2 }, more: { b: 3, c: 4 }, one: { a: 1, b: 9 }, many: { a: 1, b: 2, c: 4 } });
  });

  test('a key repeated after a merge is not a duplicate; repeated twice it is', () => {
    expect(() => readDocument('x: &x {a: 1}\ny:\n  <<: *x\n  a: 2\n')).not.toThrow();
    expect(() => readDocument('y:\n  a: 1\n  a: 2\n')).toThrow('the key "a" is repeated');
  });

  test('empty and comment-only documents are nothing', () => {
    expect(readDocument('')).toBeUndefined();
    expect(readDocument('# Source: x.yaml\n\n# another\n')).toBeUndefined();
  });

  test('block scalars: literal and folded, with each chomping', () => {
    const doc = 'a: |\n  one\n  two\n\nb: |-\n  x\nc: |+\n  y\n\nd: >\n  folded\n  line\n\n  para\ne: >-\n  z\nf: x\n';
    expect(readDocument(doc)!.value).toEqual({ a: 'one\ntwo\n', b: 'x', c: 'y\n\n', d: 'folded line\npara\n', e: 'z', f: 'x' });
  });

  test('what it does not read is left to the yaml package', () => {
    for (const doc of ['a: !!str 1\n', 'a: "two\n  lines"\n', 'a: plain\n  continued\n', '? complex\n: key\n', 'a: >\n  x\n    more\n']) {
      expect(() => readDocument(doc)).toThrow(Unsupported);
    }
  });
});

describe('parseManifests reads as kubectl reads', () => {
  const values = (text: string) => parseManifests('x.yaml', text);

  test('YAML 1.1 booleans and octal numbers (the API server sees these types)', () => {
    const { objects } = values('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {enabled: yes}\ndata:\n  feature: on\n  mode: 0644\n');
    expect(objects[0].obj).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { enabled: true } }, data: { feature: true, mode: 420 } });
  });

  test('empty and comment-only documents are skipped, and keep the numbering', () => {
    const { objects, findings } = values('---\n# Source: a.yaml\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n\n---\n');
    expect(findings).toEqual([]);
    expect(objects.map((o) => [o.source.document, (o.obj as any).metadata.name])).toEqual([[1, 'a']]);
  });

  test('JSON over several lines', () => {
    const { objects } = values('{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "metadata": {"name": "j"},\n  "data": {"on": "yes"}\n}\n');
    expect(objects[0].obj).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'j' }, data: { on: 'yes' } });
    expect(objects[0].locate!(['data', 'on'])).toBe(5);
  });

  test('a List is its items, each with its lines', () => {
    const { objects } = values('apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: b\n');
    expect(objects.map((o) => (o.obj as any).kind)).toEqual(['ConfigMap', 'Secret']);
    expect(objects[1].locate!(['metadata', 'name'])).toBe(10);
  });

  test('kustomization.yaml is not an object', () => {
    expect(values('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n').objects).toEqual([]);
  });

  test('a duplicate key is one finding at its line, found in linear time on a large mapping', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `  k${i}: "${i}"`);
    keys.push('  k17: "again"');
    const { objects, findings } = values(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n${keys.join('\n')}\n`);
    expect(objects).toEqual([]);
    expect(findings.map((f) => [f.rule, f.source?.line])).toEqual([['yaml-duplicate-key', 50_005]]);
  });

  test('an alias bomb is refused', () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const { objects, findings } = values(lines.join('\n') + '\n');
    expect(objects.length).toBe(0);
    expect(findings.map((f) => f.rule)).toEqual(['yaml-syntax']);
  });

  test('a syntax error is reported at its line by the yaml package', () => {
    const { findings } = values('apiVersion: v1\nkind: ConfigMap\n---\ndata:\n  a: 1\n b: 2\n');
    expect(findings.map((f) => [f.rule, f.source?.document, f.source?.line])).toEqual([['yaml-syntax', 1, 6]]);
  });
});

/** The value and the line of every path of each document, as the yaml package (with kubectl's YAML 1.1) reads them. */
function reference(text: string): Array<{ value: unknown; lines: Map<string, number> }> {
  const lineCounter = new LineCounter();
  const out: Array<{ value: unknown; lines: Map<string, number> }> = [];
  for (const doc of parseAllDocuments(text, { ...YAML11_OPTIONS, lineCounter })) {
    if (doc.errors.length > 0 || doc.contents === null) continue;
    const value = doc.toJS({ maxAliasCount: 100 });
    const lines = new Map<string, number>();
    const walk = (v: unknown, p: (string | number)[]) => {
      const node = p.length === 0 ? doc.contents : doc.getIn(p, true);
      if (node && typeof node === 'object' && 'range' in node && (node as any).range) lines.set(JSON.stringify(p), lineCounter.linePos((node as any).range[0]).line);
      if (v && typeof v === 'object') for (const [k, sub] of Object.entries(v)) walk(sub, [...p, Array.isArray(v) ? Number(k) : k]);
    };
    walk(value, []);
    out.push({ value, lines });
  }
  return out;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe('the fast reader against the yaml package', () => {
  const files = [...yamlFiles(path.join(REPO, 'test', 'fixtures')), ...yamlFiles(path.join(REPO, 'apps'))];

  test.each(files.map((f) => [path.relative(REPO, f)]))('%s: the same values and lines', (file) => {
    const text = fs.readFileSync(path.join(REPO, file), 'utf8');
    const expected = reference(text);
    const { objects } = parseManifests(file, text);
    const documents = [...new Set(objects.map((o) => o.source.document))];
    // a List's items and kustomize files aside, each document is one object
    const plain = objects.filter((o) => objects.filter((x) => x.source.document === o.source.document).length === 1);
    for (const o of plain) {
      const ref = expected.find((e) => JSON.stringify(e.value) === JSON.stringify(o.obj));
      expect(ref).toBeDefined();
      for (const [p, line] of ref!.lines) expect([p, o.locate!(JSON.parse(p))]).toEqual([p, line]);
    }
    expect(documents.length).toBeLessThanOrEqual(expected.length);
  });

  test('generated documents: the same values, mostly without the yaml package', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const STRINGS = ['yes', 'no', 'on', 'off', 'y', 'n', '0644', '1_000', '0x1F', '~', 'null', '', ' lead', 'trail ', "it's", 'a: b', '#x', 'x #y', '- a', '[x]', '{y}',
      'one\ntwo', 'one\ntwo\n', '\ttab', 'ünï', '@at', '*star', '&amp', '!bang', '%pct', 'key:', '1.5', '2001-12-14', 'true', 'nginx:1.27.3', 'https://example.com/a?b=c#d', '"quoted"', 'a\\b'];
    const scalar = () => pick<unknown>([...STRINGS, 0, 1, -5, 420, 3.25, true, false, null, 2 ** 40]);
    const value = (depth: number): unknown => {
      const r = random();
      if (depth > 3 || r < 0.45) return scalar();
      if (r < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      const out: Record<string, unknown> = {};
      for (let i = Math.floor(random() * 5); i > 0; i--) out[pick(['name', 'app', 'yes', 'on', 'x y', 'a.b/c', 'k8s', '0644', 'null', 'spec', '-', 'data']) + (random() < 0.3 ? i : '')] = value(depth + 1);
      return out;
    };
    let fast = 0;
    const runs = 400;
    for (let i = 0; i < runs; i++) {
      const obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i}` }, data: value(0) };
      const text = stringify(obj, { version: '1.1', flowCollectionPadding: random() < 0.5, indentSeq: random() < 0.5, lineWidth: 0 });
      const expected = JSON.parse(JSON.stringify(reference(text)[0].value));
      const { objects, findings } = parseManifests('gen.yaml', text);
      expect(findings).toEqual([]);
      expect([text, objects[0].obj]).toEqual([text, expected]);
      try {
        const lines: LineMap = new Map();
        readDocument(text, lines);
        fast++;
      } catch (err) {
        if (!(err instanceof Unsupported)) throw err;
      }
    }
    expect(fast / runs).toBeGreaterThan(0.9);
  });
});
