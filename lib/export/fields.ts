/**
 * A field of an object that a template computes: its synth value cut into
 * literal text and expressions (`.Values.image.tag`, `.Release.Name`).
 */
export type Segment = { readonly start: number; readonly end: number } & ({ readonly literal: string } | { readonly expr: string });

export class TemplatedField {
  /** Set when an expression gives the whole field with its type (a number, a boolean): `{{ expr | toJson }}`. */
  private whole?: string;
  private segments: Segment[];

  /**
   * @param base the field's value as the environment renders it (for a base64 field, the text it encodes)
   * @param base64 whether the field holds the base64 of the text (a Secret's data): the template encodes it with b64enc
   */
  constructor(
    readonly base: string | number | boolean,
    readonly base64 = false,
  ) {
    const text = String(base);
    this.segments = [{ start: 0, end: text.length, literal: text }];
  }

  /** The whole field is this expression (a number or boolean value that reaches it unchanged). */
  setWhole(expr: string): boolean {
    if (this.whole !== undefined || this.segments.some((s) => 'expr' in s)) return false;
    this.whole = expr;
    return true;
  }

  /**
   * The value reaches this string field at the places a probe showed: the
   * probed output split at the probe value (`parts`). False when a place
   * falls on text another expression already gives (the two overlap).
   */
  substitute(parts: readonly string[], valueLength: number, expr: string): boolean {
    if (this.whole !== undefined) return false;
    let pos = 0;
    const occurrences: number[] = [];
    for (let i = 0; i < parts.length - 1; i++) {
      pos += parts[i].length;
      occurrences.push(pos);
      pos += valueLength;
    }
    let segments = this.segments;
    for (const at of occurrences) {
      const end = at + valueLength;
      const i = segments.findIndex((s) => s.start <= at && end <= s.end && 'literal' in s);
      if (i < 0) return false;
      const s = segments[i] as Segment & { literal: string };
      const before = s.literal.slice(0, at - s.start);
      const after = s.literal.slice(end - s.start);
      const cut: Segment[] = [];
      if (before) cut.push({ start: s.start, end: at, literal: before });
      cut.push({ start: at, end, expr });
      if (after) cut.push({ start: end, end: s.end, literal: after });
      segments = [...segments.slice(0, i), ...cut, ...segments.slice(i + 1)];
    }
    this.segments = segments;
    return true;
  }

  /** The template expression (without braces) that renders the field as JSON. */
  expression(): string {
    if (this.base64) return `${this.text()} | b64enc | toJson`;
    if (this.whole !== undefined) return `${this.whole} | toJson`;
    // a whole string field keeps the type the value has, as synth does (an int-or-string such as maxSurge)
    if (this.segments.length === 1 && 'expr' in this.segments[0] && typeof this.base === 'string') return `${this.segments[0].expr} | toJson`;
    const text = this.text();
    return typeof this.base === 'string' ? `${text} | toJson` : `${text} | fromJson | toJson`;
  }

  /** The expression of the field's text: its literal parts and expressions joined by printf. */
  private text(): string {
    if (this.whole !== undefined) return `printf "%v" ${this.whole}`;
    const format = this.segments.map(() => '%v').join('');
    const args = this.segments.map((s) => ('literal' in s ? goString(s.literal) : s.expr));
    return `printf ${goString(format)} ${args.join(' ')}`;
  }
}

/** A Go template string literal: JSON's escapes are Go's. */
export function goString(text: string): string {
  return JSON.stringify(text);
}

/** The template expression of a values path: `(index .Values "image" "tag")`, safe for any key. */
export function valuesExpr(path: readonly string[]): string {
  return `(index $.Values ${path.map(goString).join(' ')})`;
}
