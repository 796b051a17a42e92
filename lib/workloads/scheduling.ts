import { k8s } from '../construct/k8s';
import { IConstruct } from 'constructs';
import { checkInt, checkLabels, checkOneOf, invalid, problem } from '../construct/checks';
import { merge } from '../internal/merge';
import type { Volume } from '../storage/volume';
import type { ContainerProps } from './container';

/** A taint the pods tolerate. */
export interface Toleration {
  /** The taint key; empty with operator Exists tolerates every taint. @default - every key (operator must be Exists) */
  readonly key?: string;
  /** `Equal` tolerates the taint with this `value`; `Exists` any value. @default 'Equal' */
  readonly operator?: 'Equal' | 'Exists';
  /** The taint value to tolerate. @default - none (required for Equal) */
  readonly value?: string;
  /** The taint effect to tolerate. @default - every effect */
  readonly effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  /** How long a NoExecute taint is tolerated. @default - forever */
  readonly tolerationSeconds?: number;
}

/** A rule on node labels. */
export interface NodeAffinityRule {
  /** The node label the rule tests. */
  readonly key: string;
  /** How the label is compared with `values`. @default 'In' */
  readonly operator?: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  /** The label values to compare with; one number for Gt and Lt. @default - none (required for In, NotIn, Gt, Lt) */
  readonly values?: string[];
  /** A hard rule, or a preference with `weight`. @default true */
  readonly required?: boolean;
  /** 1–100, for preferences. @default 50 */
  readonly weight?: number;
}

/** Placing pods relative to other pods (by labels) within a topology domain. */
export interface PodAffinityRule {
  /** The labels of the other pods. */
  readonly labels: Record<string, string>;
  /** The node label whose values are the domains: nodes, zones… @default 'kubernetes.io/hostname' */
  readonly topologyKey?: string;
  /** A hard rule, or a preference with `weight`. @default false (a preference) */
  readonly required?: boolean;
  /** 1–100, for preferences. @default 50 */
  readonly weight?: number;
  /** The namespaces of the other pods. @default - the pod's own namespace */
  readonly namespaces?: string[];
}

/** Spreads the workload's own pods over a topology domain (zones, nodes). */
export interface TopologySpread {
  /** The node label whose values are the domains the pods spread over. @default 'topology.kubernetes.io/zone' */
  readonly topologyKey?: string;
  /** The most the pod counts of two domains may differ by. @default 1 */
  readonly maxSkew?: number;
  /** Whether a pod that would break `maxSkew` waits, or is scheduled anyway. @default 'ScheduleAnyway' */
  readonly whenUnsatisfiable?: 'DoNotSchedule' | 'ScheduleAnyway';
}

/** Where pods may run. */
export interface SchedulingProps {
  /** Run only on nodes with these labels. @default - none */
  readonly nodeSelector?: Record<string, string>;
  /** The node taints the pods tolerate. @default - none */
  readonly tolerations?: Toleration[];
  /** Rules and preferences on node labels. @default - none */
  readonly nodeAffinity?: NodeAffinityRule[];
  /** Run near pods with these labels. @default - none */
  readonly podAffinity?: PodAffinityRule[];
  /** Keep away from pods with these labels. @default - none */
  readonly podAntiAffinity?: PodAffinityRule[];
  /**
   * Keep the workload's own pods apart: `preferred` or `required` one pod per
   * node (`kubernetes.io/hostname`); `false` for no spreading.
   * @default - `preferred` for web services, workers, stateful services and rollout tracks unless `topologySpread` is given; none otherwise
   */
  readonly spreadReplicas?: 'preferred' | 'required' | false;
  /** Topology spread constraints over the workload's own pods. @default - none */
  readonly topologySpread?: TopologySpread[];
  /** A PriorityClass, by name or object. @default - the cluster's default priority */
  readonly priorityClass?: string | { readonly name: string };
}

/** The volumes of a pod's props, as far as the scheduling defaults look at them. */
export interface PodVolumes {
  readonly containers?: readonly Pick<ContainerProps, 'mounts'>[];
  readonly initContainers?: readonly Pick<ContainerProps, 'mounts'>[];
  readonly volumes?: readonly Volume[];
}

/**
 * The first claim the pod mounts that only one node can attach (a
 * ReadWriteOnce PersistentVolumeClaim of the output): every pod that mounts
 * it must run on the node that has it attached.
 */
export function singleNodeClaimOf(props: PodVolumes): string | undefined {
  const volumes = [...(props.volumes ?? []), ...[...(props.initContainers ?? []), ...(props.containers ?? [])].flatMap((c) => (c.mounts ?? []).map((m) => m.volume))];
  return volumes.find((v) => v.origin.singleNodeClaim !== undefined)?.origin.singleNodeClaim;
}

/**
 * A workload's pods spread over nodes unless the props say otherwise:
 * `spreadReplicas: 'preferred'` when neither `spreadReplicas` nor
 * `topologySpread` is set. It does not depend on the replica count, so
 * scaling (or switching blue/green colours) never changes the pod template
 * and never rolls the pods; with one pod, a preferred rule costs nothing.
 * Not for pods on a ReadWriteOnce claim, which must share a node.
 */
export function spreadByDefault<P extends SchedulingProps & PodVolumes>(props: P): P {
  if (props.spreadReplicas !== undefined || props.topologySpread !== undefined) return props;
  // pods on one ReadWriteOnce claim must share a node: spreading them would strand all but the first
  if (singleNodeClaimOf(props) !== undefined) return props;
  return merge<P>(props, { spreadReplicas: 'preferred' } as Partial<P>);
}

