import { Construct } from 'constructs';
import { z } from 'zod';
import {
  KubeObject,
  NodeAgent,
  Package,
  PackageProps,
  Platform,
  Probe,
  StatefulService,
  daemonRolloutValues,
  daemonSetStrategyProps,
  renderEnvironment,
  statefulRolloutValues,
  statefulSetStrategyProps,
} from '../../lib';
import { diffRenders } from '../support/diff';
import { find } from '../support/render';

/** A package with a StatefulSet (replicas and rollout as values) and a DaemonSet (its rollout under agent.rollout). */
const storeValues = z.object({
  replicas: z.number().int().min(0).default(3),
  rollout: statefulRolloutValues,
  agent: z.object({ rollout: daemonRolloutValues }).prefault({}),
});

class Store extends Package<typeof storeValues> {
  static readonly metadata = { name: 'store', version: '1.0.0', appVersion: '1.0.0' };
  static readonly values = storeValues;
  constructor(scope: Construct, id: string, props: PackageProps<typeof storeValues> = {}) {
    super(scope, id, props);
    new StatefulService(this, 'db', {
      replicas: this.values.replicas,
      ...statefulSetStrategyProps(this.values.rollout),
      containers: [{ image: 'redis:7.4.1', ports: [{ name: 'redis', port: 6379 }] }],
      storage: [{ name: 'data', mountPath: '/data', size: '1Gi' }],
    });
    new NodeAgent(this, 'logs', {
      ...daemonSetStrategyProps(this.values.agent.rollout, 'agent.rollout'),
      containers: [{ image: 'fluent-bit:3.1.9', liveness: Probe.exec(['true']) }],
    });
  }
}

function renderStore(values: Record<string, unknown>): { objects: KubeObject[]; warnings: string[] } {
  const platform = new Platform({ environments: { prod: { namespace: 'store', releases: { store: { package: Store, values } } } } });
  const rendered = renderEnvironment(platform, 'prod');
  return { objects: rendered.releases[0].objects as KubeObject[], warnings: rendered.warnings.map((w) => `${w.path}: ${w.message}`) };
}
const store = (values: Record<string, unknown>) => renderStore(values).objects;
const statefulSet = (values: Record<string, unknown>) => find(store(values), 'StatefulSet', 'store-db').spec;
const daemonSet = (values: Record<string, unknown>) => find(store(values), 'DaemonSet', 'store-logs').spec;

describe('StatefulSet rollout values', () => {
  test('a rolling update writes the partition, 0 included', () => {
    expect(statefulSet({}).updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    expect(statefulSet({ rollout: { partition: 3, minReadySeconds: 10 } })).toMatchObject({
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 3 } },
      minReadySeconds: 10,
    });
  });

  test('a staged rollout: partition 0 → 2 changes only the StatefulSet partition, and back again', () => {
    const before = store({ rollout: { partition: 0 } });
    const staged = store({ rollout: { partition: 2 } });
    const expected = { added: [], removed: [], changed: { 'StatefulSet/store-db': ['spec.updateStrategy.rollingUpdate.partition'] } };
    expect(diffRenders(before, staged)).toEqual(expected);
    expect(diffRenders(staged, before)).toEqual(expected);
  });

  test('onDelete leaves the default partition out and changes only the update strategy', () => {
    expect(statefulSet({ rollout: { strategy: 'onDelete' } }).updateStrategy).toEqual({ type: 'OnDelete' });
    expect(diffRenders(store({}), store({ rollout: { strategy: 'onDelete' } })).changed).toEqual({
      'StatefulSet/store-db': ['spec.updateStrategy.rollingUpdate', 'spec.updateStrategy.type'],
    });
  });

  test('maxUnavailable reaches the spec, and its feature-gate warning names the value', () => {
    const { objects, warnings } = renderStore({ rollout: { maxUnavailable: '50%' } });
    expect(find(objects, 'StatefulSet').spec.updateStrategy.rollingUpdate).toEqual({ partition: 0, maxUnavailable: '50%' });
    expect(warnings).toContain(
      'store/db: rollout.maxUnavailable on a StatefulSet needs the MaxUnavailableStatefulSet feature gate (alpha in Kubernetes 1.28); without it pods are updated one at a time',
    );
  });

  test('errors that involve the replicas or several settings name the values paths', () => {
    expect(() => store({ replicas: 3, rollout: { partition: 5 } })).toThrow(
      'store/db: rollout.partition 5 is more than replicas 3, so no pod would ever be updated: use a partition from 0 (update every pod) to 3 (hold every pod)',
    );
    expect(() => store({ rollout: { strategy: 'onDelete', partition: 1 } })).toThrow(
      'store/db: rollout.partition and rollout.maxUnavailable apply to the rollingUpdate update strategy, not onDelete: remove them or use rollingUpdate',
    );
    expect(() => store({ rollout: { maxUnavailable: '0%' } })).toThrow('store/db: rollout.maxUnavailable 0 would stop a rolling update');
  });

  test('types are checked with the other values, before anything is built', () => {
    expect(() => store({ rollout: { partition: -1, strategy: 'RollingUpdate', maxUnavailable: '150%' } })).toThrow(
      /rollout\.strategy: .*"rollingUpdate"[\s\S]*rollout\.partition: [\s\S]*rollout\.maxUnavailable: /,
    );
  });
});

describe('DaemonSet rollout values', () => {
  test('one node at a time by default; surge; onDelete; minReadySeconds', () => {
    expect(daemonSet({}).updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } });
    expect(daemonSet({ agent: { rollout: { maxSurge: '10%' } } }).updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '10%' } });
    expect(daemonSet({ agent: { rollout: { strategy: 'onDelete', minReadySeconds: 5 } } })).toMatchObject({ updateStrategy: { type: 'OnDelete' }, minReadySeconds: 5 });
  });

  test('switching from unavailability to surge changes only the DaemonSet rollingUpdate', () => {
    const diff = diffRenders(store({ agent: { rollout: { maxUnavailable: 2 } } }), store({ agent: { rollout: { maxSurge: 1 } } }));
    expect(diff).toEqual({
      added: [],
      removed: [],
      changed: { 'DaemonSet/store-logs': ['spec.updateStrategy.rollingUpdate.maxSurge', 'spec.updateStrategy.rollingUpdate.maxUnavailable'] },
    });
  });

  test('errors name the values paths, under the path the package gave', () => {
    expect(() => store({ agent: { rollout: { maxSurge: 1, maxUnavailable: 1 } } })).toThrow(
      'store/logs: agent.rollout.maxSurge 1 and agent.rollout.maxUnavailable 1 are both set: a DaemonSet takes one of them, so set agent.rollout.maxUnavailable: 0 to surge, or leave agent.rollout.maxSurge out',
    );
    expect(() => store({ agent: { rollout: { maxUnavailable: 0 } } })).toThrow(
      'store/logs: agent.rollout.maxUnavailable and agent.rollout.maxSurge are both 0, so the update could never make progress: allow one of them, such as agent.rollout.maxUnavailable: 1',
    );
    expect(() => store({ agent: { rollout: { strategy: 'onDelete', maxSurge: 1 } } })).toThrow(
      'store/logs: agent.rollout.maxUnavailable and agent.rollout.maxSurge apply to the rollingUpdate update strategy, not onDelete: remove them or use rollingUpdate',
    );
    expect(() => store({ agent: { rollout: { maxSurge: '101%' } } })).toThrow(/agent\.rollout\.maxSurge: /);
  });
});
