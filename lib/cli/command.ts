import { UsageError, suggestion } from '../errors';

/**
 * A command of the command line, described once. Its parser, its help
 * (`chartwright <command> --help`) and its section of docs/cli.md are all
 * made from this description, as helm's and timoni's commands own their
 * flags, help and examples and their docs are generated from them.
 *
 * Text fields are Markdown inline: `code` and [links](page.md). The docs
 * keep them; the terminal help shows them as plain text.
 */
export interface Command<F extends readonly FlagSpec[] = readonly FlagSpec[]> {
  /** The word after `chartwright`. */
  readonly name: string;
  /** One line, lower-case, no full stop: the command's entry in `chartwright --help`. */
  readonly summary: string;
  /** The synopsis after `chartwright <name>`. @default - made from the flags and arguments */
  readonly usage?: string;
  /** What it does, in paragraphs (blank-line separated); `### Heading` starts a sub-section. */
  readonly description?: string;
  readonly flags: F;
  /** The arguments that are not flags, in order. @default - none: an argument is a usage error */
  readonly args?: readonly ArgSpec[];
  readonly examples: readonly Example[];
  /** Exit codes when they differ from every command's (0 success, 1 input error, 2 usage error). */
  readonly exitCodes?: string;
  /**
   * Does the work, printing through `io`; returns the exit code, or a promise
   * of it when the command waits for something (synth, for the app's pending
   * promise work). Throws (or rejects with) UsageError (exit 2) or UserError (exit 1).
   */
  run(input: Input<F>, io: Io): number | Promise<number>;
}

/** A flag: `--name VALUE`, or a switch when it has no value. */
export interface FlagSpec {
  /** The long name without dashes: `env` for `--env`. */
  readonly name: string;
  /** A one-letter alias without the dash: `f` for `-f`. */
  readonly short?: string;
  /** The value's name in help, such as `FILE`; a flag without one is a switch (true when given). */
  readonly value?: string;
  /** What it is, in one sentence (no full stop). */
  readonly description: string;
  /** What applies when the flag is not given, in words. */
  readonly default?: string;
  /** May be given more than once; the values are kept in order. */
  readonly repeatable?: boolean;
  /** Must be given. */
  readonly required?: boolean;
}

/** An argument that is not a flag, such as a file name. */
export interface ArgSpec {
  /** Its name in the synopsis: `DIR`. */
  readonly name: string;
  readonly description: string;
  /** The words it may be, when it is one of a few (shown as `app|package`). */
  readonly choices?: readonly string[];
  /** What applies when it is not given, in words. */
  readonly default?: string;
  readonly required?: boolean;
  /** Takes every remaining argument (only the last one may). */
  readonly repeatable?: boolean;
}

export interface Example {
  /** What it does, one line. */
  readonly description: string;
  /** The command line, starting with `chartwright`. */
  readonly command: string;
}

/** Where a command prints: each call is one line (or several) followed by a newline. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** `out` is a terminal (colour is welcome). @default false */
  readonly isTerminal?: boolean;
}

type FlagValue<S extends FlagSpec> = S extends { readonly value: string } ? (S extends { readonly repeatable: true } ? string[] : string) : boolean;

/** The parsed flags of a command, by long name; a flag not given is undefined. */
export type FlagValues<F extends readonly FlagSpec[]> = { readonly [S in F[number] as S['name']]?: FlagValue<S> };

export interface Input<F extends readonly FlagSpec[]> {
  readonly flags: FlagValues<F>;
  readonly args: readonly string[];
}

/** Declares a command; `const` keeps the flag names, so `run` sees its flags typed. */
export function defineCommand<const F extends readonly FlagSpec[]>(command: Command<F>): Command {
  return command as unknown as Command;
}

/** The help flag every command takes; the parser answers it before anything else. */
export const HELP_FLAG: FlagSpec = { name: 'help', short: 'h', description: 'show this help' };

/** The command-line form of a flag: `--values FILE`. */
export function flagForm(flag: FlagSpec): string {
  return flag.value ? `--${flag.name} ${flag.value}` : `--${flag.name}`;
}

/** The synopsis after `chartwright <name>`, arguments first as in helm's: `FILE|DIR ... [--output FMT]` */
export function synopsis(command: Command): string {
  if (command.usage !== undefined) return command.usage;
  const flags = command.flags.map((f) => {
    const form = flagForm(f) + (f.repeatable ? ' ...' : '');
    return f.required ? form : `[${form}]`;
  });
  const args = (command.args ?? []).map((a) => {
    const form = argForm(a) + (a.repeatable ? ' ...' : '');
    return a.required ? form : `[${form}]`;
  });
  return [...args, ...flags].join(' ');
}

