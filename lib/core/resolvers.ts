import { ApiObject, App, Chart, IResolver, ImplicitTokenResolver, LazyResolver, NumberStringUnionResolver } from 'cdk8s';

const byApp = new WeakMap<App, readonly IResolver[]>();
const byChart = new WeakMap<Chart, readonly IResolver[]>();

/**
 * The resolvers an object's App has besides the three every App starts with
 * (Lazy values, implicit tokens, number-or-string unions), which chartwright's
 * renderers handle themselves. Usually none. Worked out once per App, and
 * remembered per chart, so an object does not walk up to its App each time.
 */
export function customResolvers(apiObject: ApiObject): readonly IResolver[] {
  let custom = byChart.get(apiObject.chart);
  if (custom === undefined) {
    const app = App.of(apiObject) as App;
    custom = byApp.get(app);
    if (custom === undefined) {
      custom = app.resolvers.filter((r) => !(r instanceof LazyResolver || r instanceof ImplicitTokenResolver || r instanceof NumberStringUnionResolver));
      byApp.set(app, custom);
    }
    byChart.set(apiObject.chart, custom);
  }
  return custom;
}
