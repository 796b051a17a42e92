import { serviceAccountToken as rule } from '../../../lib/validate/rules/service-account-token';
import { findingsOf, pinned } from '../../support/rules';

test('service-account-token: a pod that does not say whether it needs the token', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'service-account-token', path: 'spec.automountServiceAccountToken', message: 'the pod mounts a service-account token without asking for one' },
  ]);
});

test('service-account-token: false passes, and so does true: the pod asked', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
  expect(findingsOf(rule, rule.example.passes.replace('automountServiceAccountToken: false', 'automountServiceAccountToken: true'))).toEqual([]);
});

test('service-account-token: a pod whose ServiceAccount of the output says false passes; one whose account says nothing does not', () => {
  const account = (automount: string) => `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: robot}\n${automount}---\n`;
  const uses = rule.example.fails.replace('spec:\n', 'spec:\n  serviceAccountName: robot\n');
  expect(findingsOf(rule, `${account('automountServiceAccountToken: false\n')}${uses}`)).toEqual([]);
  expect(findingsOf(rule, `${account('')}${uses}`).map((f) => f.path)).toEqual(['spec.automountServiceAccountToken']);
  // the default ServiceAccount, made by Kubernetes, may say it too when the output holds it
  expect(findingsOf(rule, `${account('automountServiceAccountToken: false\n').replace('robot', 'default')}${rule.example.fails}`)).toEqual([]);
});
