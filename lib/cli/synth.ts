import * as path from 'path';
import { UserError, suggestion } from '../errors';
import { OutputFiles, environmentFiles, writeOutput } from '../synth/output';
import { renderEnvironment } from '../synth/render';
import { entryFile, loadPlatform } from './load';

export interface SynthOptions {
  /** The platform entry file. @default - see entryFile() */
  readonly app?: string;
  /** The environments to synthesize. @default - all */
  readonly env?: readonly string[];
  /** The output folder. @default 'dist' */
  readonly out?: string;
}

export interface SynthResult {
  /** The folder each environment was written to, by environment. */
  readonly written: ReadonlyMap<string, string>;
  /** Object count per environment. */
  readonly objects: ReadonlyMap<string, number>;
  /** Construct warnings, as `environment "dev": path: message` lines. */
  readonly warnings: readonly string[];
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
  const warnings: string[] = [];
  for (const env of selected) {
    const rendered = renderEnvironment(platform, env);
    outputs.set(env, environmentFiles(rendered));
    objects.set(env, rendered.releases.reduce((n, r) => n + r.objects.length, 0));
    for (const w of rendered.warnings) warnings.push(`environment "${env}": ${w.path}: ${w.message}`);
  }
  writeOutput(outDir, outputs);
  return {
    written: new Map(selected.map((env) => [env, path.join(outDir, env)])),
    objects,
    warnings,
  };
}
