/**
 * A YAML reader that reads manifests as kubectl does, fast.
 *
 * kubectl turns YAML into JSON with sigs.k8s.io/yaml, which decodes with
 * go-yaml v2: YAML 1.1 scalars (`yes`, `no`, `on`, `off`, `y`, `n` are
 * booleans, `0644` is octal 420, `1_000` is 1000, `0b101` binary, `0o17`
 * octal), timestamps kept as strings, merge keys (`<<`) applied in place
 * (what follows a merge overrides it; among several merged mappings the
 * first wins). This reader resolves scalars the same way.
 *
 * It reads the block YAML that tools and people write (mappings, sequences,
 * plain, quoted and block scalars, flow collections, JSON, comments, anchors,
 * aliases and merge keys) in one pass over the text, straight to plain
 * values, with no document tree: validation keeps only the values, and
 * finds a line again only for an object it reports on (`track`). For
 * anything else (tags, directives, complex keys, multi-line quoted or plain
 * scalars, folded scalars with more-indented lines, syntax errors) it
 * throws `Unsupported`, and input.ts reads that document with the `yaml`
 * package set to the same YAML 1.1 rules.
 */

/** A document this reader leaves to the `yaml` package. */
export class Unsupported extends Error {}

/** A key that a mapping repeats: the API server would keep only one of the values. */
export class DuplicateKey extends Error {
  constructor(readonly key: string, readonly offset: number) {
    super(`the key "${key}" is repeated`);
  }
}

/** Where each key or item of each mapping or sequence starts, by line (1-based, within the text given). */
export type LineMap = Map<object, Map<string | number, number>>;

/** More alias expansion than this, in nodes, is refused ("billion laughs"), as go-yaml refuses it. */
export const MAX_ALIAS_NODES = 100_000;

const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INFINITY = /^[-+]?\.(inf|Inf|INF)$/;
const NAN = /^\.(nan|NaN|NAN)$/;

/**
 * A plain (unquoted) scalar as go-yaml v2 resolves it: null, a boolean, an
 * integer (decimal, 0x, 0o, 0b, or leading-0 octal, `_` ignored), a float,
 * or else the string itself.
 */
export function resolvePlain(text: string): unknown {
  if (text === '') return null;
  const c = text.charCodeAt(0);
  // a digit, sign or dot may start a number; a letter or ~ a null or boolean
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) return resolveNumber(text);
  if (NULLS.has(text)) return null;
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return text;
}

function resolveNumber(text: string): unknown {
  if (INFINITY.test(text)) return text[0] === '-' ? -Infinity : Infinity;
  if (NAN.test(text)) return NaN;
  const plain = text.includes('_') ? text.replace(/_/g, '') : text;
  const int = parseGoInt(plain);
  if (int !== undefined) return int;
  if (FLOAT.test(plain)) return Number(plain);
  return text;
}

/** strconv.ParseInt(s, 0, 64) (and ParseUint): an optional sign, then 0x, 0o, 0b, a leading 0 (octal) or decimal digits. */
function parseGoInt(s: string): number | undefined {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const digits = m[2];
  let value: number;
  if (digits.length > 1 && digits[0] === '0') {
    const p = digits[1];
    if (p === 'x' || p === 'X') value = parseInt(digits.slice(2), 16);
    else if (p === 'o' || p === 'O') value = parseInt(digits.slice(2), 8);
    else if (p === 'b' || p === 'B') value = parseInt(digits.slice(2), 2);
    else value = parseInt(digits.slice(1), 8);
  } else {
    value = Number(digits);
  }
  return m[1] === '-' ? -value : value;
}

const SPACE = 32;
const NEWLINE = 10;
const CR = 13;
const HASH = 35;

/**
 * Reads one document (the text between `---` markers, without them).
 * Returns undefined for a document with nothing in it (only comments or
 * blank lines), as kubectl skips it. With `lines`, records where each key
 * and item starts.
 */
export function readDocument(text: string, lines?: LineMap): { value: unknown } | undefined {
  const reader = new Reader(text, lines);
  return reader.document();
}

interface Anchor {
  readonly value: unknown;
  readonly nodes: number;
}

class Reader {
  private pos = 0;
  private nodes = 0;
  private aliased = 0;
  private readonly anchors = new Map<string, Anchor>();
  private lineStarts: number[] | undefined;
  /** Where the last value read starts (for the line of a key's or item's value). */
  private valueStart = 0;

