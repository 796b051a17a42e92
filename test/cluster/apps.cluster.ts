import * as path from 'path';
import { describeCluster, diffedObjects, environmentObjects, eventually, keyOf, kubectl, kubectlOk, readObjects, scratch, synthApps, waitEstablished } from './kube';

/**
 * The example apps (apps/main.ts), every environment, applied to a real API
 * server with the admission plugins of a production cluster, as the docs
 * tell users to deploy them (docs: "Deploying the output").
 */
const ENVIRONMENTS = ['dev', 'prod'];
const FIXTURES = path.join(__dirname, 'fixtures');

/** Applies an environment's folder the documented way: its Namespaces first (and their default ServiceAccount made), then the kustomization. */
async function deploy(dir: string, ...flags: string[]): Promise<void> {
  const namespaces = readObjects(path.join(dir, 'namespaces.yaml'));
  kubectlOk(['apply', '--server-side', '-f', path.join(dir, 'namespaces.yaml')]);
  for (const ns of namespaces) {
    await eventually(`the default ServiceAccount of ${ns.metadata.name}`, () =>
      kubectl(['get', 'serviceaccount', 'default', '-n', ns.metadata.name]).code === 0 ? true : undefined,
    );
  }
  kubectlOk(['apply', '--server-side', '-k', dir, ...flags], { KUBECTL_APPLYSET: 'true' });
}

/** What `kubectl diff` finds between the cluster and a folder: the objects, and its exit code (0 none, 1 some). */
function clusterDiff(dir: string): { code: number; objects: string[] } {
  const result = kubectl(['diff', '--server-side', '-k', dir]);
  if (result.code > 1) throw new Error(`kubectl diff failed (${result.code}): ${result.stderr}`);
  return { code: result.code, objects: diffedObjects(result.stdout) };
}

/** The objects that differ between two outputs of one environment, as kubectl names them. */
function changedBetween(before: string, after: string): string[] {
  const a = new Map(environmentObjects(before).map((o) => [keyOf(o), JSON.stringify(o)]));
  const b = new Map(environmentObjects(after).map((o) => [keyOf(o), JSON.stringify(o)]));
  const keys = new Set([...a.keys(), ...b.keys()]);
  // kubectl diff shows changed and added objects; removed ones only with --prune
  return [...keys].filter((k) => b.has(k) && a.get(k) !== b.get(k)).sort();
}

describeCluster('cluster setup', () => {
  test('the ExternalSecret CRD the prod environment needs is established', () => {
    kubectlOk(['apply', '--server-side', '-f', path.join(FIXTURES, 'external-secrets-crd.yaml')]);
    waitEstablished(['crd/externalsecrets.external-secrets.io']);
  });
});

