import * as path from 'path';
import { parseArgs } from 'util';
import { UsageError, UserError, messageOf } from '../errors';
import { synth } from './synth';

const USAGE = `Usage: chartwright <command> [options]

Commands:
  synth      write manifests for each environment to <out>/<env>/
             --app FILE      platform entry (default: apps/main.ts)
             --env NAME      an environment to synthesize; repeatable (default: all)
             --out DIR       output folder (default: dist)

Options:
  -h, --help   show this help

Exit codes: 0 success, 1 the input is wrong (the message says what and where), 2 usage error.`;

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
  });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const result = synth({ app: values.app, env: values.env, out: values.out });
  for (const warning of result.warnings) io.err(`warning: ${warning}`);
  for (const [env, dir] of result.written) {
    io.out(`${path.relative(process.cwd(), dir) || dir}: ${result.objects.get(env)} objects`);
  }
  return 0;
}
