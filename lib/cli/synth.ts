import * as path from 'path';
import { UserError, suggestion } from '../errors';
import { OutputFiles, environmentFiles, writeOutput } from '../synth/output';
import { renderEnvironment } from '../synth/render';
import { Finding, ProfileName } from '../validate';
import { failOnErrors, validateEnvironment } from '../validate/environment';
import { entryFile, loadPlatform } from './load';

export interface SynthOptions {
  /** The platform entry file. @default - see entryFile() */
  readonly app?: string;
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
  /** Validation warnings per environment (errors fail the synth). */
  readonly warnings: ReadonlyMap<string, readonly Finding[]>;
}

/** `chartwright synth`: renders environments and writes them, all or nothing. */
export function synth(options: SynthOptions): SynthResult {
  const platform = loadPlatform(entryFile(options.app));
  const known = platform.environmentNames();
  const selected = options.env && options.env.length > 0 ? [...new Set(options.env)] : known;
  for (const env of selected) {
    if (!known.includes(env)) {
      throw new UserError(`--env ${env}: no such environment${suggestion(env, known)}; the environments are: ${known.join(', ')}`);
    }
  }
  const outDir = path.resolve(options.out ?? 'dist');
  const outputs = new Map<string, OutputFiles>();
  const objects = new Map<string, number>();
  const warnings = new Map<string, readonly Finding[]>();
  for (const env of selected) {
    const rendered = renderEnvironment(platform, env);
    // validation: errors fail before anything is written; warnings are returned
    const { profile: envProfile, external } = platform.environment(env);
    const profile = options.profile ?? envProfile ?? 'dev';
    const findings = validateEnvironment(rendered, { profile, external });
    failOnErrors(env, profile, findings);
    warnings.set(env, findings);
    outputs.set(env, environmentFiles(rendered));
    objects.set(env, rendered.releases.reduce((n, r) => n + r.objects.length, 0));
  }
  writeOutput(outDir, outputs);
  return {
    written: new Map(selected.map((env) => [env, path.join(outDir, env)])),
    objects,
    warnings,
  };
}
