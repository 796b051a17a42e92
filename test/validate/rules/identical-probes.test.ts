import { identicalProbes as rule } from '../../../lib/validate/rules/identical-probes';
import { findingsOf, pinned } from '../../support/rules';

test('identical-probes: its failing example', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'identical-probes', path: "spec.containers[0].livenessProbe", message: "container \"app\" has the same livenessProbe as readinessProbe: a busy pod is restarted instead of taken out of rotation" },
  ]);
});

test('identical-probes: its passing example passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});

test('identical-probes: the same probe with its keys in another order is the same', () => {
  const reordered = rule.example.fails.replace('      livenessProbe:\n        httpGet:\n          path: /ready\n          port: 8080', '      livenessProbe:\n        httpGet:\n          port: 8080\n          path: /ready');
  expect(pinned(rule, reordered)).toHaveLength(1);
});
