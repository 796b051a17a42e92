/** A plain object (not an array, not null). */
export function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Merges values layers, lowest first, the way Helm should: maps merge deeply,
 * arrays and scalars are replaced, and `null` removes a key (and whatever a
 * lower layer had under it). Inputs are not modified.
 */
export function mergeValues(...layers: readonly (Record<string, unknown> | undefined)[]): Record<string, unknown> {
  let result: Record<string, unknown> = {};
  for (const layer of layers) {
    if (layer) result = mergeTwo(result, layer);
  }
  return result;
}

function mergeTwo(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === null) {
      delete out[key];
    } else if (value === undefined) {
      continue;
    } else if (isPlainObject(value) && isPlainObject(out[key])) {
      out[key] = mergeTwo(out[key] as Record<string, unknown>, value);
    } else {
      out[key] = isPlainObject(value) ? stripNulls(value) : value;
    }
  }
  return out;
}

/** A copy of a map without its null entries, at every depth. */
function stripNulls(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (child === null || child === undefined) continue;
    out[key] = isPlainObject(child) ? stripNulls(child) : child;
  }
  return out;
}
