import { pdbBlocksEviction as rule } from '../../../lib/validate/rules/pdb-blocks-eviction';
import { findingsOf, pinned } from '../../support/rules';

test('pdb-blocks-eviction: its failing example', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'pdb-blocks-eviction', path: "spec.minAvailable", message: "minAvailable 2 is at least the 2 pods of Deployment \"web\": none can be evicted" },
  ]);
});

test('pdb-blocks-eviction: its passing example passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});

test('pdb-blocks-eviction: maxUnavailable 0 and minAvailable 100% block every eviction', () => {
  expect(pinned(rule, rule.example.passes.replace('maxUnavailable: 1', 'maxUnavailable: 0')).map((f) => f.path)).toEqual(['spec.maxUnavailable']);
  expect(pinned(rule, rule.example.passes.replace('maxUnavailable: 1', 'minAvailable: "100%"')).map((f) => f.path)).toEqual(['spec.minAvailable']);
});

test('pdb-blocks-eviction: with an autoscaler, its minReplicas counts', () => {
  const hpa = '---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 3\n  maxReplicas: 6\n';
  const budget = rule.example.fails.replace('replicas: 2', 'replicas: 5').replace('minAvailable: 2', 'minAvailable: 3');
  expect(pinned(rule, budget)).toEqual([]);
  expect(pinned(rule, budget + hpa).map((f) => f.message)).toEqual(['minAvailable 3 is at least the 3 pods of Deployment "web" at its autoscaler\'s minReplicas: none can be evicted']);
});

test('pdb-blocks-eviction: every budget that blocks a workload is reported, in input order, whatever selects it', () => {
  const budget = (name: string, selector: string) => `---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: ${name}}\nspec:\n  minAvailable: 2\n  selector:\n${selector}`;
  const yaml = rule.example.passes.split('---')[0] +
    budget('by-expression', '    matchExpressions: [{key: app, operator: In, values: [web]}]\n') +
    budget('by-label', '    matchLabels: {app: web}\n') +
    budget('other-app', '    matchLabels: {app: db}\n') +
    budget('all', '    {}\n');
  expect(findingsOf(rule, yaml).map((f) => f.object)).toEqual(['PodDisruptionBudget by-expression', 'PodDisruptionBudget by-label', 'PodDisruptionBudget all']);
});