export function renderScheduling(scope: IConstruct, props: SchedulingProps, ownLabels: Record<string, string>): Partial<k8s.PodSpec> {
  checkLabels(scope, 'nodeSelector', props.nodeSelector);
  const tolerations = props.tolerations?.map((t, i): k8s.Toleration => {
    const f = `tolerations[${i}]`;
    checkOneOf(scope, `${f}.operator`, t.operator, ['Equal', 'Exists']);
    checkOneOf(scope, `${f}.effect`, t.effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']);
    if ((t.operator ?? 'Equal') === 'Equal' && !t.key) throw problem(scope, `${f}: operator Equal needs a key: set key, or operator: 'Exists' to tolerate every taint`);
    if (t.operator === 'Exists' && t.value !== undefined) throw problem(scope, `${f}: operator Exists takes no value: remove value`);
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') throw problem(scope, `${f}: tolerationSeconds applies only to effect NoExecute`);
    checkInt(scope, `${f}.tolerationSeconds`, t.tolerationSeconds, { min: 0 });
    return { key: t.key, operator: t.operator, value: t.value, effect: t.effect, tolerationSeconds: t.tolerationSeconds };
  });

  const nodeRequired: k8s.NodeSelectorRequirement[] = [];
  const nodePreferred: k8s.PreferredSchedulingTerm[] = [];
  (props.nodeAffinity ?? []).forEach((r, i) => {
    const f = `nodeAffinity[${i}]`;
    const operator = r.operator ?? 'In';
    checkOneOf(scope, `${f}.operator`, operator, ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']);
    const needsValues = !['Exists', 'DoesNotExist'].includes(operator);
    if (needsValues !== Boolean(r.values && r.values.length)) {
      throw problem(scope, `${f}: operator ${operator} ${needsValues ? 'needs values' : 'takes no values'}`);
    }
    const expr = { key: r.key, operator, values: r.values };
    if (r.required ?? true) nodeRequired.push(expr);
    else nodePreferred.push({ weight: weight(scope, `${f}.weight`, r.weight), preference: { matchExpressions: [expr] } });
  });

  const podTerms = (rules: PodAffinityRule[] | undefined, field: string) => {
    const required: k8s.PodAffinityTerm[] = [];
    const preferred: k8s.WeightedPodAffinityTerm[] = [];
    (rules ?? []).forEach((r, i) => {
      checkLabels(scope, `${field}[${i}].labels`, r.labels);
      const term = { labelSelector: { matchLabels: r.labels }, topologyKey: r.topologyKey ?? 'kubernetes.io/hostname', namespaces: r.namespaces };
      if (r.required) required.push(term);
      else preferred.push({ weight: weight(scope, `${field}[${i}].weight`, r.weight), podAffinityTerm: term });
    });
    return { required, preferred };
  };
  const affinityTerms = podTerms(props.podAffinity, 'podAffinity');
  const antiRules = [...(props.podAntiAffinity ?? [])];
  if (props.spreadReplicas !== false) checkOneOf(scope, 'spreadReplicas', props.spreadReplicas, ['preferred', 'required']);
  if (props.spreadReplicas) antiRules.push({ labels: ownLabels, required: props.spreadReplicas === 'required', weight: 100 });
  const antiTerms = podTerms(antiRules, 'podAntiAffinity');

  const affinity: k8s.Affinity = {
    nodeAffinity:
      nodeRequired.length || nodePreferred.length
        ? {
            requiredDuringSchedulingIgnoredDuringExecution: nodeRequired.length ? { nodeSelectorTerms: [{ matchExpressions: nodeRequired }] } : undefined,
            preferredDuringSchedulingIgnoredDuringExecution: nodePreferred.length ? nodePreferred : undefined,
          }
        : undefined,
    podAffinity: podAffinityOf(affinityTerms),
    podAntiAffinity: podAffinityOf(antiTerms),
  };

  const topologySpreadConstraints = props.topologySpread?.map((t, i): k8s.TopologySpreadConstraint => {
    checkInt(scope, `topologySpread[${i}].maxSkew`, t.maxSkew, { min: 1 });
    checkOneOf(scope, `topologySpread[${i}].whenUnsatisfiable`, t.whenUnsatisfiable, ['DoNotSchedule', 'ScheduleAnyway']);
    return {
      topologyKey: t.topologyKey ?? 'topology.kubernetes.io/zone',
      maxSkew: t.maxSkew ?? 1,
      whenUnsatisfiable: t.whenUnsatisfiable ?? 'ScheduleAnyway',
      labelSelector: { matchLabels: ownLabels },
    };
  });

  const priorityClassName = typeof props.priorityClass === 'string' ? props.priorityClass : props.priorityClass?.name;
  return {
    nodeSelector: props.nodeSelector,
    tolerations,
    affinity: affinity.nodeAffinity || affinity.podAffinity || affinity.podAntiAffinity ? affinity : undefined,
    topologySpreadConstraints,
    priorityClassName,
  };
}

function podAffinityOf(terms: { required: k8s.PodAffinityTerm[]; preferred: k8s.WeightedPodAffinityTerm[] }) {
  if (!terms.required.length && !terms.preferred.length) return undefined;
  return {
    requiredDuringSchedulingIgnoredDuringExecution: terms.required.length ? terms.required : undefined,
    preferredDuringSchedulingIgnoredDuringExecution: terms.preferred.length ? terms.preferred : undefined,
  };
}

function weight(scope: IConstruct, field: string, value: number | undefined): number {
  if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > 100)) throw invalid(scope, field, value, 'a whole number from 1 to 100');
  return value ?? 50;
}
