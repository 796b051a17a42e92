/**
 * The Pod Security Standards, as the PodSecurity admission plugin checks them
 * (k8s.io/pod-security-admission v0.37, policy/check_*.go, at version
 * `latest`): each check below is one of the plugin's, with its level, its
 * reason and its detail worded as the plugin words them, so a finding reads
 * like the refusal the API server would send. A pod template is checked
 * against the level of its namespace: a Namespace of the output, or one the
 * environment declares (ValidateOptions.podSecurity). Where the namespace
 * enforces the level, a violation is an error under every profile and no
 * annotation opts out of it (admission would refuse the pod all the same);
 * where it only warns or audits, it counts as best practice.
 */
import { BASELINE_CAPABILITIES, POD_SECURITY_LEVELS, POD_SECURITY_MODES, PodSecurityLevel } from '../../kube/pod-security';
import type { JsonPath } from '../findings';
import { EMPTY, Json, PodTemplate, isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule } from './rule';

const id = 'pod-security';
/** privileged 0, baseline 1, restricted 2 */
const RANK = Object.fromEntries(POD_SECURITY_LEVELS.map((level, i) => [level, i])) as Record<PodSecurityLevel, number>;

export type { NamespacePodSecurity } from '../../kube/pod-security';

/** One check that failed: the level it belongs to, admission's reason and detail, and where in the pod spec. */
export interface PodSecurityViolation {
  readonly level: 'baseline' | 'restricted';
  readonly reason: string;
  readonly detail: string;
  readonly path: JsonPath;
}

/** The template of a pod as the checks read it: its spec, its annotations and the spec's path. */
interface Pod {
  readonly spec: Json;
  readonly annotations: Readonly<Record<string, unknown>>;
  readonly path: JsonPath;
  /** init containers then containers, as admission visits them */
  readonly containers: ReadonlyArray<{ readonly c: Json; readonly sc: Json; readonly path: JsonPath }>;
}

type Check = (pod: Pod) => Omit<PodSecurityViolation, 'level'> | undefined;

const q = (items: readonly string[]) => (items.length === 0 ? '' : `"${items.join('", "')}"`);
const plural = (one: string, many: string, n: number) => (n === 1 ? one : many);
const containersText = (names: readonly string[]) => `${plural('container', 'containers', names.length)} ${q(names)}`;
const sorted = (set: Set<string>) => [...set].sort();
const nameOf = (c: Json) => (typeof c.name === 'string' ? c.name : '');
const podSc = (pod: Pod): Json => (isRecord(pod.spec.securityContext) ? pod.spec.securityContext : EMPTY);
/** The pod runs in a user namespace (`hostUsers: false`): some restricted checks relax (1.35+). */
const userNamespace = (pod: Pod) => pod.spec.hostUsers === false;
const windows = (pod: Pod) => isRecord(pod.spec.os) && pod.spec.os.name === 'windows';

const SELINUX_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem', 'net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat',
]);
const ALLOWED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'];
const RESTRICTED_VOLUMES = ['hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos'];

/** The containers whose securityContext field `read` gives a value `bad` rejects; the first one's path. */
function badContainers(pod: Pod, bad: (sc: Json, c: Json) => boolean, field: string): { names: string[]; path: JsonPath } | undefined {
  const names: string[] = [];
  let path: JsonPath | undefined;
  for (const { c, sc, path: at } of pod.containers) {
    if (!bad(sc, c)) continue;
    names.push(nameOf(c));
    path ??= [...at, 'securityContext', ...(field ? [field] : [])];
  }
  return path ? { names, path } : undefined;
}

