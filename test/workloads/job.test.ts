import { BatchJob, Job } from '../../lib';
import { find, render, userError } from '../support/render';

describe('Job', () => {
  test('pods that run to completion, without probes', () => {
    const objects = render((p) => new Job(p, 'migrate', { containers: [{ image: 'migrate:1.0.0' }], completions: 3 }));
    const job = find(objects, 'Job');
    expect(job.metadata.name).toBe('shop-migrate');
    expect(job.spec).toMatchObject({ completions: 3, backoffLimit: 3, ttlSecondsAfterFinished: 86400 });
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(job.spec.template.spec.containers[0].livenessProbe).toBeUndefined();
  });

  test('checks its restart policy', () => {
    expect(userError(() => render((p) => new Job(p, 'm', { containers: [{ image: 'm:1' }], restartPolicy: 'Always' as any })))).toBe(
      'shop/m: restartPolicy "Always" is not valid: expected one of Never, OnFailure',
    );
  });

  test('BatchJob is its former name, and job its former part name', () => {
    render((p) => {
      const job = new BatchJob(p, 'm', { containers: [{ image: 'm:1' }] });
      expect(job).toBeInstanceOf(Job);
      expect(job.job).toBe(job.apiObject);
    });
  });
});
