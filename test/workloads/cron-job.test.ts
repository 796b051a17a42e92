import { CronJob, ScheduledJob } from '../../lib';
import { find, render, userError } from '../support/render';

describe('CronJob', () => {
  test('a Job on a schedule, with safe history and concurrency defaults', () => {
    const objects = render((p) => new CronJob(p, 'backup', { containers: [{ image: 'backup:1.0.0' }], schedule: '@daily' }));
    const cron = find(objects, 'CronJob');
    expect(cron.metadata.name).toBe('shop-backup');
    expect(cron.spec).toMatchObject({ schedule: '@daily', concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 300, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(cron.spec.jobTemplate.spec.template.spec.restartPolicy).toBe('Never');
  });

  test('checks its schedule', () => {
    expect(userError(() => render((p) => new CronJob(p, 'b', { containers: [{ image: 'b:1' }], schedule: 'daily' })))).toMatch(/^shop\/b: schedule "daily" is not valid: expected a cron schedule/);
  });

  test('ScheduledJob is its former name, and cronJob its former part name', () => {
    render((p) => {
      const cron = new ScheduledJob(p, 'b', { containers: [{ image: 'b:1' }], schedule: '@daily' });
      expect(cron).toBeInstanceOf(CronJob);
      expect(cron.cronJob).toBe(cron.apiObject);
    });
  });
});
