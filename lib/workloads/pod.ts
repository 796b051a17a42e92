import { Lazy } from 'cdk8s';
import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { checkOneOf, checkPropNames } from '../construct/checks';
import { CHECKSUM_ANNOTATION } from './pod-template';
import { tcpPreset } from './presets';
import { Workload, WorkloadProps } from './workload';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';

export interface StandalonePodProps extends WorkloadProps {
  /** `Always` for a long-running pod (probes required), `OnFailure` or `Never` for one that runs to completion. @default 'Always' */
  readonly restartPolicy?: 'Always' | 'OnFailure' | 'Never';
}

/** A bare Pod, for completeness (debug pods, one-off tasks): nothing recreates it if its node fails. */
export class Pod extends Workload<KubeApiObject> {
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: StandalonePodProps) {
    const restartPolicy = props.restartPolicy ?? 'Always';
    super(scope, id, props, { longRunning: restartPolicy === 'Always', preset: tcpPreset, restartPolicy });
    checkPropNames(this, Pod, props, 'StandalonePodProps');
    checkOneOf(this, 'restartPolicy', props.restartPolicy, ['Always', 'OnFailure', 'Never']);
    this.apiObject = kubeApiObject<k8s.KubePodProps>(this, 'Resource', k8s.KubePod.GVK, {
      metadata: { ...this.objectMetadata(props), labels: { ...this.pod.template.metadata?.labels, ...props.labels }, annotations: { ...props.podAnnotations, ...this.objectMetadata(props).annotations } },
      spec: this.pod.template.spec,
    });
    // The pod's own metadata takes the checksum the template would carry, computed at synth time.
    const template = this.pod.template.metadata?.annotations as Lazy | undefined;
    this.apiObject.metadata.addAnnotation(CHECKSUM_ANNOTATION, Lazy.any({ produce: () => template?.produce()?.[CHECKSUM_ANNOTATION] }));
  }
}
