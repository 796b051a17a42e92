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
      throw new UserError(`--set ${expression}: "${assignment}" is not of the form path=value, such as image.tag=1.2.3`);
    }
    const path = parseKey(assignment.slice(0, eq), expression);
    const raw = assignment.slice(eq + 1);
    setPath(into, path, toValue(raw, path, kindAt), expression);
  }
  return into;
}

function toValue(raw: string, path: readonly PathPart[], kindAt: KindAt): unknown {
  if (raw.startsWith('{') && raw.endsWith('}')) {
    const inner = raw.slice(1, -1);
    const items = inner === '' ? [] : splitUnescaped(inner, ',', false).map(unescape);
    return items.map((item, i) => coerce(item, kindAt([...path, i])));
  }
  return coerce(unescape(raw), kindAt(path));
}

function coerce(raw: string, kind: ReturnType<KindAt>): unknown {
  if (raw === 'null') return null;
  switch (kind) {
    case 'string':
      return raw;
    case 'integer':
    case 'number': {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
    }
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    default:
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      if (/^(0|-?[1-9][0-9]{0,15})$/.test(raw)) return Number(raw);
      return raw;
  }
}

/** `a.b\.c[0][1].d` → ['a', 'b.c', 0, 1, 'd'] */
export function parseKey(key: string, expression: string): PathPart[] {
  const parts: PathPart[] = [];
  for (const segment of splitUnescaped(key, '.', false)) {
    const match = /^((?:[^[\\]|\\.)*)((?:\[\d+\])*)$/.exec(segment);
    if (!match || match[1] === '') {
      throw new UserError(`--set ${expression}: "${key}" is not a values path: use names separated by dots, with [N] for list items, such as servers[0].port`);
    }
    parts.push(unescape(match[1]));
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) parts.push(Number(index[1]));
  }
  return parts;
}

/** Sets `value` at `path` in `root`, making the maps and lists on the way. */
export function setPath(root: Record<string, unknown>, path: readonly PathPart[], value: unknown, expression: string): void {
  let node: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    const last = i === path.length - 1;
    const nextIsIndex = !last && typeof path[i + 1] === 'number';
    if (typeof part === 'number') {
      if (!Array.isArray(node)) throw new UserError(`--set ${expression}: ${String(path[i - 1])} is not a list`);
      if (part > 10000) throw new UserError(`--set ${expression}: list index ${part} is too large`);
      while (node.length < part) node.push(null);
      if (last) node[part] = value;
      else {
        if (!isContainer(node[part], nextIsIndex)) node[part] = nextIsIndex ? [] : {};
        node = node[part] as Record<string, unknown> | unknown[];
      }
    } else {
      if (Array.isArray(node)) throw new UserError(`--set ${expression}: ${part} is a list, give an index such as ${part}[0]`);
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

export function indexOfUnescaped(s: string, ch: string): number {
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