function appArmorProfile(pod: Pod) {
  const allowedType = (p: unknown) => !isRecord(p) || p.type === 'RuntimeDefault' || p.type === 'Localhost';
  const setters: string[] = [];
  const values = new Set<string>();
  let path: JsonPath | undefined;
  const sc = podSc(pod);
  if (!allowedType(sc.appArmorProfile)) {
    setters.push('pod');
    values.add(String(sc.appArmorProfile.type ?? ''));
    path = [...pod.path, 'securityContext', 'appArmorProfile', 'type'];
  }
  const bad = badContainers(pod, (s) => !allowedType(s.appArmorProfile), 'appArmorProfile');
  if (bad) {
    for (const { sc: s } of pod.containers) if (!allowedType(s.appArmorProfile)) values.add(String(s.appArmorProfile.type ?? ''));
    setters.push(containersText(bad.names));
    path ??= bad.path;
  }
  const annotations: string[] = [];
  for (const key of Object.keys(pod.annotations)) {
    const v = String(pod.annotations[key]);
    if (key.startsWith('container.apparmor.security.beta.kubernetes.io/') && !(v === '' || v === 'runtime/default' || v.startsWith('localhost/'))) annotations.push(`${key}=${JSON.stringify(v)}`);
  }
  const list = sorted(values);
  if (annotations.length > 0) {
    list.push(...annotations.sort());
    setters.push(plural('annotation', 'annotations', annotations.length));
    path ??= pod.path.slice(0, -1).concat('metadata', 'annotations');
  }
  if (setters.length === 0) return undefined;
  return { reason: plural('forbidden AppArmor profile', 'forbidden AppArmor profiles', list.length), detail: `${setters.join(' and ')} must not set AppArmor profile type to ${q(list)}`, path: path! };
}

function capabilitiesBaseline(pod: Pod) {
  const added = new Set<string>();
  const bad = badContainers(pod, (sc) => {
    const add = isRecord(sc.capabilities) && Array.isArray(sc.capabilities.add) ? sc.capabilities.add : [];
    const extra = add.filter((c: unknown) => !BASELINE_CAPABILITIES.has(String(c)));
    extra.forEach((c: unknown) => added.add(String(c)));
    return extra.length > 0;
  }, 'capabilities');
  if (!bad) return undefined;
  return { reason: 'non-default capabilities', detail: `${containersText(bad.names)} must not include ${q(sorted(added))} in securityContext.capabilities.add`, path: [...bad.path, 'add'] };
}

function hostNamespaces(pod: Pod) {
  const set = ['hostNetwork', 'hostPID', 'hostIPC'].filter((f) => pod.spec[f] === true);
  if (set.length === 0) return undefined;
  return { reason: 'host namespaces', detail: set.map((f) => `${f}=true`).join(', '), path: [...pod.path, set[0]] };
}

function volumes(pod: Pod): Json[] {
  return Array.isArray(pod.spec.volumes) ? pod.spec.volumes.filter(isRecord) : [];
}

function hostPathVolumes(pod: Pod) {
  const all = volumes(pod);
  const bad = all.filter((v) => v.hostPath != null);
  if (bad.length === 0) return undefined;
  return { reason: 'hostPath volumes', detail: `${plural('volume', 'volumes', bad.length)} ${q(bad.map(nameOf))}`, path: [...pod.path, 'volumes', all.indexOf(bad[0]), 'hostPath'] };
}

function hostPorts(pod: Pod) {
  const ports = new Set<string>();
  const bad = badContainers(pod, (_sc, c) => {
    let found = false;
    for (const p of Array.isArray(c.ports) ? c.ports : []) {
      if (isRecord(p) && typeof p.hostPort === 'number' && p.hostPort !== 0) {
        ports.add(String(p.hostPort));
        found = true;
      }
    }
    return found;
  }, '');
  if (!bad) return undefined;
  const n = bad.names.length;
  return { reason: 'hostPort', detail: `${containersText(bad.names)} ${plural('uses', 'use', n)} ${plural('hostPort', 'hostPorts', ports.size)} ${sorted(ports).join(', ')}`, path: bad.path.slice(0, -1).concat('ports') };
}

