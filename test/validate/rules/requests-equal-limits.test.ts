import { requestsEqualLimits as rule } from '../../../lib/validate/rules/requests-equal-limits';
import { findingsOf } from '../../support/rules';

const pinned = (yaml: string) => findingsOf(rule, yaml, 'strict').map(({ rule: id, path, message, severity }) => ({ rule: id, path, message, severity }));

const pod = (resources: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.3\n      resources: ${resources}\n`;

test('requests-equal-limits: its failing example, an error under strict', () => {
  expect(pinned(rule.example.fails)).toEqual([
    { rule: 'requests-equal-limits', path: 'spec.containers[0].resources', message: 'container "app" requests 100m cpu but limits it to 500m, so the pod is not of QoS class Guaranteed', severity: 'error' },
  ]);
});

test('requests-equal-limits: its passing example passes (500m and "0.5" are one quantity)', () => {
  expect(findingsOf(rule, rule.example.passes, 'strict')).toEqual([]);
});

test('requests-equal-limits: only the strict profile applies it', () => {
  expect(findingsOf(rule, rule.example.fails, 'dev')).toEqual([]);
  expect(findingsOf(rule, rule.example.fails, 'prod')).toEqual([]);
});

test('requests-equal-limits: limits are required; requests left out default to them', () => {
  expect(pinned(pod('{requests: {cpu: 1, memory: 1Gi}, limits: {memory: 1Gi}}')).map((f) => f.message)).toEqual([
    'container "app" sets no limits.cpu, so the pod is not of QoS class Guaranteed',
  ]);
  expect(pinned(pod('{}')).map((f) => f.message)).toEqual([
    'container "app" sets no limits.cpu and sets no limits.memory, so the pod is not of QoS class Guaranteed',
  ]);
  expect(pinned(pod('{limits: {cpu: "1", memory: 1024Mi}, requests: {cpu: 1000m, memory: 1Gi}}'))).toEqual([]);
  expect(pinned(pod('{limits: {cpu: 1, memory: 1Gi}}'))).toEqual([]);
});
