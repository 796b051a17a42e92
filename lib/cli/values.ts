import * as fs from 'fs';
import { UsageError, UserError, suggestion } from '../errors';
import { fileError, writeFileAtomic } from '../internal/files';
import { toYaml } from '../synth/yaml';
import { embedDocs, packageJsonSchema, valuesDocs } from '../values/json-schema';
import { resolveTree } from '../values/resolve';
import { releaseLayers } from '../package/sources';
import { ReleaseOptions, loadProject, selectEnvironments } from '../synth/load';
import { defineCommand } from './command';
import { APP_FLAG, TIMEOUT_FLAG, VALUES_FLAGS, timeoutFlag } from './flags';
import { guardUserCode } from '../synth/user-code';

export interface ValuesOptions extends ReleaseOptions {
  /** The environment. @default - the only one; required when there are several (except with schema or docs) */
  readonly env?: string;
  /** Print the package's JSON Schema instead of values. */
  readonly schema?: boolean;
  /** Print the package's values table (Markdown) instead of values. */
  readonly docs?: boolean;
  /** With docs: write the table into this README between the values markers instead of printing it. */
  readonly write?: string;
  /** The seconds the app's code may run, as for synth; 0: no limit. @default 300 */
  readonly timeout?: number;
}

/** What `values` prints, and the file `--write` puts in place once the app's code ended well. */
export interface ValuesResult {
  readonly text: string;
  readonly write?: { readonly file: string; readonly content: string };
}

/**
 * `chartwright values` with the app's code guarded as synth guards it: a
 * `process.exit`, a promise rejected with no handler, an exception thrown
 * in a timer, or the timeout fail the command, and nothing is written.
 */
export async function guardedValues(options: ValuesOptions): Promise<string> {
  const guard = guardUserCode(options.timeout);
  try {
    let result: ValuesResult;
    try {
      result = values(options);
    } finally {
      // the app's pending timers, I/O and promises run now, before anything is printed or written
      await guard.settle();
      guard.check();
    }
    if (!result.write) return result.text;
    // write-then-rename: a full disk or a crash leaves the README as it was, never cut midway
    writeFileAtomic(result.write.file, result.write.content);
    return result.text;
  } finally {
    guard.release();
  }
}

/** `chartwright values`, unguarded: a release's merged values, or its package's schema or values table: the text to print, and the file to write. */
export function values(options: ValuesOptions): ValuesResult {
  if (options.schema && options.docs) throw new UsageError('--schema and --docs print different things: choose one');
  if (options.write && !options.docs) throw new UsageError('--write goes with --docs');
  if ((options.release?.length ?? 0) > 1) throw new UsageError('values shows one release: give --release once');
  const { platform, sources } = loadProject(options);
  const environments = selectEnvironments(platform, options.env ? [options.env] : undefined);
  const describing = options.schema || options.docs;
  if (environments.length > 1 && !describing) {
    throw new UserError(`values: name an environment with --env; the environments are: ${environments.join(', ')}`);
  }
  const env = platform.environment(environments[0]);
  const wanted = options.release?.[0];
  const names = env.releases.map((r) => r.name);
  if (wanted === undefined && env.releases.length !== 1) {
    throw new UserError(`values: name a release with --release; environment "${env.name}" has: ${names.join(', ')}`);
  }
  const release = env.releases.find((r) => r.name === (wanted ?? names[0]));
  if (!release) {
    throw new UserError(`--release ${wanted}: no such release in environment "${env.name}"${suggestion(wanted!, names)}; the releases are: ${names.join(', ')}`);
  }

  if (options.schema) return { text: JSON.stringify(packageJsonSchema(release.package), null, 2) + '\n' };
  if (options.docs) {
    const table = valuesDocs(release.package);
    if (!options.write) return { text: table };
    let readme: string | undefined;
    try {
      readme = fs.existsSync(options.write) ? fs.readFileSync(options.write, 'utf8') : undefined;
    } catch (err) {
      throw fileError(err, 'read', options.write);
    }
    const updated = readme === undefined ? undefined : embedDocs(readme, table);
    if (updated === undefined) {
      throw new UserError(`--write ${options.write}: the file needs the lines <!-- values:begin --> and <!-- values:end --> to put the table between`);
    }
    return { text: `${options.write}: values table updated\n`, write: { file: options.write, content: updated } };
  }
  try {
    return { text: toYaml(resolveTree(release.package, releaseLayers(env, release, sources))) };
  } catch (err) {
    if (UserError.isUserError(err)) throw UserError.wrap(`environment "${env.name}", release "${release.name}"`, err, { environment: env.name, release: release.name });
    throw err;
  }
}

export const valuesCommand = defineCommand({
  name: 'values',
  summary: "print a release's merged values as YAML",
  usage: '[--app FILE] [--env NAME] [--release NAME] [--values FILE ...] [--set PATH=VALUE ...] [--schema | --docs [--write FILE]]',
  description: `
Prints a release's merged values as YAML, or its package's JSON Schema or values table (see [Values](values.md#inspecting-values)).

It runs the app's code as synth does, with the same guard: if the app calls \`process.exit\`, leaves a promise rejected with no handler, throws in a timer, or has not finished after \`--timeout\` seconds, values fails (exit 1), prints no values and writes nothing (see [When things go wrong](troubleshooting.md#the-apps-code)).
`,
  flags: [
    APP_FLAG,
    { name: 'env', value: 'NAME', description: 'the environment', default: 'the only one; required when there are several, except with `--schema` or `--docs`' },
    { name: 'release', value: 'NAME', description: 'the release to show, and that `--values` and `--set` are for; given at most once', default: 'the only release' },
    ...VALUES_FLAGS,
    { name: 'schema', description: "print the package's values JSON Schema (values.schema.json) instead" },
    { name: 'docs', description: "print the package's values table (Markdown) instead" },
    {
      name: 'write',
      value: 'FILE',
      description: 'with `--docs`: replace the table in FILE between `<!-- values:begin -->` and `<!-- values:end -->`',
      default: 'print it',
    },
    TIMEOUT_FLAG,
  ],
  examples: [
    { description: 'the values release web gets in prod, with a change tried on top', command: 'chartwright values --env prod --release web --set replicas=3' },
    { description: "the package's JSON Schema, for an editor", command: 'chartwright values --release web --schema > values.schema.json' },
    { description: "refresh the values table in a package's README", command: 'chartwright values --release web --docs --write README.md' },
  ],
  async run({ flags }, io) {
    const text = await guardedValues({
      app: flags.app,
      env: flags.env,
      release: flags.release === undefined ? undefined : [flags.release],
      values: flags.values,
      set: flags.set,
      setJson: flags['set-json'],
      setString: flags['set-string'],
      setFile: flags['set-file'],
      schema: flags.schema,
      docs: flags.docs,
      write: flags.write,
      timeout: timeoutFlag(flags.timeout),
    });
    io.out(text.replace(/\n$/, ''));
    return 0;
  },
});
