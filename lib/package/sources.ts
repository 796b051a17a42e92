import * as path from 'path';
import { UserError } from '../errors';
import { ResolvedEnvironment, ResolvedRelease } from './platform';
import { ValuesLayer, readValuesFile } from '../values/layers';
import { packageSchemaAt } from '../values/resolve';
import { scalarKind } from '../values/schema';
import { parseSet } from '../values/set';
import { parseSetFile, parseSetJson, parseSetString } from '../values/set-forms';

/** Values given on the command line. */
export interface CommandLineValues {
  /** `--values FILE` files, read, in the order given. */
  readonly files: readonly ValuesLayer[];
  /** `--set` expressions, in the order given. */
  readonly sets: readonly string[];
  /** `--set-json` expressions, applied before the `--set` ones (as Helm does). @default - none */
  readonly setJson?: readonly string[];
  /** `--set-string` expressions, applied after the `--set` ones. @default - none */
  readonly setString?: readonly string[];
  /** `--set-file` expressions, applied last. @default - none */
  readonly setFile?: readonly string[];
  /**
   * The releases they are for (`--release`).
   * @default - the environment's only release; an error if it has several
   */
  readonly releases?: readonly string[];
}

/** Where a release's values come from besides the platform entry. */
export interface ValuesSources {
  /**
   * The platform entry's folder, where each release's values folder is.
   * @default - no values files are read
   */
  readonly root?: string;
  /** The values the command line gives: `--values` files and `--set` pairs. @default - none */
  readonly commandLine?: CommandLineValues;
}

/**
 * A release's values layers, lowest first (the package defaults go under
 * them): `values.yaml` and `values.<env>.yaml` in the release's values
 * folder, base environment first; the environments' values; `--values`
 * files; `--set` expressions.
 */
export function releaseLayers(env: ResolvedEnvironment, release: ResolvedRelease, sources: ValuesSources): ValuesLayer[] {
  const layers: ValuesLayer[] = [];
  if (sources.root !== undefined) {
    const dir = path.resolve(sources.root, release.valuesDir);
    for (const name of ['values.yaml', ...env.chain.map((e) => `values.${e}.yaml`)]) {
      const file = path.join(dir, name);
      const layer = readValuesFile(file, path.relative(process.cwd(), file), true);
      if (layer) layers.push(layer);
    }
  }
  for (const { environment, data } of release.values) {
    layers.push({ source: `environment "${environment}" in the platform entry`, data });
  }
  const cli = sources.commandLine;
  const given = cli && [cli.files, cli.sets, cli.setJson, cli.setString, cli.setFile].some((list) => (list?.length ?? 0) > 0);
  if (cli && given && appliesTo(cli, env, release)) {
    // Helm's order: values files, --set-json, --set, --set-string, --set-file
    layers.push(...cli.files);
    for (const set of cli.setJson ?? []) layers.push({ source: `--set-json ${set}`, data: parseSetJson(set) });
    const kindAt = (p: readonly (string | number)[]) => scalarKind(packageSchemaAt(release.package, p));
    for (const set of cli.sets) layers.push({ source: `--set ${set}`, data: parseSet(set, kindAt) });
    for (const set of cli.setString ?? []) layers.push({ source: `--set-string ${set}`, data: parseSetString(set) });
    for (const set of cli.setFile ?? []) layers.push({ source: `--set-file ${set}`, data: parseSetFile(set) });
  }
  return layers;
}

function appliesTo(cli: CommandLineValues, env: ResolvedEnvironment, release: ResolvedRelease): boolean {
  if (cli.releases && cli.releases.length > 0) return cli.releases.includes(release.name);
  if (env.releases.length === 1) return true;
  throw new UserError(
    `--values and --set apply to one release at a time, and environment "${env.name}" has ${env.releases.length}: ` +
      `${env.releases.map((r) => r.name).join(', ')}; name the ones they are for with --release NAME`,
  );
}
