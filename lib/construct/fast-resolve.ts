import { ApiObject, ApiObjectMetadataDefinition, JsonPatch } from 'cdk8s';
// cdk8s's own modules, whose exported functions ApiObject.toJson() calls through their exports objects.
import * as resolveModule from 'cdk8s/lib/resolve';
import * as utilModule from 'cdk8s/lib/_util';
import { customResolvers } from './resolvers';
import { tokenResolver } from './tokens';
import { jsonWalk, walkJson } from '../internal/json-walk';
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

const UNIONS_WRAPPED = tokenResolver('wrapped');
/** As cdk8s renders: unions as `{ value }`, null and undefined fields dropped, keys sorted, non-plain objects an error. */
const RENDER = jsonWalk({ resolve: UNIONS_WRAPPED });
const RENDER_UNSORTED = jsonWalk({ resolve: UNIONS_WRAPPED, sortKeys: false });
/** Metadata: empty lists and objects dropped too. */
const METADATA = jsonWalk({ resolve: UNIONS_WRAPPED, filterEmptyArrays: true, filterEmptyObjects: true });
/** cdk8s's resolve alone: a resolved copy, nothing dropped, key order kept, other objects as they are. */
const RESOLVE_ONLY = jsonWalk({ resolve: UNIONS_WRAPPED, drop: 'none', sortKeys: false, other: 'keep' });

const fastResolve: Resolve = (key, value, apiObject) =>
  value === null || value === undefined ? value : hasDefaultResolvers(apiObject) ? walkJson(value, RESOLVE_ONLY) : originalResolve(key, value, apiObject);

/** cdk8s's sanitizeValue: nothing resolved. */
const fastSanitize: Sanitize = (obj, options = {}) =>
  walkJson(obj, jsonWalk({ filterEmptyArrays: options.filterEmptyArrays, filterEmptyObjects: options.filterEmptyObjects, sortKeys: options.sortKeys })) ?? undefined;

function metadataToJson(this: ApiObjectMetadataDefinition): any {
  const self = this as any;
  if (!hasDefaultResolvers(self.apiObject)) return originalMetadataToJson.call(this);
  return walkJson(
    merge(self._additionalAttributes, {
      name: self.name,
      namespace: self.namespace,
      annotations: self.annotations,
      finalizers: self.finalizers,
      ownerReferences: self.ownerReferences,
      labels: self.labels,
    }),
    METADATA,
  );
}

function apiObjectToJson(this: ApiObject): any {
  if (!hasDefaultResolvers(this)) return originalToJson.call(this);
  try {
    const self = this as any;
    const data = { ...self.props, metadata: this.metadata.toJson() };
    const json = walkJson(data, process.env.CDK8S_DISABLE_SORT ? RENDER_UNSORTED : RENDER) as Record<string, unknown>;
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
