import { hpaReplicas as rule } from '../../../lib/validate/rules/hpa-replicas';
import { findingsOf, pinned } from '../../support/rules';

test('hpa-replicas: its failing example', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'hpa-replicas', path: "spec.minReplicas", message: "the autoscaler may scale down to 1 pod (minReplicas is unset): a restart or eviction then stops the app" },
  ]);
});

test('hpa-replicas: its passing example passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});

test('hpa-replicas: maxReplicas equal to minReplicas cannot scale', () => {
  expect(pinned(rule, rule.example.passes.replace('maxReplicas: 5', 'maxReplicas: 2')).map((f) => [f.path, f.message])).toEqual([
    ['spec.maxReplicas', 'maxReplicas is minReplicas (2): the autoscaler cannot scale'],
  ]);
});
