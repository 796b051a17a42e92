import { privilegeEscalation as rule } from '../../../lib/validate/rules/privilege-escalation';
import { findingsOf, pinned } from '../../support/rules';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;

test('privilege-escalation: escalation not forbidden', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'privilege-escalation', path: 'spec.containers[0].securityContext.allowPrivilegeEscalation', message: 'container "app" allows privilege escalation' },
  ]);
});

test('privilege-escalation: a privileged container is named as such, with its own fix', () => {
  const privileged = pod('  containers:\n    - name: app\n      image: nginx:1.27.3\n      securityContext: {privileged: true, allowPrivilegeEscalation: false}\n');
  expect(pinned(rule, privileged)).toEqual([
    { rule: 'privilege-escalation', path: 'spec.containers[0].securityContext.privileged', message: 'container "app" is privileged' },
  ]);
  expect(findingsOf(rule, privileged)[0].fix).toBe('remove privileged: true');
});

test('privilege-escalation: allowPrivilegeEscalation: false passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});
