import { NodeAgent, Probe, StatefulService, WebService, Worker } from '../../lib';
import { podCount } from '../../lib/kube/int-or-percent';
import { canarySplit } from '../../lib/rollout/canary';
import { WEB, find, render, warnings } from '../support/render';
import { renderShop } from './fixtures';

const web = (extra: object) => () => render((p) => new WebService(p, 'web', { containers: [WEB], ...extra }));
const db = (extra: object) => render((p) => new StatefulService(p, 'db', { containers: [{ image: 'redis:7.4.1', ports: [{ name: 'redis', port: 6379 }] }], replicas: 3, ...extra }));
const agent = (extra: object) => render((p) => new NodeAgent(p, 'logs', { containers: [{ image: 'fluent-bit:3.1.9', liveness: Probe.exec(['true']) }], ...extra }));

describe('Deployment strategies', () => {
  test('rolling update with counts, percents, minReadySeconds and progressDeadlineSeconds', () => {
    const spec = find(web({ maxSurge: 2, maxUnavailable: '50%', minReadySeconds: 10, progressDeadlineSeconds: 300 })(), 'Deployment').spec;
    expect(spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 2, maxUnavailable: '50%' } });
    expect(spec.minReadySeconds).toBe(10);
    expect(spec.progressDeadlineSeconds).toBe(300);
  });

  test('Recreate has no rollingUpdate, and a Worker takes the same strategies', () => {
    expect(find(web({ strategy: 'Recreate' })(), 'Deployment').spec.strategy).toEqual({ type: 'Recreate' });
    const worker = render((p) => new Worker(p, 'w', { containers: [{ image: 'w:1.0.0', liveness: false }], strategy: 'Recreate', progressDeadlineSeconds: 120 }));
    expect(find(worker, 'Deployment').spec).toMatchObject({ strategy: { type: 'Recreate' }, progressDeadlineSeconds: 120 });
  });

  test('bad strategies are errors naming the construct and field', () => {
    expect(web({ maxSurge: '25' })).toThrow('shop/web: maxSurge "25" is not valid: expected a whole number of 0 or more, or a percentage from "0%" to "100%" such as "25%"');
    expect(web({ maxSurge: '150%' })).toThrow('shop/web: maxSurge "150%" is not valid');
    expect(web({ maxUnavailable: -1 })).toThrow('shop/web: maxUnavailable -1 is not valid');
    expect(web({ maxUnavailable: 1.5 })).toThrow('shop/web: maxUnavailable 1.5 is not valid');
    expect(web({ maxSurge: 0, maxUnavailable: '0%' })).toThrow('shop/web: maxSurge and maxUnavailable are both 0, so a rolling update could never make progress');
    expect(web({ strategy: 'Recreate', maxSurge: 1 })).toThrow('shop/web: maxSurge and maxUnavailable apply to the RollingUpdate strategy, not Recreate');
    expect(web({ strategy: 'Rolling' })).toThrow('shop/web: strategy "Rolling" is not valid: expected one of RollingUpdate, Recreate');
    expect(web({ minReadySeconds: 30, progressDeadlineSeconds: 30 })).toThrow('shop/web: progressDeadlineSeconds 30 must be more than minReadySeconds 30');
  });

  test('pod counts of percents round as the controller does', () => {
    expect(podCount('25%', 3, 'up')).toBe(1);
    expect(podCount('25%', 3, 'down')).toBe(0);
    expect(podCount(2, 10, 'up')).toBe(2);
  });
});

