import { rbacClusterAdmin as rule } from '../../../lib/validate/rules/rbac-cluster-admin';
import { findingsOf, pinned } from '../../support/rules';

test('rbac-cluster-admin: its failing example', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'rbac-cluster-admin', path: "roleRef.name", message: "the ClusterRoleBinding grants cluster-admin" },
  ]);
});

test('rbac-cluster-admin: its passing example passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});

test('rbac-cluster-admin: a RoleBinding to cluster-admin owns its namespace', () => {
  const binding = rule.example.fails.replace('kind: ClusterRoleBinding', 'kind: RoleBinding').replace('name: app\n', 'name: app\n  namespace: shop\n');
  expect(pinned(rule, binding).map((f) => f.message)).toEqual(['the RoleBinding grants cluster-admin in its namespace']);
});
