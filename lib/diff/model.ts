import { PathPart } from '../internal/json-path';

/** A Kubernetes object as parsed JSON: what the diff compares. */
export type DiffObject = Readonly<Record<string, any>>;

/** The objects of one release of one environment, as synth renders or writes them. */
export interface ReleaseObjects {
  readonly environment: string;
  /** The release; `namespaces` for an environment's Namespace objects. */
  readonly release: string;
  readonly objects: readonly DiffObject[];
}

/**
 * How a change may go when applied, from the most to the least dangerous:
 * `breaking` (apply refuses it), `destructive` (data or a whole API goes),
 * `security` (more access or privilege), `disruptive` (pods roll or traffic
 * moves), `metadata` (labels and annotations only), `in-place` (the rest).
 */
export type RiskLevel = 'breaking' | 'destructive' | 'security' | 'disruptive' | 'metadata' | 'in-place';

/** Risk levels, most dangerous first. */
export const RISK_LEVELS: readonly RiskLevel[] = ['breaking', 'destructive', 'security', 'disruptive', 'metadata', 'in-place'];

/** A risk of one object's change, with a short why. */
export interface Risk {
  readonly level: RiskLevel;
  /** Why, in a sentence without a full stop. */
  readonly why: string;
  /** What to do instead, for a breaking or destructive change. */
  readonly fix?: string;
}

/** Where a changed field's new value came from: a values path and the layer that set it. */
export interface Blame {
  /** The values path, such as `image.tag`. */
  readonly path: string;
  /** The layer with its line when known: `apps/web/values.prod.yaml:3`, `--set replicas=5`, `environment "prod" in apps/main.ts`. */
  readonly source: string;
}

/** One field of an object that changed. `before` or `after` is undefined where the field is absent. */
export interface FieldChange {
  readonly path: readonly PathPart[];
  readonly before?: unknown;
  readonly after?: unknown;
  /** The values are not shown (Secret data, a value the schema marks sensitive): only that it changed. */
  readonly hidden?: boolean;
  /** The values that set the new value, when the diff was asked to find them. */
  readonly blame?: readonly Blame[];
}

/** One object that was added, removed or changed. */
export interface ObjectChange {
  readonly environment: string;
  readonly release: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly apiVersion: string;
  readonly kind: string;
  /** '' for a cluster-scoped object. */
  readonly namespace: string;
  readonly name: string;
  /** The fields that changed (none for an object added or removed). */
  readonly fields: readonly FieldChange[];
  /** What applying it risks, most dangerous first; never empty. */
  readonly risks: readonly Risk[];
  /** The values that made the object appear or go, when the diff was asked to find them. */
  readonly blame?: readonly Blame[];
}

/** The difference between two outputs. */
export interface DiffReport {
  /** Objects that differ, by environment and release, in the new output's order (removed objects after the rest of their release). */
  readonly changes: readonly ObjectChange[];
}

/** The most dangerous risk level of a change. */
export function worstRisk(change: ObjectChange): RiskLevel {
  return change.risks[0].level;
}

/** `apps/Deployment shop/web`: how an object is named in every output format. */
export function describeObjectChange(change: Pick<ObjectChange, 'apiVersion' | 'kind' | 'namespace' | 'name'>): string {
  const slash = change.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : `${change.apiVersion.slice(0, slash)}/`;
  return `${group}${change.kind} ${change.namespace ? `${change.namespace}/` : ''}${change.name}`;
}

/** Counts of a report, for summaries: objects by change, and changes by their worst risk. */
export function summarize(report: DiffReport): { added: number; removed: number; changed: number; risks: Record<RiskLevel, number> } {
  const risks = Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as Record<RiskLevel, number>;
  let added = 0;
  let removed = 0;
  let changed = 0;
  for (const c of report.changes) {
    if (c.change === 'added') added++;
    else if (c.change === 'removed') removed++;
    else changed++;
    risks[worstRisk(c)]++;
  }
  return { added, removed, changed, risks };
}
