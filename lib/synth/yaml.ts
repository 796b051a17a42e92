/**
 * A small, fast YAML emitter for JSON data (the shape of Kubernetes manifests).
 *
 * It writes block style with two-space indentation, keeps key order, and
 * quotes every string that a YAML 1.1 or 1.2 parser could read as anything
 * but that same string (booleans such as `yes`/`on`, numbers such as `0777`
 * or `1e3`, timestamps, `null`, `~`, indicators). Multi-line strings become
 * literal blocks (`|`, `|-`) when that is exact, double-quoted otherwise.
 *
 * It is about thirty times faster than the `yaml` package's stringify, so
 * emission is never the slow part of synthesis.
 *
 * The text of a document grows by concatenation into one string (`text`
 * below), which V8 keeps as a rope of the pieces until it is written:
 * cheaper than an array of pieces joined, which allocates the array, grows
 * it and copies it, and on first runs (synth runs once per process) about
 * twice as fast. The writer is synchronous and calls nothing outside this
 * module, so one string for the module serves every document in turn.
 */

const INDENTS: string[] = [];
function indent(n: number): string {
  let s = INDENTS[n];
  if (s === undefined) {
    s = ' '.repeat(n);
    INDENTS[n] = s;
  }
  return s;
}

/** Words that YAML 1.1 (and so go-yaml v2 and PyYAML) reads as booleans or null. */
const RESERVED = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
  'on', 'On', 'ON', 'off', 'Off', 'OFF',
  'null', 'Null', 'NULL', '~', '=', '<<',
]);

/** Characters allowed anywhere in a plain scalar we emit (conservative). */
const PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./:@+=,() -]*$/;
/** Strings that could be read as a number, a sexagesimal or a float special. */
const NUMBERISH = /^[-+]?(?:[0-9][0-9_:.a-fA-FxXoO]*(?:[eE][-+][0-9_]*)?|\.[0-9_eE]*(?:[eE][-+][0-9_]*)?|\.(?:inf|Inf|INF|nan|NaN|NAN))$/;
/** Exponents without a mantissa (`e0`), which some YAML 1.1 readers take for floats. */
const EXPONENT = /^[-+]?[0-9_.]*[eE][-+]?[0-9_]+$/;
/** YAML 1.1 timestamps (2001-12-14, 2001-12-14t21:59:43.10-05:00, ...). */
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/;
/** Characters to escape in double-quoted output beyond what JSON escapes. */
const NON_PRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff]/g;
/** Characters that keep a string out of a literal block. */
const NOT_LITERAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;

function isPlainSafe(s: string): boolean {
  if (s.length === 0 || s.length > 1000) return false;
  if (!PLAIN.test(s)) return false;
  if (RESERVED.has(s) || s.startsWith('..')) return false;
  const last = s.charCodeAt(s.length - 1);
  if (last === 32 /* space */ || last === 58 /* : */) return false;
  if (s.includes(': ') || s.includes(' #')) return false;
  if (NUMBERISH.test(s) || EXPONENT.test(s) || TIMESTAMP.test(s)) return false;
  return true;
}

/** Recent answers of quoteString: manifests repeat their keys and most values. */
const QUOTED = new Map<string, string>();
const QUOTED_MAX = 50_000;

/** Renders a string as a YAML scalar that fits on one line. */
export function quoteString(s: string): string {
  let quoted = QUOTED.get(s);
  if (quoted === undefined) {
    quoted = quote(s);
    if (s.length <= 256) {
      if (QUOTED.size >= QUOTED_MAX) QUOTED.clear();
      QUOTED.set(s, quoted);
    }
  }
  return quoted;
}

/** `<indent><key>:` by indent level: manifests repeat their keys at the same depths. */
const KEY_LINES: Array<Map<string, string>> = [];

function keyLine(level: number, key: string): string {
  let byKey = KEY_LINES[level];
  if (byKey === undefined) KEY_LINES[level] = byKey = new Map();
  let line = byKey.get(key);
  if (line === undefined) {
    line = indent(level) + quoteString(key) + ':';
    if (byKey.size >= QUOTED_MAX) byKey.clear();
    byKey.set(key, line);
  }
  return line;
}

/** ` <value>\n` for a string value on its key's line, cached as quoteString is. */
const VALUE_LINES = new Map<string, string>();

function valueLine(s: string): string {
  let line = VALUE_LINES.get(s);
  if (line === undefined) {
    line = ' ' + quoteString(s) + '\n';
    if (s.length <= 256) {
      if (VALUE_LINES.size >= QUOTED_MAX) VALUE_LINES.clear();
      VALUE_LINES.set(s, line);
    }
  }
  return line;
}

function quote(s: string): string {
  if (isPlainSafe(s)) return s;
  const json = JSON.stringify(s);
  return NON_PRINTABLE.test(json)
    ? json.replace(NON_PRINTABLE, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))
    : json;
}

