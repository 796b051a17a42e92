/**
 * `{ ...a, ...b, … }`: the own enumerable properties of each part in turn,
 * later parts winning; undefined parts are skipped.
 *
 * Code that runs once per object uses this instead of an object literal that
 * starts with a spread and goes on (`{ ...a, b }`, `{ ...a, ...b }`): V8
 * (Node 20) gives every object made so a hidden class of its own, which costs
 * a runtime call per property, memory, and slow property access wherever the
 * object is read later. Objects built here share hidden classes by their keys,
 * as literals do.
 */
export function merge<T extends object>(...parts: ReadonlyArray<Partial<T> | undefined>): T {
  const out = {};
  for (const part of parts) {
    if (part === undefined) continue;
    if (hasOwn.call(part, '__proto__')) {
      // a spread keeps an own "__proto__" key as a key; assignment would set the prototype
      for (const key of Object.keys(part)) {
        Object.defineProperty(out, key, { value: (part as Record<string, unknown>)[key], enumerable: true, writable: true, configurable: true });
      }
    } else {
      Object.assign(out, part);
    }
  }
  return out as T;
}

const hasOwn = Object.prototype.hasOwnProperty;
