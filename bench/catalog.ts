import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { PackageClass, Platform, ReleaseSpec, release } from '../lib';
import { Api } from '../examples/api';
import { Guestbook } from '../examples/guestbook';
import { LogAgent } from '../examples/log-agent';
import { StatusPage } from '../examples/mixed';
import { MySql } from '../examples/mysql/src';
import { Postgres } from '../examples/postgres/src';
import { WordPress } from '../examples/wordpress';
import { CATALOG_PLAIN } from './catalog-plain';

/**
 * The benchmark's realistic fleet: the example catalog's apps (examples/*)
 * as one environment's releases, `copies` of each, with the values of each
 * example's own prod environment (its values.yaml and values.prod.yaml).
 * One copy is 71 objects; 141 copies are 10,011, plus the environment's two
 * Namespaces (catalog, and logging for the log agent).
 * ./catalog-plain.ts writes the same apps with cdk8s-plus-28.
 */
const APPS: ReadonlyArray<{ readonly name: string; readonly dir: string; readonly pkg: PackageClass; readonly namespace?: string; readonly patches?: (release: string) => ReleaseSpec['patches'] }> = [
  { name: 'guestbook', dir: 'guestbook', pkg: Guestbook },
  { name: 'mysql', dir: 'mysql', pkg: MySql },
  { name: 'blog', dir: 'wordpress', pkg: WordPress },
  // the node agents in a namespace of their own, as in their example; beside the other apps'
  // NetworkPolicies the validation asks for one selecting them too, and the platform opts out
  {
    name: 'log-agent',
    dir: 'log-agent',
    pkg: LogAgent,
    namespace: 'logging',
    patches: (r) => [{ target: { kind: 'DaemonSet', name: `${r}-fluent-bit` }, merge: { metadata: { annotations: { 'chartwright.dev/ignore-network-policy': 'it serves only its health endpoint, to the kubelet' } } } }],
  },
  { name: 'postgres', dir: 'postgres', pkg: Postgres },
  { name: 'api', dir: 'api', pkg: Api },
  { name: 'status-page', dir: 'mixed', pkg: StatusPage },
];

/**
 * A platform with `copies` releases of each app of the catalog, in the
 * environments the examples have (dev, staging, prod; their values files
 * name them); the benchmark synthesizes prod.
 */
export function catalogPlatform(copies: number): Platform {
  const releases: Record<string, ReleaseSpec> = {};
  for (let i = 0; i < copies; i++) {
    for (const app of APPS) releases[`${app.name}-${i}`] = release(app.pkg, { valuesDir: `../examples/${app.dir}`, namespace: app.namespace, patches: app.patches?.(`${app.name}-${i}`) });
  }
  return new Platform({
    environments: {
      // privileged: the log agent reads its node's files; the uploads volumes are made by a storage team
      base: { abstract: true, podSecurity: 'privileged', external: ['PersistentVolumeClaim/*'], releases },
      dev: { extends: 'base', namespace: 'catalog-dev' },
      staging: { extends: 'base', namespace: 'catalog-staging', profile: 'prod' },
      prod: { extends: 'base', namespace: 'catalog', profile: 'prod' },
    },
  });
}

/**
 * The same apps with cdk8s-plus-28, written by App.synth(): a chart per app
 * of the catalog, holding its copies. (A chart per release, as chartwright
 * writes a file per release, costs plain cdk8s far more: App.synth walks the
 * whole app for each chart.) Returns the object count.
 */
export function plainCatalogSynth(copies: number, outdir: string): number {
  const app = new App({ outdir });
  for (const { name, namespace } of APPS) {
    const chart = new Chart(app, name, { namespace: namespace ?? 'catalog', disableResourceNameHashes: true });
    for (let i = 0; i < copies; i++) CATALOG_PLAIN[name](new Construct(chart, String(i)), `${name}-${i}`);
  }
  app.synth();
  return app.charts.reduce((n, chart) => n + chart.node.findAll().filter((c) => c instanceof ApiObject).length, 0);
}
