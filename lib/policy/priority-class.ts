import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { clusterScoped, resourceName } from '../construct/names';
import { checkInt, checkOneOf, problem, checkPropNames } from '../construct/checks';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';

export interface PriorityClassProps {
  /** The PriorityClass's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** Higher runs first and preempts lower; up to 1 000 000 000 (higher is reserved for the system). */
  readonly value: number;
  /** Make it the class of pods that name none. @default false */
  readonly globalDefault?: boolean;
  /** Whether pods of this class evict lower ones. @default 'PreemptLowerPriority' */
  readonly preemptionPolicy?: 'PreemptLowerPriority' | 'Never';
  /** What the class is for, for people. @default - none */
  readonly description?: string;
}

/** A PriorityClass (cluster-scoped): pass it as a workload's `priorityClass`. */
export class PriorityClass extends Resource<KubeApiObject> {
  readonly name: string;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: PriorityClassProps) {
    super(scope, id);
    checkPropNames(this, PriorityClass, props, 'PriorityClassProps');
    this.name = props.name ?? resourceName(this, 253);
    if (props.value === undefined) throw problem(this, 'value is required: a whole number up to 1000000000, higher runs first');
    checkInt(this, 'value', props.value, { min: -2147483648, max: 1000000000 });
    checkOneOf(this, 'preemptionPolicy', props.preemptionPolicy, ['PreemptLowerPriority', 'Never']);
    this.apiObject = clusterScoped(
      kubeApiObject<k8s.KubePriorityClassProps>(this, 'Resource', k8s.KubePriorityClass.GVK, {
        metadata: { name: this.name },
        value: props.value,
        globalDefault: props.globalDefault ?? false,
        preemptionPolicy: props.preemptionPolicy,
        description: props.description,
      }),
    );
  }
}
