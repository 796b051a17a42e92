import { validateObjects } from '../../lib/validate';

/**
 * Counts, durations and percentages of workloads and budgets, as the API
 * server bounds them (test/fixtures/apiserver-corpus/workloads, formats and
 * disruption-budget, checked against a real server).
 */
function errors(obj: unknown): string[][] {
  return validateObjects([{ obj, source: {} }], { external: ['Deployment/web'] })
    .filter((f) => f.severity === 'error' && !f.rule.endsWith('-selector'))
    .map((f) => [f.rule, f.path, f.message]);
}

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27.3' }] } };
const deployment = (spec: object) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template, ...spec } });
const job = (spec: object, podSpec: object = {}) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { ...spec, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx:1.27.3' }], ...podSpec } } } });
const pdb = (spec: object) => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, ...spec } });

test('zero counts, a surge above 100% and percentages pass', () => {
  expect(errors(deployment({ replicas: 0, revisionHistoryLimit: 0, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '200%', maxUnavailable: 0 } } }))).toEqual([]);
  expect(errors(job({ parallelism: 0, backoffLimit: 0, activeDeadlineSeconds: 1 }))).toEqual([]);
  expect(errors(pdb({ maxUnavailable: '50%' }))).toEqual([]);
});

test('negative counts, an activeDeadlineSeconds of 0, a pod without containers', () => {
  expect(errors(deployment({ replicas: -1, revisionHistoryLimit: -1 }))).toEqual([
    ['schema-format', 'spec.replicas', 'replicas is -1; it must be 0 or more'],
    ['schema-format', 'spec.revisionHistoryLimit', 'revisionHistoryLimit is -1; it must be 0 or more'],
  ]);
  expect(errors(job({ completions: -1 }, { activeDeadlineSeconds: 0, containers: [] }))).toEqual([
    ['schema-format', 'spec.completions', 'completions is -1; it must be 0 or more'],
    ['schema-format', 'spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds is 0; it must be at least 1'],
    ['schema-required', 'spec.template.spec.containers', 'the pod has no containers'],
  ]);
});

test('a rolling update that cannot proceed, or on the Recreate strategy; percentages that are not', () => {
  expect(errors(deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } } }))).toEqual([
    ['schema-format', 'spec.strategy.rollingUpdate.maxUnavailable', 'maxSurge and maxUnavailable are both 0, so a rollout could never proceed'],
  ]);
  expect(errors(deployment({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }))).toEqual([
    ['schema-unknown-field', 'spec.strategy.rollingUpdate', 'rollingUpdate is set, but the strategy is Recreate'],
  ]);
  expect(errors(deployment({ strategy: { rollingUpdate: { maxSurge: '25', maxUnavailable: '150%' } } }))).toEqual([
    ['schema-format', 'spec.strategy.rollingUpdate.maxSurge', '"25" is not a percentage'],
    ['schema-format', 'spec.strategy.rollingUpdate.maxUnavailable', '150% is more than 100%'],
  ]);
});

test('a PodDisruptionBudget with both bounds, or a negative one', () => {
  expect(errors(pdb({ minAvailable: -1, maxUnavailable: 1 }))).toEqual([
    ['schema-format', 'spec.minAvailable', 'minAvailable is -1; it may not be negative'],
    ['schema-required', 'spec.maxUnavailable', 'a PodDisruptionBudget sets minAvailable or maxUnavailable, not both'],
  ]);
});
