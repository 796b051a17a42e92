import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { checkInt, checkPropNames } from '../construct/checks';
import { tcpPreset } from './presets';
import { Workload, WorkloadProps } from './workload';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';

export interface ReplicaSetProps extends WorkloadProps {
  /** The number of pods. @default 1 */
  readonly replicas?: number;
}

/** A bare ReplicaSet, for completeness: prefer a Deployment (or WebService, Worker), which manages ReplicaSets and rollouts. */
export class ReplicaSet extends Workload<KubeApiObject> {
  readonly apiObject: KubeApiObject;
  /** The replicas in the spec. */
  readonly replicas: number;

  constructor(scope: Construct, id: string, props: ReplicaSetProps) {
    super(scope, id, props, { longRunning: true, preset: tcpPreset });
    checkPropNames(this, ReplicaSet, props, 'ReplicaSetProps');
    checkInt(this, 'replicas', props.replicas, { min: 0 });
    this.replicas = props.replicas ?? 1;
    this.apiObject = kubeApiObject<k8s.KubeReplicaSetProps>(this, 'Resource', k8s.KubeReplicaSet.GVK, {
      metadata: this.objectMetadata(props),
      spec: { replicas: this.replicas, selector: { matchLabels: this.selector }, template: this.pod.template },
    });
  }

  /**
   * The ReplicaSet object.
   * @deprecated use `apiObject`, the name every construct of the library gives its object
   */
  get replicaSet(): KubeApiObject {
    return this.apiObject;
  }
}
