import { ApiObject, App, Chart, IResolver, ImplicitTokenResolver, LazyResolver, NumberStringUnionResolver } from 'cdk8s';

const byChart = new WeakMap<Chart, readonly IResolver[]>();

/**
 * The resolvers an object's App has besides the three every App starts with
 * (Lazy values, implicit tokens, number-or-string unions), which chartwright's
 * renderers handle themselves. Usually none. Worked out once per chart, so an
 * object does not walk up to its App each time.
 */
export function customResolvers(apiObject: ApiObject): readonly IResolver[] {
  let custom = byChart.get(apiObject.chart);
  if (custom === undefined) {
    custom = (App.of(apiObject) as App).resolvers.filter((r) => !(r instanceof LazyResolver || r instanceof ImplicitTokenResolver || r instanceof NumberStringUnionResolver));
    byChart.set(apiObject.chart, custom);
  }
  return custom;
}