describe('StatefulSet update strategies', () => {
  test('RollingUpdate by default, partitioned when asked, OnDelete', () => {
    expect(find(db({}), 'StatefulSet').spec.updateStrategy).toEqual({ type: 'RollingUpdate' });
    expect(find(db({ partition: 2, minReadySeconds: 5 }), 'StatefulSet').spec).toMatchObject({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } }, minReadySeconds: 5 });
    expect(find(db({ partition: 3 }), 'StatefulSet').spec.updateStrategy.rollingUpdate).toEqual({ partition: 3 });
    expect(find(db({ updateStrategy: 'OnDelete' }), 'StatefulSet').spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });

  test('partition beyond replicas, negative or with OnDelete is an error', () => {
    expect(() => db({ partition: 4 })).toThrow('shop/db: partition 4 is more than replicas 3, so no pod would ever be updated: use a partition from 0 (update every pod) to 3 (hold every pod)');
    expect(() => db({ partition: -1 })).toThrow('shop/db: partition -1 is not valid: expected a whole number of 0 or more');
    expect(() => db({ updateStrategy: 'OnDelete', partition: 1 })).toThrow('shop/db: partition and maxUnavailable apply to the RollingUpdate update strategy, not OnDelete');
    expect(() => db({ maxUnavailable: 0 })).toThrow('shop/db: maxUnavailable 0 would stop a rolling update');
  });

  test('maxUnavailable is rendered and records that it needs a feature gate', () => {
    expect(find(db({ maxUnavailable: '50%' }), 'StatefulSet').spec.updateStrategy.rollingUpdate).toEqual({ maxUnavailable: '50%' });
    const w = warnings((p) => new StatefulService(p, 'db', { containers: [{ image: 'redis:7.4.1', ports: [{ name: 'redis', port: 6379 }] }], maxUnavailable: 2 }));
    expect(w).toEqual(['shop/db: maxUnavailable on a StatefulSet needs the MaxUnavailableStatefulSet feature gate (alpha in Kubernetes 1.28); without it pods are updated one at a time']);
  });
});

describe('DaemonSet update strategies', () => {
  test('one node at a time by default; surge; OnDelete', () => {
    expect(find(agent({}), 'DaemonSet').spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } });
    expect(find(agent({ maxUnavailable: '10%', minReadySeconds: 3 }), 'DaemonSet').spec).toMatchObject({ updateStrategy: { rollingUpdate: { maxUnavailable: '10%' } }, minReadySeconds: 3 });
    expect(find(agent({ maxSurge: 1 }), 'DaemonSet').spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
    expect(find(agent({ updateStrategy: 'OnDelete' }), 'DaemonSet').spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });

  test('surge with unavailability, both zero, or settings with OnDelete are errors', () => {
    expect(() => agent({ maxSurge: 1, maxUnavailable: 1 })).toThrow('shop/logs: maxSurge 1 and maxUnavailable 1 are both set: a DaemonSet takes one of them, so set maxUnavailable: 0 to surge, or leave maxSurge out');
    expect(() => agent({ maxUnavailable: 0 })).toThrow('shop/logs: maxUnavailable and maxSurge are both 0');
    expect(() => agent({ updateStrategy: 'OnDelete', maxUnavailable: 2 })).toThrow('shop/logs: maxUnavailable and maxSurge apply to the RollingUpdate update strategy, not OnDelete');
    expect(() => agent({ maxSurge: '101%', maxUnavailable: 0 })).toThrow('shop/logs: maxSurge "101%" is not valid');
  });
});

describe('canarySplit', () => {
  test('rounds to the nearest pod, keeps both sides while 0 < weight < 100', () => {
    expect(canarySplit(10, 25)).toEqual({ stable: 7, canary: 3 }); // 2.5 rounds up
    expect(canarySplit(10, 24)).toEqual({ stable: 8, canary: 2 });
    expect(canarySplit(3, 10)).toEqual({ stable: 2, canary: 1 }); // at least one canary pod
    expect(canarySplit(3, 95)).toEqual({ stable: 1, canary: 2 }); // at least one stable pod
    expect(canarySplit(4, 0)).toEqual({ stable: 4, canary: 0 });
    expect(canarySplit(4, 100)).toEqual({ stable: 0, canary: 4 });
    expect(canarySplit(1, 50)).toBeUndefined();
  });
});

describe('rolling and recreate as values', () => {
  test('recreate, and rolling settings, reach the one Deployment', () => {
    expect(find(renderShop({ rollout: { strategy: 'recreate', progressDeadlineSeconds: 120 } }), 'Deployment').spec).toMatchObject({ strategy: { type: 'Recreate' }, progressDeadlineSeconds: 120 });
    const rolling = find(renderShop({ rollout: { maxSurge: 1, maxUnavailable: '10%', minReadySeconds: 5 } }), 'Deployment');
    expect(rolling.metadata.name).toBe('shop-web');
    expect(rolling.spec).toMatchObject({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '10%' } }, minReadySeconds: 5 });
  });
});
