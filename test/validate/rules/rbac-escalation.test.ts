import { rbacEscalation as rule } from '../../../lib/validate/rules/rbac-escalation';
import { findingsOf, pinned } from '../../support/rules';

test('rbac-escalation: its failing example', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'rbac-escalation', path: "rules[0].resources", message: "rules[0] grants create on pods/exec, which runs commands in the namespace's pods" },
  ]);
});

test('rbac-escalation: its passing example passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});

test('rbac-escalation: escalate, bind and impersonate', () => {
  const yaml = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [roles]\n    verbs: [get, escalate, bind]\n  - apiGroups: [""]\n    resources: [users]\n    verbs: [impersonate]\n';
  expect(pinned(rule, yaml).map((f) => [f.path, f.message])).toEqual([
    ['rules[0].verbs', 'rules[0] grants escalate, bind, which lets the holder gain permissions it does not have'],
    ['rules[1].verbs', 'rules[1] grants impersonate, which lets the holder gain permissions it does not have'],
  ]);
});
