import { k8s } from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { checkInt, checkOneOf, invalid, problem } from '../core/validate';

/** How a Deployment replaces its pods. */
export interface DeploymentStrategyProps {
  /** @default 'RollingUpdate' */
  readonly strategy?: 'RollingUpdate' | 'Recreate';
  /** Extra pods during a rolling update: a count or a percentage. @default '25%' */
  readonly maxSurge?: number | string;
  /** Pods that may be missing during a rolling update. @default 0 (capacity never drops) */
  readonly maxUnavailable?: number | string;
  /** Old ReplicaSets kept for rollback. @default 5 */
  readonly revisionHistoryLimit?: number;
  /** Seconds a new pod must be ready before it counts as available. @default 0 */
  readonly minReadySeconds?: number;
}

export function intOrPercent(scope: IConstruct, field: string, value: number | string | undefined): k8s.IntOrString | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') {
    checkInt(scope, field, value, { min: 0 });
    return k8s.IntOrString.fromNumber(value);
  }
  const m = /^(\d{1,3})%$/.exec(value);
  if (!m || Number(m[1]) > 100) throw invalid(scope, field, value, 'a whole number or a percentage from "0%" to "100%"');
  return k8s.IntOrString.fromString(value);
}

export function deploymentStrategy(scope: IConstruct, props: DeploymentStrategyProps): Pick<k8s.DeploymentSpec, 'strategy' | 'revisionHistoryLimit' | 'minReadySeconds'> {
  checkOneOf(scope, 'strategy', props.strategy, ['RollingUpdate', 'Recreate']);
  checkInt(scope, 'revisionHistoryLimit', props.revisionHistoryLimit, { min: 0 });
  checkInt(scope, 'minReadySeconds', props.minReadySeconds, { min: 0 });
  const type = props.strategy ?? 'RollingUpdate';
  if (type === 'Recreate' && (props.maxSurge !== undefined || props.maxUnavailable !== undefined)) {
    throw problem(scope, 'maxSurge and maxUnavailable apply to the RollingUpdate strategy, not Recreate');
  }
  const maxSurge = intOrPercent(scope, 'maxSurge', props.maxSurge ?? '25%');
  const maxUnavailable = intOrPercent(scope, 'maxUnavailable', props.maxUnavailable ?? 0);
  const zero = (v: number | string | undefined) => v === 0 || v === '0%';
  if (type === 'RollingUpdate' && zero(props.maxSurge) && zero(props.maxUnavailable ?? 0)) {
    throw problem(scope, 'maxSurge and maxUnavailable are both 0, so a rolling update could never make progress: allow one of them');
  }
  return {
    strategy: type === 'Recreate' ? { type } : { type, rollingUpdate: { maxSurge, maxUnavailable } },
    revisionHistoryLimit: props.revisionHistoryLimit ?? 5,
    minReadySeconds: props.minReadySeconds,
  };
}
