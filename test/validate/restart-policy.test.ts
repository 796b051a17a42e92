import { validateObjects } from '../../lib/validate';

/**
 * The restart policy of a workload's pods, as the API server checks it:
 * Always for the controllers that keep pods running, OnFailure or Never for
 * Jobs and CronJobs, which must say so (a pod's default is Always).
 */
function restartFindings(kind: string, restartPolicy: string | undefined): string[][] {
  const podSpec = { restartPolicy, containers: [{ name: 'app', image: 'nginx:1.27.3' }] };
  const template = { metadata: { labels: { app: 'x' } }, spec: podSpec };
  const spec = kind === 'CronJob' ? { schedule: '@daily', jobTemplate: { spec: { template } } } : { selector: { matchLabels: { app: 'x' } }, template };
  const obj = { apiVersion: kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1', kind, metadata: { name: 'x' }, spec: kind === 'Job' ? { template } : spec };
  return validateObjects([{ obj: JSON.parse(JSON.stringify(obj)), source: {} }])
    .filter((f) => f.path.endsWith('restartPolicy'))
    .map((f) => [f.rule, f.path, f.message]);
}

test.each([
  ['Deployment', undefined], ['Deployment', 'Always'], ['StatefulSet', 'Always'], ['DaemonSet', undefined],
  ['Job', 'Never'], ['Job', 'OnFailure'], ['CronJob', 'OnFailure'],
])('%s with restartPolicy %s passes', (kind, policy) => {
  expect(restartFindings(kind, policy)).toEqual([]);
});

test('a Deployment whose pods would not be restarted', () => {
  expect(restartFindings('Deployment', 'Never')).toEqual([
    ['schema-enum', 'spec.template.spec.restartPolicy', 'the pod template of a Deployment has restartPolicy "Never"; a Deployment\'s pods take "Always"'],
  ]);
});

test('a Job or CronJob that leaves restartPolicy at Always', () => {
  expect(restartFindings('Job', undefined)).toEqual([
    ['schema-enum', 'spec.template.spec.restartPolicy', 'the pod template of a Job has no restartPolicy (so Always); a Job\'s pods take "OnFailure" or "Never"'],
  ]);
  expect(restartFindings('CronJob', 'Always')).toEqual([
    ['schema-enum', 'spec.jobTemplate.spec.template.spec.restartPolicy', 'the pod template of a CronJob has restartPolicy "Always"; a CronJob\'s pods take "OnFailure" or "Never"'],
  ]);
});
