import { ApiObject, App, Chart, JsonPatch, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { withFastResolve } from '../../lib/construct/fast-resolve';
import { BenchFleet } from '../../bench/fleet';
import { HelloWeb } from '../../apps/hello-web';
import { Cache } from '../../apps/cache';

function objectsOf(app: App): ApiObject[] {
  return app.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
}

/** Serialized so that key order counts too. */
function both(objects: ApiObject[]): [string, string] {
  const slow = JSON.stringify(objects.map((o) => o.toJson()));
  const fast = withFastResolve(() => JSON.stringify(objects.map((o) => o.toJson())));
  return [fast, slow];
}

describe('fast resolve', () => {
  test('renders cdk8s-plus-28 objects exactly as cdk8s does, key order included', () => {
    const app = new App();
    new HelloWeb(app, 'hello');
    new BenchFleet(app, 'fleet', { values: { services: 3 } });
    new Cache(app, 'cache', { values: { password: { vaultPath: 'x/y' } } });
    const chart = new Chart(app, 'misc');
    new kplus.StatefulSet(chart, 'sts', { containers: [{ image: 'redis:7', portNumber: 6379 }], service: new kplus.Service(chart, 'svc', { clusterIP: 'None', ports: [{ port: 6379 }] }) });
    new kplus.CronJob(chart, 'cron', { schedule: { expressionString: '0 * * * *' } as any, containers: [{ image: 'busybox:1.36', command: ['date'] }] });
    new kplus.Secret(chart, 'secret', { stringData: { password: 'x' } });
    const [fast, slow] = both(objectsOf(app));
    expect(fast).toBe(slow);
    expect(fast.length).toBeGreaterThan(1000);
  });

  test('resolves Lazy values, implicit tokens and number-or-string unions, drops empty metadata, applies JSON patches', () => {
    const app = new App();
    const chart = new Chart(app, 'c');
    const obj = new ApiObject(chart, 'o', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      data: {
        lazy: Lazy.any({ produce: () => ({ nested: Lazy.any({ produce: () => 'deep' }) }) }),
        token: { resolve: () => 'from token' },
        union: new (class { value = 8080; })(),
        list: [1, undefined, null, 'x', { z: 1, a: 2 }],
        skip: undefined,
      },
    });
    obj.metadata.addAnnotation('b', '2');
    obj.metadata.addAnnotation('a', '1');
    obj.addJsonPatch(JsonPatch.add('/data/patched', 'yes'));
    const [fast, slow] = both([obj]);
    expect(fast).toBe(slow);
    expect(JSON.parse(fast)[0].data).toEqual({ lazy: { nested: 'deep' }, list: [1, null, null, 'x', { a: 2, z: 1 }], patched: 'yes', token: 'from token', union: { value: 8080 } });
  });

  test('with a custom resolver, cdk8s itself resolves', () => {
    const app = new App({ resolvers: [{ resolve: (ctx) => { if (ctx.value === 'secret') ctx.replaceValue('***'); } }] });
    const obj = new ApiObject(new Chart(app, 'c'), 'o', { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'secret' } });
    const [fast, slow] = both([obj]);
    expect(fast).toBe(slow);
    expect(JSON.parse(fast)[0].data.a).toBe('***');
  });

  test("errors are cdk8s's own, and the originals are back afterwards", () => {
    const app = new App();
    const obj = new ApiObject(new Chart(app, 'c'), 'o', { apiVersion: 'v1', kind: 'ConfigMap', data: { d: new Date(0) } });
    expect(() => withFastResolve(() => obj.toJson())).toThrow("can't render non-simple object of type 'Date'");
    const resolveModule = require('cdk8s/lib/resolve');
    const before = [resolveModule.resolve, ApiObject.prototype.toJson];
    withFastResolve(() => expect([resolveModule.resolve, ApiObject.prototype.toJson]).not.toEqual(before));
    expect([resolveModule.resolve, ApiObject.prototype.toJson]).toEqual(before);
  });
});
