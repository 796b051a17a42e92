import { PathPart } from '../internal/json-path';
import { startsWith } from './fields';
import { DiffObject, FieldChange, Risk } from './model';

/**
 * Fields the API server will not change in place: `kubectl apply` refuses
 * the change ("field is immutable"). One entry per kind, with the fix.
 */
interface ImmutableRule {
  readonly group: string;
  readonly kinds: readonly string[];
  /** The fields that may not change; a field below one of them neither. */
  readonly immutable?: readonly (readonly PathPart[])[];
  /** Everything under `spec` is immutable except these (StatefulSet, PersistentVolumeClaim). */
  readonly specExcept?: readonly (readonly PathPart[])[];
  /** Whether the rule holds for this version of the object. @default - always */
  readonly when?: (before: DiffObject) => boolean;
  /** A change the rule lets through although the path is listed (a claim that grows). */
  readonly allows?: (change: FieldChange) => boolean;
  readonly fix: string;
}

const RECREATE = 'delete it and apply again (or give it a new name and remove the old one once the new one is ready)';

export const IMMUTABLE_RULES: readonly ImmutableRule[] = [
  { group: 'apps', kinds: ['Deployment', 'ReplicaSet', 'DaemonSet'], immutable: [['spec', 'selector']], fix: `${RECREATE}; a selector cannot change in place` },
  {
    group: 'apps',
    kinds: ['StatefulSet'],
    specExcept: [['spec', 'replicas'], ['spec', 'template'], ['spec', 'updateStrategy'], ['spec', 'minReadySeconds'], ['spec', 'persistentVolumeClaimRetentionPolicy'], ['spec', 'ordinals']],
    fix: 'delete the StatefulSet with `kubectl delete statefulset NAME --cascade=orphan` (its pods and claims stay) and apply again',
  },
  { group: 'batch', kinds: ['Job'], immutable: [['spec', 'template'], ['spec', 'selector'], ['spec', 'completionMode']], fix: 'give the Job a new name (a Job runs once), or delete it and apply again' },
  {
    group: '',
    kinds: ['PersistentVolumeClaim'],
    specExcept: [['spec', 'volumeAttributesClassName']],
    allows: (c) => startsWith(c.path, ['spec', 'resources', 'requests', 'storage']) && grows(c.before, c.after),
    fix: 'make a claim under a new name and move the data; a claim can only grow (spec.resources.requests.storage), and only where its StorageClass allows expansion',
  },
  { group: '', kinds: ['Service'], immutable: [['spec', 'clusterIP'], ['spec', 'clusterIPs']], allows: (c) => c.after === undefined, fix: 'delete the Service and apply again (its address changes), or leave clusterIP unset' },
  { group: 'rbac.authorization.k8s.io', kinds: ['RoleBinding', 'ClusterRoleBinding'], immutable: [['roleRef']], fix: 'delete the binding and apply again, or give it a new name' },
  {
    group: '',
    kinds: ['ConfigMap', 'Secret'],
    immutable: [['data'], ['binaryData'], ['stringData'], ['immutable']],
    when: (before) => before.immutable === true,
    fix: 'give it a new name (one with a content hash, say) and point its users at it; an immutable ConfigMap or Secret never changes',
  },
];

/** Storage requests that grow: `1Gi` → `2Gi`. Unparseable sizes count as not growing. */
function grows(before: unknown, after: unknown): boolean {
  const a = bytes(before);
  const b = bytes(after);
  return a !== undefined && b !== undefined && b >= a;
}

const SUFFIXES: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50 };

function bytes(q: unknown): number | undefined {
  const m = typeof q === 'number' ? [String(q), String(q), ''] : typeof q === 'string' ? /^([0-9.]+)([a-zA-Z]*)$/.exec(q) : null;
  if (!m || SUFFIXES[m[2]] === undefined) return undefined;
  return Number(m[1]) * SUFFIXES[m[2]];
}

/** The breaking risks of a change: each immutable field it touches, with the fix. */
export function breakingRisks(group: string, kind: string, before: DiffObject, fields: readonly FieldChange[]): Risk[] {
  const risks: Risk[] = [];
  for (const rule of IMMUTABLE_RULES) {
    if (rule.group !== group || !rule.kinds.includes(kind) || (rule.when && !rule.when(before))) continue;
    const touched = new Set<string>();
    for (const field of fields) {
      if (rule.allows?.(field)) continue;
      const immutable = rule.immutable
        ? rule.immutable.find((p) => startsWith(field.path, p) || startsWith(p, field.path))
        : field.path[0] === 'spec' && !rule.specExcept!.some((p) => startsWith(field.path, p))
          ? field.path.slice(0, 2)
          : undefined;
      if (immutable) touched.add(immutable.join('.'));
    }
    for (const path of touched) {
      const what = rule.when ? `${kind} is immutable` : `${path} is immutable`;
      risks.push({ level: 'breaking', why: `${what}: kubectl apply refuses the change of ${path}`, fix: rule.fix });
    }
  }
  return risks;
}
