import { isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule } from './rule';

const id = 'cronjob-deadline';

export const cronjobDeadline: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'a CronJob sets `startingDeadlineSeconds`',
  why:
    'Without a starting deadline, a CronJob that missed its schedule (the controller was down, `concurrencyPolicy: Forbid` held it back) counts every missed run since its last one; ' +
    'after 100 missed runs it stops scheduling altogether, with only an event to say so. A deadline bounds how late a run may start and which missed runs count.',
  fix: 'set `spec.startingDeadlineSeconds`, such as 300, shorter than the time between runs',
  example: {
    fails: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: app
              image: ghcr.io/acme/report:1.0.0
`,
    passes: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 3 * * *"
  startingDeadlineSeconds: 300
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: app
              image: ghcr.io/acme/report:1.0.0
`,
  },
  checkObject(item) {
    const { obj } = item;
    if (obj.kind !== 'CronJob' || !isRecord(obj.spec)) return;
    if (typeof obj.spec.startingDeadlineSeconds !== 'number') item.report(id, ['spec', 'startingDeadlineSeconds'], 'the CronJob has no starting deadline: after 100 missed runs it stops scheduling');
  },
};
