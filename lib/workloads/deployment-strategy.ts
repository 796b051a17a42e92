import { k8s } from '../construct/k8s';
import { IConstruct } from 'constructs';
import { checkInt, checkOneOf, intOrPercent, problem } from '../construct/checks';
import { isZero } from '../kube/int-or-percent';
import { Warnings } from '../construct/warnings';

/** How a Deployment replaces its pods. */
export interface DeploymentStrategyProps {
  /**
   * `RollingUpdate` replaces pods a few at a time, old and new side by side;
   * `Recreate` stops every old pod before starting new ones (for apps that
   * cannot run two versions at once, or pods on a ReadWriteOnce claim, which
   * a surge pod on another node could not attach).
   * @default 'RollingUpdate'; 'Recreate' for pods that mount a ReadWriteOnce PersistentVolumeClaim, unless maxSurge or maxUnavailable is set
   */
  readonly strategy?: 'RollingUpdate' | 'Recreate';
  /** Extra pods during a rolling update: a count or a percentage (rounded up). @default '25%' */
  readonly maxSurge?: number | string;
  /** Pods that may be missing during a rolling update: a count or a percentage (rounded down). @default 0 (capacity never drops) */
  readonly maxUnavailable?: number | string;
  /** Old ReplicaSets kept for rollback. @default 5 */
  readonly revisionHistoryLimit?: number;
  /** Seconds a new pod must be ready before it counts as available. @default 0 */
  readonly minReadySeconds?: number;
  /**
   * Seconds a rollout may go without progress before the Deployment reports
   * it failed (`ProgressDeadlineExceeded`); it must be more than `minReadySeconds`.
   * @default - the API's 600
   */
  readonly progressDeadlineSeconds?: number;
}

/** The strategy fields of a Deployment spec, checked. */
export function deploymentStrategy(
  scope: IConstruct,
  props: DeploymentStrategyProps,
  /** A ReadWriteOnce claim the pods mount (see singleNodeClaimOf). */
  singleNodeClaim?: string,
): Pick<k8s.DeploymentSpec, 'strategy' | 'revisionHistoryLimit' | 'minReadySeconds' | 'progressDeadlineSeconds'> {
  checkOneOf(scope, 'strategy', props.strategy, ['RollingUpdate', 'Recreate']);
  checkInt(scope, 'revisionHistoryLimit', props.revisionHistoryLimit, { min: 0 });
  checkInt(scope, 'minReadySeconds', props.minReadySeconds, { min: 0 });
  checkInt(scope, 'progressDeadlineSeconds', props.progressDeadlineSeconds, { min: 1 });
  if (props.progressDeadlineSeconds !== undefined && props.progressDeadlineSeconds <= (props.minReadySeconds ?? 0)) {
    throw problem(
      scope,
      `progressDeadlineSeconds ${props.progressDeadlineSeconds} must be more than minReadySeconds ${props.minReadySeconds ?? 0}, or every rollout would be reported as failed: raise progressDeadlineSeconds`,
    );
  }
  const rollingSet = props.maxSurge !== undefined || props.maxUnavailable !== undefined;
  const type = props.strategy ?? (singleNodeClaim !== undefined && !rollingSet ? 'Recreate' : 'RollingUpdate');
  if (type === 'RollingUpdate' && singleNodeClaim !== undefined && !isZero(props.maxSurge ?? '25%')) {
    Warnings.of(scope).add(
      `a rolling update starts a new pod before the old one stops, and the pods mount the ReadWriteOnce claim "${singleNodeClaim}": a new pod scheduled on another node stalls on Multi-Attach`,
      `leave strategy out (Recreate for a ReadWriteOnce claim), use a ReadWriteMany claim, or set maxSurge: 0 and maxUnavailable: 1`,
    );
  }
  if (type === 'Recreate' && (props.maxSurge !== undefined || props.maxUnavailable !== undefined)) {
    throw problem(scope, 'maxSurge and maxUnavailable apply to the RollingUpdate strategy, not Recreate: remove them or use RollingUpdate');
  }
  const maxSurge = intOrPercent(scope, 'maxSurge', props.maxSurge ?? '25%');
  const maxUnavailable = intOrPercent(scope, 'maxUnavailable', props.maxUnavailable ?? 0);
  if (type === 'RollingUpdate' && isZero(props.maxSurge ?? '25%') && isZero(props.maxUnavailable ?? 0)) {
    throw problem(scope, 'maxSurge and maxUnavailable are both 0, so a rolling update could never make progress: allow one of them, such as maxSurge: 1');
  }
  return {
    strategy: type === 'Recreate' ? { type } : { type, rollingUpdate: { maxSurge, maxUnavailable } },
    revisionHistoryLimit: props.revisionHistoryLimit ?? 5,
    minReadySeconds: props.minReadySeconds,
    progressDeadlineSeconds: props.progressDeadlineSeconds,
  };
}
