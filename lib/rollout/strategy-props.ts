import { valuesNaming } from '../construct/setting-naming';
import { DaemonSetStrategyProps } from '../workloads/daemon-set-strategy';
import { StatefulSetStrategyProps } from '../workloads/stateful-set-strategy';
import type { DaemonRolloutValues, StatefulRolloutValues } from './values';

/**
 * The StatefulSet update settings of a package's `statefulRolloutValues`
 * value at `path`, for a `StatefulService`:
 *
 *     new StatefulService(this, 'db', { replicas, ...statefulSetStrategyProps(this.values.rollout), ... });
 *
 * `statefulSetStrategy` checks them when the StatefulSet is built, and its
 * errors name the values paths (`rollout.partition 5 is more than replicas 3`).
 * With `rollingUpdate` the partition is always written, 0 included, so moving
 * it changes only `spec.updateStrategy.rollingUpdate.partition`; with
 * `onDelete` the default partition 0 is left out.
 */
export function statefulSetStrategyProps(values: StatefulRolloutValues, path = 'rollout'): StatefulSetStrategyProps {
  const onDelete = values.strategy === 'onDelete';
  return {
    updateStrategy: onDelete ? 'OnDelete' : 'RollingUpdate',
    partition: onDelete && values.partition === 0 ? undefined : values.partition,
    maxUnavailable: values.maxUnavailable,
    minReadySeconds: values.minReadySeconds,
    settingNaming: valuesNaming(path),
  };
}

/**
 * The DaemonSet update settings of a package's `daemonRolloutValues` value
 * at `path`, for a `NodeAgent`:
 *
 *     new NodeAgent(this, 'logs', { ...daemonSetStrategyProps(this.values.rollout), ... });
 *
 * `daemonSetStrategy` checks them when the DaemonSet is built, and its
 * errors name the values paths (`rollout.maxSurge 1 and rollout.maxUnavailable 1 are both set`).
 */
export function daemonSetStrategyProps(values: DaemonRolloutValues, path = 'rollout'): DaemonSetStrategyProps {
  return {
    updateStrategy: values.strategy === 'onDelete' ? 'OnDelete' : 'RollingUpdate',
    maxUnavailable: values.maxUnavailable,
    maxSurge: values.maxSurge,
    minReadySeconds: values.minReadySeconds,
    settingNaming: valuesNaming(path),
  };
}
