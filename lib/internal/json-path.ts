/** A step of a path into JSON: an object key or an array index. */
export type PathPart = string | number;

/** Keys written bare in values paths (`image.tag`): what `--set` takes between dots. */
export const VALUES_KEY = /^[A-Za-z0-9_-]+$/;

/** Keys written bare in a manifest's paths (`spec.template`): identifiers, '-' allowed. */
export const IDENTIFIER_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * `['a', 'b.c', 0, 'd']` → `a["b.c"][0].d`: how paths appear in messages.
 * Keys that `bare` matches are written after a '.', the others quoted in brackets.
 */
export function formatPath(parts: readonly PathPart[], bare: RegExp = VALUES_KEY): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (bare.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}
