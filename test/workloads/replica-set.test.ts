import { ReplicaSet } from '../../lib';
import { WEB, find, render, userError } from '../support/render';

describe('ReplicaSet', () => {
  test('replicas of a pod template, selected by stable labels', () => {
    const objects = render((p) => {
      const rs = new ReplicaSet(p, 'rs', { containers: [WEB], replicas: 2 });
      expect(rs.replicaSet).toBe(rs.apiObject);
      expect(rs.replicas).toBe(2);
    });
    const rs = find(objects, 'ReplicaSet');
    expect(rs.spec.replicas).toBe(2);
    expect(rs.spec.template.metadata.labels).toMatchObject(rs.spec.selector.matchLabels);
  });

  test('checks replicas', () => {
    expect(userError(() => render((p) => new ReplicaSet(p, 'rs', { containers: [WEB], replicas: 1.5 })))).toBe('shop/rs: replicas 1.5 is not valid: expected a whole number of 0 or more');
  });
});