/**
 * The literal-block header for a multi-line string, or undefined when a
 * literal block cannot represent it exactly.
 */
function literalHeader(s: string): string | undefined {
  if (s.length < 2 || NOT_LITERAL.test(s)) return undefined;
  const first = s.charCodeAt(0);
  // Leading spaces or a leading empty line would need an indentation indicator.
  if (first === 32 || first === 10 || first === 9) return undefined;
  if (s.endsWith('\n\n')) return undefined;
  // A line made of spaces only, or ending in spaces, does not survive every parser intact.
  if (/ \n| $/.test(s)) return undefined;
  return s.endsWith('\n') ? '|' : '|-';
}

/** A value YAML for Kubernetes cannot carry; `path` grows as the error unwinds. */
class UnwritableValue extends Error {
  constructor(readonly what: string, public path: string = '') {
    super(what);
  }
}

function scalar(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return quoteString(value);
    case 'number':
      if (!Number.isFinite(value)) throw new UnwritableValue(`cannot write ${value} at {path}: YAML for Kubernetes takes finite numbers only`);
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      if (value === null) return 'null';
      throw new UnwritableValue(`cannot write a value of type ${typeof value} at {path}`);
  }
}

/** The document being written. */
let text = '';

function isEmptyList(value: object): boolean {
  return Array.isArray(value) && value.length === 0;
}

/**
 * Appends `value`, the value of a mapping key or sequence entry, to the text:
 * everything after the `key:` or `-` on the same line, and the lines below.
 */
function writeValue(value: unknown, level: number): void {
  if (typeof value === 'string' && value.includes('\n')) {
    const header = literalHeader(value);
    if (header !== undefined) {
      const pad = indent(level);
      const body = header === '|' ? value.slice(0, -1) : value;
      text += ' ' + header + '\n';
      for (const line of body.split('\n')) {
        if (line.length > 0) text += pad + line;
        text += '\n';
      }
      return;
    }
  }
  if (value !== null && typeof value === 'object') {
    if (isEmptyList(value)) {
      text += ' []\n';
      return;
    }
    // a map whose fields are all undefined writes nothing: then `{}` on the key's line instead (the text before is kept, not copied)
    const before = text;
    text += '\n';
    if (!writeCollection(value, level, indent(level))) text = before + ' {}\n';
    return;
  }
  text += typeof value === 'string' ? valueLine(value) : ' ' + scalar(value) + '\n';
}

/**
 * Appends a map or a non-empty sequence at `level`; its first line starts with
 * `first` instead of the indent, so a sequence entry can put its dash there.
 * Returns whether it wrote anything (a map of undefined fields writes nothing).
 */
function writeCollection(value: object, level: number, first: string): boolean {
  const pad = indent(level);
  let prefix = first;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      try {
        if (item !== null && typeof item === 'object' && !isEmptyList(item)) {
          const before = text;
          if (!writeCollection(item, level + 2, prefix + '- ')) text = before + prefix + '- {}\n';
        } else {
          text += prefix + '-';
          writeValue(item, level + 2);
        }
      } catch (err) {
        throw along(err, `[${i}]`);
      }
      prefix = pad;
    }
    return value.length > 0;
  }
  const record = value as Record<string, unknown>;
  let wrote = false;
  for (const key in record) {
    const child = record[key];
    if (child === undefined) continue;
    if (typeof child === 'string' && prefix === pad && !child.includes('\n')) {
      text += keyLine(level, key) + valueLine(child); // the most common line, inline
      wrote = true;
      continue;
    }
    try {
      if (prefix === pad) text += keyLine(level, key);
      else text += prefix + quoteString(key) + ':';
      writeValue(child, level + 2);
    } catch (err) {
      throw along(err, `.${key}`);
    }
    prefix = pad;
    wrote = true;
  }
  return wrote;
}

function along(err: unknown, step: string): unknown {
  if (err instanceof UnwritableValue) err.path = step + err.path;
  return err;
}

function unwritable(err: unknown): unknown {
  if (!(err instanceof UnwritableValue)) return err;
  const path = err.path.replace(/^\./, '') || '(root)';
  return new Error(err.what.replace('{path}', path));
}

/** Renders one document (without the `---` separator). */
export function toYaml(value: unknown): string {
  text = '';
  try {
    if (value !== null && typeof value === 'object') {
      if (isEmptyList(value)) text = '[]\n';
      else if (!writeCollection(value, 0, '')) text = '{}\n';
    } else {
      text = scalar(value) + '\n';
    }
    return text;
  } catch (err) {
    throw unwritable(err);
  } finally {
    text = '';
  }
}

/** Renders a multi-document YAML stream, documents separated by `---`. */
export function toYamlStream(docs: readonly unknown[]): string {
  let stream = '';
  for (let i = 0; i < docs.length; i++) stream += i > 0 ? '---\n' + toYaml(docs[i]) : toYaml(docs[i]);
  return stream;
}
