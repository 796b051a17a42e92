import * as path from 'path';
import { UserError } from '../errors';
import { ResolvedEnvironment, ResolvedRelease } from './platform';
import { ValuesLayer, readValuesFile } from '../values/layers';
import { packageSchemaAt } from '../values/resolve';
import { scalarKind } from '../values/schema';
import { describeSet, parseSet } from '../values/set';

/** Values given on the command line. */
export interface CommandLineValues {
  /** `--values FILE` files, read, in the order given. */
  readonly files: readonly ValuesLayer[];
  /** `--set` expressions, in the order given. */
  readonly sets: readonly string[];
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
  /**
   * The platform entry file as messages show it (`apps/main.ts`), naming the
   * layer of an environment's values.
   * @default - "the platform entry"
   */
  readonly entry?: string;
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
    layers.push({ source: `environment "${environment}" in ${sources.entry ?? 'the platform entry'}`, data });
  }
  const cli = sources.commandLine;
  if (cli && (cli.files.length > 0 || cli.sets.length > 0) && appliesTo(cli, env, release)) {
    layers.push(...cli.files);
    const kindAt = (p: readonly (string | number)[]) => scalarKind(packageSchemaAt(release.package, p));
    for (const set of cli.sets) layers.push({ source: `--set ${describeSet(set)}`, data: parseSet(set, kindAt) });
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
