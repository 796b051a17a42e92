/**
 * What a rule is: its metadata (id, category, severity per profile, what it
 * checks, the usual fix) and, for a best-practice rule of its own file, why it
 * matters, an example, and the checks it runs. One file per rule under
 * lib/validate/rules/, listed in ./registry.ts; policy.ts runs them.
 */
import type { Severity } from '../findings';
import type { NamespacePodSecurity } from '../../kube/pod-security';
import type { Entry, Workload } from '../entries';
import type { Checked, ContainerAt, Json, PodTemplate } from '../objects';
import type { SelectorIndex } from '../selector-index';

/**
 * - input: the YAML cannot be read as Kubernetes objects
 * - schema: the object does not match the Kubernetes 1.28 schema (strict)
 * - api: what the API server rejects beyond the schema
 * - duplicate: two objects with one identity
 * - reference: a reference to another object of the output that is not there
 * - best-practice: what kube-score, kube-linter and Polaris flag by default
 */
export type Category = 'input' | 'schema' | 'api' | 'duplicate' | 'reference' | 'best-practice';

/**
 * A severity profile: how best-practice findings count. `strict` is `prod`
 * plus the rules too noisy to apply by default (STRICT_ONLY).
 */
export type ProfileName = 'dev' | 'prod' | 'strict';

/** The severity of a rule's findings under each profile; `off`: the profile does not apply the rule. */
export type Severities = Readonly<Record<ProfileName, Severity | 'off'>>;

/** Best-practice findings warn while developing and fail a `prod` (or `strict`) validation. */
export const BEST_PRACTICE: Severities = Object.freeze({ dev: 'warning', prod: 'error', strict: 'error' });

/**
 * Rules that ask more than most workloads need (Guaranteed QoS, an
 * ephemeral-storage budget per container): only the `strict` profile applies
 * them, as errors. kube-score keeps its matching checks optional for the same reason.
 */
export const STRICT_ONLY: Severities = Object.freeze({ dev: 'off', prod: 'off', strict: 'error' });

/** What the API server rejects, or what cannot be read, is an error under every profile. */
export const ALWAYS_ERROR: Severities = Object.freeze({ dev: 'error', prod: 'error', strict: 'error' });

export interface RuleInfo {
  readonly id: string;
  readonly category: Category;
  readonly severity: Severities;
  /** What the rule checks, one line. */
  readonly what: string;
  /** The usual fix, one line. */
  readonly fix: string;
}

/** A PodDisruptionBudget as the rules see it: its selector, its `spec.minAvailable`, and its entry to report on. */
export interface Budget {
  readonly selector: unknown;
  readonly minAvailable: unknown;
  readonly entry: Entry;
}

/** What a policy rule sees of the whole output, gathered once before the checks across objects run. */
export interface Output {
  /** The PodDisruptionBudgets by namespace and selector. */
  readonly disruptionBudgets: SelectorIndex<Budget>;
  /** `namespace/Kind/name` of every workload a HorizontalPodAutoscaler scales. */
  readonly autoscaled: ReadonlySet<string>;
  /** The Pod Security modes of each namespace, from its Namespace in the output or as the environment declares it. */
  readonly podSecurity: ReadonlyMap<string, NamespacePodSecurity>;
  /** The minReplicas of the autoscaler of each workload of `autoscaled`. */
  readonly minReplicas: ReadonlyMap<string, number>;
  /** The podSelectors of the NetworkPolicies, by namespace and selector (`{}` selects every pod). */
  readonly networkPolicies: SelectorIndex<unknown>;
  /** `namespace/name` of every ServiceAccount that sets `automountServiceAccountToken: false`. */
  readonly tokenless: ReadonlySet<string>;
}

/** An object with a pod template (not a bare PodTemplate), as the pod checks see it. */
export interface PodContext {
  readonly item: Checked;
  readonly pod: PodTemplate;
  /** The pod's securityContext, or an empty mapping. */
  readonly securityContext: Json;
  /** Whether the pod keeps running (not a Job's, CronJob's or a Pod that does not restart always): probes matter. */
  readonly longRunning: boolean;
}

/** A container of the pod, with its securityContext (or an empty mapping), as the container checks see it. */
export interface ContainerContext extends ContainerAt {
  readonly securityContext: Json;
}

/** An object with a pod template (not a bare PodTemplate), as the checks against the whole output see it: its records (entries.ts). */
export interface WorkloadContext {
  readonly entry: Entry;
  readonly workload: Workload;
  readonly output: Output;
}

/** A Deployment or StatefulSet that runs more than one pod, or that an autoscaler scales. */
export interface ReplicatedContext extends WorkloadContext {
  /** `Deployment with 3 replicas`, `StatefulSet with an autoscaler`: how messages name it. */
  readonly replicated: string;
}

/**
 * A best-practice rule of its own file. Its checks report through the
 * object's `report` (the object's opt-out annotations apply there) rather than
 * return findings, so a clean object costs no allocation. Each kind of check
 * runs where the one loop of policy.ts reaches it, in registry order: the
 * object, then its pod, then each container, then the replicated workload; so
 * the findings of an object keep one order whatever rule they come from.
 */
export interface PolicyRule extends RuleInfo {
  readonly category: 'best-practice';
  /** Why it matters, a short paragraph. */
  readonly why: string;
  /** The smallest manifest that trips the rule, and the same manifest fixed. Docs and tests use both. */
  readonly example: { readonly fails: string; readonly passes: string };
  /** Runs once per object, as it is read. */
  readonly checkObject?: (item: Checked) => void;
  /** Runs once per pod template (of a Pod, workload, Job or CronJob), before its containers, as it is read. */
  readonly checkPod?: (pod: PodContext) => void;
  /**
   * Runs once per pod template, at the place of `checkPod` (a rule has one
   * or the other), once the whole output is read: for checks against other
   * objects. It sees the workload's records (entries.ts), not the object.
   */
  readonly checkWorkload?: (workload: WorkloadContext) => void;
  /** Runs once per container of a pod, init containers first, as it is read. */
  readonly checkContainer?: (container: ContainerContext, pod: PodContext) => void;
  /** Runs once per replicated Deployment or StatefulSet, after its containers, once the whole output is read (an autoscaler may come later). */
  readonly checkReplicated?: (workload: ReplicatedContext) => void;
}

/** `container "app"`, as findings name a container. */
export function containerName(container: Json): string {
  return typeof container.name === 'string' ? `container "${container.name}"` : 'the container';
}
