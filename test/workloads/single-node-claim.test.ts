import { BlueGreenWebService, Deployment, PersistentVolumeClaim, Volume, WebService } from '../../lib';
import { WEB, find, render, warnings } from '../support/render';

/** A web service whose pods mount a claim with these access modes (or a claim named elsewhere). */
const web = (claim: (p: any) => PersistentVolumeClaim | string, extra: object = {}) => (p: any) =>
  new WebService(p, 'web', { replicas: 2, containers: [{ ...WEB, mounts: [{ volume: Volume.fromClaim('data', claim(p)), path: '/data' }] }], ...extra });
const rwo = (p: any) => new PersistentVolumeClaim(p, 'data', { size: '1Gi' });
const rwx = (p: any) => new PersistentVolumeClaim(p, 'data', { size: '1Gi', accessModes: ['ReadWriteMany'] });

describe('a Deployment on a ReadWriteOnce claim', () => {
  test('is recreated rather than rolled, and its pods are not spread over nodes', () => {
    const deployment = find(render(web(rwo)), 'Deployment');
    expect(deployment.spec.strategy).toEqual({ type: 'Recreate' });
    expect(deployment.spec.template.spec.affinity).toBeUndefined();
    expect(warnings(web(rwo))).toEqual([]);
  });

  test('a ReadWriteMany claim, or a claim made elsewhere (access modes unknown), keeps the rolling update and the spread', () => {
    for (const claim of [rwx, () => 'shared-data']) {
      const deployment = find(render(web(claim)), 'Deployment');
      expect(deployment.spec.strategy.type).toBe('RollingUpdate');
      expect(deployment.spec.template.spec.affinity.podAntiAffinity).toBeDefined();
    }
  });

  test('an explicit rolling update with surge is kept, with a warning that the surge pod may stall', () => {
    expect(warnings((p) => new Deployment(p, 'web', { strategy: 'RollingUpdate', containers: [{ ...WEB, mounts: [{ volume: Volume.fromClaim('data', rwo(p)), path: '/data' }] }] }))).toEqual([
      'shop/web: a rolling update starts a new pod before the old one stops, and the pods mount the ReadWriteOnce claim "shop-data": a new pod scheduled on another node stalls on Multi-Attach',
    ]);
    expect(warnings((p) => new Deployment(p, 'web', { maxSurge: 0, maxUnavailable: 1, containers: [{ ...WEB, mounts: [{ volume: Volume.fromClaim('data', rwo(p)), path: '/data' }] }] }))).toEqual([]);
  });
});

test('blue/green with both colours on one ReadWriteOnce claim is flagged', () => {
  const bg = (claim: (p: any) => PersistentVolumeClaim) => (p: any) =>
    new BlueGreenWebService(p, 'web', { containers: [{ ...WEB, mounts: [{ volume: Volume.fromClaim('data', claim(p)), path: '/data' }] }] });
  expect(warnings(bg(rwo))).toEqual([
    'shop/web: both colours mount the ReadWriteOnce claim "shop-data": the pods of the second colour can only start on the node that has it attached, and stall on Multi-Attach elsewhere',
  ]);
  expect(warnings(bg(rwx))).toEqual([]);
});
