import * as path from 'path';
import { parseArgs } from 'util';
import { UsageError, UserError, messageOf } from '../errors';
import { UnreadableInputError, isProfile } from '../validate';
import { formatByRelease } from '../synth/validate';
import { init } from './init';
import { synth } from './synth';
import { formatJson, formatText, validateFiles } from './validate';
import { values as valuesCommand } from './values';

const USAGE = `Usage: chartwright <command> [options]

Commands:
  synth      write manifests for each environment to <out>/<env>/
             --env NAME         an environment to synthesize; repeatable (default: all)
             --out DIR          output folder (default: dist)
             --profile NAME     validation profile: dev or prod (default: each environment's, else dev)
             --timings          print where the time went: load, build, render, validate, yaml, write
  values     print a release's merged values as YAML
             --env NAME         the environment (required when there are several)
             --schema           print the package's values JSON Schema instead
             --docs             print the package's values table (Markdown) instead
             --write FILE       with --docs: update the table in FILE between
                                <!-- values:begin --> and <!-- values:end -->
  validate   check manifest files like kubeconform -strict, plus API-server, cross-object and best-practice rules
             FILE|DIR ...       files, or folders of *.yaml/*.yml, validated together
             --output FMT       text or json (default: text)
             --profile NAME     dev (best practices warn) or prod (they fail) (default: dev)
             --ignore-missing-schemas   accept custom resources whose CRD is not in the input
             --external KIND/[NAMESPACE/]NAME   an object made elsewhere that references may name; repeatable
  init       start a project from a template: init app|package [DIR]
             app: apps and environments to synthesize; package: a package to publish
             --name NAME        the project's name (default: the folder's name)

Options of synth and values:
  --app FILE          platform entry (default: "chartwright.app" in package.json, else apps/main.ts)
  --values FILE       a values file over the release's own; repeatable
  --set PATH=VALUE    a value over everything else, Helm's syntax (a.b=c, a[0]=x, a={x,y},
                      a\\.b=c for a key with a dot); repeatable
  --release NAME      the release --values and --set are for (default: the only one)

Options:
  -h, --help   show this help

Exit codes: 0 success, 1 the input is wrong (the message says what and where), 2 usage error.
validate: 0 valid (warnings allowed), 1 errors, 2 usage error or unreadable input.`;

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
};

/** Runs the command line; returns the exit code. */
export function main(argv: readonly string[], io: Io = processIo): number {
  try {
    return run(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`chartwright: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (UserError.isUserError(err)) {
      io.err(`error: ${err.message}`);
      return 1;
    }
    io.err(`chartwright: internal error: ${messageOf(err)}\n${err instanceof Error ? err.stack : ''}`);
    return 1;
  }
}

function run(argv: readonly string[], io: Io): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    case 'synth':
      return runSynth(rest, io);
    case 'values':
      return runValues(rest, io);
    case 'validate':
      return runValidate(rest, io);
    case 'init':
      return runInit(rest, io);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

function parse<T extends Options>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: false, strict: true });
  } catch (err) {
    throw new UsageError(messageOf(err).replace(/\. To specify a positional argument.*$/, ''));
  }
}

const RELEASE_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  app: { type: 'string' },
  values: { type: 'string', multiple: true, short: 'f' },
  set: { type: 'string', multiple: true },
  release: { type: 'string', multiple: true },
} as const;

function runSynth(args: readonly string[], io: Io): number {
  const { values } = parse(args, {
    ...RELEASE_OPTIONS,
    env: { type: 'string', multiple: true },
    out: { type: 'string' },
    profile: { type: 'string' },
    timings: { type: 'boolean' },
  });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const { timings: _timings, ...options } = values;
  const result = synth({ ...options, profile: profileFlag(values.profile) });
  for (const [env, dir] of result.written) {
    io.out(`${path.relative(process.cwd(), dir) || dir}: ${result.objects.get(env)} objects`);
    const warnings = result.warnings.get(env) ?? [];
    if (warnings.length > 0) {
      io.err(`warning: environment "${env}": ${warnings.length} validation warning${warnings.length === 1 ? '' : 's'}\n${formatByRelease(warnings)}`);
    }
  }
  if (values.timings) io.err(`timings: ${result.timings}`);
  return 0;
}

function runValues(args: readonly string[], io: Io): number {
  const { values } = parse(args, {
    ...RELEASE_OPTIONS,
    env: { type: 'string' },
    schema: { type: 'boolean' },
    docs: { type: 'boolean' },
    write: { type: 'string' },
  });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  io.out(valuesCommand({ ...values }).replace(/\n$/, ''));
  return 0;
}

function runInit(args: readonly string[], io: Io): number {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { help: { type: 'boolean', short: 'h' }, name: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(messageOf(err));
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  const [kind, dir, ...extra] = parsed.positionals;
  if (kind === undefined || extra.length > 0) throw new UsageError('init takes a kind (app or package) and, optionally, a folder');
  const files = init({ kind, dir, name: parsed.values.name });
  const where = dir ?? '.';
  io.out(`${files.length} files written to ${where}:\n${files.map((f) => `  ${f}`).join('\n')}\n\nnext: cd ${where} && npm install && npm run synth`);
  return 0;
}
function profileFlag(value: string | undefined) {
  if (value === undefined) return undefined;
  if (!isProfile(value)) throw new UsageError(`--profile ${value}: not a profile; use dev or prod`);
  return value;
}

function runValidate(args: readonly string[], io: Io): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        help: { type: 'boolean', short: 'h' },
        output: { type: 'string', short: 'o' },
        profile: { type: 'string' },
        'ignore-missing-schemas': { type: 'boolean' },
        external: { type: 'string', multiple: true },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(messageOf(err));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const output = values.output ?? 'text';
  if (output !== 'text' && output !== 'json') throw new UsageError(`--output ${output}: use text or json`);
  if (positionals.length === 0) throw new UsageError('validate: name at least one FILE or DIR');
  for (const entry of values.external ?? []) {
    if (!/^[^/\s]+\/([^/\s]+\/)?[^/\s]+$/.test(entry)) throw new UsageError(`--external ${entry}: write Kind/name or Kind/namespace/name`);
  }
  let result;
  try {
    result = validateFiles(positionals, {
      profile: profileFlag(values.profile),
      ignoreMissingSchemas: values['ignore-missing-schemas'] ?? false,
      external: values.external,
    });
  } catch (err) {
    if (err instanceof UnreadableInputError) {
      io.err(`error: ${err.message}`);
      return 2;
    }
    throw err;
  }
  io.out(output === 'json' ? formatJson(result) : formatText(result));
  return result.errors > 0 ? 1 : 0;
}
