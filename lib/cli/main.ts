import * as fs from 'fs';
import * as path from 'path';
import { UsageError, UserError, messageOf, suggestion } from '../errors';
import { Command, Io, parseCommandLine, wantsHelp } from './command';
import { COMMANDS } from './commands';
import { commandHelp, mainHelp, usageLine } from './help';
import { packageRoot } from './init';

const processIo: Io = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  // NO_COLOR (no-color.org) turns colour off for every terminal
  isTerminal: process.stdout.isTTY === true && !process.env.NO_COLOR,
};

/**
 * Runs the command line; returns the exit code: 0 success, 1 the input is
 * wrong (UserError), 2 usage error (UsageError). Parsing, help and errors are
 * the same for every command: each command's definition drives them.
 */
export function main(argv: readonly string[], io: Io = processIo): number | Promise<number> {
  let command: Command | undefined;
  const fail = (err: unknown) => failure(err, command, io);
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      io.err(mainHelp(COMMANDS));
      return 2;
    }
    if (name === '-h' || name === '--help') {
      io.out(mainHelp(COMMANDS));
      return 0;
    }
    if (name === '--version') {
      io.out(version());
      return 0;
    }
    if (name === 'help') return help(rest, io);
    command = find(name);
    if (wantsHelp(rest)) {
      io.out(commandHelp(command));
      return 0;
    }
    const code = command.run(parseCommandLine(command, rest), io);
    return typeof code === 'number' ? code : code.catch(fail);
  } catch (err) {
    return fail(err);
  }
}

/** The exit code and message of an error: 2 with the usage for a usage error, 1 for the user's input, 1 with the stack for a bug. */
function failure(err: unknown, command: Command | undefined, io: Io): number {
  if (err instanceof UsageError) {
    const usage = command
      ? `${usageLine(command)}\nRun 'chartwright ${command.name} --help' for its options and examples.`
      : "Usage: chartwright <command> [options]\nRun 'chartwright --help' for the commands.";
    io.err(`chartwright: ${err.message}\n\n${usage}`);
    return 2;
  }
  if (UserError.isUserError(err)) {
    io.err(`error: ${err.message}`);
    return 1;
  }
  io.err(`chartwright: internal error: ${messageOf(err)}\n${err instanceof Error ? err.stack : ''}`);
  return 1;
}

/** `chartwright help [COMMAND]`. */
function help(args: readonly string[], io: Io): number {
  if (args.length === 0) {
    io.out(mainHelp(COMMANDS));
    return 0;
  }
  if (args.length > 1) throw new UsageError(`help takes one command: help ${args[0]}`);
  io.out(commandHelp(find(args[0])));
  return 0;
}

function find(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  const names = [...COMMANDS.map((c) => c.name), 'help'];
  const hint = name.startsWith('-') ? ' (the flags come after a command)' : suggestion(name, names);
  throw new UsageError(`unknown command "${name}"${hint}; the commands are: ${names.join(', ')}`);
}

function version(): string {
  return JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version as string;
}
