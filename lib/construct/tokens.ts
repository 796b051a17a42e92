import { ApiObject, IResolver, Lazy, ResolutionContext } from 'cdk8s';
import { isPlainObject } from '../internal/objects';

/**
 * How a number-or-string union (`k8s.IntOrString`, `k8s.Quantity`: an
 * object with a number or string `value`) is written: `value`, as the
 * generated types' converters write it; `wrapped`, as `{ value }`, which is
 * what cdk8s's own resolver makes of one in props that skipped the converters.
 */
export type UnionStyle = 'value' | 'wrapped';

/**
 * What the resolvers every App starts with make of a value, after the App's
 * custom resolvers (`custom`, which see every value with its key path):
 * Lazy values produced, implicit tokens (`{ resolve() }`) resolved, and
 * number-or-string unions written as `unions` says. The `resolve` of a
 * JsonWalk (internal/json-walk.ts), which applies it until the value stays.
 */
export function tokenResolver(unions: UnionStyle, apiObject?: ApiObject, custom: readonly IResolver[] = []): (value: any, key: readonly string[]) => unknown {
  return (value, key) => {
    if (custom.length > 0) {
      const context = new ResolutionContext(apiObject!, [...key], value);
      for (const resolver of custom) {
        resolver.resolve(context);
        if (context.replaced) return context.replacedValue;
      }
    }
    if (typeof value !== 'object' && typeof value !== 'function') return value;
    if (value instanceof Lazy) return value.produce();
    if (typeof value.resolve === 'function') return value.resolve();
    if (!isPlainObject(value) && (typeof value.value === 'number' || typeof value.value === 'string')) {
      return unions === 'value' ? value.value : { value: value.value };
    }
    return value;
  };
}
