import { Construct } from 'constructs';
import { DeploymentStrategyProps } from '../workloads/deployment-strategy';
import { Deployment } from '../workloads/deployment';
import { spreadByDefault } from '../workloads/scheduling';
import { WorkloadProps } from '../workloads/workload';
import { checkPropNames } from '../construct/checks';

export interface WorkerProps extends WorkloadProps, DeploymentStrategyProps {
  /** The number of pods. @default 1 */
  readonly replicas?: number;
}

/**
 * A long-running process that serves no traffic (a queue consumer): a
 * Deployment without a Service. There is no probe preset: each container
 * must set a liveness probe (often `Probe.exec`) or `liveness: false`.
 * Replicas spread over nodes unless placed otherwise.
 */
export class Worker extends Deployment {
  constructor(scope: Construct, id: string, props: WorkerProps) {
    super(scope, id, spreadByDefault(props), { longRunning: true });
    checkPropNames(this, Worker, props, 'WorkerProps');
  }

  /** The Deployment of the worker: this construct. */
  get deployment(): Deployment {
    return this;
  }
}
