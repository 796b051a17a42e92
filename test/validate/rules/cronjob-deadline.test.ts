import { cronjobDeadline as rule } from '../../../lib/validate/rules/cronjob-deadline';
import { findingsOf, pinned } from '../../support/rules';

test('cronjob-deadline: its failing example', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'cronjob-deadline', path: "spec.startingDeadlineSeconds", message: "the CronJob has no starting deadline: after 100 missed runs it stops scheduling" },
  ]);
});

test('cronjob-deadline: its passing example passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});

test('cronjob-deadline: an error under prod', () => {
  expect(findingsOf(rule, rule.example.fails, 'prod').map((f) => f.severity)).toEqual(['error']);
});
