import { rbacSecrets as rule } from '../../../lib/validate/rules/rbac-secrets';
import { findingsOf, pinned } from '../../support/rules';

test('rbac-secrets: its failing example', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'rbac-secrets', path: "rules[0].resources", message: "rules[0] grants reading every Secret of the namespace" },
  ]);
});

test('rbac-secrets: its passing example passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});

test('rbac-secrets: a ClusterRole says the cluster; writing only, or another API group, passes', () => {
  expect(pinned(rule, rule.example.fails.replace('kind: Role', 'kind: ClusterRole')).map((f) => f.message)).toEqual(['rules[0] grants reading every Secret of the cluster']);
  expect(findingsOf(rule, rule.example.fails.replace('verbs: [get, list]', 'verbs: [create]'))).toEqual([]);
  expect(findingsOf(rule, rule.example.fails.replace('apiGroups: [""]', 'apiGroups: [example.com]'))).toEqual([]);
});
