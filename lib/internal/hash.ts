import { createHash } from 'crypto';
import { sortKeysInPlace } from './sorted-keys';

/**
 * JSON with object keys sorted, so equal content always hashes equally:
 * `JSON.stringify` with every object's keys in sorted order.
 */
export function stableJson(value: unknown): string {
  const json = plainJson(value);
  return json === NOT_PLAIN ? JSON.stringify(value, sortingReplacer) : (json as string);
}

/** The sha256 of a value's stable JSON, hex. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

function sortingReplacer(_key: string, v: any): unknown {
  return v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v;
}

const NOT_PLAIN = Symbol('not plain JSON');

/**
 * Stable JSON of plain data (strings, finite numbers, booleans, null, arrays,
 * records) written directly; `undefined` where JSON.stringify leaves the
 * value out; NOT_PLAIN for anything else (toJSON methods, class instances,
 * non-finite numbers), which JSON.stringify then writes.
 */
function plainJson(v: unknown): string | undefined | typeof NOT_PLAIN {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? JSON.stringify(v) : NOT_PLAIN;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object': {
      if (v === null) return 'null';
      if (Array.isArray(v)) {
        const items: string[] = [];
        for (const item of v) {
          const json = plainJson(item);
          if (json === NOT_PLAIN) return NOT_PLAIN;
          items.push(json ?? 'null');
        }
        return `[${items.join(',')}]`;
      }
      if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return NOT_PLAIN;
      const record = v as Record<string, unknown>;
      const fields: string[] = [];
      for (const key of jsonKeyOrder(record)) {
        const json = plainJson(record[key]);
        if (json === NOT_PLAIN) return NOT_PLAIN;
        if (json !== undefined) fields.push(`${JSON.stringify(key)}:${json}`);
      }
      return `{${fields.join(',')}}`;
    }
    default:
      return NOT_PLAIN; // bigint: JSON.stringify throws, as before
  }
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * The order JSON.stringify writes a sorted copy's keys in: integer keys
 * first, ascending (objects enumerate them so), then the others sorted.
 */
function jsonKeyOrder(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record); // integer keys come first, ascending
  let integers = 0;
  while (integers < keys.length && ARRAY_INDEX.test(keys[integers]) && Number(keys[integers]) < 4294967295) integers++;
  if (integers === 0) return sortKeysInPlace(keys);
  return [...keys.slice(0, integers), ...sortKeysInPlace(keys.slice(integers))];
}
