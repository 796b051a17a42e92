import { Service, StatefulService, StatefulSet, Volume } from '../../lib';
import { find, render, userError } from '../support/render';

const DB = { image: 'postgres:16.4', ports: [{ name: 'postgres', port: 5432 }] };

describe('StatefulSet', () => {
  test('pods with their own claims, governed by the headless Service <name>-headless', () => {
    const objects = render((p) => {
      const sts = new StatefulSet(p, 'db', {
        containers: [{ ...DB, mounts: [{ volume: Volume.claimTemplate('data'), path: '/data' }] }],
        volumeClaimTemplates: [{ name: 'data', size: '5Gi' }],
        replicas: 2,
      });
      new Service(p, 'headless', { name: sts.serviceName, headless: true, selector: sts, ports: [{ port: 5432 }] });
    });
    const sts = find(objects, 'StatefulSet');
    expect(sts.metadata.name).toBe('shop-db');
    expect(sts.spec).toMatchObject({ serviceName: 'shop-db-headless', replicas: 2, podManagementPolicy: 'OrderedReady' });
    expect(sts.spec.volumeClaimTemplates).toEqual([
      {
        metadata: { name: 'data', labels: { 'app.kubernetes.io/name': 'test', 'app.kubernetes.io/instance': 'shop', 'app.kubernetes.io/component': 'db' } },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } },
      },
    ]);
    expect(sts.spec.template.spec.containers[0].volumeMounts).toEqual([{ name: 'data', mountPath: '/data' }, { name: 'tmp', mountPath: '/tmp' }]);
    expect(find(objects, 'Service').spec.selector).toEqual(sts.spec.selector.matchLabels);
  });

  test('claim templates can be added, and are checked', () => {
    const objects = render((p) => {
      const sts = new StatefulSet(p, 'db', { containers: [DB], serviceName: 'db' });
      sts.addVolumeClaimTemplate({ name: 'wal', size: '1Gi', accessModes: ['ReadWriteOncePod'] });
    });
    expect(find(objects, 'StatefulSet').spec.serviceName).toBe('db');
    expect(find(objects, 'StatefulSet').spec.volumeClaimTemplates[0].spec.accessModes).toEqual(['ReadWriteOncePod']);
    expect(userError(() => render((p) => new StatefulSet(p, 'db', { containers: [DB], volumeClaimTemplates: [{ name: 'd', size: '1Gi' }, { name: 'd', size: '2Gi' }] })))).toBe(
      'shop/db: volumeClaimTemplates[1]: the name "d" is used twice',
    );
    expect(userError(() => render((p) => new StatefulSet(p, 'db', { containers: [DB], volumeClaimTemplates: [{ name: 'd', size: 'lots' }] })))).toBe(
      'shop/db: volumeClaimTemplates[0].size "lots" is not valid: expected a Kubernetes quantity such as "100m", "0.5", "128Mi" or "10Gi"',
    );
    expect(userError(() => render((p) => new StatefulSet(p, 'db', { containers: [DB], partition: 3 })))).toBe(
      'shop/db: partition 3 is more than replicas 1, so no pod would ever be updated: use a partition from 0 (update every pod) to 1 (hold every pod)',
    );
  });

  test('StatefulService is a StatefulSet, and names it statefulSet', () => {
    render((p) => {
      const db = new StatefulService(p, 'db', { containers: [DB] });
      expect(db.statefulSet).toBeInstanceOf(StatefulSet);
      expect(db.headlessService.name).toBe(db.serviceName);
      expect(db.statefulSet.apiObject.kind).toBe('StatefulSet');
    });
  });
});
