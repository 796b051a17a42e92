import { createHash } from 'crypto';
import { NOT_PLAIN, jsonWalk, walkJson } from './json-walk';

/**
 * JSON with object keys sorted, so equal content always hashes equally:
 * `JSON.stringify` with every object's keys in sorted order.
 */
export function stableJson(value: unknown): string {
  const plain = walkJson(value, STABLE);
  return plain === NOT_PLAIN ? JSON.stringify(value, sortingReplacer) : JSON.stringify(plain);
}

/** The sha256 of a value's stable JSON, hex. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

/**
 * Plain data (strings, finite numbers, booleans, null, arrays, plain
 * objects) copied with sorted keys, for JSON.stringify to write; NOT_PLAIN
 * for anything else (toJSON methods, class instances, non-finite numbers…),
 * which JSON.stringify then writes with the sorting replacer. JSON.stringify
 * writes integer keys first either way, as objects enumerate them so.
 */
const STABLE = jsonWalk({ drop: 'undefined', other: 'give-up' });

function sortingReplacer(_key: string, v: any): unknown {
  return v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v;
}
