/**
 * Sorting of object keys for rendering, as `Array.prototype.sort()` orders
 * strings (by UTF-16 code units), without its allocations: the objects of a
 * manifest have a handful of keys, often in order already, so an insertion
 * sort in place is the cheapest. Long key lists use the built-in sort.
 */
const INSERTION_LIMIT = 32;

/** `keys`, sorted in place. */
export function sortKeysInPlace(keys: string[]): string[] {
  if (keys.length > INSERTION_LIMIT) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    if (keys[j] <= key) continue;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/** An object's own enumerable keys, sorted. */
export function sortedKeys(value: object): string[] {
  return sortKeysInPlace(Object.keys(value));
}

/** Sorts `keys` in place and moves `values` along, index for index. */
export function sortPairsInPlace(keys: string[], values: unknown[]): void {
  if (keys.length > INSERTION_LIMIT) {
    const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
    const k = order.map((i) => keys[i]);
    const v = order.map((i) => values[i]);
    for (let i = 0; i < keys.length; i++) {
      keys[i] = k[i];
      values[i] = v[i];
    }
    return;
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    const value = values[i];
    let j = i - 1;
    if (keys[j] <= key) continue;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      values[j + 1] = values[j];
      j--;
    }
    keys[j + 1] = key;
    values[j + 1] = value;
  }
}
