import { CronJob, CronJobProps } from './cron-job';

/**
 * The props of a `ScheduledJob`.
 * @deprecated use `CronJobProps`
 */
export type ScheduledJobProps = CronJobProps;

/**
 * The first name of `CronJob`, kept for the packages that use it.
 * @deprecated use `CronJob`
 */
export const ScheduledJob = CronJob;
/** @deprecated use `CronJob` */
export type ScheduledJob = CronJob;