  constructor(private readonly text: string, private readonly lines?: LineMap) {}

  document(): { value: unknown } | undefined {
    if (this.text.includes('\t') && /^[ ]*\t/m.test(this.text)) throw new Unsupported('a tab in indentation');
    const indent = this.nextContentLine();
    if (indent < 0) return undefined;
    const value = this.blockNode(-1, indent);
    if (this.nextContentLine() >= 0) throw new Unsupported('content after the document');
    return { value };
  }

  // ---- lines and positions ------------------------------------------------

  /**
   * Moves to the start of the next line with content (skipping blank and
   * comment-only lines) and returns its indentation, or -1 at the end.
   * Expects `pos` at the start of a line.
   */
  private nextContentLine(): number {
    const t = this.text;
    for (;;) {
      if (this.pos >= t.length) return -1;
      let p = this.pos;
      while (t.charCodeAt(p) === SPACE) p++;
      const c = t.charCodeAt(p);
      if (p >= t.length) {
        this.pos = p;
        return -1;
      }
      if (c === NEWLINE || c === CR || c === HASH) {
        this.skipLine(p);
        continue;
      }
      return p - this.pos;
    }
  }

  /** Moves past the end of the line that `from` is on. */
  private skipLine(from: number): void {
    const end = this.text.indexOf('\n', from);
    this.pos = end < 0 ? this.text.length : end + 1;
  }

  /** After a value on a line: only spaces and a comment may follow; moves to the next line. */
  private endOfLine(): void {
    const t = this.text;
    let p = this.pos;
    while (t.charCodeAt(p) === SPACE) p++;
    const c = t.charCodeAt(p);
    if (p < t.length && c !== NEWLINE && c !== CR && c !== HASH) throw new Unsupported('more after a value');
    this.skipLine(p);
  }

  /** The 1-based line of an offset (only when tracking lines or reporting a duplicate key). */
  lineOf(offset: number): number {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    }
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  private record(container: object, key: string | number, offset: number): void {
    if (!this.lines) return;
    let map = this.lines.get(container);
    if (!map) this.lines.set(container, (map = new Map()));
    map.set(key, this.lineOf(offset));
  }

  // ---- block structure ----------------------------------------------------

  /**
   * A node whose first line starts at `pos` + `indent` (pos at the line
   * start), deeper than `parent`.
   */
  private blockNode(parent: number, indent: number): unknown {
    if (indent <= parent) return null;
    this.pos += indent;
    return this.nodeHere(indent);
  }

