import { k8s } from '../construct/k8s';
import { IConstruct } from 'constructs';
import { checkInt, checkOneOf, intOrPercent, problem } from '../construct/checks';
import { isZero } from '../kube/int-or-percent';
import { PROP_NAMING, SettingNaming } from '../construct/setting-naming';

/** How a DaemonSet replaces its pods, node by node. */
export interface DaemonSetStrategyProps {
  /**
   * `RollingUpdate` replaces the pod of each node in turn; `OnDelete`
   * replaces a node's pod only when someone deletes it.
   * @default 'RollingUpdate'
   */
  readonly updateStrategy?: 'RollingUpdate' | 'OnDelete';
  /**
   * Nodes whose pod may be down at once: a count or a percentage of the
   * nodes (rounded up). Must be 0 when `maxSurge` is set.
   * @default 1, or 0 when maxSurge is set
   */
  readonly maxUnavailable?: number | string;
  /**
   * Nodes that may run a new pod beside the old one during the update (so
   * the node is never without the agent): a count or a percentage. Set it
   * only with `maxUnavailable` 0 (the API allows one of the two).
   * @default 0
   */
  readonly maxSurge?: number | string;
  /** Seconds a new pod must be ready before it counts as available. @default 0 */
  readonly minReadySeconds?: number;
  /**
   * How errors name these settings.
   * @default - as these props; `daemonSetStrategyProps` names the values paths
   */
  readonly settingNaming?: SettingNaming;
}

/** The update fields of a DaemonSet spec, checked. */
export function daemonSetStrategy(scope: IConstruct, props: DaemonSetStrategyProps): Pick<k8s.DaemonSetSpec, 'updateStrategy' | 'minReadySeconds'> {
  const { setting: n, type: t } = props.settingNaming ?? PROP_NAMING;
  checkOneOf(scope, n('updateStrategy'), props.updateStrategy, ['RollingUpdate', 'OnDelete']);
  checkInt(scope, n('minReadySeconds'), props.minReadySeconds, { min: 0 });
  const type = props.updateStrategy ?? 'RollingUpdate';
  if (type === 'OnDelete') {
    if (props.maxUnavailable !== undefined || props.maxSurge !== undefined) {
      throw problem(
        scope,
        `${n('maxUnavailable')} and ${n('maxSurge')} apply to the ${t('RollingUpdate')} update strategy, not ${t('OnDelete')}: remove them or use ${t('RollingUpdate')}`,
      );
    }
    return { updateStrategy: { type }, minReadySeconds: props.minReadySeconds };
  }
  const surging = props.maxSurge !== undefined && !isZero(props.maxSurge);
  const maxSurge = intOrPercent(scope, n('maxSurge'), props.maxSurge);
  const unavailable = props.maxUnavailable ?? (surging ? 0 : 1);
  const maxUnavailable = intOrPercent(scope, n('maxUnavailable'), unavailable);
  if (surging && !isZero(unavailable)) {
    throw problem(
      scope,
      `${n('maxSurge')} ${JSON.stringify(props.maxSurge)} and ${n('maxUnavailable')} ${JSON.stringify(unavailable)} are both set: a DaemonSet takes one of them, so set ${n('maxUnavailable')}: 0 to surge, or leave ${n('maxSurge')} out`,
    );
  }
  if (!surging && isZero(unavailable)) {
    throw problem(scope, `${n('maxUnavailable')} and ${n('maxSurge')} are both 0, so the update could never make progress: allow one of them, such as ${n('maxUnavailable')}: 1`);
  }
  return {
    updateStrategy: { type, rollingUpdate: { maxUnavailable, maxSurge: surging ? maxSurge : undefined } },
    minReadySeconds: props.minReadySeconds,
  };
}
