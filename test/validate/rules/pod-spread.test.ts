import { podSpread as rule } from '../../../lib/validate/rules/pod-spread';
import { findingsOf, pinned } from '../../support/rules';

test('pod-spread: a replicated Deployment that does not spread its pods', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'pod-spread', path: 'spec.template.spec.topologySpreadConstraints', message: 'Deployment with 3 replicas may put every pod on one node' },
  ]);
});

test('pod-spread: a topology spread constraint or a pod anti-affinity passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
  const anti = rule.example.fails.replace(
    '    spec:\n      containers:',
    '    spec:\n      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 100\n              podAffinityTerm:\n                topologyKey: kubernetes.io/hostname\n                labelSelector: {matchLabels: {app: web}}\n      containers:',
  );
  expect(findingsOf(rule, anti)).toEqual([]);
});
