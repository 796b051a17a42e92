import * as fc from 'fast-check';
import { contentHash, stableJson } from '../../lib/internal/hash';

/** The definition: JSON.stringify with each object's keys sorted. */
function reference(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

describe('stable JSON', () => {
  test('is JSON.stringify with sorted keys, for any JSON-like value', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 5 }), tie('node'), { maxKeys: 5 })),
    })).node;
    fc.assert(fc.property(value, (v) => expect(stableJson(v)).toBe(reference(v))));
  });

  test('writes values with toJSON, such as dates, as JSON.stringify does', () => {
    const value = { b: new Date(0), a: { toJSON: () => ({ y: 1, x: 2 }) } };
    expect(stableJson(value)).toBe(reference(value));
  });

  test('equal content hashes equally whatever the key order', () => {
    expect(contentHash({ data: { a: '1', b: '2' } })).toBe(contentHash({ data: { b: '2', a: '1' } }));
    expect(contentHash({ data: { a: '1' } })).not.toBe(contentHash({ data: { a: '2' } }));
  });
});
