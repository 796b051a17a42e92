import * as path from 'path';
import { StagedOutput } from './output';
import { renderEnvironment } from './render';
import { Timings } from './timings';
import { Finding, ProfileName } from '../validate';
import { declaredPodSecurity } from './namespaces';
import { failOnErrors, validateEnvironment } from './validate';
import { ReleaseOptions, checkReleases, loadProject, selectEnvironments } from './load';

export interface SynthOptions extends ReleaseOptions {
  /** The environments to synthesize. @default - all */
  readonly env?: readonly string[];
  /** The output folder. @default 'dist' */
  readonly out?: string;
  /** The validation profile for every environment. @default - each environment's `profile`, else 'dev' */
  readonly profile?: ProfileName;
}

export interface SynthResult {
  /** The folder each environment was written to, by environment. */
  readonly written: ReadonlyMap<string, string>;
  /** Object count per environment. */
  readonly objects: ReadonlyMap<string, number>;
  /** Warnings per environment: validation findings below error level, and what constructs recorded (errors fail the synth). */
  readonly warnings: ReadonlyMap<string, readonly Finding[]>;
  /** Time spent per phase. */
  readonly timings: Timings;
}

/**
 * The synth pipeline: load the platform entry, then for each environment
 * build its releases, render them, validate them and stage the files; then
 * commit every environment at once. Errors fail before anything is put in
 * place (all or nothing); warnings are returned. `chartwright synth` calls it.
 *
 *     const result = synthesize({ app: 'apps/main.ts', env: ['prod'], out: 'dist' });
 */
export function synthesize(options: SynthOptions = {}): SynthResult {
  const timings = new Timings();
  const { platform, sources } = timings.measure('load', () => loadProject(options));
  const selected = selectEnvironments(platform, options.env);
  checkReleases(platform, selected, options.release);
  const outDir = path.resolve(options.out ?? 'dist');
  const output = new StagedOutput(outDir);
  const objects = new Map<string, number>();
  const warnings = new Map<string, readonly Finding[]>();
  try {
    for (const env of selected) {
      const rendered = renderEnvironment(platform, env, { values: sources, timings });
      // validation: errors fail before anything is put in place; warnings are returned
      const resolved = platform.environment(env);
      const profile = options.profile ?? resolved.profile ?? 'dev';
      const podSecurity = declaredPodSecurity(resolved, rendered.releases);
      const findings = timings.measure('validate', () => validateEnvironment(rendered, { profile, external: resolved.external, podSecurity }));
      failOnErrors(env, profile, findings);
      warnings.set(env, findings);
      timings.measure('write', () => output.writeEnvironment(rendered));
      objects.set(env, rendered.releases.reduce((n, r) => n + r.objects.length, rendered.namespaces.length));
    }
    timings.measure('write', () => output.commit());
  } finally {
    output.close();
  }
  return {
    timings,
    written: new Map(selected.map((env) => [env, path.join(outDir, env)])),
    objects,
    warnings,
  };
}
