/** How a value a user gave reads in an error message: one place for every message of the library. */

/**
 * A given value as it reads after "is not valid:": as JSON (`"web"`, `-1`,
 * `{"a":1}`), else as String() makes it; cut after SHOW_LIMIT characters,
 * with the length, so that a 100,000-character value does not make a 100 KB
 * message.
 */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > SHOW_LIMIT ? `${text.slice(0, SHOW_LIMIT)}… (${text.length.toLocaleString('en-US')} characters)` : text;
}

/** How much of a given value a message shows. */
export const SHOW_LIMIT = 200;

/** The words `describeValue` uses: what a mapping is called, and how a string is introduced and cut. */
export interface ValueWords {
  /** `a map` (values), `a mapping` (manifests, as YAML calls it). */
  readonly mapping: string;
  /** What comes before a quoted string: `string`, `the string`. */
  readonly string: string;
  /** Strings longer than this are cut… */
  readonly longest: number;
  /** …to this many characters and the ellipsis. */
  readonly cut: number;
  readonly ellipsis: string;
}

/** Words for values: `string "three"`, `number 3`, `a list`, `a map`. */
export const VALUES_WORDS: ValueWords = { mapping: 'a map', string: 'string', longest: 60, cut: 57, ellipsis: '...' };

/** Words for manifests: `the string "three"`, `number 3`, `a list`, `a mapping`. */
export const MANIFEST_WORDS: ValueWords = { mapping: 'a mapping', string: 'the string', longest: 40, cut: 40, ellipsis: '…' };

/** What a value is, for "expected …, found …": its type, and its value when it is short. */
export function describeValue(value: unknown, words: ValueWords = VALUES_WORDS): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return words.mapping;
  if (typeof value === 'string') return `${words.string} ${JSON.stringify(value.length > words.longest ? value.slice(0, words.cut) + words.ellipsis : value)}`;
  return `${typeof value} ${String(value)}`;
}

/**
 * A secret's value as a message shows it: its type only (`a string (not
 * shown: a secret's value)`); undefined and null, which hide nothing, as
 * themselves.
 */
export function showSecret(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  const kind = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a map' : `a ${typeof value}`;
  return `${kind} (not shown: a secret's value)`;
}
