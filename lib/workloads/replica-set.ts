import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { checkInt } from '../construct/checks';
import { tcpPreset } from './presets';
import { Workload, WorkloadProps } from './workload';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';

export interface ReplicaSetProps extends WorkloadProps {
  /** @default 1 */
  readonly replicas?: number;
}

/** A bare ReplicaSet, for completeness: prefer WebService or Worker, whose Deployment manages ReplicaSets and rollouts. */
export class ReplicaSet extends Workload {
  readonly replicaSet: KubeApiObject;

  constructor(scope: Construct, id: string, props: ReplicaSetProps) {
    super(scope, id, props, { longRunning: true, preset: tcpPreset });
    checkInt(this, 'replicas', props.replicas, { min: 0 });
    this.replicaSet = kubeApiObject<k8s.KubeReplicaSetProps>(this, 'Resource', k8s.KubeReplicaSet.GVK, {
      metadata: this.metadata(props),
      spec: { replicas: props.replicas ?? 1, selector: { matchLabels: this.selector }, template: this.pod.template },
    });
  }
}
