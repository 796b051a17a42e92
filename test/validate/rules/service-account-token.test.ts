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
