import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { checkOneOf } from '../core/validate';
import { JobSpecProps, jobSpec } from './job-spec';
import { Workload, WorkloadProps } from './workload';

export interface BatchJobProps extends WorkloadProps, JobSpecProps {}

/**
 * A Job: pods that run to completion, with parallelism, completions, a retry
 * budget and a time-to-live after finishing. No probes are needed.
 */
export class BatchJob extends Workload {
  readonly job: k8s.KubeJob;

  constructor(scope: Construct, id: string, props: BatchJobProps) {
    super(scope, id, props, { longRunning: false, restartPolicy: props.restartPolicy ?? 'Never' });
    checkOneOf(this, 'restartPolicy', props.restartPolicy, ['Never', 'OnFailure']);
    this.job = new k8s.KubeJob(this, 'Resource', {
      metadata: this.metadata(props),
      spec: jobSpec(this, props, this.pod.template),
    });
  }
}
