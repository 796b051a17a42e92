import { pullPolicy as rule } from '../../../lib/validate/rules/pull-policy';
import { findingsOf, pinned } from '../../support/rules';

test('pull-policy: its failing example', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'pull-policy', path: "spec.containers[0].imagePullPolicy", message: "container \"app\" runs \"nginx:latest\" with imagePullPolicy IfNotPresent: each node keeps the version it pulled first" },
  ]);
});

test('pull-policy: its passing example passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});

test('pull-policy: an untagged image with Never is found; Always, no policy, or a digest pass', () => {
  expect(pinned(rule, rule.example.fails.replace('nginx:latest', 'nginx').replace('IfNotPresent', 'Never')).map((f) => f.path)).toEqual(['spec.containers[0].imagePullPolicy']);
  expect(findingsOf(rule, rule.example.fails.replace('IfNotPresent', 'Always'))).toEqual([]);
  expect(findingsOf(rule, rule.example.fails.replace('      imagePullPolicy: IfNotPresent\n', ''))).toEqual([]);
  expect(findingsOf(rule, rule.example.fails.replace('nginx:latest', `nginx@sha256:${'a'.repeat(64)}`))).toEqual([]);
});
