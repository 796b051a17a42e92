import { ephemeralStorage as rule } from '../../../lib/validate/rules/ephemeral-storage';
import { findingsOf } from '../../support/rules';

const pinned = (yaml: string) => findingsOf(rule, yaml, 'strict').map(({ rule: id, path, message, severity }) => ({ rule: id, path, message, severity }));

test('ephemeral-storage: its failing example, an error under strict', () => {
  expect(pinned(rule.example.fails)).toEqual([
    { rule: 'ephemeral-storage', path: 'spec.template.spec.containers[0].resources', message: 'container "app" sets no limits.ephemeral-storage', severity: 'error' },
  ]);
});

test('ephemeral-storage: its passing example passes', () => {
  expect(findingsOf(rule, rule.example.passes, 'strict')).toEqual([]);
});

test('ephemeral-storage: only the strict profile applies it', () => {
  expect(findingsOf(rule, rule.example.fails, 'dev')).toEqual([]);
  expect(findingsOf(rule, rule.example.fails, 'prod')).toEqual([]);
});

test('ephemeral-storage: init containers of a long-running pod are checked; a Job\'s pods are not', () => {
  const withInit = rule.example.passes.replace('      containers:\n', '      initContainers:\n        - name: setup\n          image: busybox:1.36\n      containers:\n');
  expect(pinned(withInit).map((f) => [f.path, f.message])).toEqual([
    ['spec.template.spec.initContainers[0].resources', 'container "setup" sets no requests.ephemeral-storage or limits.ephemeral-storage'],
  ]);
  const job = 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: app, image: ghcr.io/acme/x:1.0.0}]\n';
  expect(findingsOf(rule, job, 'strict')).toEqual([]);
});
