import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { checkOneOf, checkPropNames } from '../construct/checks';
import { JobSpecProps, jobSpec } from './job-spec';
import { Workload, WorkloadProps } from './workload';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';

export interface JobProps extends WorkloadProps, JobSpecProps {}

/**
 * A Job: pods that run to completion, with parallelism, completions, a retry
 * budget and a time-to-live after finishing. No probes are needed.
 */
export class Job extends Workload<KubeApiObject> {
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: JobProps) {
    super(scope, id, props, { longRunning: false, restartPolicy: props.restartPolicy ?? 'Never' });
    checkPropNames(this, Job, props, 'JobProps');
    checkOneOf(this, 'restartPolicy', props.restartPolicy, ['Never', 'OnFailure']);
    this.apiObject = kubeApiObject<k8s.KubeJobProps>(this, 'Resource', k8s.KubeJob.GVK, {
      metadata: this.objectMetadata(props),
      spec: jobSpec(this, props, this.pod.template),
    });
  }

  /**
   * The Job object.
   * @deprecated use `apiObject`, the name every construct of the library gives its object
   */
  get job(): KubeApiObject {
    return this.apiObject;
  }
}
