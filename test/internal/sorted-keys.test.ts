import * as fc from 'fast-check';
import { sortKeysInPlace, sortPairsInPlace, sortedKeys } from '../../lib/internal/sorted-keys';

// short lists take the insertion sort, long ones the built-in sort: both are covered
const keyLists = fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 80 });

describe('sorted keys', () => {
  test('sorts as Array.prototype.sort does, short lists and long', () => {
    fc.assert(
      fc.property(keyLists, (keys) => {
        expect(sortKeysInPlace([...keys])).toEqual([...keys].sort());
      }),
    );
  });

  test('sortPairsInPlace moves each value with its key', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 80 }), (keys) => {
        const values = keys.map((k) => `value of ${k}`);
        sortPairsInPlace(keys, values);
        expect(keys).toEqual([...keys].sort());
        expect(values).toEqual(keys.map((k) => `value of ${k}`));
      }),
    );
  });

  test('sortedKeys sorts an object\'s own keys, integer-like keys among the others', () => {
    expect(sortedKeys({ b: 1, a: 2, 10: 3, 9: 4, Z: 5 })).toEqual(['10', '9', 'Z', 'a', 'b']);
  });
});
