import { validateObjects } from '../../lib/validate';

/**
 * HorizontalPodAutoscaler bounds and RBAC references and rules, as the API
 * server checks them (test/fixtures/apiserver-corpus/autoscaling and rbac,
 * checked against a real server).
 */
function errors(obj: object): string[][] {
  return validateObjects([{ obj, source: {} }], { external: ['Deployment/web'] })
    .filter((f) => f.severity === 'error')
    .map((f) => [f.rule, f.path, f.message]);
}

const hpa = (spec: object) => ({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, ...spec } });
const RBAC = 'rbac.authorization.k8s.io/v1';

test('an HPA within its bounds passes', () => {
  expect(errors(hpa({ minReplicas: 2, maxReplicas: 2, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 1 } } }] }))).toEqual([]);
  expect(errors(hpa({ maxReplicas: 1 }))).toEqual([]);
});

test('minReplicas 0, maxReplicas below it, a utilization target of 0', () => {
  expect(errors(hpa({ minReplicas: 0, maxReplicas: 5 }))).toEqual([['schema-format', 'spec.minReplicas', 'minReplicas is 0; it must be at least 1']]);
  expect(errors(hpa({ minReplicas: 3, maxReplicas: 2, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 0 } } }] }))).toEqual([
    ['schema-format', 'spec.maxReplicas', 'maxReplicas 2 is below minReplicas 3'],
    ['schema-format', 'spec.metrics[0].resource.target.averageUtilization', 'averageUtilization is 0; it must be at least 1'],
  ]);
});

test('RBAC: roleRef kinds, ServiceAccount subjects of a ClusterRoleBinding, resource rules', () => {
  const roleRef = (kind: string) => ({ apiGroup: 'rbac.authorization.k8s.io', kind, name: 'view' });
  expect(errors({ apiVersion: RBAC, kind: 'RoleBinding', metadata: { name: 'r' }, roleRef: roleRef('ClusterRole'), subjects: [{ kind: 'ServiceAccount', name: 'sa' }] })).toEqual([]);
  expect(errors({ apiVersion: RBAC, kind: 'ClusterRole', metadata: { name: 'r' }, rules: [{ nonResourceURLs: ['/healthz'], verbs: ['get'] }] })).toEqual([]);
  expect(errors({ apiVersion: RBAC, kind: 'RoleBinding', metadata: { name: 'r' }, roleRef: roleRef('Group'), subjects: [] })).toEqual([
    ['schema-enum', 'roleRef.kind', 'a RoleBinding\'s roleRef may not be a Group'],
  ]);
  expect(errors({ apiVersion: RBAC, kind: 'ClusterRoleBinding', metadata: { name: 'r' }, roleRef: roleRef('Role'), subjects: [{ kind: 'ServiceAccount', name: 'sa' }] })).toEqual([
    ['schema-enum', 'roleRef.kind', 'a ClusterRoleBinding\'s roleRef may not be a Role'],
    ['schema-required', 'subjects[0].namespace', 'ServiceAccount "sa" has no namespace'],
  ]);
  expect(errors({ apiVersion: RBAC, kind: 'Role', metadata: { name: 'r' }, rules: [{ verbs: ['get'] }] })).toEqual([
    ['schema-required', 'rules[0].apiGroups', 'a resource rule needs apiGroups'],
    ['schema-required', 'rules[0].resources', 'a resource rule needs resources'],
  ]);
});
