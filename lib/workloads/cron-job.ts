import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { checkInt, checkOneOf, invalid } from '../construct/checks';
import { cronProblem } from '../kube/cron';
import { timeZoneProblem } from '../kube/time-zone';
import { JobSpecProps, jobSpec } from './job-spec';
import { Workload, WorkloadProps } from './workload';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';

export interface CronJobProps extends WorkloadProps, JobSpecProps {
  /** A cron schedule (`0 3 * * *`) or a macro (`@daily`). */
  readonly schedule: string;
  /** An IANA time zone such as `Europe/Paris`. @default - the controller's time zone (usually UTC) */
  readonly timeZone?: string;
  /** What to do when a run is due while the last is still running. @default 'Forbid' */
  readonly concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  /** A run that cannot start within this many seconds of its time is skipped. @default 300 */
  readonly startingDeadlineSeconds?: number;
  /** Finished Jobs kept after success. @default 3 */
  readonly successfulJobsHistoryLimit?: number;
  /** Failed Jobs kept, for their logs. @default 1 */
  readonly failedJobsHistoryLimit?: number;
  /** Start no new runs (those running go on). @default false */
  readonly suspend?: boolean;
}

/** A CronJob: a batch job on a schedule, with concurrency policy, deadlines and history limits. */
export class CronJob extends Workload<KubeApiObject> {
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: CronJobProps) {
    super(scope, id, props, { longRunning: false, restartPolicy: props.restartPolicy ?? 'Never' }, 52);
    const why = typeof props.schedule === 'string' ? cronProblem(props.schedule) : 'is not a string';
    if (why) throw invalid(this, 'schedule', props.schedule, `a cron schedule such as "0 3 * * *" or "@daily" (this one ${why})`);
    const zone = props.timeZone === undefined ? undefined : typeof props.timeZone === 'string' ? timeZoneProblem(props.timeZone) : 'is not a string';
    if (zone) throw invalid(this, 'timeZone', props.timeZone, `an IANA time zone such as "Europe/Paris" or "UTC" (this one ${zone})`);
    checkOneOf(this, 'concurrencyPolicy', props.concurrencyPolicy, ['Allow', 'Forbid', 'Replace']);
    checkOneOf(this, 'restartPolicy', props.restartPolicy, ['Never', 'OnFailure']);
    checkInt(this, 'startingDeadlineSeconds', props.startingDeadlineSeconds, { min: 10 });
    checkInt(this, 'successfulJobsHistoryLimit', props.successfulJobsHistoryLimit, { min: 0 });
    checkInt(this, 'failedJobsHistoryLimit', props.failedJobsHistoryLimit, { min: 0 });
    this.apiObject = kubeApiObject<k8s.KubeCronJobProps>(this, 'Resource', k8s.KubeCronJob.GVK, {
      metadata: this.objectMetadata(props),
      spec: {
        schedule: props.schedule.trim(),
        timeZone: props.timeZone,
        concurrencyPolicy: props.concurrencyPolicy ?? 'Forbid',
        startingDeadlineSeconds: props.startingDeadlineSeconds ?? 300,
        successfulJobsHistoryLimit: props.successfulJobsHistoryLimit ?? 3,
        failedJobsHistoryLimit: props.failedJobsHistoryLimit ?? 1,
        suspend: props.suspend,
        jobTemplate: { metadata: { labels: this.selector }, spec: jobSpec(this, props, this.pod.template) },
      },
    });
  }

  /**
   * The CronJob object.
   * @deprecated use `apiObject`, the name every construct of the library gives its object
   */
  get cronJob(): KubeApiObject {
    return this.apiObject;
  }
}
