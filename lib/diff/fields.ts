import { PathPart } from '../internal/json-path';
import { isRecord } from '../internal/objects';
import { FieldChange } from './model';

/**
 * The fields that differ between two versions of an object, as paths with
 * before and after values, keys in sorted order. Maps are compared key by
 * key, lists of the same length item by item; a list whose length changed is
 * one change of the whole list (what a reviewer reads as one edit).
 */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, [], out);
  return out;
}

function walk(x: unknown, y: unknown, path: PathPart[], out: FieldChange[]): void {
  if (x === y) return;
  if (Array.isArray(x) && Array.isArray(y) && x.length === y.length) {
    for (let i = 0; i < x.length; i++) walk(x[i], y[i], [...path, i], out);
    return;
  }
  if (isRecord(x) && isRecord(y)) {
    const keys = new Set(Object.keys(x));
    for (const k of Object.keys(y)) keys.add(k);
    for (const k of [...keys].sort()) {
      const a = Object.prototype.hasOwnProperty.call(x, k) ? x[k] : undefined;
      const b = Object.prototype.hasOwnProperty.call(y, k) ? y[k] : undefined;
      if (a !== b) walk(a, b, [...path, k], out);
    }
    return;
  }
  if (!deepEqual(x, y)) out.push({ path, before: x, after: y });
}

/**
 * Whether two JSON values are equal (key order aside). It allocates nothing
 * (no key lists): it settles the thousands of equal objects of a diff.
 * JSON objects have no inherited keys, so `for…in` sees exactly their own.
 */
export function deepEqual(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  const list = Array.isArray(x);
  if (list !== Array.isArray(y)) return false;
  if (list) {
    const a = x as unknown[];
    const b = y as unknown[];
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  const a = x as Record<string, unknown>;
  const b = y as Record<string, unknown>;
  let keys = 0;
  for (const k in a) {
    if (!Object.prototype.hasOwnProperty.call(b, k) || !deepEqual(a[k], b[k])) return false;
    keys++;
  }
  for (const _ in b) keys--;
  return keys === 0;
}

/** The value at a path, or undefined. */
export function valueAt(obj: unknown, path: readonly PathPart[]): unknown {
  let v: any = obj;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[p];
  }
  return v;
}

/** Whether `path` starts with `prefix`. */
export function startsWith(path: readonly PathPart[], prefix: readonly PathPart[]): boolean {
  if (path.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}
