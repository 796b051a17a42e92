import * as fc from 'fast-check';
import { merge } from '../../lib/internal/merge';

describe('merge', () => {
  test('is the object spread of its parts: later parts win, key order kept, undefined skipped', () => {
    const record = fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.integer(), fc.constant(undefined)), { maxKeys: 6 });
    fc.assert(
      fc.property(fc.array(fc.option(record, { nil: undefined }), { maxLength: 4 }), (parts) => {
        const spread = parts.reduce<Record<string, unknown>>((acc, part) => ({ ...acc, ...part }), {});
        const merged = merge<Record<string, unknown>>(...parts);
        expect(Object.keys(merged)).toEqual(Object.keys(spread));
        expect(merged).toEqual(spread);
      }),
    );
  });

  test('keeps an own "__proto__" key as a key, as a spread does, and the prototype as it is', () => {
    const merged = merge<Record<string, unknown>>(JSON.parse('{"__proto__": {"polluted": true}}'), { a: 1 });
    expect(Object.keys(merged)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect((merged as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
