import * as path from 'path';

/** Marks a UserError across copies of this library (a project's own and the CLI's), as aws-cdk marks its errors. */
const USER_ERROR = Symbol.for('chartwright.UserError');

/**
 * What a {@link UserError} knows besides its message, for programs that
 * handle errors (an editor, a CI annotation): each field is set where it is
 * known. The message stays the one to show a person; it says the same.
 */
export interface UserErrorDetails {
  /** The construct path of the construct at fault, such as `shop/web`. @default - not known */
  readonly path?: string;
  /** The prop or values path at fault, such as `replicas` or `resources.cpu.limit`. @default - not known */
  readonly field?: string;
  /** The value given for `field`; left out where it could be a secret's. @default - not known */
  readonly given?: unknown;
  /** What `field` accepts, in words, such as `a whole number of 0 or more`. @default - not known */
  readonly expected?: string;
  /** Where the value was set: a values file with line and column, `--set …`, or a package's defaults. @default - not known */
  readonly source?: string;
  /** The environment being rendered. @default - not known */
  readonly environment?: string;
  /** The release being rendered. @default - not known */
  readonly release?: string;
  /** Each problem, when the message lists several (invalid values): the fields above are the first one's. @default - one problem */
  readonly problems?: readonly UserErrorProblem[];
  /** The error this one adds context to, kept whole (with its stack). @default - none */
  readonly cause?: unknown;
}

/** One problem of an error that lists several. */
export interface UserErrorProblem {
  /** The problem in words, as its line of the message says it. */
  readonly message: string;
  /** The values path at fault. @default - not known */
  readonly field?: string;
  /** The value given. @default - not known */
  readonly given?: unknown;
  /** What the field accepts. @default - not known */
  readonly expected?: string;
  /** Where the value was set. @default - not known */
  readonly source?: string;
}

const FIELDS = ['path', 'field', 'given', 'expected', 'source', 'environment', 'release', 'problems'] as const;

/**
 * A mistake in the user's input: an app, a values file, a flag's value.
 * The command line prints its message (no stack trace) and exits 1.
 *
 * Besides the message, it carries what it knows as fields (construct path,
 * field, given and expected values, …) and, when it adds context to another
 * error, that error as `cause`.
 */
export class UserError extends Error {
  /** Whether `x` is a UserError, also one made by another copy of this library. */
  static isUserError(x: unknown): x is UserError {
    return typeof x === 'object' && x !== null && USER_ERROR in x;
  }

  /**
   * Adds context to an error: the message is `<context>: <the error's message>`,
   * the error is kept as `cause`, and the fields it knows carry over (the
   * more specific ones win over `details`).
   */
  static wrap(context: string, err: unknown, details: Omit<UserErrorDetails, 'cause'> = {}, suffix = ''): UserError {
    const inner: Record<string, unknown> = {};
    if (UserError.isUserError(err)) for (const key of FIELDS) if (err[key] !== undefined) inner[key] = err[key];
    return new UserError(`${context}: ${messageOf(err)}${suffix}`, { ...details, ...inner, cause: err });
  }

  declare readonly path?: string;
  declare readonly field?: string;
  declare readonly given?: unknown;
  declare readonly expected?: string;
  declare readonly source?: string;
  declare readonly environment?: string;
  declare readonly release?: string;
  declare readonly problems?: readonly UserErrorProblem[];

  constructor(message: string, details: UserErrorDetails = {}) {
    super(message, 'cause' in details ? { cause: details.cause } : undefined);
    this.name = 'UserError';
    for (const key of FIELDS) if (details[key] !== undefined) (this as Record<string, unknown>)[key] = details[key];
    Object.defineProperty(this, USER_ERROR, { value: true });
  }
}

/**
 * A command line that cannot be understood: an unknown flag, a missing
 * argument. The command line prints its message and the usage, and exits 2.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Returns the closest candidate to `word` if it is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** A suffix for an error message: ` (did you mean "x"?)`, or nothing. */
export function suggestion(word: string, candidates: Iterable<string>): string {
  const match = didYouMean(word, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}

/** Edit distance where swapping two neighbouring letters counts as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/** This library's lib/ folder (or build/lib/ when compiled). */
const LIBRARY_ROOT: string = __dirname;

/**
 * Where in the user's code an error was thrown: the first stack frame outside
 * node_modules and outside this library, as `file:line:column` relative to the
 * working directory. Undefined when there is no such frame.
 */
export function userCodeLocation(err: unknown): string | undefined {
  const stack = err instanceof Error ? err.stack : undefined;
  if (!stack) return undefined;
  for (const line of stack.split('\n').slice(1)) {
    const match = /(?:\(|at )((?:\/|[A-Za-z]:\\)[^()]+?):(\d+):(\d+)\)?\s*$/.exec(line);
    if (!match) continue;
    const file = match[1];
    if (file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    if (file.startsWith(LIBRARY_ROOT + path.sep)) continue; // chartwright's own lib/
    return `${path.relative(process.cwd(), file) || file}:${match[2]}:${match[3]}`;
  }
  return undefined;
}

/** The message of anything thrown. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
