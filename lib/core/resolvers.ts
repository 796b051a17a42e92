import { ApiObject, App, IResolver, ImplicitTokenResolver, LazyResolver, NumberStringUnionResolver } from 'cdk8s';

const byApp = new WeakMap<App, readonly IResolver[]>();

/**
 * The resolvers an object's App has besides the three every App starts with
 * (Lazy values, implicit tokens, number-or-string unions), which chartwright's
 * renderers handle themselves. Usually none. Worked out once per App.
 */
export function customResolvers(apiObject: ApiObject): readonly IResolver[] {
  const app = App.of(apiObject) as App;
  let custom = byApp.get(app);
  if (custom === undefined) {
    custom = app.resolvers.filter((r) => !(r instanceof LazyResolver || r instanceof ImplicitTokenResolver || r instanceof NumberStringUnionResolver));
    byApp.set(app, custom);
  }
  return custom;
}