describeCluster.each(ENVIRONMENTS)('environment %s of the example apps on a real API server', (env) => {
  const { dir: root, remove } = scratch();
  const out = path.join(root, 'base');
  const dir = path.join(out, env);
  afterAll(remove);

  test('server-side dry run and a real apply succeed', async () => {
    synthApps(out, '--env', env);
    const objects = environmentObjects(dir);
    // dry run on an empty cluster: the Namespaces, then (with them in place) everything
    kubectlOk(['apply', '--server-side', '--dry-run=server', '-f', path.join(dir, 'namespaces.yaml')]);
    await deploy(dir, '--dry-run=server');
    await deploy(dir);
    const live = kubectlOk(['get', '-k', dir, '-o', 'name']).trim().split('\n');
    expect(live).toHaveLength(objects.length);
  });

  test('the controllers create the pods of every workload and admission rejects none', async () => {
    const objects = environmentObjects(dir);
    const namespaces = [...new Set(objects.filter((o) => o.metadata.namespace).map((o) => o.metadata.namespace as string))];
    const workloads = objects.filter((o) => ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].includes(o.kind));
    expect(workloads.length).toBeGreaterThan(0);
    for (const w of workloads) {
      const want = w.spec.replicas ?? 1;
      await eventually(`${want} pods of ${w.kind} ${w.metadata.name}`, () => {
        const selector = Object.entries(w.spec.selector.matchLabels as Record<string, string>).map(([k, v]) => `${k}=${v}`).join(',');
        const pods = JSON.parse(kubectlOk(['get', 'pods', '-n', w.metadata.namespace, '-l', selector, '-o', 'json'])).items;
        return pods.length >= want ? pods : undefined;
      });
    }
    for (const ns of namespaces) {
      const failed = JSON.parse(kubectlOk(['get', 'events', '-n', ns, '--field-selector', 'reason=FailedCreate', '-o', 'json'])).items;
      expect(failed.map((e: any) => `${e.involvedObject.kind}/${e.involvedObject.name}: ${e.message}`)).toEqual([]);
    }
  });

  test('applying the same output again changes nothing', () => {
    expect(clusterDiff(dir)).toEqual({ code: 0, objects: [] });
  });

  test('applying changed values changes exactly the objects whose rendering changed', async () => {
    const cases: string[][] =
      env === 'prod'
        ? [['rollout.blueGreen.green.version=1.27.4-alpine'], ['rollout.blueGreen.green.version=1.27.4-alpine', 'rollout.blueGreen.activeColor=green']]
        : [['image.tag=1.27.4-alpine'], ['rollout.strategy=canary', 'rollout.canary.version=1.27.4-alpine', 'rollout.canary.weight=50', 'replicas=2']];
    let current = dir;
    for (const [i, sets] of cases.entries()) {
      const next = path.join(root, `change-${i}`);
      synthApps(next, '--env', env, '--release', 'hello', ...sets.flatMap((s) => ['--set', s]));
      const expected = changedBetween(current, path.join(next, env));
      expect(expected.length).toBeGreaterThan(0);
      expect(clusterDiff(path.join(next, env)).objects).toEqual(expected);
      await deploy(path.join(next, env));
      expect(clusterDiff(path.join(next, env))).toEqual({ code: 0, objects: [] });
      current = path.join(next, env);
    }
    // back to the values of the platform, for the tests after this one
    await deploy(dir);
  });

  test('an object that leaves the output is removed from the cluster by an ApplySet prune, and only that', async () => {
    // another rollout strategy renames the Deployments: the old ones leave the output
    const sets = env === 'prod' ? ['rollout.strategy=rolling'] : ['rollout.strategy=canary', 'rollout.canary.version=1.27.4-alpine', 'replicas=2'];
    const other = path.join(root, 'prune');
    synthApps(other, '--env', env, '--release', 'hello', ...sets.flatMap((s) => ['--set', s]));
    const before = environmentObjects(dir);
    const after = environmentObjects(path.join(other, env));
    const leaving = before.filter((o) => !after.some((a) => keyOf(a) === keyOf(o)));
    expect(leaving.map((o) => o.kind)).toContain('Deployment');

    const live = (objects: any[]) =>
      objects.filter((o) => kubectl(['get', o.kind, o.metadata.name, ...(o.metadata.namespace ? ['-n', o.metadata.namespace] : [])]).code === 0).map(keyOf);
    await prune(dir); // the first apply with the ApplySet takes in what is there
    await prune(path.join(other, env));
    expect(live(leaving)).toEqual([]);
    expect(live(after)).toEqual(after.map(keyOf));
    await prune(dir);
    expect(live(before)).toEqual(before.map(keyOf));
  });
});

/** The documented pruning apply (docs/deploying.md): an ApplySet per environment, its parent a Secret in the environment's namespace. */
async function prune(dir: string): Promise<void> {
  const [namespace] = readObjects(path.join(dir, 'namespaces.yaml'));
  await deploy(dir, '--prune', '--applyset=chartwright', '-n', namespace.metadata.name);
}
