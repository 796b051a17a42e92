import { ReleaseObjects } from '../diff';
import { Platform } from '../package/platform';
import { ValuesSources } from '../package/sources';
import { ReleaseOptions, checkReleases, loadProject, selectEnvironments } from '../synth/load';
import { renderEnvironment } from '../synth/render';
import { NAMESPACES_RELEASE } from './read-output';

export interface RenderOutputsOptions extends ReleaseOptions {
  /** The environments to render. @default - all */
  readonly env?: readonly string[];
}

/**
 * The project in the current folder rendered in memory, as synth would
 * write it (an environment's Namespaces as the release `namespaces`), but
 * neither validated nor written: one side of a diff.
 */
export function renderOutputs(options: RenderOutputsOptions): { outputs: ReleaseObjects[]; platform: Platform; sources: ValuesSources } {
  const { platform, sources } = loadProject(options);
  const selected = selectEnvironments(platform, options.env);
  checkReleases(platform, selected, options.release);
  const outputs: ReleaseObjects[] = [];
  for (const env of selected) {
    const rendered = renderEnvironment(platform, env, { values: sources });
    if (rendered.namespaces.length > 0) outputs.push({ environment: env, release: NAMESPACES_RELEASE, objects: rendered.namespaces });
    for (const r of rendered.releases) outputs.push({ environment: env, release: r.name, objects: r.objects });
  }
  return { outputs, platform, sources };
}
