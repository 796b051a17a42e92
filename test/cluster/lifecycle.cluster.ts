import * as fs from 'fs';
import * as path from 'path';
import { makeProject, runCli } from '../support/project';
import { describeCluster, eventually, kubectl, kubectlOk, readObjects, waitEstablished } from './kube';

/**
 * The lifecycle around the output, on a real API server: hooks as the
 * kubectl stages docs/deploying.md describes, and the Argo CD and Flux
 * objects synth writes, applied with the real CustomResourceDefinitions of
 * Argo CD 3.6 and Flux 2 (test/cluster/fixtures/gitops-crds, from the
 * projects' Go modules at v3.6.1 and v1.10.1).
 */
const PACKAGE = `
import { Construct } from 'constructs';
import { z } from 'zod';
import { ConfigMap, Hook, Job, Package, PackageProps, TestJob } from '{{lib}}';

const values = z.object({ migration: z.string().default('1.0.0') });

export class Shop extends Package<typeof values> {
  static readonly metadata = { name: 'shop', version: '1.0.0' };
  static readonly values = values;
  constructor(scope: Construct, id: string, props: PackageProps<typeof values> = {}) {
    super(scope, id, props);
    const job = { containers: [{ image: 'registry.example.com/shop-migrate:' + this.values.migration, command: ['migrate'] }] };
    new ConfigMap(this, 'settings', { data: { a: '1' } });
    new Hook(this, 'migrate', { on: ['preInstall', 'preUpgrade'], job });
    new TestJob(this, 'smoke', { job });
    new Job(this, 'plain', job);
  }
}
`;

const MAIN = `
import { Platform } from '{{lib}}';
import { Shop } from './shop';
const repoURL = 'https://git.example.com/platform.git';
export default new Platform({ environments: {
  dev: { namespace: 'lifecycle', releases: { shop: { package: Shop } } },
  staging: { namespace: 'lifecycle-flux', gitops: { tool: 'flux', repoURL }, releases: { shop: { package: Shop }, db: { package: Shop, namespace: 'lifecycle-db' } } },
  prod: { namespace: 'lifecycle-argo', gitops: { tool: 'argocd', repoURL }, releases: { shop: { package: Shop, runsAfter: ['db'] }, db: { package: Shop, namespace: 'lifecycle-db' } } },
} });
`;

