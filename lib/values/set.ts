import { UserError } from '../errors';
import { getOwn, isRecord, setOwn } from '../internal/objects';
import { PathPart } from './layers';

/** What the schema expects at a path: how a --set string is coerced. */
export type KindAt = (path: readonly PathPart[]) => 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'unknown';

/**
 * Parses Helm's --set syntax into a values tree:
 * `a.b=c`, several at once `a=1,b=2`, list items `a[0].b=c`, lists `a={x,y}`,
 * escaped dots in keys `a.b\.c=d`, escaped commas in values `a=x\,y`, and
 * `a=null`, which removes the key.
 *
 * Scalars are coerced through the schema: "3" for an integer field becomes 3,
 * "0777" for a string field stays "0777", "true" for a boolean becomes true.
 * Where the schema does not say, Helm's guess applies: whole numbers without
 * leading zeros, true/false and null; anything else is a string.
 */
export function parseSet(expression: string, kindAt: KindAt = () => 'unknown', into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const assignment of splitUnescaped(expression, ',', true)) {
    const eq = indexOfUnescaped(assignment, '=');
    if (eq <= 0) {
      const parts = splitUnescaped(expression, ',', true);
      // after a comma, the part may be the rest of a value (a password with a comma): it is not shown
      const what = parts.length === 1 && eq < 0 ? `"${echo(assignment)}"` : `part ${parts.indexOf(assignment) + 1}`;
      throw new UserError(
        `--set ${describeSet(expression)}: ${what} is not of the form path=value, such as image.tag=1.2.3${parts.length > 1 ? ' (a comma inside a value is written \\,)' : ''}`,
      );
    }
    const path = parseKey(assignment.slice(0, eq), expression);
    const raw = assignment.slice(eq + 1);
    setPath(into, path, toValue(raw, path, kindAt, expression), expression);
  }
  return into;
}

function toValue(raw: string, path: readonly PathPart[], kindAt: KindAt, expression: string): unknown {
  if (raw.startsWith('{')) {
    if (!raw.endsWith('}')) {
      throw new UserError(`--set ${describeSet(expression)}: the list is not closed: end it with "}", such as ${formatKey(path)}={a,b}`);
    }
    const inner = raw.slice(1, -1);
    const items = inner === '' ? [] : splitUnescaped(inner, ',', false).map(unescape);
    return items.map((item, i) => coerce(item, kindAt([...path, i])));
  }
  return coerce(unescape(raw), kindAt(path));
}

/** A decimal number and nothing else: no hex, binary or octal, no spaces, no leading zeros (but `0` and `0.5`). */
const DECIMAL = /^[+-]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/**
 * Helm's typedVal (strvals/parser.go): true, false and null in any case;
 * a whole number that strconv.ParseInt reads in base 10 (an optional sign,
 * digits, no leading zero) within int64. One difference: a whole number
 * JavaScript cannot hold exactly (beyond ±2^53) stays a string rather
 * than silently changing.
 */
function helmTyped(raw: string): unknown {
  const lower = raw.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (raw === '0') return 0;
  if (raw !== '' && raw[0] !== '0' && /^[+-]?[0-9]+$/.test(raw)) {
    const n = Number(raw);
    if (Number.isSafeInteger(n)) return n === 0 ? 0 : n; // int64 has no -0
  }
  return raw;
}

function coerce(raw: string, kind: ReturnType<KindAt>): unknown {
  if (raw.toLowerCase() === 'null') return null;
  switch (kind) {
    case 'string':
      return raw;
    case 'integer':
    case 'number':
      // the schema wants a number: a decimal one is taken, anything else stays a string for the schema to refuse
      return DECIMAL.test(raw) && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    case 'boolean': {
      const lower = raw.toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : raw;
    }
    default:
      return helmTyped(raw);
  }
}

/**
 * A --set expression as messages show it: its paths, never its values
 * (`dbPassword=…,replicas=…`), so a secret given with --set is not printed,
 * cut to a length.
 */
export function describeSet(expression: string): string {
  const assignments = splitUnescaped(expression, ',', true);
  const parts = assignments.map((assignment) => {
    const eq = indexOfUnescaped(assignment, '=');
    if (eq < 0) return assignments.length === 1 ? assignment : '…';
    return `${assignment.slice(0, eq)}=…`;
  });
  return echo(parts.join(','));
}

/** An echoed --set expression, cut so that a 100,000-character value does not make a 100 KB message. */
function echo(s: string): string {
  return s.length > MAX_ECHO ? `${s.slice(0, MAX_ECHO)}… (${s.length.toLocaleString('en-US')} characters)` : s;
}

const MAX_ECHO = 80;

function formatKey(path: readonly PathPart[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** `a.b\.c[0][1].d` → ['a', 'b.c', 0, 1, 'd'] */
function parseKey(key: string, expression: string): PathPart[] {
  const parts: PathPart[] = [];
  for (const segment of splitUnescaped(key, '.', false)) {
    const match = /^((?:[^[\\]|\\.)*)((?:\[\d+\])*)$/.exec(segment);
    if (!match || match[1] === '') {
      throw new UserError(`--set ${describeSet(expression)}: "${echo(key)}" is not a values path: use names separated by dots, with [N] for list items, such as servers[0].port`);
    }
    parts.push(unescape(match[1]));
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) parts.push(Number(index[1]));
  }
  return parts;
}

function setPath(root: Record<string, unknown>, path: readonly PathPart[], value: unknown, expression: string): void {
  let node: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    const last = i === path.length - 1;
    const nextIsIndex = !last && typeof path[i + 1] === 'number';
    if (typeof part === 'number') {
      if (!Array.isArray(node)) throw new UserError(`--set ${describeSet(expression)}: ${echo(String(path[i - 1]))} is not a list`);
      if (part > 10000) throw new UserError(`--set ${describeSet(expression)}: list index ${part} is too large`);
      while (node.length < part) node.push(null);
      if (last) node[part] = value;
      else {
        if (!isContainer(node[part], nextIsIndex)) node[part] = nextIsIndex ? [] : {};
        node = node[part] as Record<string, unknown> | unknown[];
      }
    } else {
      if (Array.isArray(node)) throw new UserError(`--set ${describeSet(expression)}: ${echo(part)} is a list, give an index such as ${echo(part)}[0]`);
      if (last) setOwn(node, part, value);
      else {
        if (!isContainer(getOwn(node, part), nextIsIndex)) setOwn(node, part, nextIsIndex ? [] : {});
        node = getOwn(node, part) as Record<string, unknown> | unknown[];
      }
    }
  }
}

function isContainer(x: unknown, list: boolean): boolean {
  return list ? Array.isArray(x) : isRecord(x);
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

function indexOfUnescaped(s: string, ch: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ch) return i;
  }
  return -1;
}

/** Splits on `sep` where it is not escaped (and, if `braces`, not inside {…}). Escapes are kept. */
function splitUnescaped(s: string, sep: string, braces: boolean): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (braces && c === '{') depth++;
    else if (braces && c === '}') depth = Math.max(0, depth - 1);
    else if (c === sep && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}
