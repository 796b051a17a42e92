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
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    if (part === undefined) continue;
    for (const key of Object.keys(part)) {
      const value = (part as Record<string, unknown>)[key];
      // an own "__proto__" key stays a key, as with a spread
      if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
    }
  }
  return out as T;
}