function hostProbesAndHostLifecycle(pod: Pod) {
  const names = new Set<string>();
  const hosts = new Set<string>();
  let path: JsonPath | undefined;
  for (const { c, path: at } of pod.containers) {
    const handlers: Array<[unknown, JsonPath]> = [['livenessProbe', c.livenessProbe], ['readinessProbe', c.readinessProbe], ['startupProbe', c.startupProbe]].map(([f, h]) => [h, [...at, f as string]]);
    if (isRecord(c.lifecycle)) for (const f of ['postStart', 'preStop']) handlers.push([c.lifecycle[f], [...at, 'lifecycle', f]]);
    for (const [h, p] of handlers) {
      if (!isRecord(h)) continue;
      for (const kind of ['httpGet', 'tcpSocket']) {
        const host = isRecord(h[kind]) ? h[kind].host : undefined;
        if (typeof host === 'string' && host !== '') {
          names.add(nameOf(c));
          hosts.add(host);
          path ??= [...p, kind, 'host'];
        }
      }
    }
  }
  if (!path) return undefined;
  const n = names.size;
  return { reason: 'probe or lifecycle host', detail: `${containersText(sorted(names))} ${plural('uses', 'use', n)} ${plural('probe or lifecycle host', 'probe or lifecycle hosts', hosts.size)} ${q(sorted(hosts))}`, path };
}

function privileged(pod: Pod) {
  const bad = badContainers(pod, (sc) => sc.privileged === true, 'privileged');
  return bad && { reason: 'privileged', detail: `${containersText(bad.names)} must not set securityContext.privileged=true`, path: bad.path };
}

function procMountCheck(pod: Pod) {
  const types = new Set<string>();
  const bad = badContainers(pod, (sc) => {
    if (sc.procMount == null || sc.procMount === 'Default') return false;
    types.add(String(sc.procMount));
    return true;
  }, 'procMount');
  return bad && { reason: 'procMount', detail: `${containersText(bad.names)} must not set securityContext.procMount to ${q(sorted(types))}`, path: bad.path };
}

function procMountBaseline(pod: Pod) {
  return userNamespace(pod) ? undefined : procMountCheck(pod);
}

function seLinuxOptions(pod: Pod) {
  const types = new Set<string>();
  let user = false;
  let role = false;
  const valid = (o: unknown) => {
    if (!isRecord(o)) return true;
    let ok = true;
    const type = typeof o.type === 'string' ? o.type : '';
    if (!SELINUX_TYPES.has(type)) (ok = false), types.add(type);
    if (typeof o.user === 'string' && o.user !== '') (ok = false), (user = true);
    if (typeof o.role === 'string' && o.role !== '') (ok = false), (role = true);
    return ok;
  };
  const setters: string[] = [];
  let path: JsonPath | undefined;
  if (!valid(podSc(pod).seLinuxOptions)) {
    setters.push('pod');
    path = [...pod.path, 'securityContext', 'seLinuxOptions'];
  }
  const bad = badContainers(pod, (sc) => !valid(sc.seLinuxOptions), 'seLinuxOptions');
  if (bad) setters.push(containersText(bad.names)), (path ??= bad.path);
  if (!path) return undefined;
  const data = [...(types.size ? [`${plural('type', 'types', types.size)} ${q(sorted(types))}`] : []), ...(user ? ['user may not be set'] : []), ...(role ? ['role may not be set'] : [])];
  return { reason: 'seLinuxOptions', detail: `${setters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}`, path };
}

const validSeccomp = (p: Json) => p.type === 'RuntimeDefault' || p.type === 'Localhost';