function argForm(arg: ArgSpec): string {
  return arg.choices ? arg.choices.join('|') : arg.name;
}

/** True when the arguments ask for the command's help (`-h` or `--help` before any `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '-h' || arg === '--help') return true;
  }
  return false;
}

/**
 * Parses a command's arguments by its flag and argument specs. Accepts
 * `--name VALUE`, `--name=VALUE`, `-f VALUE`, `-fVALUE`, and `--` before
 * arguments that start with a dash. Throws UsageError for an unknown flag (with
 * the closest known one), a missing value, a second use of a flag that is not
 * repeatable, a missing required flag or argument, or one argument too many.
 */
export function parseCommandLine<F extends readonly FlagSpec[]>(command: Command<F>, argv: readonly string[]): Input<F> {
  const byName = new Map(command.flags.map((f) => [f.name, f]));
  const byShort = new Map(command.flags.filter((f) => f.short).map((f) => [f.short!, f]));
  const flags: Record<string, string | string[] | boolean> = {};
  const args: string[] = [];

  const set = (flag: FlagSpec, value: string | undefined, given: string) => {
    if (!flag.value) {
      if (value !== undefined) throw new UsageError(`${given} is a switch: it takes no value`);
      flags[flag.name] = true;
      return;
    }
    if (value === undefined) throw new UsageError(`${given} needs a value: ${flagForm(flag)}`);
    if (flag.repeatable) {
      const list = (flags[flag.name] ?? []) as string[];
      flags[flag.name] = [...list, value];
    } else if (flag.name in flags) {
      throw new UsageError(`--${flag.name} is given twice; give it once`);
    } else {
      flags[flag.name] = value;
    }
  };
  /** The value of a flag written apart from it; a next word that looks like a flag is not one. */
  const nextValue = (flag: FlagSpec, i: number): string | undefined => {
    if (!flag.value) return undefined;
    const next = argv[i + 1];
    if (next === undefined) throw new UsageError(`${argv[i]} needs a value: ${flagForm(flag)}`);
    if (next.startsWith('-') && next !== '-') {
      throw new UsageError(`${argv[i]} needs a value, not the flag-like "${next}"; write ${argv[i]}=${next} if that is the value`);
    }
    return next;
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const flag = byName.get(name);
      if (!flag) throw unknownFlag(command, `--${name}`);
      const value = eq < 0 ? nextValue(flag, i) : arg.slice(eq + 1);
      if (eq < 0 && flag.value) i++;
      set(flag, value, `--${name}`);
    } else if (arg.startsWith('-') && arg !== '-') {
      const flag = byShort.get(arg[1]);
      if (!flag) throw unknownFlag(command, arg);
      const rest = arg.slice(2).replace(/^=/, '');
      if (rest !== '' && !flag.value) throw new UsageError(`-${flag.short} is a switch: it takes no value`);
      const value = rest !== '' ? rest : nextValue(flag, i);
      if (rest === '' && flag.value) i++;
      set(flag, value, `-${flag.short}`);
    } else {
      args.push(arg);
    }
  }

  for (const flag of command.flags) {
    if (flag.required && !(flag.name in flags)) throw new UsageError(`${command.name}: ${flagForm(flag)} is required`);
  }
  checkArgs(command, args);
  return { flags: flags as FlagValues<F>, args };
}

/** An unknown flag, with the closest long flag; `-env` is compared as `--env`, a one-letter flag with nothing. */
function unknownFlag(command: Command, given: string): UsageError {
  const known = [...command.flags, HELP_FLAG].map((f) => `--${f.name}`);
  const word = given.startsWith('--') ? given : given.length > 2 ? `-${given}` : undefined;
  return new UsageError(`${command.name}: unknown flag ${given}${word ? suggestion(word, known) : ''}`);
}

function checkArgs(command: Command, args: readonly string[]): void {
  const specs = command.args ?? [];
  specs.forEach((spec, i) => {
    if (spec.required && args.length <= i) {
      const what = spec.choices ? `${spec.name}: ${spec.choices.join(' or ')}` : spec.name.replace(/\|/g, ' or ');
      throw new UsageError(`${command.name}: name ${spec.repeatable ? 'at least one' : 'the'} ${what}`);
    }
  });
  if (!specs.some((s) => s.repeatable) && args.length > specs.length) {
    const extra = args[specs.length];
    throw new UsageError(
      specs.length === 0
        ? `${command.name}: unexpected argument "${extra}"; it takes flags only`
        : `${command.name}: unexpected argument "${extra}"; it takes ${specs.map((s) => (s.required ? argForm(s) : `[${argForm(s)}]`)).join(' ')}`,
    );
  }
}
