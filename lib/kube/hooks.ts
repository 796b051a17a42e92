/**
 * Lifecycle hooks: objects that run around a deploy rather than being part of
 * it (a migration before an upgrade, a smoke test after it). One definition
 * renders as Helm's hook annotations and Argo CD's; kubectl and Flux, which
 * know no hooks, get them as output stages of their own (see
 * lib/synth/layout.ts and docs/deploying.md). The annotations stay on the
 * objects, so whatever reads the output (a Helm chart exporter, a reviewer)
 * finds the hook there.
 */

/** When a hook runs, in Helm's terms. */
export const HOOK_EVENTS = ['preInstall', 'preUpgrade', 'postInstall', 'postUpgrade', 'preDelete', 'postDelete'] as const;
export type HookEvent = (typeof HOOK_EVENTS)[number];

/** When a hook object is deleted, in Helm's terms (Argo CD has the same three). */
export const HOOK_DELETE_POLICIES = ['beforeHookCreation', 'hookSucceeded', 'hookFailed'] as const;
export type HookDeletePolicy = (typeof HOOK_DELETE_POLICIES)[number];

export const HELM_HOOK = 'helm.sh/hook';
export const HELM_HOOK_WEIGHT = 'helm.sh/hook-weight';
export const HELM_HOOK_DELETE_POLICY = 'helm.sh/hook-delete-policy';
export const ARGOCD_HOOK = 'argocd.argoproj.io/hook';
export const ARGOCD_HOOK_DELETE_POLICY = 'argocd.argoproj.io/hook-delete-policy';
export const ARGOCD_SYNC_WAVE = 'argocd.argoproj.io/sync-wave';

/**
 * The stage of the output a hook object belongs to, for the deployers without
 * hooks (kubectl, Flux): `pre` runs before the release's objects are applied,
 * `post` with them, `test` on demand after a deploy. Set by the Hook and
 * TestJob constructs; synth reads it to place the object.
 */
export const HOOK_STAGE_LABEL = 'chartwright.dev/hook';
export type HookStage = 'pre' | 'post' | 'delete' | 'test';

const HELM_EVENTS: Record<HookEvent, string> = {
  preInstall: 'pre-install',
  preUpgrade: 'pre-upgrade',
  postInstall: 'post-install',
  postUpgrade: 'post-upgrade',
  preDelete: 'pre-delete',
  postDelete: 'post-delete',
};

/**
 * Argo CD's phases: it does not tell an install from an upgrade, so both
 * `pre*` events are PreSync and both `post*` events PostSync.
 */
const ARGOCD_PHASES: Record<HookEvent, string> = {
  preInstall: 'PreSync',
  preUpgrade: 'PreSync',
  postInstall: 'PostSync',
  postUpgrade: 'PostSync',
  preDelete: 'PreDelete',
  postDelete: 'PostDelete',
};

const HELM_DELETE_POLICIES: Record<HookDeletePolicy, string> = {
  beforeHookCreation: 'before-hook-creation',
  hookSucceeded: 'hook-succeeded',
  hookFailed: 'hook-failed',
};

const ARGOCD_DELETE_POLICIES: Record<HookDeletePolicy, string> = {
  beforeHookCreation: 'BeforeHookCreation',
  hookSucceeded: 'HookSucceeded',
  hookFailed: 'HookFailed',
};

/** What a hook is: its events (or Helm's `test`), weight and delete policies. */
export interface HookSpec {
  readonly on: readonly HookEvent[] | 'test';
  readonly weight: number;
  readonly deletePolicy: readonly HookDeletePolicy[];
}

/**
 * The stage a hook runs in where there are no hooks: before the release when
 * any of its events is `pre-install` or `pre-upgrade`, else with it after
 * install or upgrade, else only on delete.
 */
export function hookStage(spec: HookSpec): HookStage {
  if (spec.on === 'test') return 'test';
  if (spec.on.includes('preInstall') || spec.on.includes('preUpgrade')) return 'pre';
  if (spec.on.includes('postInstall') || spec.on.includes('postUpgrade')) return 'post';
  return 'delete';
}

/** Helm's and Argo CD's annotations of a hook, from one definition. */
export function hookAnnotations(spec: HookSpec): Record<string, string> {
  const events = spec.on === 'test' ? undefined : [...new Set(spec.on)];
  const argoPhases = events ? [...new Set(events.map((e) => ARGOCD_PHASES[e]))] : ['PostSync'];
  return {
    [HELM_HOOK]: events ? events.map((e) => HELM_EVENTS[e]).join(',') : 'test',
    [HELM_HOOK_WEIGHT]: String(spec.weight),
    [HELM_HOOK_DELETE_POLICY]: spec.deletePolicy.map((p) => HELM_DELETE_POLICIES[p]).join(','),
    [ARGOCD_HOOK]: argoPhases.join(','),
    [ARGOCD_HOOK_DELETE_POLICY]: spec.deletePolicy.map((p) => ARGOCD_DELETE_POLICIES[p]).join(','),
    // within a phase Argo CD runs hooks by wave, lowest first, as Helm does by weight
    [ARGOCD_SYNC_WAVE]: String(spec.weight),
  };
}

/** The stage label of an object; undefined for an object that is no hook. */
export function hookStageOf(obj: { readonly metadata?: object }): HookStage | undefined {
  const labels = (obj.metadata as { labels?: Record<string, string> } | undefined)?.labels;
  const stage = labels?.[HOOK_STAGE_LABEL];
  return stage === 'pre' || stage === 'post' || stage === 'delete' || stage === 'test' ? stage : undefined;
}
