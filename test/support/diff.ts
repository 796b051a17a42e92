import { KubeObject } from '../../lib';
import { diffOutputs } from '../../lib/diff';
import { formatPath } from '../../lib/values/layers';

/** What changed between two renders: objects by `Kind/name`, and the paths that changed in each. */
export interface RenderDiff {
  readonly added: string[];
  readonly removed: string[];
  /** `Kind/name` → the changed paths, such as `spec.selector["chartwright.dev/color"]`. */
  readonly changed: Record<string, string[]>;
}

/**
 * The difference between two renders as `chartwright diff` sees it
 * (lib/diff), in the short form the rollout tests expect: objects added,
 * removed, and for each changed object the paths of the values that differ
 * (a list that changed length is one path). The rollout tests' expected
 * diffs are so also cases of the diff engine.
 */
export function diffRenders(before: readonly KubeObject[], after: readonly KubeObject[]): RenderDiff {
  const report = diffOutputs([{ environment: 'test', release: 'test', objects: before }], [{ environment: 'test', release: 'test', objects: after }]);
  const key = (c: { kind: string; name: string }) => `${c.kind}/${c.name}`;
  const changed: Record<string, string[]> = {};
  for (const c of report.changes) if (c.change === 'changed') changed[key(c)] = c.fields.map((f) => formatPath(f.path));
  return {
    added: report.changes.filter((c) => c.change === 'added').map(key),
    removed: report.changes.filter((c) => c.change === 'removed').map(key),
    changed,
  };
}
