import { k8s } from '../construct/k8s';
import { IConstruct } from 'constructs';
import { Warnings } from '../construct/warnings';
import { checkInt, checkOneOf, intOrPercent, problem } from '../construct/checks';
import { isZero } from '../kube/int-or-percent';
import { PROP_NAMING, SettingNaming } from '../construct/setting-naming';

/** How a StatefulSet replaces its pods. */
export interface StatefulSetStrategyProps {
  /**
   * `RollingUpdate` replaces pods one at a time from the highest ordinal
   * down; `OnDelete` replaces a pod only when someone deletes it.
   * @default 'RollingUpdate'
   */
  readonly updateStrategy?: 'RollingUpdate' | 'OnDelete';
  /**
   * A staged (partitioned) rollout: only pods with an ordinal of at least
   * `partition` get a new template; the others keep the old one. With 3
   * replicas, `partition: 2` updates pod 2 only (a canary), then 1, then 0
   * updates them all. At most `replicas`.
   * @default 0 (every pod)
   */
  readonly partition?: number;
  /**
   * Pods that may be down at once during a rolling update, a count or a
   * percentage. Alpha in Kubernetes 1.28 (feature gate
   * `MaxUnavailableStatefulSet`); clusters without it update one pod at a time.
   * @default - one at a time
   */
  readonly maxUnavailable?: number | string;
  /** Seconds a new pod must be ready before it counts as available. @default 0 */
  readonly minReadySeconds?: number;
  /**
   * How errors and warnings name these settings.
   * @default - as these props; `statefulSetStrategyProps` names the values paths
   */
  readonly settingNaming?: SettingNaming;
}

/** The update fields of a StatefulSet spec, checked against its replicas. */
export function statefulSetStrategy(
  scope: IConstruct,
  props: StatefulSetStrategyProps,
  replicas: number,
): Pick<k8s.StatefulSetSpec, 'updateStrategy' | 'minReadySeconds'> {
  const { setting: n, type: t } = props.settingNaming ?? PROP_NAMING;
  checkOneOf(scope, n('updateStrategy'), props.updateStrategy, ['RollingUpdate', 'OnDelete']);
  checkInt(scope, n('minReadySeconds'), props.minReadySeconds, { min: 0 });
  checkInt(scope, n('partition'), props.partition, { min: 0 });
  const type = props.updateStrategy ?? 'RollingUpdate';
  if (type === 'OnDelete' && (props.partition !== undefined || props.maxUnavailable !== undefined)) {
    throw problem(
      scope,
      `${n('partition')} and ${n('maxUnavailable')} apply to the ${t('RollingUpdate')} update strategy, not ${t('OnDelete')}: remove them or use ${t('RollingUpdate')}`,
    );
  }
  if (props.partition !== undefined && props.partition > replicas) {
    throw problem(
      scope,
      `${n('partition')} ${props.partition} is more than replicas ${replicas}, so no pod would ever be updated: use a partition from 0 (update every pod) to ${replicas} (hold every pod)`,
    );
  }
  const maxUnavailable = intOrPercent(scope, n('maxUnavailable'), props.maxUnavailable);
  if (props.maxUnavailable !== undefined) {
    if (isZero(props.maxUnavailable)) throw problem(scope, `${n('maxUnavailable')} 0 would stop a rolling update: use 1 or more, or leave it out`);
    Warnings.of(scope).add(
      `${n('maxUnavailable')} on a StatefulSet needs the MaxUnavailableStatefulSet feature gate (alpha in Kubernetes 1.28); without it pods are updated one at a time`,
      `leave ${n('maxUnavailable')} out, or enable the MaxUnavailableStatefulSet feature gate on the cluster`,
    );
  }
  const rollingUpdate = props.partition !== undefined || maxUnavailable ? { partition: props.partition, maxUnavailable } : undefined;
  return {
    updateStrategy: type === 'OnDelete' ? { type } : { type, rollingUpdate },
    minReadySeconds: props.minReadySeconds,
  };
}
