import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { checkInt } from '../construct/checks';
import { ScaleTarget } from '../scaling/horizontal-pod-autoscaler';
import { DeploymentStrategyProps, deploymentStrategy } from '../workloads/deployment-strategy';
import { spreadByDefault } from '../workloads/scheduling';
import { Workload, WorkloadProps } from '../workloads/workload';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';

export interface WorkerProps extends WorkloadProps, DeploymentStrategyProps {
  /** @default 1 */
  readonly replicas?: number;
}

/**
 * A long-running process that serves no traffic (a queue consumer): a
 * Deployment without a Service. There is no probe preset: each container
 * must set a liveness probe (often `Probe.exec`) or `liveness: false`.
 */
export class Worker extends Workload {
  readonly deployment: KubeApiObject;
  readonly scaleTarget: ScaleTarget;

  constructor(scope: Construct, id: string, props: WorkerProps) {
    super(scope, id, spreadByDefault(props), { longRunning: true });
    checkInt(this, 'replicas', props.replicas, { min: 0 });
    this.deployment = kubeApiObject<k8s.KubeDeploymentProps>(this, 'Resource', k8s.KubeDeployment.GVK, {
      metadata: this.metadata(props),
      spec: {
        replicas: props.replicas ?? 1,
        selector: { matchLabels: this.selector },
        template: this.pod.template,
        ...deploymentStrategy(this, props),
      },
    });
    this.scaleTarget = { apiVersion: 'apps/v1', kind: 'Deployment', name: this.name };
  }
}
