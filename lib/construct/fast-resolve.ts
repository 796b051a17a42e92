import { ApiObject, ApiObjectMetadataDefinition, JsonPatch, Lazy } from 'cdk8s';
// cdk8s's own modules, whose exported functions ApiObject.toJson() calls through their exports objects.
import * as resolveModule from 'cdk8s/lib/resolve';
import * as utilModule from 'cdk8s/lib/_util';
import { customResolvers } from './resolvers';
import { sortPairsInPlace, sortedKeys } from '../internal/sorted-keys';
import { merge } from '../internal/merge';

/**
 * A faster `ApiObject.toJson()` with the same output.
 *
 * cdk8s renders an object by resolving its props (`resolve`: a copy of the
 * tree, finding the App by walking up the construct tree for every single
 * value) and then sanitizing the copy (`sanitizeValue`: another copy, keys
 * sorted, empty values dropped). Most of synthesis time and garbage goes
 * there. Here both happen in one walk, for the resolvers every App has
 * (Lazy, implicit tokens, number-or-string unions); an App with resolvers of
 * its own gets cdk8s's functions.
 *
 * `withFastResolve` swaps these in for one call only: `ApiObject` and
 * `ApiObjectMetadataDefinition`'s `toJson`, and the module functions
 * `resolve` and `sanitizeValue` for any other caller.
 */

type Resolve = (key: string[], value: unknown, apiObject: ApiObject) => unknown;
type Sanitize = (obj: unknown, options?: SanitizeOptions) => unknown;
interface SanitizeOptions {
  readonly filterEmptyArrays?: boolean;
  readonly filterEmptyObjects?: boolean;
  readonly sortKeys?: boolean;
}

const resolveExports = resolveModule as unknown as { resolve: Resolve };
const utilExports = utilModule as unknown as { sanitizeValue: Sanitize };
const originalResolve = resolveExports.resolve;
const originalSanitize = utilExports.sanitizeValue;
const originalToJson = ApiObject.prototype.toJson;
const originalMetadataToJson = ApiObjectMetadataDefinition.prototype.toJson;

/** Whether an object's App has only the three resolvers every App starts with. */
function hasDefaultResolvers(apiObject: ApiObject): boolean {
  return customResolvers(apiObject).length === 0;
}

/** What the default resolvers make of a value, applied until none applies. */
function resolveOne(value: any): any {
  while (value !== null && value !== undefined && (typeof value === 'object' || typeof value === 'function')) {
    if (value instanceof Lazy) value = value.produce();
    else if (typeof value.resolve === 'function') value = value.resolve();
    else if (value.constructor !== Object && (typeof value.value === 'number' || typeof value.value === 'string')) value = { value: value.value };
    else break;
  }
  return value;
}

/** cdk8s's resolve alone: a resolved copy, nothing dropped, key order kept. */
function resolveTree(input: any): unknown {
  const value = resolveOne(input);
  if (value === null || value === undefined || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = resolveTree(value[i]);
    return out;
  }
  if (value.constructor != Object) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = resolveTree(value[key]);
  return out;
}

/**
 * cdk8s's `sanitizeValue(resolve(value))` in one walk: values are resolved
 * in the order of their keys, as cdk8s does, and the output keys sorted.
 */
function resolveAndSanitize(input: any, filterEmptyArrays: boolean, filterEmptyObjects: boolean, sortKeys: boolean): unknown {
  const value = resolveOne(input);
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (filterEmptyArrays && value.length === 0) return undefined;
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = resolveAndSanitize(value[i], filterEmptyArrays, filterEmptyObjects, sortKeys);
    return out;
  }
  if (value.constructor != Object) return sanitize(value, filterEmptyArrays, filterEmptyObjects, sortKeys);
  const keys = Object.keys(value);
  const values = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) values[i] = resolveAndSanitize(value[keys[i]], filterEmptyArrays, filterEmptyObjects, sortKeys);
  const out: Record<string, unknown> = {};
  let any = false;
  if (sortKeys) sortPairsInPlace(keys, values);
  for (let i = 0; i < keys.length; i++) {
    if (values[i] !== null && values[i] !== undefined) {
      out[keys[i]] = values[i];
      any = true;
    }
  }
  if (filterEmptyObjects && !any) return undefined;
  return out;
}

