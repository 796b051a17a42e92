import { k8s } from '../construct/k8s';
import { IConstruct } from 'constructs';
import { checkInt, checkOneOf, problem } from '../construct/checks';

/** How a batch job runs: shared by BatchJob and ScheduledJob. */
export interface JobSpecProps {
  /** Pods running at once. @default 1 */
  readonly parallelism?: number;
  /** Successful pods needed. @default 1 */
  readonly completions?: number;
  /** `Indexed` gives each pod an index 0…completions-1. @default 'NonIndexed' */
  readonly completionMode?: 'NonIndexed' | 'Indexed';
  /** Retries before the job fails. @default 3 */
  readonly backoffLimit?: number;
  /** Seconds the job may run in all before it is stopped. @default - no deadline */
  readonly activeDeadlineSeconds?: number;
  /** Seconds a finished job is kept before it is deleted. @default 86400 (one day) */
  readonly ttlSecondsAfterFinished?: number;
  /** What happens when a pod fails. @default 'Never' (a new pod is made; the failed one stays for its logs) */
  readonly restartPolicy?: 'Never' | 'OnFailure';
}

export function jobSpec(scope: IConstruct, props: JobSpecProps, template: k8s.PodTemplateSpec): k8s.JobSpec {
  checkInt(scope, 'parallelism', props.parallelism, { min: 0 });
  checkInt(scope, 'completions', props.completions, { min: 1 });
  checkInt(scope, 'backoffLimit', props.backoffLimit, { min: 0 });
  checkInt(scope, 'activeDeadlineSeconds', props.activeDeadlineSeconds, { min: 1 });
  checkInt(scope, 'ttlSecondsAfterFinished', props.ttlSecondsAfterFinished, { min: 0 });
  checkOneOf(scope, 'completionMode', props.completionMode, ['NonIndexed', 'Indexed']);
  if (props.completionMode === 'Indexed' && props.completions === undefined) {
    throw problem(scope, 'completionMode Indexed needs completions: set how many indexes to run');
  }
  return {
    parallelism: props.parallelism,
    completions: props.completions,
    completionMode: props.completionMode,
    backoffLimit: props.backoffLimit ?? 3,
    activeDeadlineSeconds: props.activeDeadlineSeconds,
    ttlSecondsAfterFinished: props.ttlSecondsAfterFinished ?? 86400,
    template,
  };
}
