import * as path from 'path';
import { UserError } from '../errors';
import { GitOpsSettings } from '../package/gitops';
import { releaseDepths } from '../package/phases';
import { MANAGED_BY_LABELS } from '../kube/annotations';
import { hookStageOf } from '../kube/hooks';
import type { KubeObject, RenderedRelease } from './render';

/**
 * The stages of an environment for a GitOps controller, and the objects that
 * make Argo CD or Flux deploy them. A stage is a folder of the environment's
 * output (see ./layout.ts): the CustomResourceDefinitions, the Namespaces,
 * then each release, after the releases it runs after; for Flux also each
 * release's pre-install/upgrade hooks before it and its post-install/upgrade
 * hooks after it (Argo CD runs hooks itself, from their annotations).
 */

/** One stage: a folder of the environment's output and the stages it deploys after. */
export interface Stage {
  /** The stage's name, unique in the environment: `crds`, `namespaces`, `<release>`, `<release>-pre`, `<release>-post`. */
  readonly name: string;
  /** The stage's folder, relative to the environment's folder, `/`-separated. */
  readonly folder: string;
  /** The stages this one deploys after. */
  readonly after: readonly string[];
  /** The namespace of its objects, for Argo CD's destination. */
  readonly namespace?: string;
}

/** The folder of a release's objects when a GitOps controller deploys them, relative to the environment's folder. */
export const releaseFolder = (release: string): string => `releases/${release}`;

/** What of an environment the stages are made from. */
export interface StagesInput {
  readonly releases: readonly RenderedRelease[];
  readonly hasNamespaces: boolean;
  readonly hasCrds: boolean;
}

/**
 * The stages of an environment, in deploy order. The first stage holds the
 * CustomResourceDefinitions and the Namespaces, so no custom resource is
 * applied before its definition is established and nothing before its
 * namespace exists; each release follows it and the releases it runs after.
 */
export function environmentStages(env: StagesInput, tool: GitOpsSettings['tool']): Stage[] {
  const first = [...(env.hasCrds ? ['crds'] : []), ...(env.hasNamespaces ? ['namespaces'] : [])];
  const stages: Stage[] = [];
  if (env.hasCrds) stages.push({ name: 'crds', folder: 'crds', after: [] });
  if (env.hasNamespaces) stages.push({ name: 'namespaces', folder: 'namespaces', after: [] });
  for (const release of env.releases) {
    const before = [...first, ...release.runsAfter];
    // Argo CD runs hooks itself, by their annotations; Flux applies them as a stage of their own
    const pre = tool === 'flux' && release.objects.some((o) => hookStageOf(o) === 'pre');
    if (pre) stages.push({ name: `${release.name}-pre`, folder: `${releaseFolder(release.name)}/pre`, after: before, namespace: release.namespace });
    stages.push({ name: release.name, folder: releaseFolder(release.name), after: pre ? [...before, `${release.name}-pre`] : before, namespace: release.namespace });
    if (tool === 'flux' && release.objects.some((o) => hookStageOf(o) === 'post')) {
      stages.push({ name: `${release.name}-post`, folder: `${releaseFolder(release.name)}/post`, after: [release.name], namespace: release.namespace });
    }
  }
  checkUniqueStages(stages);
  return stages;
}

/** Stage names become object names (`<env>-<stage>`): a release named like another stage (`crds`, `namespaces`, `<release>-pre`) would share one. */
function checkUniqueStages(stages: readonly Stage[]): void {
  const seen = new Set<string>();
  for (const stage of stages) {
    if (seen.has(stage.name)) {
      throw new UserError(
        `the GitOps stage "${stage.name}" is there twice: a release of that name and the stage of the same name would share their Argo CD Application or Flux Kustomization; rename the release`,
        { release: stage.name },
      );
    }
    seen.add(stage.name);
  }
}

/**
 * Argo CD sync waves of the stages: 0 for the first stage, then one more
 * than the latest stage a stage deploys after.
 */
