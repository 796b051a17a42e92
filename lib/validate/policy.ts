/**
 * Best-practice rules at the level of the defaults of kube-score, kube-linter
 * and Polaris, one file each under ./rules/ (./rules/registry.ts lists them).
 * Their findings are warnings unless the profile raises them; an object opts
 * out of one with the annotation `chartwright.dev/ignore-<rule-id>: "<reason>"`.
 *
 * Every rule runs per object: the object checks, then its pod's, then each
 * container's, then the replicated workload's, each in registry order. The
 * checks that read the object run while it is read (checkObjectPractices);
 * those that also look at other objects (budgets, autoscalers,
 * NetworkPolicies, ServiceAccounts, the namespaces' Pod Security) run at the
 * end on the records of entries.ts (checkOutputPractices). Each reports at
 * its place in that order (`Place`), so an object's findings keep one order
 * whichever of the two runs them. What several rules read (the security
 * contexts, whether the pod keeps running) is read once here.
 */
import { NamespacePodSecurity } from '../kube/pod-security';
import { Entry } from './entries';
import { Checked, EMPTY, isRecord } from './objects';
import { POLICY_RULES } from './rules/registry';
import { SelectorIndex } from './selector-index';
import { Budget, ContainerContext, Output, PodContext, PolicyRule, ReplicatedContext, WorkloadContext } from './rules/rule';

export { imageTag } from '../kube/image';

const JOB_KINDS = new Set(['Job', 'CronJob']);

// the rules of each kind of check, found once rather than per object
const withCheck = (check: keyof PolicyRule) => POLICY_RULES.filter((r) => r[check] !== undefined);
const OBJECT_RULES = withCheck('checkObject');
/** The rules of the pod stage: checks of the pod spec, and of the workload against the output, in registry order. */
const POD_STAGE = POLICY_RULES.filter((r) => r.checkPod !== undefined || r.checkWorkload !== undefined);
const CONTAINER_RULES = withCheck('checkContainer');
const REPLICATED_RULES = withCheck('checkReplicated');

/** The place of a check among an object's best-practice findings (ordered by `n`, then slot). */
export type Place = (n: number, slot: number) => void;
const POD_SLOT = 100;
const CONTAINER_SLOT = 200;
const REPLICATED_SLOT = 300;
/** Slots per object. */
export const SLOTS = 1000;

/** The checks of one object that read only it, as it is read; `n` is its place in the input. */
export function checkObjectPractices(item: Checked, n: number, place: Place): void {
  const { obj, pod } = item;
  for (let r = 0; r < OBJECT_RULES.length; r++) {
    place(n, r);
    OBJECT_RULES[r].checkObject!(item);
  }
  if (!pod || obj.kind === 'PodTemplate') return;

  const spec = pod.spec;
  const longRunning = !JOB_KINDS.has(obj.kind) && !(obj.kind === 'Pod' && spec.restartPolicy !== undefined && spec.restartPolicy !== 'Always');
  const context: PodContext = { item, pod, securityContext: isRecord(spec.securityContext) ? spec.securityContext : EMPTY, longRunning };
  for (let r = 0; r < POD_STAGE.length; r++) {
    const rule = POD_STAGE[r];
    if (rule.checkPod === undefined) continue;
    place(n, POD_SLOT + r);
    rule.checkPod(context);
  }

  place(n, CONTAINER_SLOT);
  for (let c = 0; c < pod.containers.length; c++) {
    const at = pod.containers[c];
    const container: ContainerContext = { container: at.container, path: at.path, init: at.init, securityContext: isRecord(at.container.securityContext) ? at.container.securityContext : EMPTY };
    for (let r = 0; r < CONTAINER_RULES.length; r++) CONTAINER_RULES[r].checkContainer!(container, context);
  }
}

/** The checks of the workloads against the whole output, on the entries of every object, in input order. */
export function checkOutputPractices(entries: readonly Entry[], place: Place, declared?: ReadonlyMap<string, NamespacePodSecurity>): void {
  const output = gatherOutput(entries, declared);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const workload = entry.workload;
    if (workload === undefined || entry.kind === 'PodTemplate') continue;
    const context: WorkloadContext = { entry, workload, output };
    for (let r = 0; r < POD_STAGE.length; r++) {
      const rule = POD_STAGE[r];
      if (rule.checkWorkload === undefined) continue;
      place(entry.n, POD_SLOT + r);
      rule.checkWorkload(context);
    }

    if (entry.kind !== 'Deployment' && entry.kind !== 'StatefulSet') continue;
    const replicas = workload.replicas ?? 1;
    const autoscaled = output.autoscaled.size > 0 && output.autoscaled.has(`${entry.namespace}/${entry.kind}/${entry.name}`);
    if (replicas > 1 || autoscaled) {
      const replicated: ReplicatedContext = { ...context, replicated: `${entry.kind} with ${autoscaled ? 'an autoscaler' : `${replicas} replicas`}` };
      for (let r = 0; r < REPLICATED_RULES.length; r++) {
        place(entry.n, REPLICATED_SLOT + r);
        REPLICATED_RULES[r].checkReplicated!(replicated);
      }
    }
  }
}

/**
 * What rules on one object look up in the whole output: PodDisruptionBudgets,
 * autoscaled workloads, ServiceAccounts without a token, NetworkPolicies, and
 * the namespaces' Pod Security modes. A Namespace of the output counts over
 * what the environment declares of it.
 */
function gatherOutput(entries: readonly Entry[], declared?: ReadonlyMap<string, NamespacePodSecurity>): Output {
  const disruptionBudgets = new SelectorIndex<Budget>();
  const autoscaled = new Set<string>(); // "ns/Kind/name" scaled by an HPA
  const minReplicas = new Map<string, number>(); // "ns/Kind/name" → the HPA's minReplicas
  const networkPolicies = new SelectorIndex<unknown>(); // the podSelectors of the NetworkPolicies
  const tokenless = new Set<string>(); // "ns/name" of a ServiceAccount with automountServiceAccountToken: false
  const podSecurity = new Map(declared);
  for (let n = 0; n < entries.length; n++) {
    const entry = entries[n];
    const record = entry.record;
    if (record === undefined) continue;
    switch (record.is) {
      case 'Namespace':
        if (entry.name === undefined) break;
        if (record.podSecurity) podSecurity.set(entry.name, record.podSecurity);
        else podSecurity.delete(entry.name);
        break;
      case 'ServiceAccount':
        if (record.tokenless) tokenless.add(`${entry.namespace}/${entry.name}`);
        break;
      case 'PodDisruptionBudget':
        if (record.spec) disruptionBudgets.add(entry.namespace, record.selector, { selector: record.selector, minAvailable: record.minAvailable, entry });
        break;
      case 'HorizontalPodAutoscaler':
        if (record.scales === undefined) break;
        autoscaled.add(record.scales);
        minReplicas.set(record.scales, record.minReplicas);
        break;
      case 'NetworkPolicy':
        if (record.spec) networkPolicies.add(entry.namespace, record.podSelector ?? {}, record.podSelector ?? {});
        break;
    }
  }
  return { disruptionBudgets, autoscaled, minReplicas, tokenless, networkPolicies, podSecurity };
}
