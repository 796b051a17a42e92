import * as fs from 'fs';
import * as path from 'path';
import { UserError, suggestion } from '../errors';
import { Platform, ResolvedEnvironment, ResolvedRelease } from './platform';
import { ValuesLayer, readValuesFile } from '../values/layers';
import { packageSchemaAt } from '../values/resolve';
import { scalarKind } from '../values/schema';
import { describeSet, parseSet } from '../values/set';
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
  const given = cli && [cli.files, cli.sets, cli.setJson, cli.setString, cli.setFile].some((list) => (list?.length ?? 0) > 0);
  if (cli && given && appliesTo(cli, env, release)) {
    // Helm's order: values files, --set-json, --set, --set-string, --set-file
    layers.push(...cli.files);
    for (const set of cli.setJson ?? []) layers.push({ source: `--set-json ${set.includes('=') ? `${set.slice(0, set.indexOf('='))}=…` : set}`, data: parseSetJson(set) });
    const kindAt = (p: readonly (string | number)[]) => scalarKind(packageSchemaAt(release.package, p));
    for (const set of cli.sets) layers.push({ source: `--set ${describeSet(set)}`, data: parseSet(set, kindAt) });
    for (const set of cli.setString ?? []) layers.push({ source: `--set-string ${describeSet(set)}`, data: parseSetString(set) });
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

/** A values file by its name: `values.yaml`, `values.<env>.yaml`, and the same with `.yml`. */
const VALUES_FILE = /^values(?:\.([^.]+))?\.(yaml|yml)$/;

/**
 * Values files synth would not read are errors, since a file in the wrong
 * place would otherwise be ignored without a word: a folder beside the
 * platform entry with values files that is no release's values folder
 * (`wordpress/values.prod.yaml` for release `blog`), and in a release's
 * folder a `values.<env>.yaml` for an environment the platform does not
 * have (`values.production.yaml`) or a `.yml` file.
 */
export function checkValuesFiles(platform: Platform, root: string): void {
  const environments = platform.environmentNames().concat(platform.abstractEnvironmentNames());
  const folders = new Map<string, string[]>(); // folder → releases reading it
  for (const env of platform.environmentNames()) {
    for (const release of platform.environment(env).releases) {
      const dir = path.resolve(root, release.valuesDir);
      folders.set(dir, [...new Set([...(folders.get(dir) ?? []), release.name])]);
    }
  }
  const shown = (file: string) => path.relative(process.cwd(), file) || file;
  for (const [dir, releases] of folders) {
    for (const name of valuesFilesIn(dir)) {
      const [, env, ext] = VALUES_FILE.exec(name)!;
      const file = path.join(dir, name);
      if (ext === 'yml') {
        throw new UserError(`${shown(file)}: synth reads values files named .yaml, not .yml: rename it to ${name.replace(/\.yml$/, '.yaml')}`, { source: shown(file) });
      }
      if (env !== undefined && !environments.includes(env)) {
        throw new UserError(
          `${shown(file)}: no environment "${env}"${suggestion(env, environments)}, so release ${releases.map((r) => `"${r}"`).join(', ')} would never read it; ` +
            `the environments are: ${environments.join(', ')}`,
          { source: shown(file), given: env, expected: `one of ${environments.join(', ')}` },
        );
      }
    }
  }
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(root, { withFileTypes: true });
  } catch {
    return;
  }
  const releaseDirs = [...folders].map(([dir, releases]) => `${path.relative(root, dir) || '.'}/ (${releases.join(', ')})`);
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const dir = path.join(root, entry.name);
    if (folders.has(dir)) continue;
    const files = valuesFilesIn(dir);
    if (files.length === 0) continue;
    const names = [...new Set([...folders.values()].flat())];
    throw new UserError(
      `${shown(dir)}/ has values files (${files.join(', ')}) but is no release's values folder, so synth would ignore them${suggestion(entry.name, names)}: ` +
        `values are read from the folder named after the release, or the release's valuesDir; the folders read are ${releaseDirs.join(', ')}`,
      { source: shown(path.join(dir, files[0])) },
    );
  }
}

function valuesFilesIn(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((name) => VALUES_FILE.test(name)).sort();
  } catch {
    return [];
  }
}