export function stageWaves(stages: readonly Stage[]): Map<string, number> {
  return releaseDepths(stages.map((s) => ({ name: s.name, runsAfter: s.after })));
}

const ARGOCD_NAMESPACE = 'argocd';
const FLUX_NAMESPACE = 'flux-system';

/** The path of an environment's stage folder in the repository. */
function repoPath(settings: GitOpsSettings, environment: string, folder: string): string {
  return path.posix.join(settings.path ?? 'dist', environment, folder);
}

/**
 * One Argo CD Application per stage, in sync waves from the stage graph.
 * Server-side apply (large objects, fields other tools own), no namespace
 * creation (synth writes the Namespaces, in their own stage), prune last
 * (what left the output goes once everything new is healthy), automated
 * sync with prune and self-heal. The finalizer makes deleting an
 * Application delete its objects, and run its PreDelete and PostDelete hooks.
 */
export function argoCdApplications(environment: string, stages: readonly Stage[], settings: GitOpsSettings): KubeObject[] {
  const waves = stageWaves(stages);
  return stages.map((stage) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: `${environment}-${stage.name}`,
      namespace: settings.namespace ?? ARGOCD_NAMESPACE,
      annotations: { 'argocd.argoproj.io/sync-wave': String(waves.get(stage.name)) },
      labels: controllerLabels(environment),
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project: settings.project ?? 'default',
      source: { repoURL: settings.repoURL, targetRevision: settings.revision ?? 'main', path: repoPath(settings, environment, stage.folder) },
      destination: { server: settings.server ?? 'https://kubernetes.default.svc', ...(stage.namespace ? { namespace: stage.namespace } : {}) },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ['ServerSideApply=true', 'CreateNamespace=false', 'PruneLast=true'],
      },
    },
  }));
}

/** The name of the Flux GitRepository of an environment. */
const fluxSourceName = (environment: string): string => `chartwright-${environment}`;

/**
 * A Flux GitRepository for the output's repository and one Kustomization per
 * stage, `dependsOn` the stages it deploys after. `prune: true` removes what
 * left the stage's folder; `wait: true` holds the stages after it until
 * every object of this one is healthy (a Deployment rolled out, a Job
 * complete, a CustomResourceDefinition established), Flux's health check
 * of all of them.
 */
export function fluxObjects(environment: string, stages: readonly Stage[], settings: GitOpsSettings): KubeObject[] {
  const namespace = settings.namespace ?? FLUX_NAMESPACE;
  const interval = settings.interval ?? '5m';
  const labels = controllerLabels(environment);
  const source: KubeObject = {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    metadata: { name: fluxSourceName(environment), namespace, labels },
    spec: { interval, url: settings.repoURL, ref: { branch: settings.revision ?? 'main' } },
  };
  const kustomizations = stages.map(
    (stage): KubeObject => ({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: `${environment}-${stage.name}`, namespace, labels },
      spec: {
        interval,
        path: `./${repoPath(settings, environment, stage.folder)}`,
        prune: true,
        wait: true,
        timeout: settings.timeout ?? '5m',
        sourceRef: { kind: 'GitRepository', name: fluxSourceName(environment) },
        ...(stage.after.length > 0 ? { dependsOn: stage.after.map((name) => ({ name: `${environment}-${name}` })) } : {}),
      },
    }),
  );
  return [source, ...kustomizations];
}

/** The objects that make the environment's GitOps controller deploy its stages. */
export function gitopsObjects(environment: string, env: StagesInput, settings: GitOpsSettings): KubeObject[] {
  const stages = environmentStages(env, settings.tool);
  return settings.tool === 'argocd' ? argoCdApplications(environment, stages, settings) : fluxObjects(environment, stages, settings);
}

/** The labels of the controller's objects synth writes for an environment. */
function controllerLabels(environment: string): Record<string, string> {
  return { ...MANAGED_BY_LABELS, 'chartwright.dev/environment': environment };
}
