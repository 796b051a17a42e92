import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { resourceName } from '../construct/names';
import { checkInt, checkQuantity, checkRequired, problem, checkPropNames } from '../construct/checks';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';

/** What an autoscaler scales. */
export interface ScaleTarget {
  /** The target's API version, such as `apps/v1`. */
  readonly apiVersion: string;
  /** The target's kind, such as `Deployment`. */
  readonly kind: string;
  /** The target's name. */
  readonly name: string;
}

export interface HorizontalPodAutoscalerProps {
  /** The HorizontalPodAutoscaler's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** Extra labels. @default - the package's */
  readonly labels?: Record<string, string>;
  /** A Deployment or StatefulSet: an object with `scaleTarget`, or the reference. */
  readonly target: ScaleTarget | { readonly scaleTarget: ScaleTarget };
  /** The floor. @default 1 */
  readonly minReplicas?: number;
  /** The ceiling. */
  readonly maxReplicas: number;
  /** Average CPU use, in percent of the request, to aim for. @default 75 (when no memory target is set) */
  readonly cpuUtilization?: number;
  /** Average memory use, in percent of the request, to aim for. @default - none */
  readonly memoryUtilization?: number;
  /** Average memory per pod, such as `400Mi`, to aim for. @default - none */
  readonly memoryAverage?: string;
  /** How long load must stay low before scaling down, in seconds. @default 300 */
  readonly scaleDownStabilizationSeconds?: number;
}

/** A HorizontalPodAutoscaler (autoscaling/v2) on CPU and memory. */
export class HorizontalPodAutoscaler extends Resource<KubeApiObject> {
  readonly name: string;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: HorizontalPodAutoscalerProps) {
    super(scope, id);
    checkPropNames(this, HorizontalPodAutoscaler, props, 'HorizontalPodAutoscalerProps');
    this.name = props.name ?? resourceName(this);
    const min = props.minReplicas ?? 1;
    checkInt(this, 'minReplicas', min, { min: 1 });
    checkRequired(this, 'maxReplicas', props.maxReplicas, 'the most replicas to scale to');
    checkInt(this, 'maxReplicas', props.maxReplicas, { min: 1 });
    if (props.maxReplicas < min) throw problem(this, `maxReplicas ${props.maxReplicas} is less than minReplicas ${min}`);
    checkInt(this, 'cpuUtilization', props.cpuUtilization, { min: 1, max: 1000 });
    checkInt(this, 'memoryUtilization', props.memoryUtilization, { min: 1, max: 1000 });
    checkQuantity(this, 'memoryAverage', props.memoryAverage);
    checkInt(this, 'scaleDownStabilizationSeconds', props.scaleDownStabilizationSeconds, { min: 0, max: 3600 });
    if (props.memoryUtilization !== undefined && props.memoryAverage !== undefined) throw problem(this, 'set memoryUtilization or memoryAverage, not both');
    const target = 'scaleTarget' in props.target ? props.target.scaleTarget : props.target;
    const memorySet = props.memoryUtilization !== undefined || props.memoryAverage !== undefined;
    const cpu = props.cpuUtilization ?? (memorySet ? undefined : 75);
    const metrics: k8s.MetricSpecV2[] = [];
    if (cpu !== undefined) metrics.push({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } });
    if (props.memoryUtilization !== undefined) metrics.push({ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: props.memoryUtilization } } });
    if (props.memoryAverage !== undefined) metrics.push({ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: k8s.Quantity.fromString(props.memoryAverage) } } });
    this.apiObject = kubeApiObject<k8s.KubeHorizontalPodAutoscalerV2Props>(this, 'Resource', k8s.KubeHorizontalPodAutoscalerV2.GVK, {
      metadata: { name: this.name, labels: props.labels },
      spec: {
        scaleTargetRef: { apiVersion: target.apiVersion, kind: target.kind, name: target.name },
        minReplicas: min,
        maxReplicas: props.maxReplicas,
        metrics,
        behavior: { scaleDown: { stabilizationWindowSeconds: props.scaleDownStabilizationSeconds ?? 300 } },
      },
    });
  }
}
