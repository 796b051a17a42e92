import { jobTtl as rule } from '../../../lib/validate/rules/job-ttl';
import { findingsOf, pinned } from '../../support/rules';

test('job-ttl: its failing example', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'job-ttl', path: "spec.ttlSecondsAfterFinished", message: "the Job and its pods stay in the cluster after it finishes" },
  ]);
});

test('job-ttl: its passing example passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});

test('job-ttl: a CronJob\'s Jobs are kept by its history limits, not found here', () => {
  const cron = 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "@daily"\n  startingDeadlineSeconds: 60\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: app, image: ghcr.io/acme/x:1.0.0}]\n';
  expect(findingsOf(rule, cron)).toEqual([]);
});

test("job-ttl: a hook's Job (helm.sh/hook) is removed by its delete policy, not found here", () => {
  const hook = rule.example.fails.replace('metadata:\n  name: migrate\n', 'metadata:\n  name: migrate\n  annotations:\n    helm.sh/hook: pre-upgrade\n');
  expect(hook).toContain('helm.sh/hook');
  expect(findingsOf(rule, hook)).toEqual([]);
});
