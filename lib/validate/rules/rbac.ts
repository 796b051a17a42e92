/** What the RBAC rules read of a Role or ClusterRole: its resource rules, with the lists as arrays. */
import { Checked, isRecord } from '../objects';

export const ROLE_KINDS: ReadonlySet<string> = new Set(['Role', 'ClusterRole']);

/** A resource rule of a Role or ClusterRole, at `rules[index]`. */
export interface RoleRule {
  readonly index: number;
  readonly apiGroups: readonly unknown[];
  readonly resources: readonly unknown[];
  readonly verbs: readonly unknown[];
}

const NONE: readonly unknown[] = Object.freeze([]);

/** The rules of a Role or ClusterRole; none for other kinds. */
export function roleRules(item: Checked): RoleRule[] {
  const { obj } = item;
  if (!ROLE_KINDS.has(obj.kind) || !Array.isArray(obj.rules)) return [];
  const out: RoleRule[] = [];
  for (let i = 0; i < obj.rules.length; i++) {
    const r = obj.rules[i];
    if (!isRecord(r)) continue;
    const list = (x: unknown) => (Array.isArray(x) ? x : NONE);
    out.push({ index: i, apiGroups: list(r.apiGroups), resources: list(r.resources), verbs: list(r.verbs) });
  }
  return out;
}

/** Whether a rule grants one of `verbs` (or every verb, `*`). */
export function grantsVerb(rule: RoleRule, verbs: readonly string[]): boolean {
  return rule.verbs.includes('*') || verbs.some((v) => rule.verbs.includes(v));
}

/** Whether a rule covers a resource of the core API group (`""`, or every group). */
export function coversCore(rule: RoleRule, resource: string): boolean {
  return (rule.apiGroups.includes('') || rule.apiGroups.includes('*')) && rule.resources.includes(resource);
}
