import { isRecord } from '../internal/objects';
import { deepEqual } from './fields';
import { DiffObject, Risk } from './model';

/**
 * Security risks of a change: what the new version allows that the old one
 * did not. RBAC rules that grant more, bindings to more subjects, containers
 * made privileged or root, host paths, host namespaces, added capabilities,
 * NetworkPolicies that let more through. `before` is undefined for a new object.
 */
export function securityRisks(group: string, kind: string, before: DiffObject | undefined, after: DiffObject): Risk[] {
  const risks: Risk[] = [];
  const add = (why: string) => risks.push({ level: 'security', why });
  const podAfter = podSpecOf(kind, after);
  if (podAfter) podRisks(podSpecOf(kind, before) ?? {}, podAfter, add);
  if (group === 'rbac.authorization.k8s.io') rbacRisks(kind, before, after, add);
  if (group === 'networking.k8s.io' && kind === 'NetworkPolicy' && before) networkPolicyRisks(before, after, add);
  return risks;
}

/** The pod spec of a pod or of a workload's template. */
export function podSpecOf(kind: string, obj: DiffObject | undefined): Record<string, any> | undefined {
  if (!obj) return undefined;
  const spec = obj.spec;
  if (!isRecord(spec)) return undefined;
  if (kind === 'Pod') return spec;
  if (kind === 'CronJob') return spec.jobTemplate?.spec?.template?.spec;
  return isRecord(spec.template) && isRecord(spec.template.spec) ? spec.template.spec : undefined;
}

function podRisks(before: Record<string, any>, after: Record<string, any>, add: (why: string) => void): void {
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (after[field] === true && before[field] !== true) add(`the pods use the node's ${field.slice(4) === 'Network' ? 'network' : field.slice(4)} namespace (${field})`);
  }
  const hostPaths = (spec: Record<string, any>) => new Set(list(spec.volumes).filter((v) => isRecord(v.hostPath)).map((v) => String(v.hostPath.path)));
  const oldPaths = hostPaths(before);
  for (const p of hostPaths(after)) if (!oldPaths.has(p)) add(`a hostPath volume mounts ${p} of the node`);
  const containers = (spec: Record<string, any>) => new Map([...list(spec.initContainers), ...list(spec.containers)].map((c) => [String(c.name), c]));
  const old = containers(before);
  for (const [name, c] of containers(after)) {
    const o = old.get(name) ?? {};
    const sc = c.securityContext ?? {};
    const osc = o.securityContext ?? {};
    if (sc.privileged === true && osc.privileged !== true) add(`container ${name} is privileged`);
    if (sc.allowPrivilegeEscalation === true && osc.allowPrivilegeEscalation !== true) add(`container ${name} allows privilege escalation`);
    const oldCaps = new Set(strings(osc.capabilities?.add));
    const added = strings(sc.capabilities?.add).filter((x) => !oldCaps.has(x));
    if (added.length > 0) add(`container ${name} adds the capabilit${added.length === 1 ? 'y' : 'ies'} ${added.join(', ')}`);
    if (runsAsRoot(after, sc) && !runsAsRoot(before, osc)) add(`container ${name} may run as root (runAsNonRoot is not true, or runAsUser is 0)`);
  }
}

/** Root as the kubelet sees it: runAsUser 0, or no runAsNonRoot guard. The container's settings win over the pod's. */
function runsAsRoot(pod: Record<string, any>, sc: Record<string, any>): boolean {
  const psc = pod.securityContext ?? {};
  const user = sc.runAsUser ?? psc.runAsUser;
  const nonRoot = sc.runAsNonRoot ?? psc.runAsNonRoot;
  return user === 0 || (nonRoot !== true && user === undefined);
}

function strings(x: unknown): string[] {
  return Array.isArray(x) ? x.map(String) : [];
}

function list(x: unknown): any[] {
  return Array.isArray(x) ? x.filter(isRecord) : [];
}

/** One thing a rule grants: a verb on a resource (with a name, or any) of a group, or on a non-resource URL. */
interface Grant {
  readonly group: string;
  readonly resource: string;
  readonly verb: string;
  readonly name: string;
}

function grantsOf(rules: unknown): Grant[] {
  const out: Grant[] = [];
  for (const rule of list(rules)) {
    const verbs: string[] = (rule.verbs ?? []).map(String);
    const names: string[] = rule.resourceNames?.length ? rule.resourceNames.map(String) : ['*'];
    for (const url of (rule.nonResourceURLs ?? []).map(String)) for (const verb of verbs) out.push({ group: '(url)', resource: url, verb, name: '*' });
    for (const group of (rule.apiGroups ?? []).map(String)) {
      for (const resource of (rule.resources ?? []).map(String)) for (const verb of verbs) for (const name of names) out.push({ group, resource, verb, name });
    }
  }
  return out;
}

const covers = (a: string, b: string) => a === '*' || a === b || (a.endsWith('*') && b.startsWith(a.slice(0, -1)));

function covered(g: Grant, by: readonly Grant[]): boolean {
  return by.some((o) => covers(o.group, g.group) && covers(o.resource, g.resource) && covers(o.verb, g.verb) && covers(o.name, g.name));
}

const describeGrant = (g: Grant) => (g.group === '(url)' ? `${g.verb} ${g.resource}` : `${g.verb} ${g.group ? `${g.group}/` : ''}${g.resource}${g.name === '*' ? '' : ` "${g.name}"`}`);

function rbacRisks(kind: string, before: DiffObject | undefined, after: DiffObject, add: (why: string) => void): void {
  if (kind === 'Role' || kind === 'ClusterRole') {
    const old = grantsOf(before?.rules);
    const wider = grantsOf(after.rules).filter((g) => !covered(g, old));
    if (wider.length > 0) {
      const shown = [...new Set(wider.map(describeGrant))];
      add(`RBAC widened: the ${kind} now grants ${shown.slice(0, 5).join(', ')}${shown.length > 5 ? ` and ${shown.length - 5} more` : ''}`);
    }
    if (after.aggregationRule !== undefined && !deepEqual(after.aggregationRule, before?.aggregationRule)) add(`RBAC widened: the ${kind} aggregates other roles (aggregationRule changed)`);
  } else if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
    const old = list(before?.subjects);
    const added = list(after.subjects).filter((s) => !old.some((o) => deepEqual(o, s)));
    const role = after.roleRef ? `${after.roleRef.kind} ${after.roleRef.name}` : 'its role';
    if (added.length > 0) add(`RBAC widened: ${role} is bound to ${added.map((s) => `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`).join(', ')}`);
  }
}

function networkPolicyRisks(before: DiffObject, after: DiffObject, add: (why: string) => void): void {
  const b = before.spec ?? {};
  const a = after.spec ?? {};
  for (const direction of ['ingress', 'egress'] as const) {
    const old = list(b[direction]);
    const added = list(a[direction]).filter((r) => !old.some((o) => deepEqual(o, r)));
    if (added.length > 0) add(`NetworkPolicy loosened: ${added.length} ${direction} rule${added.length === 1 ? '' : 's'} added or widened`);
  }
  const types = (s: Record<string, any>) => new Set((s.policyTypes ?? []).map(String));
  const lost = [...types(b)].filter((t) => !types(a).has(t));
  if (lost.length > 0) add(`NetworkPolicy loosened: it no longer restricts ${lost.join(', ')}`);
  if (!deepEqual(a.podSelector, b.podSelector)) add('NetworkPolicy changed which pods it protects (podSelector)');
}