describeCluster('lifecycle: hooks and GitOps objects', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeProject({ 'apps/shop.ts': PACKAGE, 'apps/main.ts': MAIN });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function synth(out: string, ...flags: string[]): string {
    const result = runCli(dir, ['synth', '--out', out, ...flags]);
    if (result.code !== 0) throw new Error(`synth exited ${result.code}: ${result.stderr}`);
    return path.join(dir, out);
  }

  /** The documented pruning apply of one stage folder, with an ApplySet of its own. */
  const applyStage = (folder: string, applyset: string, namespace: string) =>
    kubectl(['apply', '--server-side', '--prune', `--applyset=${applyset}`, '-n', namespace, '-k', folder], { KUBECTL_APPLYSET: 'true' });

  const jobs = (namespace: string): Array<{ name: string; uid: string }> =>
    JSON.parse(kubectlOk(['get', 'jobs', '-n', namespace, '-l', 'chartwright.dev/hook=pre', '-o', 'json'])).items.map((j: any) => ({ name: j.metadata.name, uid: j.metadata.uid }));

  test('kubectl: a changed migration is a new Job in pre/, the unchanged one stays as it ran, and the old one is pruned; a plain Job fails to change', async () => {
    const first = path.join(synth('out-1', '--env', 'dev'), 'dev');
    kubectlOk(['apply', '--server-side', '-f', path.join(first, 'namespaces.yaml')]);
    await eventually('the default ServiceAccount', () => (kubectl(['get', 'serviceaccount', 'default', '-n', 'lifecycle']).code === 0 ? true : undefined));
    const pre = applyStage(path.join(first, 'pre'), 'chartwright-pre', 'lifecycle');
    expect(pre.code).toBe(0);
    kubectlOk(['apply', '--server-side', '-k', first]);
    const [ran] = jobs('lifecycle');
    expect(ran.name).toBe(readObjects(path.join(first, 'pre', 'shop.k8s.yaml'))[0].metadata.name);

    // the same migration again: the same Job, not a new run
    const again = path.join(synth('out-2', '--env', 'dev'), 'dev');
    expect(applyStage(path.join(again, 'pre'), 'chartwright-pre', 'lifecycle').code).toBe(0);
    expect(jobs('lifecycle')).toEqual([ran]);

    // a changed migration: a new Job of another name; the old one leaves with the prune
    const changed = path.join(synth('out-3', '--env', 'dev', '--set', 'migration=1.1.0'), 'dev');
    const applied = applyStage(path.join(changed, 'pre'), 'chartwright-pre', 'lifecycle');
    expect(applied.code).toBe(0);
    const after = jobs('lifecycle');
    expect(after).toHaveLength(1);
    expect(after[0].name).not.toBe(ran.name);
    expect(after[0].name).toBe(readObjects(path.join(changed, 'pre', 'shop.k8s.yaml'))[0].metadata.name);

    // what a plain Job does with the same change: the API server refuses the new pod template
    const plain = kubectl(['apply', '--server-side', '-k', changed]);
    expect(plain.code).not.toBe(0);
    expect(plain.stderr).toMatch(/Job "shop-plain" is invalid: spec.template: Invalid value: .*field is immutable/);

    // tests are applied on demand, after the deploy
    kubectlOk(['apply', '--server-side', '-k', path.join(changed, 'tests')]);
    expect(kubectlOk(['get', 'jobs', '-n', 'lifecycle', '-l', 'chartwright.dev/hook=test', '-o', 'name']).trim()).toMatch(/^job.batch\/shop-smoke-[0-9a-f]{8}$/);
  });

  test('Argo CD Applications and Flux GitRepository and Kustomizations are accepted with their real CustomResourceDefinitions', async () => {
    kubectlOk(['apply', '--server-side', '-f', path.join(__dirname, 'fixtures', 'gitops-crds')]);
    waitEstablished(['crd/applications.argoproj.io', 'crd/kustomizations.kustomize.toolkit.fluxcd.io', 'crd/gitrepositories.source.toolkit.fluxcd.io']);
    for (const ns of ['argocd', 'flux-system']) {
      if (kubectl(['get', 'namespace', ns]).code !== 0) kubectlOk(['create', 'namespace', ns]);
    }
    const out = synth('out-gitops', '--env', 'staging', '--env', 'prod');
    kubectlOk(['apply', '--server-side', '-k', path.join(out, 'prod', 'argocd')]);
    kubectlOk(['apply', '--server-side', '-k', path.join(out, 'staging', 'flux')]);

    const apps = JSON.parse(kubectlOk(['get', 'applications.argoproj.io', '-n', 'argocd', '-o', 'json'])).items;
    const waves = Object.fromEntries(apps.map((a: any) => [a.metadata.name, a.metadata.annotations['argocd.argoproj.io/sync-wave']]));
    expect(waves).toEqual({ 'prod-namespaces': '0', 'prod-db': '1', 'prod-shop': '2' });
    const kustomizations = JSON.parse(kubectlOk(['get', 'kustomizations.kustomize.toolkit.fluxcd.io', '-n', 'flux-system', '-o', 'json'])).items;
    const dependsOn = Object.fromEntries(kustomizations.map((k: any) => [k.metadata.name, (k.spec.dependsOn ?? []).map((d: any) => d.name)]));
    expect(dependsOn).toEqual({
      'staging-namespaces': [],
      'staging-shop-pre': ['staging-namespaces'],
      'staging-shop': ['staging-namespaces', 'staging-shop-pre'],
      'staging-db-pre': ['staging-namespaces'],
      'staging-db': ['staging-namespaces', 'staging-db-pre'],
    });
    expect(kubectl(['get', 'gitrepositories.source.toolkit.fluxcd.io', 'chartwright-staging', '-n', 'flux-system']).code).toBe(0);

    // each stage folder is what the controller applies: the API server takes it as it is
    kubectlOk(['apply', '--server-side', '-k', path.join(out, 'prod', 'namespaces')]);
    for (const folder of ['releases/db', 'releases/shop']) {
      kubectlOk(['apply', '--server-side', '--dry-run=server', '-k', path.join(out, 'prod', folder)]);
    }

    // no Argo CD controller runs here to act on the finalizer: take it off, then delete
    for (const app of apps) kubectlOk(['patch', 'applications.argoproj.io', app.metadata.name, '-n', 'argocd', '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
    kubectlOk(['delete', '-k', path.join(out, 'prod', 'argocd'), '--wait=false']);
  });
});
