/**
 * The one walk from a value to plain JSON. Every object the library writes
 * goes through it: the props of a Kubernetes object on their way to the
 * manifest (with tokens resolved, see construct/tokens.ts), cdk8s's own
 * objects' props and metadata, and the stable JSON that content hashes are
 * taken of. One idea of a plain object (isPlainObject), one order of keys
 * (sorted as `Array.prototype.sort()` sorts strings), and the differences
 * between its uses said in a JsonWalk instead of written out again.
 */
import { isPlainObject } from './objects';
import { sortPairsInPlace } from './sorted-keys';

/** What a walk does besides copying: resolution, which values it drops, key order, and what it makes of the rest. */
export interface JsonWalk {
  /**
   * What stands for a value that is not plain JSON (a token, a class
   * instance with a value): applied until it returns the value it was given.
   * `key` is the path of the value from the top, when `keyed`.
   * @default - nothing is resolved
   */
  readonly resolve?: (value: any, key: readonly string[]) => unknown;
  /** Whether `resolve` sees every value, strings and plain objects included, and the path of each (custom resolvers need both). */
  readonly keyed: boolean;
  /**
   * The object fields left out: `nullish` leaves out null and undefined (and
   * makes null list items undefined), as manifests do; `undefined` leaves out
   * undefined, as JSON.stringify does; `none` keeps every field.
   */
  readonly drop: 'nullish' | 'undefined' | 'none';
  /** Empty lists become undefined (and are then dropped). */
  readonly filterEmptyArrays: boolean;
  /** Objects with no field left become undefined (and are then dropped). */
  readonly filterEmptyObjects: boolean;
  /** Object keys are sorted; else they keep their order. Values are walked in their own order either way. */
  readonly sortKeys: boolean;
  /**
   * What becomes of what JSON cannot hold once resolved: `throw` for an
   * object that is not plain (a manifest cannot hold it); `keep` leaves it
   * as it is; `give-up` makes the whole walk return NOT_PLAIN on any value
   * JSON.stringify would write its own way (class instances, `toJSON`
   * methods, functions, symbols, bigints, numbers that are not finite).
   */
  readonly other: 'throw' | 'keep' | 'give-up';
}

/**
 * A walk: the defaults a manifest wants (null and undefined dropped, keys
 * sorted, other objects an error, nothing resolved) and the options given.
 * Made here so that every walk has the same shape, which keeps the property
 * reads of the walk fast where it runs once per value.
 */
export function jsonWalk(options: Partial<JsonWalk>): JsonWalk {
  return {
    resolve: options.resolve,
    keyed: options.keyed ?? false,
    drop: options.drop ?? 'nullish',
    filterEmptyArrays: options.filterEmptyArrays ?? false,
    filterEmptyObjects: options.filterEmptyObjects ?? false,
    sortKeys: options.sortKeys ?? true,
    other: options.other ?? 'throw',
  };
}

/** What a `give-up` walk returns when the value is not plain JSON. */
export const NOT_PLAIN: unique symbol = Symbol('not plain JSON');

const NO_KEY: readonly string[] = [];

/** The value as plain JSON, as the walk says; NOT_PLAIN only from a `give-up` walk. */
export function walkJson(input: unknown, walk: JsonWalk, key: readonly string[] = NO_KEY): unknown {
  let value: any = input;
  const resolve = walk.resolve;
  if (resolve !== undefined) {
    while (value !== null && value !== undefined) {
      if (!walk.keyed && ((typeof value !== 'object' && typeof value !== 'function') || (isPlainObject(value) && typeof value.resolve !== 'function'))) break;
      const next = resolve(value, key);
      if (next === value) break;
      value = next;
    }
  }
  if (value === null || value === undefined) return value;
  if (typeof value !== 'object') {
    if (walk.other === 'give-up' && typeof value !== 'string' && typeof value !== 'boolean' && !(typeof value === 'number' && Number.isFinite(value))) return NOT_PLAIN;
    return value;
  }
  if (Array.isArray(value)) {
    if (walk.filterEmptyArrays && value.length === 0) return undefined;
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const child = value[i];
      const item = typeof child === 'string' && !walk.keyed ? child : walkJson(child, walk, walk.keyed ? [...key, String(i)] : key);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      out[i] = item === null && walk.drop === 'nullish' ? undefined : item;
    }
    return out;
  }
  if (!isPlainObject(value) || (walk.other === 'give-up' && typeof value.toJSON === 'function')) {
    if (walk.other === 'keep') return value;
    if (walk.other === 'give-up') return NOT_PLAIN;
    throw new Error(`can't render non-simple object of type '${value.constructor?.name}'`);
  }
  const keys = Object.keys(value);
  const out: Record<string, unknown> = {};
  let any = false;
  // keys in order already (or kept in their order): each value goes straight to the copy, with no list of values to sort
  if (!walk.sortKeys || inOrder(keys)) {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const child = value[k];
      // a string stays as it is unless a keyed resolver sees it: no call for the most common value
      const item = typeof child === 'string' && !walk.keyed ? child : walkJson(child, walk, walk.keyed ? [...key, k] : key);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      if (keep(item, walk)) {
        setField(out, k, item);
        any = true;
      }
    }
  } else {
    const values = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const child = value[keys[i]];
      const item = typeof child === 'string' && !walk.keyed ? child : walkJson(child, walk, walk.keyed ? [...key, keys[i]] : key);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      values[i] = item;
    }
    sortPairsInPlace(keys, values);
    for (let i = 0; i < keys.length; i++) {
      const item = values[i];
      if (keep(item, walk)) {
        setField(out, keys[i], item);
        any = true;
      }
    }
  }
  if (walk.filterEmptyObjects && !any) return undefined;
  return out;
}

/** Whether the walk keeps a field of this value. */
function keep(item: unknown, walk: JsonWalk): boolean {
  return walk.drop === 'none' || (item !== undefined && (walk.drop === 'undefined' || item !== null));
}

function setField(out: Record<string, unknown>, key: string, item: unknown): void {
  // an own "__proto__" key stays a key; assignment would set the prototype
  if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
  else out[key] = item;
}

/** Whether the keys are sorted already, as `Array.prototype.sort()` sorts strings. */
function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1] > keys[i]) return false;
  return true;
}
