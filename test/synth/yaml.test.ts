import * as fc from 'fast-check';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { toYaml, toYamlStream } from '../../lib';
import { quoteString } from '../../lib/synth/yaml';

/** Parses as YAML 1.2 (core schema) and as YAML 1.1, the two readings a manifest meets. */
function readBoth(text: string): [unknown, unknown] {
  return [parse(text), parse(text, { version: '1.1' })];
}

const TRICKY = [
  '', ' ', 'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'NO', 'true', 'False', 'null', 'Null', '~', '=', '<<',
  '0777', '0x1F', '0o17', '0b101', '1e3', '1E-3', '.5', '5.', '.inf', '-.inf', '.NaN', '1_000', '12:30', '190:20:30',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '1.27', '1.27.3', '-1', '+1', '- item', '? key', ': value', 'a: b',
  'a #comment', '#comment', '@at', '`tick', '!tag', '&anchor', '*alias', '|', '>', "'single'", '"double"', '%percent',
  '{a}', '[a]', 'a,b', 'trailing ', ' leading', 'tab\there', 'line\nbreak', 'ends with newline\n', 'two\n\n', '\n',
  '---', '...', '..', '.', 'key:', 'http://x.y/z', 'nginx:1.27-alpine', '100m', '512Mi', '8080/TCP', 'caf\u00e9',
  '\u2028', '\u0085', '\u007f', '\ufeff', 'emoji \ud83d\ude00', 'a\r\nb', '  indented\nblock', 'block\n  indented\n',
];

describe('YAML emitter', () => {
  test.each(TRICKY)('round-trips %j through YAML 1.2 and 1.1 parsers, as value and as key', (s) => {
    const text = toYaml({ key: s, [s]: 'value', list: [s] });
    for (const read of readBoth(text)) {
      expect(read).toEqual({ key: s, [s]: 'value', list: [s] });
    }
  });

  test('writes common Kubernetes strings plain, and ambiguous ones quoted', () => {
    expect(quoteString('nginx:1.27-alpine')).toBe('nginx:1.27-alpine');
    expect(quoteString('app.kubernetes.io/name')).toBe('app.kubernetes.io/name');
    expect(quoteString('100m')).toBe('100m');
    expect(quoteString('yes')).toBe('"yes"');
    expect(quoteString('0777')).toBe('"0777"');
    expect(quoteString('1.27')).toBe('"1.27"');
    expect(quoteString('')).toBe('""');
  });

  test('writes multi-line strings as literal blocks with the right chomping', () => {
    expect(toYaml({ a: 'one\ntwo\n' })).toBe('a: |\n  one\n  two\n');
    expect(toYaml({ a: 'one\ntwo' })).toBe('a: |-\n  one\n  two\n');
    expect(toYaml({ a: ['x\ny\n'] })).toBe('a:\n  - |\n    x\n    y\n');
    expect(toYaml({ a: 'x\n\ny\n' })).toBe('a: |\n  x\n\n  y\n');
  });

  test('lays out nested maps and sequences in block style', () => {
    const value = {
      apiVersion: 'v1',
      kind: 'Pod',
      spec: { containers: [{ name: 'a', ports: [{ containerPort: 80 }], args: [] }], nested: [[1, 2], [{ x: 1 }]], empty: {} },
    };
    expect(toYaml(value)).toBe(
      [
        'apiVersion: v1',
        'kind: Pod',
        'spec:',
        '  containers:',
        '    - name: a',
        '      ports:',
        '        - containerPort: 80',
        '      args: []',
        '  nested:',
        '    - - 1',
        '      - 2',
        '    - - x: 1',
        '  empty: {}',
        '',
      ].join('\n'),
    );
  });

  test('writes numbers, booleans and null as YAML scalars, and skips undefined', () => {
    expect(toYaml({ a: 1, b: -2.5, c: true, d: null, e: undefined, f: 1e21 })).toBe('a: 1\nb: -2.5\nc: true\nd: null\nf: 1e+21\n');
  });

  test('rejects values YAML for Kubernetes cannot carry, naming the path', () => {
    expect(() => toYaml({ spec: { replicas: NaN } })).toThrow('cannot write NaN at spec.replicas');
    expect(() => toYaml({ a: [() => 1] })).toThrow('cannot write a value of type function at a[0]');
  });

  test('separates documents with ---', () => {
    const text = toYamlStream([{ a: 1 }, { b: 2 }]);
    expect(text).toBe('a: 1\n---\nb: 2\n');
    expect(parseAllDocuments(text).map((d) => d.toJS())).toEqual([{ a: 1 }, { b: 2 }]);
  });

  test('any JSON value survives emission and parsing unchanged (property)', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom(...TRICKY));
    const leaf = fc.oneof(
      fc.string(),
      fc.constantFrom(...TRICKY),
      fc.string({ unit: 'grapheme' }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
      fc.boolean(),
      fc.constant(null),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('node'), { maxLength: 4 }),
      object: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    })).object;
    fc.assert(
      fc.property(tree, (value) => {
        const text = toYaml(value);
        for (const read of readBoth(text)) expect(read).toEqual(value);
      }),
      { numRuns: 1500 },
    );
  });

  test('agrees with the yaml package on what a manifest means', () => {
    const manifest = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { 'app.kubernetes.io/version': '1.0' } }, spec: { replicas: 3, template: { spec: { containers: [{ name: 'web', image: 'nginx', args: ['--port', '8080', 'on'] }] } } } };
    expect(parse(toYaml(manifest))).toEqual(parse(stringify(manifest)));
  });

  test('writes a map whose fields are all undefined as {}, as a value, a list item and a document', () => {
    expect(toYaml({ a: { b: undefined }, list: [{ x: undefined }, [], {}, { y: 1, z: undefined }], c: 1, d: [[{ e: undefined }]] })).toBe(
      'a: {}\nlist:\n  - {}\n  - []\n  - {}\n  - "y": 1\nc: 1\nd:\n  - - {}\n',
    );
    expect(toYaml({ only: undefined })).toBe('{}\n');
    expect(toYaml([{ x: undefined }])).toBe('- {}\n');
    expect(toYaml([])).toBe('[]\n');
  });

  test('names the path of a value it cannot write, and writes the next document whole', () => {
    expect(() => toYaml({ a: [{ b: Infinity }] })).toThrow('cannot write Infinity at a[0].b');
    expect(toYaml({ a: 1 })).toBe('a: 1\n');
  });
});

