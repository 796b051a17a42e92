import { networkPolicy as rule } from '../../../lib/validate/rules/network-policy';
import { findingsOf, pinned } from '../../support/rules';

test('network-policy: its failing example', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'network-policy', path: "spec.template.metadata.labels", message: "no NetworkPolicy of namespace \"shop\" selects the pods of this Deployment: they accept traffic from anywhere" },
  ]);
});

test('network-policy: its passing example passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});

test('network-policy: output without any NetworkPolicy is not checked; a policy of another namespace does not cover the pods', () => {
  const deployment = rule.example.fails.split('---')[0];
  expect(findingsOf(rule, deployment)).toEqual([]);
  expect(pinned(rule, rule.example.passes.replace('name: default-deny\n  namespace: shop', 'name: default-deny\n  namespace: other'))).toHaveLength(1);
});
