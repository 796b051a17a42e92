import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { catalogPlatform } from '../../bench/catalog';
import { CATALOG_PLAIN } from '../../bench/catalog-plain';
import { renderEnvironment } from '../../lib/synth/render';

/** The benchmark's realistic fleet compares like with like: the cdk8s-plus-28 side writes the objects chartwright's does. */
describe('the catalog fleet of the benchmark', () => {
  const chartwright = new Map<string, any[]>();
  for (const release of renderEnvironment(catalogPlatform(1), 'prod', { values: { root: path.join(__dirname, '../../bench') } }).releases) chartwright.set(release.name.replace(/-0$/, ''), release.objects as any[]);
  const plain = new Map<string, any[]>();
  const app = new App({ outdir: '.' });
  for (const name of Object.keys(CATALOG_PLAIN)) {
    const chart = new Chart(app, name, { namespace: 'catalog', disableResourceNameHashes: true });
    CATALOG_PLAIN[name](new Construct(chart, '0'), `${name}-0`);
    plain.set(name, chart.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject).map((o) => o.toJson()));
  }

  const kinds = (objects: any[]) => objects.map((o) => o.kind).sort();
  const claimSizes = (objects: any[]) =>
    objects.flatMap((o) => [
      ...(o.spec?.volumeClaimTemplates ?? []).map((t: any) => t.spec.resources.requests.storage),
      ...(o.kind === 'PersistentVolumeClaim' ? [o.spec.resources.requests.storage] : []),
    ]).sort();

  test.each(Object.keys(CATALOG_PLAIN))('%s: the same kinds, as many of each', (name) => {
    expect(kinds(plain.get(name)!)).toEqual(kinds(chartwright.get(name)!));
  });

  test.each(Object.keys(CATALOG_PLAIN))('%s: the same volume sizes', (name) => {
    const sizes = claimSizes(plain.get(name)!);
    expect(sizes).toEqual(claimSizes(chartwright.get(name)!));
    expect(sizes.every((s) => typeof s === 'string')).toBe(true);
  });

  test("the guestbook's Redis admits both tracks of the frontend by the redis package's client label", () => {
    const client = { 'example.com/redis-client': 'guestbook' };
    for (const objects of [chartwright.get('guestbook')!, plain.get('guestbook')!]) {
      const frontends = objects.filter((o) => o.kind === 'Deployment');
      expect(frontends).toHaveLength(2);
      for (const d of frontends) expect(d.spec.template.metadata.labels).toMatchObject(client);
      const redisPolicies = objects.filter((o) => o.kind === 'NetworkPolicy' && /redis/.test(o.metadata.name));
      expect(redisPolicies).toHaveLength(2);
      for (const p of redisPolicies) expect(p.spec.ingress[0].from).toContainEqual({ podSelector: { matchLabels: client } });
    }
  });
});
