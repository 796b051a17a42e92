import { KubeObject } from '../../lib';
import { formatPath } from '../../lib/values/layers';

/** What changed between two renders: objects by `Kind/name`, and the paths that changed in each. */
export interface RenderDiff {
  readonly added: string[];
  readonly removed: string[];
  /** `Kind/name` → the changed paths, such as `spec.selector["chartwright.dev/color"]`. */
  readonly changed: Record<string, string[]>;
}

const keyOf = (o: KubeObject) => `${o.kind}/${o.metadata.name}`;

/**
 * The difference between two renders the way a reviewer reads a YAML diff:
 * objects added, removed, and for each changed object the paths of the
 * values that differ (a list that changed length is one path).
 */
export function diffRenders(before: readonly KubeObject[], after: readonly KubeObject[]): RenderDiff {
  const a = new Map(before.map((o) => [keyOf(o), o]));
  const b = new Map(after.map((o) => [keyOf(o), o]));
  const changed: Record<string, string[]> = {};
  for (const [key, o] of a) {
    const other = b.get(key);
    if (!other) continue;
    const paths: string[] = [];
    compare(o, other, [], paths);
    if (paths.length) changed[key] = paths;
  }
  return {
    added: [...b.keys()].filter((k) => !a.has(k)),
    removed: [...a.keys()].filter((k) => !b.has(k)),
    changed,
  };
}

function compare(x: unknown, y: unknown, path: Array<string | number>, out: string[]): void {
  if (Array.isArray(x) && Array.isArray(y) && x.length === y.length) {
    x.forEach((item, i) => compare(item, y[i], [...path, i], out));
    return;
  }
  const isMap = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isMap(x) && isMap(y)) {
    const keys = [...new Set([...Object.keys(x as object), ...Object.keys(y as object)])].sort();
    for (const k of keys) compare((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], [...path, k], out);
    return;
  }
  if (JSON.stringify(x) !== JSON.stringify(y)) out.push(formatPath(path));
}
