import { podDisruptionBudget as rule } from '../../../lib/validate/rules/pod-disruption-budget';
import { findingsOf, pinned } from '../../support/rules';

test('pod-disruption-budget: a replicated Deployment without a budget, reported on the whole object', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'pod-disruption-budget', path: '', message: 'Deployment with 3 replicas has no PodDisruptionBudget: a node drain may stop every pod at once' },
  ]);
});

test('pod-disruption-budget: an autoscaled Deployment of one replica needs one too', () => {
  const hpa = '---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 5\n';
  expect(pinned(rule, rule.example.fails.replace('replicas: 3', 'replicas: 1') + hpa)).toEqual([
    { rule: 'pod-disruption-budget', path: '', message: 'Deployment with an autoscaler has no PodDisruptionBudget: a node drain may stop every pod at once' },
  ]);
});

test('pod-disruption-budget: a budget selecting the pods passes; one replica needs none', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
  expect(findingsOf(rule, rule.example.fails.replace('replicas: 3', 'replicas: 1'))).toEqual([]);
});
