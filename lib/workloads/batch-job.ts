import { Job, JobProps } from './job';

/**
 * The props of a `BatchJob`.
 * @deprecated use `JobProps`
 */
export type BatchJobProps = JobProps;

/**
 * The first name of `Job`, kept for the packages that use it.
 * @deprecated use `Job`
 */
export const BatchJob = Job;
/** @deprecated use `Job` */
export type BatchJob = Job;
