import { Hook, HookDeletePolicy, HookEvent, TestJob } from '../../lib';
import { find, render, userError } from '../support/render';

const JOB = { containers: [{ image: 'migrate:1.0.0', command: ['migrate', 'up'] }] };

describe('Hook', () => {
  test.each<[HookEvent[], string, string]>([
    [['preInstall'], 'pre-install', 'PreSync'],
    [['preUpgrade'], 'pre-upgrade', 'PreSync'],
    [['preInstall', 'preUpgrade'], 'pre-install,pre-upgrade', 'PreSync'],
    [['postInstall'], 'post-install', 'PostSync'],
    [['postUpgrade'], 'post-upgrade', 'PostSync'],
    [['preDelete'], 'pre-delete', 'PreDelete'],
    [['postDelete'], 'post-delete', 'PostDelete'],
    [['preUpgrade', 'postUpgrade'], 'pre-upgrade,post-upgrade', 'PreSync,PostSync'],
  ])('on %j: Helm %s, Argo CD %s', (on, helm, argo) => {
    const job = find(render((p) => new Hook(p, 'migrate', { on, job: JOB })), 'Job');
    expect(job.metadata.annotations).toMatchObject({
      'helm.sh/hook': helm,
      'helm.sh/hook-weight': '0',
      'helm.sh/hook-delete-policy': 'before-hook-creation',
      'argocd.argoproj.io/hook': argo,
      'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
      'argocd.argoproj.io/sync-wave': '0',
    });
  });

  test.each<[HookEvent[], string]>([
    [['preInstall'], 'pre'],
    [['preUpgrade', 'postUpgrade'], 'pre'],
    [['postInstall'], 'post'],
    [['preDelete', 'postDelete'], 'delete'],
  ])('on %j: stage %s for kubectl and Flux', (on, stage) => {
    const job = find(render((p) => new Hook(p, 'migrate', { on, job: JOB })), 'Job');
    expect(job.metadata.labels['chartwright.dev/hook']).toBe(stage);
  });

  test.each<[HookDeletePolicy[], string, string]>([
    [['beforeHookCreation'], 'before-hook-creation', 'BeforeHookCreation'],
    [['hookSucceeded'], 'hook-succeeded', 'HookSucceeded'],
    [['hookFailed'], 'hook-failed', 'HookFailed'],
    [['beforeHookCreation', 'hookSucceeded'], 'before-hook-creation,hook-succeeded', 'BeforeHookCreation,HookSucceeded'],
  ])('delete policy %j: Helm %s, Argo CD %s', (deletePolicy, helm, argo) => {
    const job = find(render((p) => new Hook(p, 'migrate', { on: ['preUpgrade'], deletePolicy, weight: -5, job: JOB })), 'Job');
    expect(job.metadata.annotations['helm.sh/hook-delete-policy']).toBe(helm);
    expect(job.metadata.annotations['argocd.argoproj.io/hook-delete-policy']).toBe(argo);
    expect(job.metadata.annotations['helm.sh/hook-weight']).toBe('-5');
    expect(job.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('-5');
  });

  test('the Job is named after its content and has no time-to-live', () => {
    const jobOf = (image: string, packageVersionLabel = {}) =>
      find(render((p) => new Hook(p, 'migrate', { on: ['preUpgrade'], job: { containers: [{ image }], ...packageVersionLabel } })), 'Job');
    const a = jobOf('migrate:1.0.0');
    const b = jobOf('migrate:1.1.0');
    expect(a.metadata.name).toMatch(/^shop-migrate-[0-9a-f]{8}$/);
    expect(b.metadata.name).toMatch(/^shop-migrate-[0-9a-f]{8}$/);
    expect(a.metadata.name).not.toBe(b.metadata.name); // a changed migration is a new Job, not a failed apply of an immutable template
    expect(jobOf('migrate:1.0.0').metadata.name).toBe(a.metadata.name); // the same migration is the same Job: applying again runs nothing
    expect(a.spec.ttlSecondsAfterFinished).toBeUndefined(); // kept: a deleted Job would be made, and run, again
  });

  test('the hook name is the name of its Job object', () => {
    let name = '';
    const objects = render((p) => {
      name = new Hook(p, 'migrate', { on: ['preUpgrade'], job: JOB }).name;
    });
    expect(find(objects, 'Job').metadata.name).toBe(name);
  });

  test('rejects what it cannot render', () => {
    expect(userError(() => render((p) => new Hook(p, 'm', { on: [], job: JOB })))).toMatch(/^shop\/m: on: a hook needs at least one event/);
    expect(userError(() => render((p) => new Hook(p, 'm', { on: ['preSync' as any], job: JOB })))).toBe(
      'shop/m: on "preSync" is not valid: expected one of preInstall, preUpgrade, postInstall, postUpgrade, preDelete, postDelete',
    );
    expect(userError(() => render((p) => new Hook(p, 'm', { on: ['preUpgrade'], deletePolicy: ['always' as any], job: JOB })))).toMatch(/deletePolicy "always" is not valid/);
    expect(userError(() => render((p) => new Hook(p, 'm', { on: ['preUpgrade'], deletePolicy: [], job: JOB })))).toMatch(/^shop\/m: deletePolicy: give at least one policy/);
    expect(userError(() => render((p) => new Hook(p, 'm', { on: ['preUpgrade'], job: { ...JOB, ttlSecondsAfterFinished: 60 } as any })))).toMatch(/job.ttlSecondsAfterFinished: a hook keeps its finished Job/);
    expect(userError(() => render((p) => new Hook(p, 'a'.repeat(52), { on: ['preUpgrade'], job: JOB })))).toMatch(/at most 54, to leave room for the content hash/);
  });
});

describe('TestJob', () => {
  test('helm test, an Argo CD PostSync hook, stage test, no retries', () => {
    const job = find(render((p) => new TestJob(p, 'smoke', { job: { containers: [{ image: 'curl:8.0.0', command: ['curl', '-f', 'http://shop-web'] }] } })), 'Job');
    expect(job.metadata.name).toMatch(/^shop-smoke-[0-9a-f]{8}$/);
    expect(job.metadata.labels['chartwright.dev/hook']).toBe('test');
    expect(job.metadata.annotations).toMatchObject({ 'helm.sh/hook': 'test', 'argocd.argoproj.io/hook': 'PostSync' });
    expect(job.spec.backoffLimit).toBe(0);
  });
});
