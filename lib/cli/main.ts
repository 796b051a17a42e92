import * as path from 'path';
import { parseArgs } from 'util';
import { UsageError, UserError, messageOf } from '../errors';
import { UnreadableInputError, isProfile } from '../validate';
import { formatByRelease } from '../validate/environment';
import { synth } from './synth';
import { formatJson, formatText, validateFiles } from './validate';

const USAGE = `Usage: chartwright <command> [options]

Commands:
  synth      write manifests for each environment to <out>/<env>/
             --app FILE      platform entry (default: apps/main.ts)
             --env NAME      an environment to synthesize; repeatable (default: all)
             --out DIR       output folder (default: dist)
             --profile NAME  validation profile: dev or prod (default: each environment's, else dev)
  validate   check manifest files like kubeconform -strict, plus API-server, cross-object and best-practice rules
             FILE|DIR ...    files, or folders of *.yaml/*.yml, validated together
             --output FMT    text or json (default: text)
             --profile NAME  dev (best practices warn) or prod (they fail) (default: dev)
             --ignore-missing-schemas   accept custom resources whose CRD is not in the input
             --external KIND/[NAMESPACE/]NAME   an object made elsewhere that references may name; repeatable

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
    if (err instanceof UserError) {
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
    case 'validate':
      return runValidate(rest, io);
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

function runSynth(args: readonly string[], io: Io): number {
  const { values } = parse(args, {
    help: { type: 'boolean', short: 'h' },
    app: { type: 'string' },
    env: { type: 'string', multiple: true },
    out: { type: 'string' },
    profile: { type: 'string' },
  });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const profile = profileFlag(values.profile);
  const result = synth({ app: values.app, env: values.env, out: values.out, profile });
  for (const [env, dir] of result.written) {
    io.out(`${path.relative(process.cwd(), dir) || dir}: ${result.objects.get(env)} objects`);
    const warnings = result.warnings.get(env) ?? [];
    if (warnings.length > 0) {
      io.err(`warning: environment "${env}": ${warnings.length} validation warning${warnings.length === 1 ? '' : 's'}\n${formatByRelease(warnings)}`);
    }
  }
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