  /** A node starting at `pos`, at column `column` of its line: a sequence, a mapping, or an inline value. */
  private nodeHere(column: number): unknown {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === 45 /* - */ && this.isSpaceOrEnd(this.pos + 1)) return this.sequence(column);
    if (this.isMappingKey()) return this.mapping(column);
    return this.inlineValue(column - 1);
  }

  private isSpaceOrEnd(p: number): boolean {
    const c = this.text.charCodeAt(p);
    return p >= this.text.length || c === SPACE || c === NEWLINE || c === CR;
  }

  /** Whether the line from `pos` is `key:` followed by a space or the end of the line. */
  private isMappingKey(): boolean {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const end = this.quotedEnd(this.pos);
      if (end < 0) return false;
      let p = end;
      while (t.charCodeAt(p) === SPACE) p++;
      return t.charCodeAt(p) === 58 /* : */;
    }
    if (c === 91 || c === 123 || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 63) return false; // [ { & * ! | > ?
    for (let p = this.pos; p < t.length; p++) {
      const ch = t.charCodeAt(p);
      if (ch === NEWLINE || ch === CR) return false;
      if (ch === 58 && this.isSpaceOrEnd(p + 1)) return true;
      if (ch === HASH && t.charCodeAt(p - 1) === SPACE) return false;
    }
    return false;
  }

  /** The offset after the closing quote of a one-line quoted scalar at `start`, or -1. */
  private quotedEnd(start: number): number {
    const t = this.text;
    const q = t.charCodeAt(start);
    for (let p = start + 1; p < t.length; p++) {
      const ch = t.charCodeAt(p);
      if (ch === NEWLINE) return -1;
      if (q === 34 && ch === 92 /* \ */) {
        p++;
        continue;
      }
      if (ch === q) {
        if (q === 39 && t.charCodeAt(p + 1) === 39) {
          p++;
          continue;
        }
        return p + 1;
      }
    }
    return -1;
  }

  private mapping(column: number): Record<string, unknown> {
    const t = this.text;
    const out: Record<string, unknown> = {};
    /** The keys written out, once a merge has set others (which those may override). */
    let explicit: Set<string> | undefined;
    this.nodes++;
    for (;;) {
      // pos: at a key, at `column`
      const keyStart = this.pos;
      const key = this.mappingKey();
      // pos: after the colon
      if (key === '<<' && t.charCodeAt(keyStart) !== 34 && t.charCodeAt(keyStart) !== 39) {
        explicit ??= new Set(Object.keys(out));
        this.merge(out, this.entryValue(column, keyStart));
      } else {
        if (explicit ? explicit.has(key) : Object.prototype.hasOwnProperty.call(out, key)) throw new DuplicateKey(key, keyStart);
        explicit?.add(key);
        const value = this.entryValue(column, keyStart);
        setKey(out, key, value);
        this.record(out, key, this.valueStart);
      }
      const indent = this.nextContentLine();
      if (indent < column) return out;
      if (indent > column) throw new Unsupported('an indented line after a mapping entry');
      this.pos += indent;
      if (!this.isMappingKey()) {
        if (t.charCodeAt(this.pos) === 45 && this.isSpaceOrEnd(this.pos + 1)) {
          this.pos -= indent; // a sequence at the indentation of its parent's keys ends here
          return out;
        }
        throw new Unsupported('a line in a mapping that is not a key');
      }
    }
  }

  /** A key, as a string (kubectl makes every key a JSON string), leaving `pos` after its colon. */
  private mappingKey(): string {
    const t = this.text;
    const start = this.pos;
    const c = t.charCodeAt(start);
    let key: string;
    if (c === 34 || c === 39) {
      const end = this.quotedEnd(start);
      key = c === 34 ? unescapeDouble(t.slice(start + 1, end - 1)) : t.slice(start + 1, end - 1).replace(/''/g, "'");
      let p = end;
      while (t.charCodeAt(p) === SPACE) p++;
      this.pos = p + 1;
      return key;
    }
    let p = start;
    while (!(t.charCodeAt(p) === 58 && this.isSpaceOrEnd(p + 1))) p++;
    let end = p;
    while (t.charCodeAt(end - 1) === SPACE) end--;
    this.pos = p + 1;
    const raw = t.slice(start, end);
    const value = resolvePlain(raw);
    return typeof value === 'string' ? value : keyString(value);
  }

  /** The value of a mapping entry, from after its colon; leaves `pos` at the start of the line after it. */
  private entryValue(column: number, keyStart: number): unknown {
    const t = this.text;
    let p = this.pos;
    while (t.charCodeAt(p) === SPACE) p++;
    this.pos = p;
    const c = t.charCodeAt(p);
    this.valueStart = keyStart;
    if (p >= t.length || c === NEWLINE || c === CR || c === HASH) return this.valueBelow(column);
    this.valueStart = p;
    return this.inlineValue(column);
  }

  /**
   * A value that starts on a later line: deeper than `column`, or a sequence
   * at `column` itself (YAML lets a mapping's sequence values sit at the
   * indentation of its keys). Leaves `pos` at a line start.
   */
  private valueBelow(column: number, anchor?: string): unknown {
    this.skipLine(this.pos);
    const indent = this.nextContentLine();
    let value: unknown = null;
    let start = this.valueStart;
    if (indent > column) {
      start = this.pos + indent;
      value = this.blockNode(column, indent);
    } else if (indent === column && indent >= 0) {
      const p = this.pos + indent;
      if (this.text.charCodeAt(p) === 45 && this.isSpaceOrEnd(p + 1)) {
        this.pos = p;
        start = p;
        value = this.sequence(column);
      }
    }
    this.valueStart = start;
    if (anchor !== undefined) this.setAnchor(anchor, value);
    return value;
  }

  private sequence(column: number): unknown[] {
    const t = this.text;
    const out: unknown[] = [];
    this.nodes++;
    for (;;) {
      // pos: at the dash, at `column`
      const itemStart = this.pos;
      let p = this.pos + 1;
      while (t.charCodeAt(p) === SPACE) p++;
      this.pos = p;
      const c = t.charCodeAt(p);
      let value: unknown;
      if (p >= t.length || c === NEWLINE || c === CR || c === HASH) {
        this.valueStart = itemStart;
        value = this.valueBelow(column);
        this.record(out, out.length, this.valueStart);
        out.push(value);
      } else {
        this.record(out, out.length, p);
        const inner = p - (itemStart - column);
        if (c === 45 && this.isSpaceOrEnd(p + 1)) value = this.sequence(inner);
        else if (this.isMappingKey()) value = this.mapping(inner);
        else value = this.inlineValue(column);
        out.push(value);
      }
      const indent = this.nextContentLine();
      if (indent < column) return out;
      if (indent > column) throw new Unsupported('an indented line after a sequence item');
      const dash = this.pos + indent;
      if (!(t.charCodeAt(dash) === 45 && this.isSpaceOrEnd(dash + 1))) return out; // the parent mapping's next key
      this.pos = dash;
    }
  }

  // ---- values on a line ------------------------------------------------------

  /**
   * A value that starts at `pos` on its line, inside a block at `column`
   * (its continuation lines, if any, must be deeper). Leaves `pos` at the
   * start of the next line.
   */
  private inlineValue(column: number): unknown {
    // where the value starts; an anchor's value on the lines below moves it there (valueBelow)
    this.valueStart = this.pos;
    return this.inlineValueAt(column);
  }

  private inlineValueAt(column: number): unknown {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    switch (c) {
      case 38: { // & anchor
        const name = this.anchorName();
        const q = this.pos;
        const n = t.charCodeAt(q);
        if (q >= t.length || n === NEWLINE || n === CR || n === HASH) return this.valueBelow(column, name);
        if (this.isMappingKey()) throw new Unsupported('an anchor on a compact mapping');
        const before = this.nodes;
        const value = this.inlineValue(column);
        this.anchors.set(name, { value, nodes: this.nodes - before + 1 });
        return value;
      }
      case 42: { // * alias
        this.pos++;
        const start = this.pos;
        while (this.pos < t.length && !this.isSpaceOrEnd(this.pos)) this.pos++;
        const value = this.alias(t.slice(start, this.pos));
        this.endOfLine();
        return value;
      }
      case 124: case 62: // | >
        return this.blockScalar(column);
      case 34: case 39: { // " '
        const end = this.quotedEnd(this.pos);
        if (end < 0) throw new Unsupported('a quoted scalar over several lines');
        const body = t.slice(this.pos + 1, end - 1);
        this.pos = end;
        this.endOfLine();
        this.nodes++;
        return c === 34 ? unescapeDouble(body) : body.replace(/''/g, "'");
      }
      case 91: case 123: { // [ {
        const value = this.flow();
        this.endOfLine();
        return value;
      }
      case 33: case 37: case 64: case 96: case 63: // ! % @ ` ?
        throw new Unsupported('a tag, directive or reserved indicator');
      default: {
        // a plain scalar: to the end of the line or a comment
        let p = this.pos;
        const start = p;
        for (; p < t.length; p++) {
          const ch = t.charCodeAt(p);
          if (ch === NEWLINE) break;
          if (ch === HASH && (t.charCodeAt(p - 1) === SPACE || t.charCodeAt(p - 1) === 9)) break;
          if (ch === 58 && this.isSpaceOrEnd(p + 1)) throw new Unsupported('a mapping where a scalar was expected');
        }
        let end = p;
        while (end > start && (t.charCodeAt(end - 1) === SPACE || t.charCodeAt(end - 1) === CR || t.charCodeAt(end - 1) === 9)) end--;
        this.skipLine(p);
        this.checkNoContinuation(column);
        this.nodes++;
        return resolvePlain(t.slice(start, end));
      }
    }
  }

  /** A plain scalar may go on over deeper lines; those are left to the `yaml` package. */
  private checkNoContinuation(column: number): void {
    const save = this.pos;
    const indent = this.nextContentLine();
    this.pos = save;
    if (indent > column) throw new Unsupported('a plain scalar over several lines');
  }

  private anchorName(): string {
    const t = this.text;
    const start = ++this.pos;
    while (this.pos < t.length && !this.isSpaceOrEnd(this.pos)) this.pos++;
    const name = t.slice(start, this.pos);
    while (t.charCodeAt(this.pos) === SPACE) this.pos++;
    return name;
  }

  private setAnchor(name: string, value: unknown): void {
    this.anchors.set(name, { value, nodes: countNodes(value) });
  }

  private alias(name: string): unknown {
    const anchor = this.anchors.get(name);
    if (!anchor) throw new Unsupported(`an alias to an unknown anchor "${name}"`);
    // an alias stands for a copy of its anchor's nodes: they count again, for the anchors that take it in too
    this.aliased += anchor.nodes;
    this.nodes += anchor.nodes;
    if (this.aliased > MAX_ALIAS_NODES) throw new Unsupported('excessive aliasing');
    return anchor.value;
  }

  /** `<<`: the keys of a mapping, or of a list of mappings (the first that has a key wins), set in place as go-yaml v2 does. */
  private merge(out: Record<string, unknown>, value: unknown): void {
    const sources = Array.isArray(value) ? [...value].reverse() : [value];
    for (const source of sources) {
      if (source === null || typeof source !== 'object' || Array.isArray(source)) throw new Unsupported('a merge of something other than mappings');
      for (const key of Object.keys(source)) out[key] = (source as Record<string, unknown>)[key];
    }
  }

  /** `|` or `>` with an optional chomping indicator; content deeper than `column`. */
  private blockScalar(column: number): string {
    const t = this.text;
    const folded = t.charCodeAt(this.pos) === 62;
    let p = this.pos + 1;
    let chomp = '';
    const h = t.charCodeAt(p);
    if (h === 45 || h === 43) {
      chomp = t[p];
      p++;
    }
    if (t.charCodeAt(p) >= 48 && t.charCodeAt(p) <= 57) throw new Unsupported('an indentation indicator');
    this.pos = p;
    this.endOfLine();
    // the content: every line deeper than `column`, and blank lines among them
    const lines: string[] = [];
    let indent = -1;
    while (this.pos < t.length) {
      const lineEnd = t.indexOf('\n', this.pos);
      const end = lineEnd < 0 ? t.length : lineEnd;
      let line = t.slice(this.pos, end);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      let spaces = 0;
      while (line.charCodeAt(spaces) === SPACE) spaces++;
      if (spaces === line.length) {
        lines.push(line);
      } else {
        if (indent < 0) {
          if (spaces <= column) break;
          indent = spaces;
        }
        if (spaces < indent) break;
        lines.push(line);
      }
      this.pos = lineEnd < 0 ? t.length : lineEnd + 1;
    }
    // trailing blank lines only count for keep-chomping
    let last = lines.length;
    while (last > 0 && lines[last - 1].trim() === '') last--;
    if (indent < 0) indent = column + 1;
    const body = lines.slice(0, last).map((l) => l.slice(Math.min(indent, l.length)));
    const trailing = lines.length - last;
    // the last line of content ends with a line break unless the text ends there
    const broken = this.pos <= t.length && t.charCodeAt(this.pos - 1) === NEWLINE;
    this.nodes++;
    let text = '';
    if (folded) {
      if (body.some((l) => l.startsWith(' ') || l.startsWith('\t'))) throw new Unsupported('a folded scalar with more-indented lines');
      for (let i = 0; i < body.length; i++) {
        const l = body[i];
        if (l === '') text += '\n';
        else text += i > 0 && body[i - 1] !== '' ? ' ' + l : l;
      }
    } else {
      text = body.join('\n');
    }
    if (body.length === 0) return chomp === '+' ? '\n'.repeat(trailing) : '';
    if (chomp === '-') return text;
    if (chomp === '+') return text + (broken || trailing > 0 ? '\n' : '') + '\n'.repeat(Math.max(0, trailing - (broken ? 0 : 1)));
    return broken || trailing > 0 ? text + '\n' : text;
  }

  // ---- flow collections (and JSON) ---------------------------------------------

  /** A flow sequence or mapping from `pos`, over as many lines as it takes. */
  private flow(): unknown {
    const t = this.text;
    const open = t.charCodeAt(this.pos);
    const close = open === 91 ? 93 : 125;
    this.pos++;
    this.nodes++;
    const list: unknown[] | undefined = open === 91 ? [] : undefined;
    const map: Record<string, unknown> | undefined = open === 123 ? {} : undefined;
    for (;;) {
      this.flowSpace();
      if (t.charCodeAt(this.pos) === close) {
        this.pos++;
        return list ?? map;
      }
      const itemStart = this.pos;
      if (list) {
        const value = this.flowValue();
        this.flowSpace();
        if (t.charCodeAt(this.pos) === 58) throw new Unsupported('a mapping inside a flow sequence');
        this.record(list, list.length, itemStart);
        list.push(value);
      } else {
        const keyValue = this.flowValue(true);
        const key = typeof keyValue === 'string' ? keyValue : keyString(keyValue);
        this.flowSpace();
        let value: unknown = null;
        if (t.charCodeAt(this.pos) === 58) {
          this.pos++;
          this.flowSpace();
          const c = t.charCodeAt(this.pos);
          if (c !== 44 && c !== close) value = this.flowValue();
        }
        if (key === '<<') {
          this.merge(map!, value);
        } else {
          if (Object.prototype.hasOwnProperty.call(map, key)) throw new DuplicateKey(key, itemStart);
          setKey(map!, key, value);
          this.record(map!, key, itemStart);
        }
      }
      this.flowSpace();
      const c = t.charCodeAt(this.pos);
      if (c === 44) this.pos++;
      else if (c !== close) throw new Unsupported('a flow collection that is not closed where expected');
    }
  }

  /** Spaces, line breaks and comments inside a flow collection. */
  private flowSpace(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === SPACE || c === NEWLINE || c === CR || c === 9) this.pos++;
      else if (c === HASH) this.skipLine(this.pos);
      else break;
    }
    if (this.pos >= t.length) throw new Unsupported('a flow collection that is not closed');
  }

  private flowValue(key = false): unknown {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === 91 || c === 123) return this.flow();
    if (c === 34 || c === 39) {
      const end = this.quotedEnd(this.pos);
      if (end < 0) throw new Unsupported('a quoted scalar over several lines');
      const body = t.slice(this.pos + 1, end - 1);
      this.pos = end;
      this.nodes++;
      return c === 34 ? unescapeDouble(body) : body.replace(/''/g, "'");
    }
    if (c === 42) {
      const start = ++this.pos;
      while (this.pos < t.length && !/[\s,\]}]/.test(t[this.pos])) this.pos++;
      return this.alias(t.slice(start, this.pos));
    }
    if (c === 38 || c === 33 || c === 124 || c === 62 || c === 63 || c === 37 || c === 64 || c === 96) throw new Unsupported('an indicator in a flow collection');
    const start = this.pos;
    let p = this.pos;
    for (; p < t.length; p++) {
      const ch = t.charCodeAt(p);
      if (ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125 || ch === NEWLINE || ch === CR) break;
      if (ch === 58 && (key ? this.isFlowSeparator(p + 1) : this.isSpaceOrEnd(p + 1))) break;
      if (ch === HASH && t.charCodeAt(p - 1) === SPACE) break;
    }
    let end = p;
    while (end > start && t.charCodeAt(end - 1) === SPACE) end--;
    this.pos = p;
    if (t.charCodeAt(p) === NEWLINE || t.charCodeAt(p) === CR) {
      // a plain scalar in a flow collection may go on over the next line: only when a separator follows is it over
      const save = this.pos;
      this.flowSpace();
      const n = t.charCodeAt(this.pos);
      if (n !== 44 && n !== 93 && n !== 125 && n !== 58) throw new Unsupported('a plain scalar over several lines');
      this.pos = save;
    }
    this.nodes++;
    return resolvePlain(t.slice(start, end));
  }

  private isFlowSeparator(p: number): boolean {
    const c = this.text.charCodeAt(p);
    return this.isSpaceOrEnd(p) || c === 44 || c === 93 || c === 125;
  }
}

/** Sets a key as JSON would, "__proto__" included. */
function setKey(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** A key that YAML resolves to something other than a string, as sigs.k8s.io/yaml writes it in JSON. */
function keyString(value: unknown): string {
  if (value === null) return 'null';
  return String(value);
}

function countNodes(value: unknown): number {
  if (value === null || typeof value !== 'object') return 1;
  let n = 1;
  for (const v of Array.isArray(value) ? value : Object.values(value)) n += countNodes(v);
  return n;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

/** The body of a one-line double-quoted scalar, its escapes resolved. */
function unescapeDouble(body: string): string {
  if (!body.includes('\\')) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    const out = ESCAPES[e];
    if (out === undefined) throw new Unsupported(`the escape \\${e}`);
    return out;
  });
}
