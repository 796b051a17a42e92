import * as path from 'path';
import { HookStage, hookStageOf } from '../kube/hooks';
import { releaseFolder } from './gitops';
import type { KubeObject, RenderedEnvironment, RenderedRelease } from './render';

/**
 * What files an environment's folder holds, and what is in each: the layout
 * of the output, apart from how it is written (./output.ts). Two layouts:
 *
 * For kubectl (no `gitops` setting), a flat folder that `kubectl apply -k`
 * takes: `namespaces.yaml` and `<release>.k8s.yaml` in the kustomization, in
 * deploy order; the CustomResourceDefinitions apart in `crds/`, applied
 * first; hooks apart in `pre/`, `post/` and `delete/` and tests in `tests/`,
 * each a kustomization of `<release>.k8s.yaml` files, applied around the
 * deploy (docs/deploying.md has the commands).
 *
 * For a GitOps controller, one folder per stage, since Argo CD Applications
 * and Flux Kustomizations each deploy a folder: `crds/`, `namespaces/`,
 * `releases/<release>/`, and for Flux the hook stages inside the release's
 * folder (`releases/<release>/pre/`…). Argo CD runs hooks and tests from
 * their annotations, so they stay in the release's file. The controller's
 * own objects go to `argocd/` or `flux/`.
 *
 * Each release's notes go to `<release>.NOTES.md` in either layout.
 */

/** One file of an environment's folder: YAML documents, or text. */
export type OutputFile = { readonly path: string; readonly docs: readonly unknown[] } | { readonly path: string; readonly text: string };

/** The file of an environment's Namespace objects; releases' files end in `.k8s.yaml`, so no release name can take it. */
export const NAMESPACES_FILE = 'namespaces.yaml';

/**
 * The folder of an environment's CustomResourceDefinitions: a first stage,
 * applied and established before the rest, since the API server knows a
 * custom resource's kind only once its definition is established.
 */
export const CRDS_DIR = 'crds';

/** The file of a release's notes in its environment's folder. */
export const notesFile = (release: string): string => `${release}.NOTES.md`;

/** The folders of hook stages in the kubectl layout, by stage. */
export const HOOK_DIRS: Readonly<Record<HookStage, string>> = { pre: 'pre', post: 'post', delete: 'delete', test: 'tests' };

export const isCustomResourceDefinition = (obj: KubeObject): boolean =>
  obj.kind === 'CustomResourceDefinition' && obj.apiVersion.startsWith('apiextensions.k8s.io/');

/** A kustomization of `resources`, in that order. */
export function kustomization(resources: readonly string[]): unknown {
  // fifo: kustomize keeps the resources in this order (by default it re-sorts them by its own kind order)
  return { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', sortOptions: { order: 'fifo' }, resources };
}

/** Files of folders, each folder with a kustomization of its files in the order they were added. */
class Folders {
  private readonly folders = new Map<string, Array<{ file: string; docs: readonly unknown[] }>>();

  add(folder: string, file: string, docs: readonly unknown[]): void {
    let files = this.folders.get(folder);
    if (!files) this.folders.set(folder, (files = []));
    files.push({ file, docs });
  }

  /** Each file, then each folder's kustomization. */
  files(): OutputFile[] {
    const out: OutputFile[] = [];
    for (const [folder, files] of this.folders) {
      for (const { file, docs } of files) out.push({ path: path.posix.join(folder, file), docs });
      out.push({ path: path.posix.join(folder, 'kustomization.yaml'), docs: [kustomization(files.map((f) => f.file))] });
    }
    return out;
  }
}

/** A release's objects by where they go: CRDs, the release itself, and each hook stage. */
function splitRelease(release: RenderedRelease): { crds: KubeObject[]; main: KubeObject[]; hooks: Map<HookStage, KubeObject[]> } {
  const crds: KubeObject[] = [];
  const main: KubeObject[] = [];
  const hooks = new Map<HookStage, KubeObject[]>();
  for (const obj of release.objects) {
    const stage = hookStageOf(obj);
    if (isCustomResourceDefinition(obj)) crds.push(obj);
    else if (stage === undefined) main.push(obj);
    else {
      let list = hooks.get(stage);
      if (!list) hooks.set(stage, (list = []));
      list.push(obj);
    }
  }
  return { crds, main, hooks };
}

/** The files of an environment's folder, paths relative to it, `/`-separated. */
export function environmentFiles(env: RenderedEnvironment): OutputFile[] {
  return env.gitops ? gitopsLayout(env, env.gitops.tool) : kubectlLayout(env);
}

function kubectlLayout(env: RenderedEnvironment): OutputFile[] {
  const root = new Folders();
  const stages = new Folders();
  if (env.namespaces.length > 0) root.add('', NAMESPACES_FILE, env.namespaces);
  for (const release of env.releases) {
    const file = `${release.name}.k8s.yaml`;
    const { crds, main, hooks } = splitRelease(release);
    if (crds.length > 0) stages.add(CRDS_DIR, file, crds);
    for (const [stage, objects] of hooks) stages.add(HOOK_DIRS[stage], file, objects);
    root.add('', file, main);
  }
  return [...root.files(), ...stages.files(), ...notes(env)];
}

function gitopsLayout(env: RenderedEnvironment, tool: 'argocd' | 'flux'): OutputFile[] {
  const folders = new Folders();
  const releaseFolders: string[] = [];
  if (env.namespaces.length > 0) folders.add('namespaces', NAMESPACES_FILE, env.namespaces);
  for (const release of env.releases) {
    const file = `${release.name}.k8s.yaml`;
    const folder = releaseFolder(release.name);
    const { crds, main, hooks } = splitRelease(release);
    if (crds.length > 0) folders.add(CRDS_DIR, file, crds);
    if (tool === 'argocd') {
      // Argo CD runs hooks (and tests, as PostSync hooks) itself: they stay with the release
      folders.add(folder, file, release.objects.filter((o) => !isCustomResourceDefinition(o)));
    } else {
      folders.add(folder, file, main);
      for (const [stage, objects] of hooks) folders.add(`${folder}/${HOOK_DIRS[stage]}`, file, objects);
    }
    releaseFolders.push(folder);
  }
  // the environment's own kustomization, so `kubectl diff -k` and dry runs take the folder as before
  const rootResources = [...(env.namespaces.length > 0 ? ['namespaces'] : []), ...releaseFolders];
  const controller = env.gitops!;
  folders.add(tool, tool === 'argocd' ? 'applications.yaml' : 'kustomizations.yaml', controller.objects);
  const files = folders.files();
  files.push({ path: 'kustomization.yaml', docs: [kustomization(rootResources)] });
  return [...files, ...notes(env)];
}

function notes(env: RenderedEnvironment): OutputFile[] {
  return env.releases.filter((r) => typeof r.notes === 'string' && r.notes !== '').map((r) => ({ path: notesFile(r.name), text: r.notes }));
}
