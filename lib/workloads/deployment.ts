import { Construct } from 'constructs';
import { k8s } from '../construct/k8s';
import { checkInt, checkPropNames } from '../construct/checks';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { ScaleTarget } from '../scaling/horizontal-pod-autoscaler';
import { DeploymentStrategyProps, deploymentStrategy } from './deployment-strategy';
import { tcpPreset } from './presets';
import { singleNodeClaimOf } from './scheduling';
import { Workload, WorkloadOptions, WorkloadProps } from './workload';

export interface DeploymentProps extends WorkloadProps, DeploymentStrategyProps {
  /** The number of pods. @default 1 */
  readonly replicas?: number;
  /**
   * Leave `spec.replicas` out, for a HorizontalPodAutoscaler that owns the
   * count: with it set, every apply would reset the count the autoscaler chose.
   * @default false
   */
  readonly autoscaled?: boolean;
}

/** How a Deployment of its own builds its pods: long-running, TCP probes on the first port of containers that set none. */
const DEPLOYMENT_PODS: WorkloadOptions = { longRunning: true, preset: tcpPreset };

/**
 * A Deployment: long-running pods, replaced by rolling update (or recreated)
 * when their template changes. Its pods get the secure defaults; containers
 * with ports get TCP startup, liveness and readiness probes unless they set
 * their own. `WebService` and `Worker` are Deployments with more around them.
 */
export class Deployment extends Workload<KubeApiObject> {
  readonly apiObject: KubeApiObject;
  /** The replicas in the spec; undefined when an autoscaler owns the count. */
  readonly replicas?: number;
  /** What a HorizontalPodAutoscaler scales: this Deployment. */
  readonly scaleTarget: ScaleTarget;

  /**
   * @param options how the pods are built, for the patterns made on a
   * Deployment. @default - long-running, with TCP probe presets
   */
  constructor(scope: Construct, id: string, props: DeploymentProps, options: WorkloadOptions = DEPLOYMENT_PODS) {
    super(scope, id, props, options);
    checkPropNames(this, Deployment, props, 'DeploymentProps');
    checkInt(this, 'replicas', props.replicas, { min: 0 });
    this.replicas = props.autoscaled ? undefined : props.replicas ?? 1;
    this.apiObject = kubeApiObject<k8s.KubeDeploymentProps>(this, 'Resource', k8s.KubeDeployment.GVK, {
      metadata: this.objectMetadata(props),
      spec: {
        replicas: this.replicas,
        selector: { matchLabels: this.selector },
        template: this.pod.template,
        ...deploymentStrategy(this, props, singleNodeClaimOf(props)),
      },
    });
    this.scaleTarget = { apiVersion: 'apps/v1', kind: 'Deployment', name: this.name };
  }
}
