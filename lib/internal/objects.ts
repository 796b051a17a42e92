/** What JSON objects are, once for the whole library. */

/** An object that is not an array (nor null): what a JSON object parses to, and what a mapping of a values file is. */
export function isRecord(x: unknown): x is Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * A plain object: made by a literal, JSON.parse or `Object.create(null)`,
 * not by a class (`new Date()`, `k8s.IntOrString`, `Lazy`). Only plain
 * objects are copied field by field into manifests and hashes.
 */
export function isPlainObject(x: unknown): x is Record<string, any> {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** Sets an own property, even one named `__proto__`, without touching the prototype. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** `obj[key]` if `obj` has it as an own property. */
export function getOwn(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}
