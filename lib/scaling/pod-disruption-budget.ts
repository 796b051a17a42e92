import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { resourceName } from '../construct/names';
import { checkLabels, checkOneOf, intOrPercent, problem, checkPropNames } from '../construct/checks';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';

export interface PodDisruptionBudgetProps {
  /** The PodDisruptionBudget's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** Extra labels. @default - the package's */
  readonly labels?: Record<string, string>;
  /** The pods: labels or a workload of this library. */
  readonly selector: Record<string, string> | { readonly selector: Record<string, string> };
  /** Pods that must stay up during voluntary disruptions: a count or a percentage such as `"50%"`. @default - unset (maxUnavailable is used) */
  readonly minAvailable?: number | string;
  /** Pods that may be down at once: a count or a percentage. @default 1 (when minAvailable is unset) */
  readonly maxUnavailable?: number | string;
  /** Whether pods that are not ready may be evicted regardless of the budget. @default 'AlwaysAllow' */
  readonly unhealthyPodEvictionPolicy?: 'IfHealthyBudget' | 'AlwaysAllow';
}

/** A PodDisruptionBudget: how many pods node drains and other voluntary evictions may take down at once. */
export class PodDisruptionBudget extends Resource<KubeApiObject> {
  readonly name: string;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: PodDisruptionBudgetProps) {
    super(scope, id);
    checkPropNames(this, PodDisruptionBudget, props, 'PodDisruptionBudgetProps');
    this.name = props.name ?? resourceName(this);
    const selector = 'selector' in props.selector && typeof props.selector.selector === 'object' ? props.selector.selector : (props.selector as Record<string, string>);
    checkLabels(this, 'selector', selector);
    if (props.minAvailable !== undefined && props.maxUnavailable !== undefined) {
      throw problem(this, 'set minAvailable or maxUnavailable, not both');
    }
    checkOneOf(this, 'unhealthyPodEvictionPolicy', props.unhealthyPodEvictionPolicy, ['IfHealthyBudget', 'AlwaysAllow']);
    const min = intOrPercent(this, 'minAvailable', props.minAvailable);
    const max = intOrPercent(this, 'maxUnavailable', props.maxUnavailable ?? (min ? undefined : 1));
    if (props.maxUnavailable === 0 || props.maxUnavailable === '0%') {
      throw problem(this, 'maxUnavailable 0 blocks every node drain: allow at least 1');
    }
    this.apiObject = kubeApiObject<k8s.KubePodDisruptionBudgetProps>(this, 'Resource', k8s.KubePodDisruptionBudget.GVK, {
      metadata: { name: this.name, labels: props.labels },
      spec: {
        selector: { matchLabels: selector },
        minAvailable: min,
        maxUnavailable: max,
        unhealthyPodEvictionPolicy: props.unhealthyPodEvictionPolicy ?? 'AlwaysAllow',
      },
    });
  }
}
