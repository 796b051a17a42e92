import * as fs from 'fs';
import * as path from 'path';
import { runCli, REPO } from '../support/project';
import { EXAMPLES } from '../examples/examples';
import { describeCluster, environmentObjects, eventually, kubectl, kubectlOk, readObjects, scratch, waitEstablished } from './kube';

/**
 * The examples (examples/<name>/platform.ts), each environment, applied to a
 * real API server with the admission plugins of a production cluster (Pod
 * Security among them) the way their READMEs say: a server-side dry run,
 * then a real apply, then the controllers make every workload's pods.
 */
const ENVIRONMENTS = ['dev', 'staging', 'prod'];
const FIXTURES = path.join(__dirname, 'fixtures');

describeCluster('cluster setup for the examples', () => {
  test('the ExternalSecret CRD is established', () => {
    kubectlOk(['apply', '--server-side', '-f', path.join(FIXTURES, 'external-secrets-crd.yaml')]);
    waitEstablished(['crd/externalsecrets.external-secrets.io']);
  });

  // the podinfo example's ServiceMonitor: its CRD is the one committed in the example
  test('the ServiceMonitor CRD of the podinfo example is established', () => {
    kubectlOk(['apply', '--server-side', '-f', path.join(REPO, 'examples', 'podinfo', 'crds', 'servicemonitors.yaml')]);
    waitEstablished(['crd/servicemonitors.monitoring.coreos.com']);
  });
});

const cases = EXAMPLES.flatMap((e) => ENVIRONMENTS.map((env) => [e.name, env] as const));

describeCluster.each(cases)('example %s, environment %s, on a real API server', (name, env) => {
  const { dir: root, remove } = scratch();
  const dir = path.join(root, env);
  afterAll(remove);
  const has = (stage: string) => fs.existsSync(path.join(dir, stage, 'kustomization.yaml'));
  const objectsOf = () => ['pre', '.', 'post'].filter((s) => s === '.' || has(s)).flatMap((s) => environmentObjects(path.join(dir, s)));

  test('synth, server-side dry run and a real apply succeed', async () => {
    const result = runCli(REPO, ['synth', '--app', `examples/${name}/platform.ts`, '--env', env, '--out', root]);
    if (result.code !== 0) throw new Error(`synth exited ${result.code}:\n${result.stderr}`);
    const namespaces = readObjects(path.join(dir, 'namespaces.yaml'));
    kubectlOk(['apply', '--server-side', '-f', path.join(dir, 'namespaces.yaml')]);
    for (const ns of namespaces) {
      await eventually(`the default ServiceAccount of ${ns.metadata.name}`, () =>
        kubectl(['get', 'serviceaccount', 'default', '-n', ns.metadata.name]).code === 0 ? true : undefined,
      );
    }
    // the hooks' stages around the release, as docs/deploying.md applies them
    const stages = [...['pre'].filter(has), '.', ...['post'].filter(has)].map((s) => path.join(dir, s));
    for (const stage of stages) {
      kubectlOk(['apply', '--server-side', '--dry-run=server', '-k', stage]);
      kubectlOk(['apply', '--server-side', '-k', stage]);
      const live = kubectlOk(['get', '-k', stage, '-o', 'name']).trim().split('\n');
      expect(live).toHaveLength(environmentObjects(stage).length);
    }
  });

  test('the controllers create the pods of every workload and admission rejects none', async () => {
    const objects = objectsOf();
    const workloads = objects.filter((o) => ['Deployment', 'StatefulSet', 'DaemonSet', 'Job'].includes(o.kind));
    expect(workloads.length).toBeGreaterThan(0);
    for (const w of workloads.filter((o) => o.kind !== 'DaemonSet')) {
      // a Deployment scaled to 0 (an idle colour, a canary out of traffic) has no pods to wait for
      const want = Math.min(w.spec.replicas ?? w.spec.parallelism ?? 1, 1);
      if (want === 0) continue;
      await eventually(`pods of ${w.kind} ${w.metadata.name}`, () => {
        // a Job's selector is the controller's own, on the label job-name
        const labels: Record<string, string> = w.kind === 'Job' ? { 'job-name': w.metadata.name } : w.spec.selector.matchLabels;
        const selector = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
        const pods = JSON.parse(kubectlOk(['get', 'pods', '-n', w.metadata.namespace, '-l', selector, '-o', 'json'])).items;
        return pods.length >= want ? pods : undefined;
      });
    }
    // the test cluster has no nodes, so no DaemonSet pod is made: its pod
    // template goes through Pod admission (Pod Security included) as a Pod
    for (const d of objects.filter((o) => o.kind === 'DaemonSet')) {
      const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: `${d.metadata.name}-admission`, namespace: d.metadata.namespace, labels: d.spec.template.metadata?.labels }, spec: d.spec.template.spec };
      const file = path.join(root, `${d.metadata.name}-pod.json`);
      fs.writeFileSync(file, JSON.stringify(pod));
      kubectlOk(['create', '--dry-run=server', '-f', file]);
    }
    const namespaces = [...new Set(objects.filter((o) => o.metadata.namespace).map((o) => o.metadata.namespace as string))];
    for (const ns of namespaces) {
      const failed = JSON.parse(kubectlOk(['get', 'events', '-n', ns, '--field-selector', 'reason=FailedCreate', '-o', 'json'])).items;
      expect(failed.map((e: any) => `${e.involvedObject.kind}/${e.involvedObject.name}: ${e.message}`)).toEqual([]);
    }
  });
});
