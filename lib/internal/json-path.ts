/** A step of a path into JSON: an object key or an array index. */
export type PathPart = string | number;

/** `['a', 'b.c', 0, 'd']` → `a["b.c"][0].d`: how values paths appear in messages. */
export function formatPath(parts: readonly PathPart[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}
