/**
 * Best-practice rules at the level of the defaults of kube-score, kube-linter
 * and Polaris, one file each under ./rules/ (./rules/registry.ts lists them).
 * Their findings are warnings unless the profile raises them; an object opts
 * out of one with the annotation `chartwright.dev/ignore-<rule-id>: "<reason>"`.
 *
 * One pass over the objects runs every rule: per object, the object checks,
 * then its pod's, then each container's, then the replicated workload's, each
 * in registry order. What several rules read (the security contexts, whether
 * the pod keeps running, the replica count) is read once here.
 */
import { NamespacePodSecurity, namespacePodSecurity } from '../kube/pod-security';
import { Checked, EMPTY, isRecord, namespaceOf, replicasOf } from './objects';
import { POLICY_RULES } from './rules/registry';
import { SelectorIndex } from './selector-index';
import { ContainerContext, Output, PodContext, PolicyRule, ReplicatedContext } from './rules/rule';

export { imageTag } from '../kube/image';

const JOB_KINDS = new Set(['Job', 'CronJob']);

// the rules of each kind of check, found once rather than per object
const withCheck = (check: keyof PolicyRule) => POLICY_RULES.filter((r) => r[check] !== undefined);
const OBJECT_RULES = withCheck('checkObject');
const POD_RULES = withCheck('checkPod');
const CONTAINER_RULES = withCheck('checkContainer');
const REPLICATED_RULES = withCheck('checkReplicated');

export function checkBestPractices(items: readonly Checked[], declared?: ReadonlyMap<string, NamespacePodSecurity>): void {
  const output = gatherOutput(items, declared);
  for (let n = 0; n < items.length; n++) {
    const item = items[n];
    const { obj, pod } = item;
    for (let r = 0; r < OBJECT_RULES.length; r++) OBJECT_RULES[r].checkObject!(item, output);
    if (!pod || obj.kind === 'PodTemplate') continue;

    const spec = pod.spec;
    const longRunning = !JOB_KINDS.has(obj.kind) && !(obj.kind === 'Pod' && spec.restartPolicy !== undefined && spec.restartPolicy !== 'Always');
    const context: PodContext = { item, pod, securityContext: isRecord(spec.securityContext) ? spec.securityContext : EMPTY, longRunning, output };
    for (let r = 0; r < POD_RULES.length; r++) POD_RULES[r].checkPod!(context);

    for (let c = 0; c < pod.containers.length; c++) {
      const at = pod.containers[c];
      const container: ContainerContext = { container: at.container, path: at.path, init: at.init, securityContext: isRecord(at.container.securityContext) ? at.container.securityContext : EMPTY };
      for (let r = 0; r < CONTAINER_RULES.length; r++) CONTAINER_RULES[r].checkContainer!(container, context);
    }

    if (obj.kind !== 'Deployment' && obj.kind !== 'StatefulSet') continue;
    const replicas = replicasOf(obj) ?? 1;
    const autoscaled = output.autoscaled.size > 0 && output.autoscaled.has(`${item.namespace}/${obj.kind}/${item.name}`);
    if (replicas > 1 || autoscaled) {
      const workload: ReplicatedContext = { ...context, replicated: `${obj.kind} with ${autoscaled ? 'an autoscaler' : `${replicas} replicas`}` };
      for (let r = 0; r < REPLICATED_RULES.length; r++) REPLICATED_RULES[r].checkReplicated!(workload);
    }
  }
}

/**
 * What rules on one object look up in the whole output: PodDisruptionBudgets,
 * autoscaled workloads, ServiceAccounts without a token, NetworkPolicies, and
 * the namespaces' Pod Security modes. A Namespace of the output counts over
 * what the environment declares of it.
 */
function gatherOutput(items: readonly Checked[], declared?: ReadonlyMap<string, NamespacePodSecurity>): Output {
  const disruptionBudgets = new SelectorIndex<{ selector: unknown; item: Checked }>();
  const autoscaled = new Set<string>(); // "ns/Kind/name" scaled by an HPA
  const minReplicas = new Map<string, number>(); // "ns/Kind/name" → the HPA's minReplicas
  const networkPolicies = new SelectorIndex<unknown>(); // the podSelectors of the NetworkPolicies
  const tokenless = new Set<string>(); // "ns/name" of a ServiceAccount with automountServiceAccountToken: false
  const podSecurity = new Map(declared);
  for (let n = 0; n < items.length; n++) {
    const obj = items[n].obj;
    if (obj.kind === 'Namespace' && obj.apiVersion === 'v1' && items[n].name !== undefined) {
      const meta = obj.metadata;
      const policy = namespacePodSecurity(isRecord(meta) && isRecord(meta.labels) ? meta.labels : EMPTY);
      if (policy) podSecurity.set(items[n].name!, policy);
      else podSecurity.delete(items[n].name!);
    }
    if (obj.kind === 'ServiceAccount' && obj.automountServiceAccountToken === false) tokenless.add(`${items[n].namespace}/${items[n].name}`);
    if (obj.kind === 'PodDisruptionBudget' && isRecord(obj.spec)) disruptionBudgets.add(namespaceOf(obj), obj.spec.selector, { selector: obj.spec.selector, item: items[n] });
    if (obj.kind === 'HorizontalPodAutoscaler' && isRecord(obj.spec) && isRecord(obj.spec.scaleTargetRef)) {
      const key = `${namespaceOf(obj)}/${obj.spec.scaleTargetRef.kind}/${obj.spec.scaleTargetRef.name}`;
      autoscaled.add(key);
      minReplicas.set(key, typeof obj.spec.minReplicas === 'number' ? obj.spec.minReplicas : 1);
    }
    if (obj.kind === 'NetworkPolicy' && isRecord(obj.spec)) networkPolicies.add(namespaceOf(obj), obj.spec.podSelector ?? {}, obj.spec.podSelector ?? {});
  }
  return { disruptionBudgets, autoscaled, minReplicas, tokenless, networkPolicies, podSecurity };
}
