import { rbacWildcard as rule } from '../../../lib/validate/rules/rbac-wildcard';
import { findingsOf, pinned } from '../../support/rules';

test('rbac-wildcard: its failing example', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'rbac-wildcard', path: "rules[0].resources", message: "rules[0] grants every one of its resources (\"*\")" },
  ]);
});

test('rbac-wildcard: its passing example passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});

test('rbac-wildcard: a * in each list is one finding each', () => {
  expect(pinned(rule, rule.example.fails.replace('apiGroups: [""]', 'apiGroups: ["*"]').replace('verbs: [get, list]', 'verbs: ["*"]')).map((f) => f.path)).toEqual(['rules[0].apiGroups', 'rules[0].resources', 'rules[0].verbs']);
});