/** The seccomp check of both levels: a profile set must be RuntimeDefault or Localhost; `restricted` also requires one. */
function seccomp(required: boolean) {
  return (pod: Pod) => {
    if (required && windows(pod)) return undefined;
    const setters: string[] = [];
    const values = new Set<string>();
    let path: JsonPath | undefined;
    const podProfile = podSc(pod).seccompProfile;
    let podSet = false;
    if (isRecord(podProfile)) {
      if (!validSeccomp(podProfile)) setters.push('pod'), values.add(String(podProfile.type ?? '')), (path = [...pod.path, 'securityContext', 'seccompProfile', 'type']);
      else podSet = true;
    }
    const explicit: string[] = [];
    const implicit: string[] = [];
    let implicitPath: JsonPath | undefined;
    for (const { c, sc, path: at } of pod.containers) {
      if (isRecord(sc.seccompProfile)) {
        if (!validSeccomp(sc.seccompProfile)) explicit.push(nameOf(c)), values.add(String(sc.seccompProfile.type ?? '')), (path ??= [...at, 'securityContext', 'seccompProfile', 'type']);
      } else if (!podSet) {
        implicit.push(nameOf(c));
        implicitPath ??= [...at, 'securityContext'];
      }
    }
    if (explicit.length > 0) setters.push(containersText(explicit));
    if (setters.length > 0) return { reason: 'seccompProfile', detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${q(sorted(values))}`, path: path! };
    if (required && implicit.length > 0) return { reason: 'seccompProfile', detail: `pod or ${containersText(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`, path: implicitPath! };
    return undefined;
  };
}

function sysctls(pod: Pod) {
  const list = Array.isArray(podSc(pod).sysctls) ? podSc(pod).sysctls.filter(isRecord) : [];
  const bad = list.filter((s: Json) => !SAFE_SYSCTLS.has(String(s.name)));
  if (bad.length === 0) return undefined;
  return { reason: 'forbidden sysctls', detail: bad.map((s: Json) => String(s.name)).join(', '), path: [...pod.path, 'securityContext', 'sysctls', list.indexOf(bad[0])] };
}

function windowsHostProcess(pod: Pod) {
  const hostProcess = (sc: Json) => isRecord(sc.windowsOptions) && sc.windowsOptions.hostProcess === true;
  const setters: string[] = [];
  let path: JsonPath | undefined;
  const bad = badContainers(pod, hostProcess, 'windowsOptions');
  if (hostProcess(podSc(pod))) setters.push('pod'), (path = [...pod.path, 'securityContext', 'windowsOptions', 'hostProcess']);
  if (bad) setters.push(containersText(bad.names)), (path ??= [...bad.path, 'hostProcess']);
  return path && { reason: 'hostProcess', detail: `${setters.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`, path };
}

function allowPrivilegeEscalation(pod: Pod) {
  if (windows(pod)) return undefined;
  const bad = badContainers(pod, (sc) => sc.allowPrivilegeEscalation !== false, 'allowPrivilegeEscalation');
  return bad && { reason: 'allowPrivilegeEscalation != false', detail: `${containersText(bad.names)} must set securityContext.allowPrivilegeEscalation=false`, path: bad.path };
}

function capabilitiesRestricted(pod: Pod) {
  if (windows(pod)) return undefined;
  const forbidden = new Set<string>();
  const missingDrop = badContainers(pod, (sc) => !(isRecord(sc.capabilities) && Array.isArray(sc.capabilities.drop) && sc.capabilities.drop.includes('ALL')), 'capabilities');
  const adding = badContainers(pod, (sc) => {
    const add = isRecord(sc.capabilities) && Array.isArray(sc.capabilities.add) ? sc.capabilities.add : [];
    const extra = add.filter((c: unknown) => c !== 'NET_BIND_SERVICE');
    extra.forEach((c: unknown) => forbidden.add(String(c)));
    return extra.length > 0;
  }, 'capabilities');
  const details: string[] = [];
  if (missingDrop) details.push(`${containersText(missingDrop.names)} must set securityContext.capabilities.drop=["ALL"]`);
  if (adding) details.push(`${containersText(adding.names)} must not include ${q(sorted(forbidden))} in securityContext.capabilities.add`);
  if (details.length === 0) return undefined;
  return { reason: 'unrestricted capabilities', detail: details.join('; '), path: missingDrop?.path ?? [...adding!.path, 'add'] };
}

function restrictedVolumes(pod: Pod) {
  const all = volumes(pod);
  const bad = all.filter((v) => !ALLOWED_VOLUMES.some((f) => v[f] != null));
  if (bad.length === 0) return undefined;
  const types = new Set(bad.map((v) => RESTRICTED_VOLUMES.find((f) => v[f] != null) ?? 'unknown'));
  const n = bad.length;
  return {
    reason: 'restricted volume types',
    detail: `${plural('volume', 'volumes', n)} ${q(bad.map(nameOf))} ${plural('uses', 'use', n)} ${plural('restricted volume type', 'restricted volume types', types.size)} ${q(sorted(types))}`,
    path: [...pod.path, 'volumes', all.indexOf(bad[0])],
  };
}

function runAsNonRoot(pod: Pod) {
  if (userNamespace(pod)) return undefined;
  const setters: string[] = [];
  let path: JsonPath | undefined;
  const podValue = podSc(pod).runAsNonRoot;
  if (podValue === false) setters.push('pod'), (path = [...pod.path, 'securityContext', 'runAsNonRoot']);
  const explicit = badContainers(pod, (sc) => sc.runAsNonRoot === false, 'runAsNonRoot');
  if (explicit) setters.push(containersText(explicit.names)), (path ??= explicit.path);
  if (setters.length > 0) return { reason: 'runAsNonRoot != true', detail: `${setters.join(' and ')} must not set securityContext.runAsNonRoot=false`, path: path! };
  const implicit = podValue === true ? undefined : badContainers(pod, (sc) => sc.runAsNonRoot == null, '');
  return implicit && { reason: 'runAsNonRoot != true', detail: `pod or ${containersText(implicit.names)} must set securityContext.runAsNonRoot=true`, path: implicit.path };
}

function runAsUser(pod: Pod) {
  if (userNamespace(pod)) return undefined;
  const setters: string[] = [];
  let path: JsonPath | undefined;
  if (podSc(pod).runAsUser === 0) setters.push('pod'), (path = [...pod.path, 'securityContext', 'runAsUser']);
  const bad = badContainers(pod, (sc) => sc.runAsUser === 0, 'runAsUser');
  if (bad) setters.push(containersText(bad.names)), (path ??= bad.path);
  return path && { reason: 'runAsUser=0', detail: `${setters.join(' and ')} must not set runAsUser=0`, path };
}

/**
 * The checks of each level in admission's order (baseline first, then
 * restricted, each sorted by the plugin's check id); at `restricted`, the
 * restricted capabilities, volumes, seccomp and procMount checks replace the
 * baseline ones they tighten.
 */
const BASELINE: ReadonlyArray<[string, Check]> = [
  ['appArmorProfile', appArmorProfile],
  ['capabilities_baseline', capabilitiesBaseline],
  ['hostNamespaces', hostNamespaces],
  ['hostPathVolumes', hostPathVolumes],
  ['hostPorts', hostPorts],
  ['hostProbesAndHostLifecycle', hostProbesAndHostLifecycle],
  ['privileged', privileged],
  ['procMount', procMountBaseline],
  ['seLinuxOptions', seLinuxOptions],
  ['seccompProfile_baseline', seccomp(false)],
  ['sysctls', sysctls],
  ['windowsHostProcess', windowsHostProcess],
];
const RESTRICTED: ReadonlyArray<[string, Check]> = [
  ['allowPrivilegeEscalation', allowPrivilegeEscalation],
  ['capabilities_restricted', capabilitiesRestricted],
  ['procMount_restricted', procMountCheck],
  ['restrictedVolumes', restrictedVolumes],
  ['runAsNonRoot', runAsNonRoot],
  ['runAsUser', runAsUser],
  ['seccompProfile_restricted', seccomp(true)],
];
const OVERRIDDEN = new Set(['capabilities_baseline', 'hostPathVolumes', 'seccompProfile_baseline', 'procMount']);

/** The checks a pod fails at `level`, in the order admission lists them. */
export function podSecurityViolations(template: PodTemplate, level: PodSecurityLevel): PodSecurityViolation[] {
  return level === 'privileged' ? [] : podSecurityViolationsByLevel(template)[level];
}

/** The checks a pod template fails at baseline and at restricted, in one pass: restricted runs the baseline checks too, but for those it overrides. */
export function podSecurityViolationsByLevel(template: PodTemplate): { baseline: PodSecurityViolation[]; restricted: PodSecurityViolation[] } {
  const pod: Pod = {
    spec: template.spec,
    annotations: template.annotations,
    path: template.path,
    containers: template.containers.map(({ container, path }) => ({ c: container, sc: isRecord(container.securityContext) ? container.securityContext : EMPTY, path })),
  };
  const baseline: PodSecurityViolation[] = [];
  const restricted: PodSecurityViolation[] = [];
  for (const [checkId, check] of BASELINE) {
    const v = check(pod);
    if (!v) continue;
    const violation: PodSecurityViolation = { level: 'baseline', ...v };
    baseline.push(violation);
    if (!OVERRIDDEN.has(checkId)) restricted.push(violation);
  }
  for (const [, check] of RESTRICTED) {
    const v = check(pod);
    if (v) restricted.push({ level: 'restricted', ...v });
  }
  return { baseline, restricted };
}

/** Admission's refusal text for a list of violations: `reason (detail), reason (detail)`. */
export function forbiddenDetail(violations: readonly PodSecurityViolation[]): string {
  return violations.map((v) => (v.detail ? `${v.reason} (${v.detail})` : v.reason)).join(', ');
}

export const podSecurity: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'pods meet the Pod Security level (baseline or restricted) their namespace enforces, warns or audits, as the admission plugin checks it; an error under every profile where the namespace enforces it',
  why:
    'A namespace labelled `pod-security.kubernetes.io/enforce: restricted` (as chartwright\'s `Namespace` and the Namespaces of an environment are) makes the API server refuse every pod that breaks the level. ' +
    'A Deployment, StatefulSet, DaemonSet, Job or CronJob is still accepted: its controller then fails to create any pod, and the only trace is a FailedCreate event. ' +
    'This rule runs the checks of the PodSecurity admission plugin on each pod template against the level of its namespace, when the Namespace is in the output or declared by the environment (`podSecurity`), so the refusal shows before the apply. ' +
    'It reports each check the plugin would fail, worded as the plugin words it. A namespace that only warns or audits gives best-practice findings.',
  fix: 'change the pod to meet the level (the message names the fields), or run it in a namespace with a lower level',
  example: {
    fails: `apiVersion: v1
kind: Namespace
metadata:
  name: web
  labels:
    pod-security.kubernetes.io/enforce: baseline
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
      securityContext:
        privileged: true
`,
    passes: `apiVersion: v1
kind: Namespace
metadata:
  name: web
  labels:
    pod-security.kubernetes.io/enforce: baseline
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
`,
  },
  // the violations at each level are recorded as the pod is read (entries.ts); its namespace's modes may come later
  checkWorkload({ entry, workload, output }) {
    const policy = output.podSecurity.get(entry.namespace);
    if (!policy) return;
    const enforce = policy.enforce ?? 'privileged';
    const strictest = POD_SECURITY_MODES.reduce<PodSecurityLevel>((max, m) => (policy[m] && RANK[policy[m]!] > RANK[max] ? policy[m]! : max), 'privileged');
    if (strictest === 'privileged') return;
    for (const v of workload.podSecurity[strictest]) {
      const enforced = RANK[v.level] <= RANK[enforce];
      const mode = enforced ? 'enforces' : policy.warn && RANK[v.level] <= RANK[policy.warn] ? 'warns about' : 'audits';
      entry.report(id, v.path, `namespace "${entry.namespace}" ${mode} Pod Security "${v.level}": ${v.reason} (${v.detail})`, undefined, enforced);
    }
  },
};
