import {
  ClusterRole,
  ClusterRoleBinding,
  ConfigMap,
  Deployment,
  HorizontalPodAutoscaler,
  LimitRange,
  Namespace,
  NetworkPolicy,
  PersistentVolume,
  PersistentVolumeClaim,
  PodDisruptionBudget,
  PriorityClass,
  Resource,
  ResourceQuota,
  Role,
  RoleBinding,
  Secret,
  Service,
  ServiceAccount,
  StorageClass,
} from '../../lib';
import { WEB, find, render } from '../support/render';

/** Every one-object construct reads its name, metadata, API version and kind from its apiObject (lib/construct/resource.ts). */
describe('Resource', () => {
  test('L2 constructs hold their object as apiObject, with resource as the deprecated alias', () => {
    const objects = render((p) => {
      const parts = [
        new Service(p, 'svc', { ports: [{ port: 80 }] }),
        new ConfigMap(p, 'config', { data: { a: '1' } }),
        new NetworkPolicy(p, 'deny', { ingress: [] }),
        new Deployment(p, 'api', { containers: [WEB] }),
      ];
      for (const part of parts) {
        expect(part.apiObject.node.path).toBe(`${part.node.path}/Resource`);
        expect(part.resource).toBe(part.apiObject);
        expect([part.name, part.kind, part.apiVersion]).toEqual([part.apiObject.name, part.apiObject.kind, part.apiObject.apiVersion]);
        part.metadata.addLabel('team', 'shop');
      }
    });
    for (const kind of ['Service', 'ConfigMap', 'NetworkPolicy', 'Deployment']) expect(find(objects, kind).metadata.labels.team).toBe('shop');
  });

  test('a ConfigMap or Secret is of its kind as a config source too', () => {
    render((p) => {
      expect(new ConfigMap(p, 'c').kind).toBe('ConfigMap');
      expect(new Secret(p, 's', { stringData: { a: 'b' }, allowLiteralData: true }).kind).toBe('Secret');
    });
  });

  test('the scaling, storage, security and policy constructs are Resources too', () => {
    const objects = render((p) => {
      const role = new Role(p, 'reader', { rules: [{ resources: ['configmaps'], verbs: ['get'] }] });
      const clusterRole = new ClusterRole(p, 'health', { rules: [{ nonResourceURLs: ['/healthz'], verbs: ['get'] }] });
      const parts: [Resource, string][] = [
        [new HorizontalPodAutoscaler(p, 'hpa', { target: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'shop-api' }, maxReplicas: 4 }), 'HorizontalPodAutoscaler'],
        [new PodDisruptionBudget(p, 'pdb', { selector: { app: 'a' }, minAvailable: 1 }), 'PodDisruptionBudget'],
        [new PersistentVolume(p, 'disk', { capacity: '1Gi', source: { hostPath: { path: '/mnt' } } }), 'PersistentVolume'],
        [new PersistentVolumeClaim(p, 'data', { size: '1Gi' }), 'PersistentVolumeClaim'],
        [new StorageClass(p, 'fast', { provisioner: 'ebs.csi.aws.com' }), 'StorageClass'],
        [new ServiceAccount(p, 'app'), 'ServiceAccount'],
        [role, 'Role'],
        [clusterRole, 'ClusterRole'],
        [new RoleBinding(p, 'readers', { role, subjects: [{ name: 'app', namespace: 'web' }] }), 'RoleBinding'],
        [new ClusterRoleBinding(p, 'probe', { role: clusterRole, subjects: [{ name: 'prober', namespace: 'monitoring' }] }), 'ClusterRoleBinding'],
        [new Namespace(p, 'ns', { name: 'shop' }), 'Namespace'],
        [new LimitRange(p, 'limits', { limits: [{ default: { memory: '256Mi' } }] }), 'LimitRange'],
        [new ResourceQuota(p, 'quota', { hard: { pods: '10' } }), 'ResourceQuota'],
        [new PriorityClass(p, 'high', { value: 1000 }), 'PriorityClass'],
      ];
      for (const [part, kind] of parts) {
        expect(part).toBeInstanceOf(Resource);
        expect(part.apiObject).toBe(part.resource);
        expect(part.apiObject.node.path).toBe(`${part.node.path}/Resource`);
        expect(part.kind).toBe(kind);
        expect(part.name).toBe(part.apiObject.name);
        expect(part.apiVersion).toBe(part.apiObject.apiVersion);
        part.metadata.addLabel('team', 'shop');
      }
      expect(parts.map(([part]) => part.name)).toEqual([
        'shop-hpa',
        'shop-pdb',
        'shop-disk',
        'shop-data',
        'shop-fast',
        'shop-app',
        'shop-reader',
        'shop-health',
        'shop-readers',
        'shop-probe',
        'shop',
        'shop-limits',
        'shop-quota',
        'shop-high',
      ]);
    });
    for (const kind of ['HorizontalPodAutoscaler', 'StorageClass', 'ClusterRoleBinding', 'Namespace', 'PriorityClass']) expect(find(objects, kind).metadata.labels.team).toBe('shop');
  });
});