/** cdk8s's sanitizeValue. */
function sanitize(obj: any, filterEmptyArrays: boolean, filterEmptyObjects: boolean, sortKeys: boolean): unknown {
  if (obj === null || obj === undefined) return undefined;
  if (typeof obj !== 'object') return obj;
  if (Array.isArray(obj)) {
    if (filterEmptyArrays && obj.length === 0) return undefined;
    const out = new Array(obj.length);
    for (let i = 0; i < obj.length; i++) out[i] = sanitize(obj[i], filterEmptyArrays, filterEmptyObjects, sortKeys);
    return out;
  }
  if (obj.constructor.name !== 'Object') {
    throw new Error(`can't render non-simple object of type '${obj.constructor.name}'`);
  }
  const out: Record<string, unknown> = {};
  const keys = sortKeys ? sortedKeys(obj) : Object.keys(obj);
  let any = false;
  for (const key of keys) {
    const value = sanitize(obj[key], filterEmptyArrays, filterEmptyObjects, sortKeys);
    if (value !== null && value !== undefined) {
      out[key] = value;
      any = true;
    }
  }
  if (filterEmptyObjects && !any) return undefined;
  return out;
}

const fastResolve: Resolve = (key, value, apiObject) =>
  value === null || value === undefined ? value : hasDefaultResolvers(apiObject) ? resolveTree(value) : originalResolve(key, value, apiObject);

const fastSanitize: Sanitize = (obj, options = {}) =>
  sanitize(obj, options.filterEmptyArrays ?? false, options.filterEmptyObjects ?? false, options.sortKeys ?? true);

function metadataToJson(this: ApiObjectMetadataDefinition): any {
  const self = this as any;
  if (!hasDefaultResolvers(self.apiObject)) return originalMetadataToJson.call(this);
  return resolveAndSanitize(
    merge(self._additionalAttributes, {
      name: self.name,
      namespace: self.namespace,
      annotations: self.annotations,
      finalizers: self.finalizers,
      ownerReferences: self.ownerReferences,
      labels: self.labels,
    }),
    true,
    true,
    true,
  );
}

function apiObjectToJson(this: ApiObject): any {
  if (!hasDefaultResolvers(this)) return originalToJson.call(this);
  try {
    const self = this as any;
    const data = { ...self.props, metadata: this.metadata.toJson() };
    const sortKeys = process.env.CDK8S_DISABLE_SORT ? false : true;
    const json = resolveAndSanitize(data, false, false, sortKeys) as Record<string, unknown>;
    const patches: JsonPatch[] = self.patches;
    const patched = patches.length > 0 ? JsonPatch.apply(json, ...patches) : json;
    const result: Record<string, unknown> = {};
    for (const key of ['apiVersion', 'kind', 'metadata', ...Object.keys(patched)]) {
      if (key in patched) result[key] = patched[key];
    }
    return result;
  } catch (e) {
    throw new Error(`Failed serializing construct at path '${this.node.path}' with name '${this.name}': ${e}`, { cause: e });
  }
}

/** Runs `fn` with the fast rendering in place of cdk8s's. */
export function withFastResolve<T>(fn: () => T): T {
  if (ApiObject.prototype.toJson === apiObjectToJson) return fn();
  ApiObject.prototype.toJson = apiObjectToJson;
  ApiObjectMetadataDefinition.prototype.toJson = metadataToJson;
  resolveExports.resolve = fastResolve;
  utilExports.sanitizeValue = fastSanitize;
  try {
    return fn();
  } finally {
    ApiObject.prototype.toJson = originalToJson;
    ApiObjectMetadataDefinition.prototype.toJson = originalMetadataToJson;
    resolveExports.resolve = originalResolve;
    utilExports.sanitizeValue = originalSanitize;
  }
}
