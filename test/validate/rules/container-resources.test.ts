import { Deployment, validateObjects } from '../../../lib';
import { WEB, render } from '../../support/render';
import { containerResources as rule } from '../../../lib/validate/rules/container-resources';
import { findingsOf, pinned } from '../../support/rules';

test('container-resources: a container names what it does not set', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'container-resources', path: 'spec.containers[0].resources', message: 'container "app" sets no requests.memory, limits.memory' },
  ]);
});

test('container-resources: requests and limits for cpu and memory pass', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});

test('container-resources: a warning under dev, an error under prod', () => {
  expect(findingsOf(rule, rule.example.fails).map((f) => f.severity)).toEqual(['warning']);
  expect(findingsOf(rule, rule.example.fails, 'prod').map((f) => f.severity)).toEqual(['error']);
});

test('container-resources: no CPU limit, the library\'s `limit: null` idiom, passes even the prod profile', () => {
  const noCpuLimit = rule.example.passes.replace('          cpu: 500m\n', '');
  expect(noCpuLimit).not.toContain('500m');
  expect(findingsOf(rule, noCpuLimit, 'prod')).toEqual([]);
});

test('container-resources: a Deployment made with `cpu: { limit: null }` passes the prod profile', () => {
  const objects = render((p) => new Deployment(p, 'web', { containers: [{ ...WEB, resources: { cpu: { request: '100m', limit: null } } }] }));
  const container = (objects.find((o) => o.kind === 'Deployment')!.spec as any).template.spec.containers[0];
  expect(container.resources.limits).toEqual({ memory: '256Mi' });
  expect(validateObjects(objects.map((obj) => ({ obj, source: {} })), { profile: 'prod' }).filter((f) => f.rule === 'container-resources')).toEqual([]);
});
