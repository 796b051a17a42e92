import { containerResources as rule } from '../../../lib/validate/rules/container-resources';
import { findingsOf, pinned } from '../../support/rules';

test('container-resources: a container names what it does not set', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'container-resources', path: 'spec.containers[0].resources', message: 'container "app" sets no requests.memory, limits.cpu, limits.memory' },
  ]);
});

test('container-resources: requests and limits for cpu and memory pass', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});

test('container-resources: a warning under dev, an error under prod', () => {
  expect(findingsOf(rule, rule.example.fails).map((f) => f.severity)).toEqual(['warning']);
  expect(findingsOf(rule, rule.example.fails, 'prod').map((f) => f.severity)).toEqual(['error']);
});
