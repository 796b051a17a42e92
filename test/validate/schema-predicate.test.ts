import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { parseManifests } from '../../lib/validate';
import { KubeSchema, Node, checkNode, crdNode } from '../../lib/validate/schema';
import { passes } from '../../lib/validate/schema-predicate';
import { REPO } from '../support/project';

const VALID = path.join(REPO, 'test', 'fixtures', 'validate', 'valid');

/** The built-in objects of the valid fixtures, with their schema nodes. */
const objects = fs
  .readdirSync(VALID)
  .flatMap((file) => parseManifests(file, fs.readFileSync(path.join(VALID, file), 'utf8')).objects)
  .map(({ obj }) => obj as Record<string, any>)
  .flatMap((obj) => {
    const kind = KubeSchema.of().kind(obj.apiVersion, obj.kind);
    return kind ? [{ obj, node: kind.node }] : [];
  });

function findings(node: Node, value: unknown): string[] {
  const out: string[] = [];
  checkNode(node, value, [], (rule, p, message) => out.push(`${rule} ${p.join('.')}: ${message}`));
  return out;
}

/** Every [path, value] inside a JSON value. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => pathsOf((value as any)[k], [...at, k]))];
}

function setAt(root: any, at: (string | number)[], value: unknown): any {
  const copy = structuredClone(root);
  let node = copy;
  for (const step of at.slice(0, -1)) node = node[step];
  node[at[at.length - 1]] = value;
  return copy;
}

describe('compiled schema check', () => {
  test('passes every object of the valid fixtures, as checkNode does', () => {
    expect(objects.length).toBeGreaterThan(5);
    for (const { obj, node } of objects) {
      expect(findings(node, obj)).toEqual([]);
      expect(passes(node, obj)).toBe(true);
    }
  });

  test('never passes what checkNode reports: any field of a valid object set to any value, or an unknown field added', () => {
    const json = fc.oneof(
      fc.string({ maxLength: 5 }), fc.constantFrom('500m', '1Gi', '2024-01-31T12:00:00Z', 'Always', 'TCP', '', '80'),
      fc.constant(undefined), fc.integer(), fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1.5, Infinity), fc.boolean(), fc.constant(null),
      fc.constant([]), fc.constant({}), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 2 }),
    );
    const mutation = fc.constantFrom(...objects).chain(({ obj, node }) =>
      fc.tuple(fc.constant(node), fc.constant(obj), fc.constantFrom(...pathsOf(obj).filter((p) => p.length > 0)), json, fc.boolean()),
    );
    fc.assert(
      fc.property(mutation, ([node, obj, at, value, addField]) => {
        const changed = addField && at.length > 1 ? setAt(obj, [...at.slice(0, -1), 'notAField'], value) : setAt(obj, at, value);
        if (passes(node, changed)) expect(findings(node, changed)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  test('custom resources whose fields share a name with what every object inherits ("constructor", "toString")', () => {
    const node = crdNode({
      type: 'object',
      properties: { spec: { type: 'object', required: ['constructor'], properties: { constructor: { type: 'string' }, toString: { type: 'integer' } } } },
    });
    const cr = (spec: unknown) => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec });
    for (const value of [cr({ constructor: 'a' }), cr({ constructor: 'a', toString: 1 })]) {
      expect(findings(node, value)).toEqual([]);
      expect(passes(node, value)).toBe(true);
    }
    for (const value of [cr({}), cr({ toString: 1 }), cr({ constructor: 1 }), cr({ constructor: 'a', toString: 'x' }), cr({ constructor: 'a', other: 1 })]) {
      expect(findings(node, value)).not.toEqual([]);
      expect(passes(node, value)).toBe(false);
    }
  });

  test('an object with an unknown field, or a known field set to undefined, is left to checkNode', () => {
    const { node } = KubeSchema.of().kind('v1', 'ConfigMap')!;
    const base = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } };
    expect(passes(node, base)).toBe(true);
    expect(passes(node, { ...base, other: undefined })).toBe(false);
    expect(findings(node, { ...base, other: undefined })).toHaveLength(1);
    expect(passes(node, { ...base, data: undefined })).toBe(false);
    expect(findings(node, { ...base, data: undefined })).toEqual([]);
  });
});
