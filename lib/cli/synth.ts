import * as path from 'path';
import { UserError, suggestion } from '../errors';
import { Platform } from '../package/platform';
import { StagedOutput } from '../synth/output';
import { renderEnvironment } from '../synth/render';
import { Timings } from '../synth/timings';
import { readValuesFile } from '../values/layers';
import { ValuesSources } from '../package/sources';
import { Finding, ProfileName } from '../validate';
import { failOnErrors, validateEnvironment } from '../synth/validate';
import { entryFile, loadPlatform } from '../synth/load';

/** Options shared by the commands that render releases. */
export interface ReleaseOptions {
  /** The platform entry file. @default - see entryFile() */
  readonly app?: string;
  /** `--values` files. @default - none */
  readonly values?: readonly string[];
  /** `--set` expressions. @default - none */
  readonly set?: readonly string[];
  /** The releases `--values` and `--set` are for. @default - the only one */
  readonly release?: readonly string[];
}

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

/** The platform, and the values sources the options name. */
export function loadProject(options: ReleaseOptions): { platform: Platform; sources: ValuesSources } {
  const entry = entryFile(options.app);
  const platform = loadPlatform(entry);
  const files = (options.values ?? []).map((file) => readValuesFile(path.resolve(file), file)!);
  return {
    platform,
    sources: {
      root: path.dirname(entry),
      commandLine: { files, sets: options.set ?? [], releases: options.release },
    },
  };
}

/** The environments named, checked; all of them when none is named. */
export function selectEnvironments(platform: Platform, named: readonly string[] | undefined): string[] {
  const known = platform.environmentNames();
  if (!named || named.length === 0) return known;
  for (const env of named) {
    if (!known.includes(env)) {
      throw new UserError(`--env ${env}: no such environment${suggestion(env, known)}; the environments are: ${known.join(', ')}`);
    }
  }
  return [...new Set(named)];
}

/** Checks that each `--release` names a release of at least one of the environments. */
export function checkReleases(platform: Platform, environments: readonly string[], named: readonly string[] | undefined): void {
  const known = new Set(environments.flatMap((env) => platform.environment(env).releases.map((r) => r.name)));
  for (const name of named ?? []) {
    if (!known.has(name)) {
      throw new UserError(`--release ${name}: no such release in ${environments.join(', ')}${suggestion(name, known)}; the releases are: ${[...known].join(', ')}`);
    }
  }
}

/** `chartwright synth`: renders environments and writes them, all or nothing. */
export function synth(options: SynthOptions): SynthResult {
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
      const { profile: envProfile, external } = platform.environment(env);
      const profile = options.profile ?? envProfile ?? 'dev';
      const findings = timings.measure('validate', () => validateEnvironment(rendered, { profile, external }));
      failOnErrors(env, profile, findings);
      warnings.set(env, findings);
      timings.measure('write', () => output.writeEnvironment(rendered));
      objects.set(env, rendered.releases.reduce((n, r) => n + r.objects.length, 0));
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
