import { deepEqual, startsWith } from './fields';
import { breakingRisks } from './immutable';
import { DiffObject, FieldChange, RISK_LEVELS, Risk } from './model';
import { podSpecOf, securityRisks } from './security';

/** The annotation whose change rolls pods when their ConfigMaps or Secrets change (lib/workloads/pod-template.ts). */
export const CHECKSUM_ANNOTATION = 'checksum/config';

/** Kinds whose pod template change is a rollout. */
const ROLLING_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/** Kinds whose removal loses data or a whole API, with why. */
const DESTRUCTIVE_REMOVALS: Record<string, string> = {
  PersistentVolumeClaim: "deleting the claim deletes its volume's data when the reclaim policy is Delete (the default of dynamic provisioning)",
  PersistentVolume: "deleting the volume loses its data when the reclaim policy is Delete",
  StatefulSet: 'deleting the StatefulSet deletes its pods; its claims stay, and a new StatefulSet must match them to use them again',
  Namespace: 'deleting a Namespace deletes everything in it',
  CustomResourceDefinition: 'deleting a CustomResourceDefinition deletes every custom resource of its kind',
};
const DESTRUCTIVE_FIX = 'keep the object (or take a backup first); remove it only once what it holds is not needed';

/** What the assessment needs to know besides the object itself. */
export interface RiskContext {
  /** ConfigMaps and Secrets of the same environment whose content changed, as `ConfigMap/namespace/name`. */
  readonly changedConfig: ReadonlySet<string>;
}

const byLevel = (a: Risk, b: Risk) => RISK_LEVELS.indexOf(a.level) - RISK_LEVELS.indexOf(b.level);

/** The risks of a changed object, most dangerous first; never empty. */
export function changedRisks(group: string, kind: string, before: DiffObject, after: DiffObject, fields: readonly FieldChange[], context: RiskContext): Risk[] {
  const risks = [...breakingRisks(group, kind, before, fields), ...securityRisks(group, kind, before, after), ...disruptiveRisks(group, kind, before, after, fields, context)];
  if (risks.length === 0) {
    risks.push(
      fields.every((f) => f.path[0] === 'metadata')
        ? { level: 'metadata', why: 'only metadata changed (labels, annotations)' }
        : { level: 'in-place', why: 'applied in place' },
    );
  }
  return risks.sort(byLevel);
}

/** The risks of a new object: what it allows, else none beyond its creation. */
export function addedRisks(group: string, kind: string, after: DiffObject): Risk[] {
  const risks = securityRisks(group, kind, undefined, after);
  return risks.length > 0 ? risks : [{ level: 'in-place', why: 'created' }];
}

/** The risks of a removed object (deleted when the output is applied with pruning). */
export function removedRisks(group: string, kind: string): Risk[] {
  const destructive = DESTRUCTIVE_REMOVALS[kind];
  if (destructive && (group === '' || group === 'apps' || group === 'apiextensions.k8s.io')) return [{ level: 'destructive', why: destructive, fix: DESTRUCTIVE_FIX }];
  if (ROLLING_KINDS.has(kind) || kind === 'Service' || kind === 'Ingress') return [{ level: 'disruptive', why: `deleting the ${kind} stops what it serves` }];
  if (kind === 'NetworkPolicy') return [{ level: 'security', why: 'deleting a NetworkPolicy lets through what it blocked' }];
  return [{ level: 'in-place', why: 'deleted when applied with pruning' }];
}

function disruptiveRisks(group: string, kind: string, before: DiffObject, after: DiffObject, fields: readonly FieldChange[], context: RiskContext): Risk[] {
  const risks: Risk[] = [];
  const add = (why: string) => risks.push({ level: 'disruptive', why });
  if (ROLLING_KINDS.has(kind) && fields.some((f) => startsWith(f.path, ['spec', 'template']) || (f.path.length < 2 && f.path[0] !== 'metadata'))) {
    const checksum = fields.some((f) => f.path.length >= 5 && startsWith(f.path, ['spec', 'template', 'metadata', 'annotations', CHECKSUM_ANNOTATION]));
    const moved = checksum ? configOf(kind, after).filter((ref) => context.changedConfig.has(`${ref.kind}/${after.metadata?.namespace ?? ''}/${ref.name}`)) : [];
    const why = moved.length > 0 ? `the content of ${moved.map((r) => `${r.kind} ${r.name}`).join(', ')} changed (${CHECKSUM_ANNOTATION})` : checksum ? `the content of a ConfigMap or Secret it reads changed (${CHECKSUM_ANNOTATION})` : 'the pod template changed';
    add(`pods roll: ${why}`);
  }
  const replicas = [before.spec?.replicas, after.spec?.replicas];
  if (typeof replicas[0] === 'number' && typeof replicas[1] === 'number' && replicas[1] < replicas[0]) add(`fewer replicas (${replicas[0]} → ${replicas[1]})`);
  if (group === '' && kind === 'Service') {
    if (!deepEqual(before.spec?.type, after.spec?.type)) add(`the Service type changes (${before.spec?.type ?? 'ClusterIP'} → ${after.spec?.type ?? 'ClusterIP'})`);
    if (!deepEqual(before.spec?.selector, after.spec?.selector)) add('the Service selects other pods: traffic moves');
  }
  if (group === 'networking.k8s.io' && kind === 'Ingress') {
    const hosts = (o: DiffObject) => [...new Set(((o.spec?.rules ?? []) as any[]).map((r) => r?.host ?? '*'))].sort();
    if (!deepEqual(hosts(before), hosts(after))) add(`the Ingress answers for other hosts (${hosts(before).join(', ') || 'none'} → ${hosts(after).join(', ') || 'none'})`);
    if (!deepEqual(before.spec?.tls, after.spec?.tls)) add('the Ingress TLS settings change');
  }
  return risks;
}

/** The ConfigMaps and Secrets a workload's pods read: volumes (projected too), env and envFrom. */
function configOf(kind: string, obj: DiffObject): Array<{ kind: 'ConfigMap' | 'Secret'; name: string }> {
  const pod = podSpecOf(kind, obj);
  if (!pod) return [];
  const out = new Map<string, { kind: 'ConfigMap' | 'Secret'; name: string }>();
  const ref = (k: 'ConfigMap' | 'Secret', name: unknown) => typeof name === 'string' && out.set(`${k}/${name}`, { kind: k, name });
  for (const v of pod.volumes ?? []) {
    ref('ConfigMap', v?.configMap?.name);
    ref('Secret', v?.secret?.secretName);
    for (const s of v?.projected?.sources ?? []) {
      ref('ConfigMap', s?.configMap?.name);
      ref('Secret', s?.secret?.name);
    }
  }
  for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
    for (const e of c?.env ?? []) {
      ref('ConfigMap', e?.valueFrom?.configMapKeyRef?.name);
      ref('Secret', e?.valueFrom?.secretKeyRef?.name);
    }
    for (const e of c?.envFrom ?? []) {
      ref('ConfigMap', e?.configMapRef?.name);
      ref('Secret', e?.secretRef?.name);
    }
  }
  return [...out.values()];
}
