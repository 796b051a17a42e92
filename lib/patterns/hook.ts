import { JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { checkInt, checkOneOf, problem } from '../construct/checks';
import { KubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';
import { contentHash } from '../internal/hash';
import { HOOK_DELETE_POLICIES, HOOK_EVENTS, HOOK_STAGE_LABEL, HookDeletePolicy, HookEvent, HookSpec, hookAnnotations, hookStage } from '../kube/hooks';
import { Job, JobProps } from '../workloads/job';

/** The Job of a hook: a Job's props, without a time-to-live (see `Hook`). */
export type HookJobProps = Omit<JobProps, 'ttlSecondsAfterFinished'>;

/** Options every hook takes. */
export interface HookOptions {
  /**
   * Order among the hooks of one event: lower weights run first (Helm's
   * `hook-weight`, Argo CD's `sync-wave`).
   * @default 0
   */
  readonly weight?: number;
  /**
   * When the hook's Job is deleted: before the next one of the same name is
   * made, once it succeeded, or once it failed (Helm's `hook-delete-policy`,
   * Argo CD's the same).
   * @default ['beforeHookCreation']
   */
  readonly deletePolicy?: readonly HookDeletePolicy[];
}

export interface HookProps extends HookOptions {
  /**
   * When the hook runs: Helm's events. Argo CD runs `preInstall` and
   * `preUpgrade` hooks as PreSync, `postInstall` and `postUpgrade` as
   * PostSync, `preDelete` as PreDelete and `postDelete` as PostDelete.
   */
  readonly on: readonly HookEvent[];
  /** The Job the hook runs. */
  readonly job: HookJobProps;
}

/** The most a Job name may be so that the content hash still fits in 63 characters. */
const HASH_LENGTH = 8;

/**
 * A Job that runs around a deploy, not as part of it: a database migration
 * before an upgrade, a cache warm-up after it. One definition renders
 * Helm's hook annotations (`helm.sh/hook`, `hook-weight`,
 * `hook-delete-policy`) and Argo CD's (`argocd.argoproj.io/hook`,
 * `hook-delete-policy`, `sync-wave`); for kubectl and Flux synth writes
 * hooks to stages of their own (`pre/`, `post/`, `delete/`, see
 * docs/deploying.md).
 *
 * Why a hook is not a plain Job: a Job's pod template cannot change, so
 * applying a changed Job of the same name fails, and a Job deleted after
 * its time-to-live is made again, and so run again, by the next apply. A
 * hook's Job is named after its content (`<release>-<id>-<hash>`), so a
 * changed hook is a new Job and an unchanged one is the same Job; and it has
 * no time-to-live, so a finished Job stays as the record that it ran. The
 * hash is taken when the hook is made: a JSON patch added to its object
 * afterwards is not part of it.
 */
export class Hook extends Resource<KubeApiObject> {
  /** The Job's name: `<release>-<id>-<hash of the Job's spec>`. */
  readonly name: string;
  readonly apiObject: KubeApiObject;
  /** The Job; its object is named `name` (with the content hash), not `job.name`. */
  readonly job: Job;

  constructor(scope: Construct, id: string, props: HookProps) {
    super(scope, id);
    if (!Array.isArray(props.on) || props.on.length === 0) {
      throw problem(this, `on: a hook needs at least one event: ${HOOK_EVENTS.join(', ')}`);
    }
    for (const event of props.on) checkOneOf(this, 'on', event, HOOK_EVENTS);
    const spec = hookSpec(this, props.on, props);
    this.job = new Job(this, 'Default', { ...props.job, labels: { ...props.job.labels, [HOOK_STAGE_LABEL]: hookStage(spec) } });
    this.apiObject = this.job.apiObject;
    this.name = withContentHash(this, this.job);
    for (const [key, value] of Object.entries(hookAnnotations(spec))) this.apiObject.metadata.addAnnotation(key, value);
  }
}

/** The props of a `TestJob`. */
export interface TestJobProps extends HookOptions {
  /** The Job that tests the release: it succeeds when the release works. */
  readonly job: HookJobProps;
}

/**
 * A test of a release, as Helm has them: a Job that checks the deployed
 * release works (a request to its Service, a query to its database).
 * `helm test` runs it (`helm.sh/hook: test`); Argo CD runs it after every
 * sync (a PostSync hook, a failed test fails the sync); for kubectl and
 * Flux synth writes it to `tests/`, applied on demand after a deploy. Named
 * after its content like a `Hook`.
 */
export class TestJob extends Resource<KubeApiObject> {
  /** The Job's name: `<release>-<id>-<hash of the Job's spec>`. */
  readonly name: string;
  readonly apiObject: KubeApiObject;
  /** The Job; its object is named `name` (with the content hash), not `job.name`. */
  readonly job: Job;

  constructor(scope: Construct, id: string, props: TestJobProps) {
    super(scope, id);
    const spec = hookSpec(this, 'test', props);
    // a test that fails is retried by the next run, not within this one
    this.job = new Job(this, 'Default', { backoffLimit: 0, ...props.job, labels: { ...props.job.labels, [HOOK_STAGE_LABEL]: 'test' } });
    this.apiObject = this.job.apiObject;
    this.name = withContentHash(this, this.job);
    for (const [key, value] of Object.entries(hookAnnotations(spec))) this.apiObject.metadata.addAnnotation(key, value);
  }
}

function hookSpec(scope: Construct, on: readonly HookEvent[] | 'test', options: HookOptions & { readonly job: HookJobProps }): HookSpec {
  checkInt(scope, 'weight', options.weight);
  const deletePolicy = options.deletePolicy ?? ['beforeHookCreation'];
  if (!Array.isArray(deletePolicy) || deletePolicy.length === 0) {
    throw problem(scope, `deletePolicy: give at least one policy (${HOOK_DELETE_POLICIES.join(', ')}), or leave it out for beforeHookCreation`);
  }
  for (const policy of deletePolicy) checkOneOf(scope, 'deletePolicy', policy, HOOK_DELETE_POLICIES);
  if ((options.job as Partial<JobProps> | undefined)?.ttlSecondsAfterFinished !== undefined) {
    throw problem(scope, 'job.ttlSecondsAfterFinished: a hook keeps its finished Job as the record that it ran (a Job deleted after a time-to-live runs again on the next apply); use deletePolicy to delete it');
  }
  return { on, weight: options.weight ?? 0, deletePolicy };
}

/**
 * Names the Job after its spec and drops its time-to-live; returns the name.
 * The hash leaves out the pod labels, which carry the package version: a
 * new package version with the same Job is the same Job, not a re-run.
 */
function withContentHash(scope: Construct, job: Job): string {
  const maxBase = 63 - HASH_LENGTH - 1;
  if (job.name.length > maxBase) {
    throw problem(scope, `the name "${job.name}" is ${job.name.length} characters; a hook's name has at most ${maxBase}, to leave room for the content hash: use a shorter construct id`);
  }
  const { ttlSecondsAfterFinished: _ttl, ...spec } = job.apiObject.toJson().spec;
  const { labels: _labels, ...templateMetadata } = spec.template?.metadata ?? {};
  const name = `${job.name}-${contentHash({ ...spec, template: { ...spec.template, metadata: templateMetadata } }).slice(0, HASH_LENGTH)}`;
  job.apiObject.addJsonPatch(JsonPatch.replace('/metadata/name', name), JsonPatch.remove('/spec/ttlSecondsAfterFinished'));
  return name;
}
