import { ApiObject, App, ImplicitTokenResolver, Lazy, LazyResolver, NumberStringUnionResolver } from 'cdk8s';
// cdk8s's own modules, whose exported functions ApiObject.toJson() calls through their exports objects.
import * as resolveModule from 'cdk8s/lib/resolve';
import * as utilModule from 'cdk8s/lib/_util';

/**
 * Fast equivalents of cdk8s's `resolve` and `sanitizeValue`, the two
 * functions behind `ApiObject.toJson()` and most of its cost: cdk8s's
 * `resolve` finds the App by walking up the construct tree for every value
 * and builds a resolution context per value. These give the same results for
 * the resolvers every App has (Lazy, implicit tokens, number-or-string
 * unions); with any other resolver installed, cdk8s's own functions run.
 *
 * `withFastResolve` swaps them in for the duration of one call only.
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

/** Whether an App's resolvers are exactly the three every App starts with. */
function hasDefaultResolvers(app: App): boolean {
  const r = app.resolvers;
  return r.length === 3 && r[0] instanceof LazyResolver && r[1] instanceof ImplicitTokenResolver && r[2] instanceof NumberStringUnionResolver;
}

function resolveValue(value: any): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value !== 'object' && typeof value !== 'function') return value;
  // the default resolvers, in their order
  if (value instanceof Lazy) return resolveValue(value.produce());
  if (typeof value.resolve === 'function') return resolveValue(value.resolve());
  if (value.constructor !== Object && (typeof value.value === 'number' || typeof value.value === 'string')) {
    return resolveValue({ value: value.value });
  }
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = resolveValue(value[i]);
    return out;
  }
  if (value.constructor == Object) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = resolveValue(value[key]);
    return out;
  }
  return value;
}

const fastResolve: Resolve = (key, value, apiObject) => {
  if (value === null || value === undefined) return value;
  const app = App.of(apiObject) as App;
  return hasDefaultResolvers(app) ? resolveValue(value) : originalResolve(key, value, apiObject);
};

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
  const keys = sortKeys ? Object.keys(obj).sort() : Object.keys(obj);
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

const fastSanitize: Sanitize = (obj, options = {}) =>
  sanitize(obj, options.filterEmptyArrays ?? false, options.filterEmptyObjects ?? false, options.sortKeys ?? true);

/** Runs `fn` with the fast resolve and sanitize in place of cdk8s's. */
export function withFastResolve<T>(fn: () => T): T {
  if (resolveExports.resolve === fastResolve) return fn();
  resolveExports.resolve = fastResolve;
  utilExports.sanitizeValue = fastSanitize;
  try {
    return fn();
  } finally {
    resolveExports.resolve = originalResolve;
    utilExports.sanitizeValue = originalSanitize;
  }
}

/** Exposed for the equivalence tests. */
export const _fast = { resolve: fastResolve, sanitize: fastSanitize, originalResolve, originalSanitize };
