/**
 * The checks the Kubernetes API server makes that a schema cannot express:
 * name formats per kind, label and annotation syntax, port ranges and names,
 * unique names within a pod, selectors matching templates, cron schedules and
 * image references.
 */
import { cronProblem } from '../kube/cron';
import { quantityValue } from '../kube/quantity';
import { envFieldPathProblem, envResourceProblem } from '../kube/downward-api';
import { keyProblem, labelValueProblem } from '../kube/label-syntax';
import { IMAGE_REFERENCE } from '../kube/image';
import { DNS1035_LABEL, DNS1123_LABEL, DNS1123_SUBDOMAIN, ENV_VAR_NAME, portNameProblem } from '../kube/names';
import { ValidStrings } from '../internal/valid-strings';
import { JsonPath } from './findings';
import { Json, PodTemplate, asArray, isRecord, selectorMatches } from './objects';
import { Report } from './schema';
import { configKeyProblem } from '../kube/config-data';
import { checkConfigContent } from './config-content';
import { checkCronTimeZone } from './cron-time-zone';
import { checkIngressRefs } from './ingress-refs';

export { keyProblem, labelValueProblem } from '../kube/label-syntax';
export { portNameProblem } from '../kube/names';


const VALID_NAMES: Record<'label' | 'dns1035' | 'subdomain', ValidStrings> = {
  label: new ValidStrings((name) => DNS1123_LABEL.test(name)),
  dns1035: new ValidStrings((name) => DNS1035_LABEL.test(name)),
  subdomain: new ValidStrings((name) => DNS1123_SUBDOMAIN.test(name)),
};

const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);
const SELECTOR_MUST_MATCH = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
const ANNOTATIONS_MAX = 256 * 1024;

export type NameKind = 'label' | 'subdomain' | 'dns1035' | 'path-segment';

export interface NameRule {
  readonly format: NameKind;
  readonly max: number;
}

const NAME_RULES: Record<'namespace' | 'service' | 'rbac' | 'cronJob' | 'job' | 'statefulSet' | 'other', NameRule> = {
  namespace: { format: 'label', max: 63 },
  service: { format: 'dns1035', max: 63 },
  rbac: { format: 'path-segment', max: Infinity },
  cronJob: { format: 'subdomain', max: 52 },
  // a Job's name is the value of its pods' batch.kubernetes.io/job-name label
  job: { format: 'subdomain', max: 63 },
  // a StatefulSet's name begins its pods' host names: no dots
  statefulSet: { format: 'label', max: 253 },
  other: { format: 'subdomain', max: 253 },
};

/** How the API server checks an object's name, by kind. */
export function nameRule(kind: string): NameRule {
  if (kind === 'Namespace') return NAME_RULES.namespace;
  if (kind === 'Service') return NAME_RULES.service;
  if (RBAC_KINDS.has(kind)) return NAME_RULES.rbac;
  if (kind === 'CronJob') return NAME_RULES.cronJob;
  if (kind === 'Job') return NAME_RULES.job;
  if (kind === 'StatefulSet') return NAME_RULES.statefulSet;
  return NAME_RULES.other;
}

/** Why a name is not valid for a format, or undefined when it is. */
export function nameProblem(name: string, format: NameKind, max: number): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.length > max) return `is ${name.length} characters long; at most ${max} are allowed`;
  switch (format) {
    case 'label':
      return VALID_NAMES.label.test(name) ? undefined : 'is not a DNS-1123 label (lower-case letters, digits and "-", starting and ending with a letter or digit)';
    case 'dns1035':
      return VALID_NAMES.dns1035.test(name) ? undefined : 'is not a DNS-1035 label (lower-case letters, digits and "-", starting with a letter and ending with a letter or digit)';
    case 'subdomain':
      return VALID_NAMES.subdomain.test(name) ? undefined : 'is not a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", each part starting and ending with a letter or digit)';
    case 'path-segment':
      if (name === '.' || name === '..') return 'may not be "." or ".."';
      return /[/%]/.test(name) ? 'may not contain "/" or "%"' : undefined;
  }
}

function suggestName(name: string, max: number): string {
  const fixed = name.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '').slice(0, max).replace(/[^a-z0-9]+$/, '');
  return fixed && fixed !== name ? `use a name such as "${fixed}"` : 'use lower-case letters, digits and "-"';
}

/** Checks the keys and values of a label map at `path`. */
function checkLabels(labels: unknown, path: JsonPath, report: Report): void {
  if (!isRecord(labels)) return;
  for (const key in labels) {
    const value = labels[key];
    const kp = keyProblem(key);
    if (kp) report('label-syntax', [...path, key], `label key "${key}" ${kp}`);
    const vp = labelValueProblem(value);
    if (vp) report('label-syntax', [...path, key], `label value "${String(value)}" ${vp}`);
  }
}

function checkAnnotations(annotations: unknown, report: Report): void {
  if (!isRecord(annotations)) return;
  let size = 0;
  for (const key in annotations) {
    const value = annotations[key];
    size += key.length + (typeof value === 'string' ? value.length : 0);
    const kp = keyProblem(key);
    if (kp) report('annotation-syntax', ['metadata', 'annotations', key], `annotation key "${key}" ${kp}`);
  }
  if (size > ANNOTATIONS_MAX) report('annotation-syntax', ['metadata', 'annotations'], `annotations total ${size} bytes; at most ${ANNOTATIONS_MAX} are allowed`);
}

function portProblem(port: unknown, allowZero = false): string | undefined {
  if (typeof port !== 'number' || !Number.isInteger(port)) return undefined;
  if (allowZero && port === 0) return undefined;
  return port < 1 || port > 65535 ? `port ${port} is out of range` : undefined;
}

/** Whether a port is a number from 1 to 65535 or an IANA service name (a container port's name). */
function isIntOrNamedPort(value: unknown): boolean {
  if (typeof value === 'number') return value >= 1 && value <= 65535;
  return typeof value === 'string' && portNameProblem(value) === undefined;
}

/** Reports what is wrong with a port that is not a number from 1 to 65535 or a service name. */
function reportIntOrNamedPort(value: unknown, path: JsonPath, report: Report): void {
  if (typeof value === 'number') {
    const p = portProblem(value);
    if (p) report('port-range', path, p, 'use a port number from 1 to 65535');
  } else if (typeof value === 'string') {
    if (/^[0-9]+$/.test(value)) {
      report('port-name', path, `port "${value}" is a number written as a string`, `write it unquoted: ${value}`);
      return;
    }
    const p = portNameProblem(value);
    if (p) report('port-name', path, `port name "${value}" ${p}`);
  }
}

const META_LABELS: JsonPath = Object.freeze(['metadata', 'labels']);
const SELECTOR_LABELS: JsonPath = Object.freeze(['spec', 'selector', 'matchLabels']);
const POD_SELECTOR_LABELS: JsonPath = Object.freeze(['spec', 'podSelector', 'matchLabels']);
const SERVICE_SELECTOR: JsonPath = Object.freeze(['spec', 'selector']);

/** Runs the API server's checks on one object; `pod` is its pod template, if it has one. */
export function checkApiServer(obj: Json, pod: PodTemplate | undefined, report: Report): void {
  const kind: string = obj.kind;
  const meta = isRecord(obj.metadata) ? obj.metadata : undefined;
  if (!meta || (typeof meta.name !== 'string' && typeof meta.generateName !== 'string')) {
    if (!kind.endsWith('List')) report('name-format', ['metadata', 'name'], `${kind} has no metadata.name`, 'add metadata.name');
  } else if (typeof meta.name === 'string') {
    const { format, max } = nameRule(kind);
    const problem = nameProblem(meta.name, format, max);
    if (problem) report('name-format', ['metadata', 'name'], `name "${meta.name}" ${problem}`, suggestName(meta.name, max));
  }
  if (meta && typeof meta.namespace === 'string') {
    const problem = nameProblem(meta.namespace, 'label', 63);
    if (problem) report('name-format', ['metadata', 'namespace'], `namespace "${meta.namespace}" ${problem}`, suggestName(meta.namespace, 63));
  }
  if (meta) {
    checkLabels(meta.labels, META_LABELS, report);
    checkAnnotations(meta.annotations, report);
  }

  const spec = isRecord(obj.spec) ? obj.spec : undefined;
  if (pod) {
    if (kind !== 'Pod') checkLabels(pod.labels, pod.labelsPath, report);
    checkPodSpec(pod, report, kind === 'StatefulSet' && spec ? claimNames(spec) : undefined);
    checkRestartPolicy(kind, pod, report);
  }

  if (spec && SELECTOR_MUST_MATCH.has(kind) && isRecord(spec.selector) && pod) {
    const s = spec.selector;
    checkLabels(s.matchLabels, SELECTOR_LABELS, report);
    const empty = !isRecord(s.matchLabels) || Object.keys(s.matchLabels).length === 0;
    if (empty && asArray(s.matchExpressions).length === 0) {
      report('selector-match', ['spec', 'selector'], `a ${kind}'s selector may not be empty`, 'select the pod template\'s labels in spec.selector.matchLabels');
    } else if (!selectorMatches(s, pod.labels)) {
      report('selector-match', ['spec', 'selector'], 'the selector does not match the pod template\'s labels (spec.template.metadata.labels)', 'add the selector\'s labels to spec.template.metadata.labels, or correct the selector');
    }
  }
  if (spec && (kind === 'PodDisruptionBudget' || kind === 'Job') && isRecord(spec.selector)) checkLabels(spec.selector.matchLabels, SELECTOR_LABELS, report);
  if (spec && kind === 'NetworkPolicy' && isRecord(spec.podSelector)) checkLabels(spec.podSelector.matchLabels, POD_SELECTOR_LABELS, report);
  if (spec) checkCounts(kind, spec, pod, report);
  if (spec && (kind === 'Deployment' || kind === 'PodDisruptionBudget')) checkIntOrPercent(kind, spec, report);
  if (kind === 'ConfigMap' || kind === 'Secret') checkDataKeys(kind, obj, report);
  if (spec && kind === 'Service') checkService(spec, report);
  if (spec && kind === 'Ingress') checkIngress(spec, report);
  if (spec && isRecord(spec.selector) && kind !== 'Service') checkExpressions(spec.selector, ['spec', 'selector'], report);
  if (spec && kind === 'NetworkPolicy') checkNetworkPolicy(spec, report);
  if (spec && kind === 'HorizontalPodAutoscaler') checkAutoscaler(spec, report);
  if (RBAC_KINDS.has(kind)) checkRbac(kind, obj, report);
  if (kind === 'ConfigMap' || kind === 'Secret') checkConfigContent(kind, obj, report);
  if (spec && kind === 'Ingress') checkIngressRefs(spec, report);
  if (spec && kind === 'CronJob') checkCronTimeZone(spec, report);
  if (spec && kind === 'CronJob' && typeof spec.schedule === 'string') {
    const problem = cronProblem(spec.schedule);
    if (problem) report('cron-syntax', ['spec', 'schedule'], `schedule "${spec.schedule}" ${problem}`);
  }
}

/** Counts and durations the API server bounds below, by kind: [field, least value]. */
const COUNTS: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>> = {
  Deployment: [['replicas', 0], ['revisionHistoryLimit', 0], ['minReadySeconds', 0], ['progressDeadlineSeconds', 0]],
  StatefulSet: [['replicas', 0], ['revisionHistoryLimit', 0], ['minReadySeconds', 0]],
  ReplicaSet: [['replicas', 0], ['minReadySeconds', 0]],
  ReplicationController: [['replicas', 0], ['minReadySeconds', 0]],
  DaemonSet: [['revisionHistoryLimit', 0], ['minReadySeconds', 0]],
  Job: [['parallelism', 0], ['completions', 0], ['backoffLimit', 0], ['activeDeadlineSeconds', 1], ['ttlSecondsAfterFinished', 0]],
  CronJob: [['successfulJobsHistoryLimit', 0], ['failedJobsHistoryLimit', 0], ['startingDeadlineSeconds', 0]],
};
const POD_COUNTS: ReadonlyArray<readonly [string, number]> = [['activeDeadlineSeconds', 1], ['terminationGracePeriodSeconds', 0]];

/** Counts below their least value (a negative replica count, an activeDeadlineSeconds of 0), and a pod without containers. */
function checkCounts(kind: string, spec: Json, pod: PodTemplate | undefined, report: Report): void {
  const low = (record: Json, fields: ReadonlyArray<readonly [string, number]>, path: JsonPath) => {
    for (const [field, least] of fields) {
      const value = record[field];
      if (typeof value === 'number' && value < least) report('schema-format', [...path, field], `${field} is ${value}; it must be ${least === 0 ? '0 or more' : `at least ${least}`}`, `use ${least} or more`);
    }
  };
  low(spec, COUNTS[kind] ?? [], ['spec']);
  if (pod === undefined) return;
  low(pod.spec, POD_COUNTS, pod.path);
  if (Array.isArray(pod.spec.containers) && pod.spec.containers.length === 0) report('schema-required', [...pod.path, 'containers'], 'the pod has no containers', 'add a container with a name and an image');
}

const PERCENT = /^[0-9]+%$/;

/** maxSurge/maxUnavailable (Deployment) and minAvailable/maxUnavailable (PodDisruptionBudget): a count or a percentage, as the strategy or budget allows. */
function checkIntOrPercent(kind: string, spec: Json, report: Report): void {
  const check = (value: unknown, path: JsonPath, upTo100 = true) => {
    if (typeof value === 'number' && value < 0) {
      report('schema-format', path, `${path[path.length - 1]} is ${value}; it may not be negative`);
    } else if (typeof value === 'string') {
      if (!PERCENT.test(value)) report('schema-format', path, `"${value}" is not a percentage`, /^[0-9]+$/.test(value) ? `write ${value} unquoted for a count, or "${value}%"` : 'write a count such as 1 or a percentage such as "25%"');
      else if (upTo100 && parseInt(value, 10) > 100) report('schema-format', path, `${value} is more than 100%`);
    }
  };
  const isZero = (value: unknown) => value === 0 || value === '0%';
  if (kind === 'PodDisruptionBudget') {
    check(spec.minAvailable, ['spec', 'minAvailable']);
    check(spec.maxUnavailable, ['spec', 'maxUnavailable']);
    if (spec.minAvailable !== undefined && spec.minAvailable !== null && spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
      report('schema-required', ['spec', 'maxUnavailable'], 'a PodDisruptionBudget sets minAvailable or maxUnavailable, not both', 'keep one of them');
    }
    return;
  }
  const strategy = isRecord(spec.strategy) ? spec.strategy : undefined;
  if (!strategy || !isRecord(strategy.rollingUpdate)) return;
  const path = ['spec', 'strategy', 'rollingUpdate'];
  if (strategy.type === 'Recreate') {
    report('schema-unknown-field', path, 'rollingUpdate is set, but the strategy is Recreate', 'remove rollingUpdate, or use type: RollingUpdate');
    return;
  }
  const { maxSurge, maxUnavailable } = strategy.rollingUpdate;
  check(maxSurge, [...path, 'maxSurge'], false); // a surge may exceed 100%
  check(maxUnavailable, [...path, 'maxUnavailable']);
  if (isZero(maxSurge) && isZero(maxUnavailable)) report('schema-format', [...path, 'maxUnavailable'], 'maxSurge and maxUnavailable are both 0, so a rollout could never proceed', 'set maxUnavailable or maxSurge above 0');
}

/** The restart policies a kind's pods may have; a pod's restartPolicy defaults to Always. */
const RESTART_POLICIES: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['Always'], ReplicaSet: ['Always'], StatefulSet: ['Always'], DaemonSet: ['Always'], ReplicationController: ['Always'],
  Job: ['OnFailure', 'Never'], CronJob: ['OnFailure', 'Never'],
};

/** Controllers that keep pods running need restartPolicy Always; Jobs need OnFailure or Never, which they must set (the default is Always). */
function checkRestartPolicy(kind: string, pod: PodTemplate, report: Report): void {
  const allowed = RESTART_POLICIES[kind];
  if (allowed === undefined) return;
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (typeof policy !== 'string' || allowed.includes(policy)) return;
  const set = pod.spec.restartPolicy === undefined ? 'has no restartPolicy (so Always)' : `has restartPolicy "${policy}"`;
  report('schema-enum', [...pod.path, 'restartPolicy'], `the pod template of a ${kind} ${set}; a ${kind}'s pods take ${allowed.map((p) => `"${p}"`).join(' or ')}`, `set restartPolicy: ${allowed[allowed.length - 1]}${allowed.length > 1 ? ` (or ${allowed[0]})` : ''}`);
}

/** The names of a StatefulSet's volumeClaimTemplates: volumes of its pods too. */
function claimNames(spec: Json): string[] {
  const names: string[] = [];
  for (const t of asArray(spec.volumeClaimTemplates)) {
    if (isRecord(t) && isRecord(t.metadata) && typeof t.metadata.name === 'string') names.push(t.metadata.name);
  }
  return names;
}

const IPV4 = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$/;
const IPV6 = /^[0-9a-fA-F:]+$/;

/** Whether a string is an IPv4 or IPv6 address (IPv6 loosely: hex groups and colons, at least two colons). */
function isIp(value: string): boolean {
  return IPV4.test(value) || (IPV6.test(value) && value.split(':').length > 2);
}

/** Whether a string is a CIDR such as 10.0.0.0/8 or fd00::/64. */
function isCidr(value: string): boolean {
  const [ip, bits, ...rest] = value.split('/');
  if (rest.length > 0 || bits === undefined || !/^[0-9]{1,3}$/.test(bits) || !isIp(ip)) return false;
  return Number(bits) <= (IPV4.test(ip) ? 32 : 128);
}

/** What a Service's type allows: ports unless headless or ExternalName, node ports and traffic policies only where it is reachable from outside, addresses that are addresses. */
function checkServiceShape(spec: Json, report: Report): void {
  const type = typeof spec.type === 'string' ? spec.type : 'ClusterIP';
  const external = type === 'NodePort' || type === 'LoadBalancer';
  if (type === 'ExternalName') {
    if (typeof spec.externalName === 'string' && nameProblem(spec.externalName.replace(/\.$/, ''), 'subdomain', 253)) {
      report('name-format', ['spec', 'externalName'], `externalName "${spec.externalName}" is not a lower-case DNS name`, 'write a host name such as db.example.com');
    }
    return;
  }
  if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && spec.clusterIP !== 'None' && !isIp(spec.clusterIP)) {
    report('schema-format', ['spec', 'clusterIP'], `clusterIP "${spec.clusterIP}" is not an IP address or "None"`, 'leave it out to have one allocated, or write None for a headless Service');
  }
  const headless = spec.clusterIP === 'None';
  if (!headless && (!Array.isArray(spec.ports) || spec.ports.length === 0)) {
    report('schema-required', ['spec', 'ports'], `a ${type} Service needs at least one port`, 'add a port, or make the Service headless (clusterIP: None)');
  }
  if (!external && typeof spec.externalTrafficPolicy === 'string') {
    report('schema-format', ['spec', 'externalTrafficPolicy'], `externalTrafficPolicy is for NodePort and LoadBalancer Services, not ${type}`, 'remove it, or change the type');
  }
  const ports: readonly unknown[] = Array.isArray(spec.ports) ? spec.ports : NONE;
  for (let i = 0; i < ports.length; i++) {
    const port = ports[i];
    if (!external && isRecord(port) && typeof port.nodePort === 'number' && port.nodePort !== 0) {
      report('port-range', ['spec', 'ports', i, 'nodePort'], `a ${type} Service may not set nodePort`, 'remove nodePort, or use type: NodePort');
    }
  }
  const ranges: readonly unknown[] = Array.isArray(spec.loadBalancerSourceRanges) ? spec.loadBalancerSourceRanges : NONE;
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i];
    if (typeof range === 'string' && !isCidr(range.trim())) report('schema-format', ['spec', 'loadBalancerSourceRanges', i], `"${range}" is not a CIDR`, 'write an address range such as 10.0.0.0/8');
  }
}

/** A ConfigMap's or Secret's keys: file names of [-._a-zA-Z0-9], at most 253 characters, not "." or "..", in one of its maps only. */
function checkDataKeys(kind: string, obj: Json, report: Report): void {
  const fields = kind === 'ConfigMap' ? ['data', 'binaryData'] : ['data', 'stringData'];
  const seen = new Map<string, string>();
  for (const field of fields) {
    const map = obj[field];
    if (!isRecord(map)) continue;
    for (const key in map) {
      if (configKeyProblem(key)) {
        report('name-format', [field, key], `key "${key}" is not a valid ${kind} key (letters, digits, "-", "_" and ".", at most 253)`, `rename it, such as "${key.replace(/[^-._a-zA-Z0-9]+/g, '_').slice(0, 253)}"`);
      }
      // a Secret's stringData is merged into data on write, so a key may be in both
      const first = seen.get(key);
      if (first !== undefined && kind === 'ConfigMap') report('duplicate-name', [field, key], `key "${key}" is also in ${first}`, 'keep the key in one of data and binaryData');
      seen.set(key, field);
    }
  }
}

/** A label selector's matchExpressions: In and NotIn with values, Exists and DoesNotExist without. */
function checkExpressions(selector: Json, path: JsonPath, report: Report): void {
  const expressions: readonly unknown[] = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : NONE;
  for (let i = 0; i < expressions.length; i++) {
    const e = expressions[i];
    if (!isRecord(e) || typeof e.operator !== 'string') continue;
    const count = Array.isArray(e.values) ? e.values.length : 0;
    const at = [...path, 'matchExpressions', i, 'values'];
    if ((e.operator === 'In' || e.operator === 'NotIn') && count === 0) report('schema-required', at, `operator ${e.operator} needs at least one value`, 'list the values, or use Exists');
    if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && count > 0) report('schema-unknown-field', at, `operator ${e.operator} takes no values`, 'remove values, or use In');
  }
}

/** A NetworkPolicy's selectors, ports (1–65535, endPort not below port) and ipBlock CIDRs. */
function checkNetworkPolicy(spec: Json, report: Report): void {
  if (isRecord(spec.podSelector)) checkExpressions(spec.podSelector, ['spec', 'podSelector'], report);
  for (const direction of ['ingress', 'egress'] as const) {
    const rules: readonly unknown[] = Array.isArray(spec[direction]) ? spec[direction] : NONE;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r];
      if (!isRecord(rule)) continue;
      const ports: readonly unknown[] = Array.isArray(rule.ports) ? rule.ports : NONE;
      for (let p = 0; p < ports.length; p++) {
        const port = ports[p];
        if (!isRecord(port)) continue;
        const at = ['spec', direction, r, 'ports', p];
        if (port.port !== undefined && port.port !== null && !isIntOrNamedPort(port.port)) reportIntOrNamedPort(port.port, [...at, 'port'], report);
        if (typeof port.endPort === 'number') {
          const problem = portProblem(port.endPort);
          if (problem) report('port-range', [...at, 'endPort'], problem);
          else if (typeof port.port === 'number' && port.endPort < port.port) report('port-range', [...at, 'endPort'], `endPort ${port.endPort} is below port ${port.port}`, 'make endPort at least port');
        }
      }
      const peers: readonly unknown[] = Array.isArray(rule.from) ? rule.from : Array.isArray(rule.to) ? rule.to : NONE;
      const field = Array.isArray(rule.from) ? 'from' : 'to';
      for (let p = 0; p < peers.length; p++) {
        const peer = peers[p];
        if (!isRecord(peer) || !isRecord(peer.ipBlock)) continue;
        const at = ['spec', direction, r, field, p, 'ipBlock'];
        if (typeof peer.ipBlock.cidr === 'string' && !isCidr(peer.ipBlock.cidr)) report('schema-format', [...at, 'cidr'], `"${peer.ipBlock.cidr}" is not a CIDR`, 'write an address range such as 10.0.0.0/8');
        const except: readonly unknown[] = Array.isArray(peer.ipBlock.except) ? peer.ipBlock.except : NONE;
        for (let x = 0; x < except.length; x++) {
          const cidr = except[x];
          if (typeof cidr === 'string' && !isCidr(cidr)) report('schema-format', [...at, 'except', x], `"${cidr}" is not a CIDR`, 'write an address range such as 10.1.0.0/16');
        }
      }
    }
  }
}

/** An HPA's bounds: minReplicas at least 1, maxReplicas at least minReplicas, utilization targets above 0. */
function checkAutoscaler(spec: Json, report: Report): void {
  const min = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1;
  if (typeof spec.minReplicas === 'number' && spec.minReplicas < 1) report('schema-format', ['spec', 'minReplicas'], `minReplicas is ${spec.minReplicas}; it must be at least 1`, 'use 1 or more');
  if (typeof spec.maxReplicas === 'number' && spec.maxReplicas < Math.max(min, 1)) report('schema-format', ['spec', 'maxReplicas'], `maxReplicas ${spec.maxReplicas} is below minReplicas ${min}`, 'make maxReplicas at least minReplicas');
  const metrics: readonly unknown[] = Array.isArray(spec.metrics) ? spec.metrics : NONE;
  for (let i = 0; i < metrics.length; i++) {
    const metric = metrics[i];
    if (!isRecord(metric)) continue;
    for (const source of ['resource', 'containerResource', 'pods', 'object', 'external'] as const) {
      const target = isRecord(metric[source]) && isRecord(metric[source].target) ? metric[source].target : undefined;
      if (target && typeof target.averageUtilization === 'number' && target.averageUtilization < 1) {
        report('schema-format', ['spec', 'metrics', i, source, 'target', 'averageUtilization'], `averageUtilization is ${target.averageUtilization}; it must be at least 1`);
      }
    }
  }
}

/** RBAC: a roleRef names a Role or ClusterRole (a RoleBinding's may name either, a ClusterRoleBinding's only a ClusterRole), a ServiceAccount subject of a ClusterRoleBinding its namespace, a resource rule its API groups and resources. */
function checkRbac(kind: string, obj: Json, report: Report): void {
  const ref = obj.roleRef;
  if (isRecord(ref) && typeof ref.kind === 'string') {
    const allowed = kind === 'ClusterRoleBinding' ? ['ClusterRole'] : ['Role', 'ClusterRole'];
    if (!allowed.includes(ref.kind)) report('schema-enum', ['roleRef', 'kind'], `a ${kind}'s roleRef may not be a ${ref.kind}`, `use ${allowed.join(' or ')}`);
  }
  const subjects: readonly unknown[] = Array.isArray(obj.subjects) ? obj.subjects : NONE;
  for (let i = 0; i < subjects.length; i++) {
    const s = subjects[i];
    if (kind === 'ClusterRoleBinding' && isRecord(s) && s.kind === 'ServiceAccount' && (typeof s.namespace !== 'string' || s.namespace === '')) {
      report('schema-required', ['subjects', i, 'namespace'], `ServiceAccount "${String(s.name)}" has no namespace`, 'add the namespace of the ServiceAccount');
    }
  }
  const rules: readonly unknown[] = Array.isArray(obj.rules) ? obj.rules : NONE;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (!isRecord(rule) || (Array.isArray(rule.nonResourceURLs) && rule.nonResourceURLs.length > 0)) continue;
    for (const field of ['apiGroups', 'resources'] as const) {
      if (!Array.isArray(rule[field]) || rule[field].length === 0) report('schema-required', ['rules', i, field], `a resource rule needs ${field}`, field === 'apiGroups' ? 'add apiGroups: [""] for the core group' : 'add the resources, such as [pods]');
    }
  }
}

/** An Ingress's hosts (lower-case DNS names, a leading "*." allowed, no IPs), its paths (absolute) and backend ports (a name or a number). */
function checkIngress(spec: Json, report: Report): void {
  const rules: readonly unknown[] = Array.isArray(spec.rules) ? spec.rules : NONE;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    if (!isRecord(rule)) continue;
    if (typeof rule.host === 'string' && rule.host !== '') {
      const host = rule.host.startsWith('*.') ? rule.host.slice(2) : rule.host;
      if (isIp(host)) report('name-format', ['spec', 'rules', r, 'host'], `host "${rule.host}" is an IP address; an Ingress host is a DNS name`, 'write a host name, or leave host out to match every host');
      else if (nameProblem(host, 'subdomain', 253)) report('name-format', ['spec', 'rules', r, 'host'], `host "${rule.host}" is not a lower-case DNS name`, `write it as "${rule.host.toLowerCase()}"`);
    }
    const paths: readonly unknown[] = isRecord(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths : NONE;
    for (let p = 0; p < paths.length; p++) {
      const item = paths[p];
      if (!isRecord(item)) continue;
      const at = ['spec', 'rules', r, 'http', 'paths', p];
      if (typeof item.path === 'string' && item.path !== '' && !item.path.startsWith('/')) {
        report('schema-format', [...at, 'path'], `path "${item.path}" is not absolute`, `write "/${item.path}"`);
      }
      if (isRecord(item.backend)) checkBackendPort(item.backend, [...at, 'backend'], report);
    }
  }
  if (isRecord(spec.defaultBackend)) checkBackendPort(spec.defaultBackend, ['spec', 'defaultBackend'], report);
}

function checkBackendPort(backend: Json, path: JsonPath, report: Report): void {
  const port = isRecord(backend.service) && isRecord(backend.service.port) ? backend.service.port : undefined;
  if (port && port.name !== undefined && port.name !== null && port.number !== undefined && port.number !== null) {
    report('port-name', [...path, 'service', 'port'], 'the backend port has both a name and a number', 'keep one of them');
  }
}

function checkService(spec: Json, report: Report): void {
  checkLabels(spec.selector, SERVICE_SELECTOR, report);
  checkServiceShape(spec, report);
  const ports = spec.ports;
  if (!Array.isArray(ports)) return;
  for (let i = 0; i < ports.length; i++) {
    const port = ports[i];
    if (!isRecord(port)) continue;
    const problem = portProblem(port.port);
    if (problem) report('port-range', ['spec', 'ports', i, 'port'], problem, 'use a port number from 1 to 65535');
    const nodeProblem = portProblem(port.nodePort, true);
    if (nodeProblem) report('port-range', ['spec', 'ports', i, 'nodePort'], nodeProblem, 'use a node port in the cluster\'s range (30000–32767 by default)');
    if (port.targetPort !== undefined && !isIntOrNamedPort(port.targetPort)) reportIntOrNamedPort(port.targetPort, ['spec', 'ports', i, 'targetPort'], report);
    if (typeof port.name === 'string') {
      const np = nameProblem(port.name, 'label', 63);
      if (np) report('port-name', ['spec', 'ports', i, 'name'], `Service port name "${port.name}" ${np}`);
      const first = indexOfName(ports, i, port.name);
      if (first >= 0) report('duplicate-name', ['spec', 'ports', i, 'name'], `port name "${port.name}" is also spec.ports[${first}]'s`, 'give each port its own name');
    } else if (ports.length > 1) {
      report('duplicate-name', ['spec', 'ports', i, 'name'], 'a Service with more than one port must name every port', 'add a name such as "http"');
    }
    const first = indexOfPort(ports, i, 'port', port);
    if (first >= 0) report('duplicate-name', ['spec', 'ports', i, 'port'], `port ${port.port}/${port.protocol ?? 'TCP'} is also spec.ports[${first}]`, 'remove the duplicate or use another port number');
  }
}

/** The index of the first mapping in `list` before `end` whose name is `name`, or -1. */
function indexOfName(list: readonly unknown[], end: number, name: string): number {
  for (let i = 0; i < end; i++) {
    const item = list[i];
    if (isRecord(item) && item.name === name) return i;
  }
  return -1;
}

/** The index of the first port in `list` before `end` with the number (in `field`) and protocol of `port`, or -1. */
function indexOfPort(list: readonly unknown[], end: number, field: 'port' | 'containerPort', port: Json): number {
  const protocol = port.protocol ?? 'TCP';
  for (let i = 0; i < end; i++) {
    const item = list[i];
    if (isRecord(item) && item[field] === port[field] && (item.protocol ?? 'TCP') === protocol) return i;
  }
  return -1;
}

const NONE: readonly unknown[] = Object.freeze([]);
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

/** A pod's volumes, containers, ports, variables, mounts and probes; `claims` are the names of a StatefulSet's volumeClaimTemplates. */
function checkPodSpec(pod: PodTemplate, report: Report, claims: readonly string[] | undefined): void {
  const { spec, path, containers } = pod;
  const volumes: readonly unknown[] = Array.isArray(spec.volumes) ? spec.volumes : NONE;
  for (let i = 0; i < volumes.length; i++) {
    const v = volumes[i];
    if (!isRecord(v) || typeof v.name !== 'string') continue;
    const problem = nameProblem(v.name, 'label', 63);
    if (problem) report('name-format', [...path, 'volumes', i, 'name'], `volume name "${v.name}" ${problem}`, suggestName(v.name, 63));
    const first = indexOfName(volumes, i, v.name);
    if (first >= 0) report('duplicate-name', [...path, 'volumes', i, 'name'], `volume name "${v.name}" is also volumes[${first}]'s`, 'give each volume its own name');
    const sources = Object.keys(v).filter((k) => k !== 'name' && v[k] !== null && v[k] !== undefined);
    // no source at all is defaulted to an emptyDir
    if (sources.length > 1) report('schema-required', [...path, 'volumes', i], `volume "${v.name}" has ${sources.length} sources (${sources.join(', ')}); a volume takes exactly one`, 'keep one source, or make a volume for each');
    for (const source of sources) if (isRecord(v[source])) checkVolumeFiles(v[source], [...path, 'volumes', i, source], report);
    if (isRecord(v.downwardAPI)) checkDownwardVolume(v.downwardAPI, [...path, 'volumes', i, 'downwardAPI'], report);
    const projections: readonly unknown[] = isRecord(v.projected) && Array.isArray(v.projected.sources) ? v.projected.sources : NONE;
    for (let j = 0; j < projections.length; j++) {
      const projection = projections[j];
      if (isRecord(projection) && isRecord(projection.downwardAPI)) checkDownwardVolume(projection.downwardAPI, [...path, 'volumes', i, 'projected', 'sources', j, 'downwardAPI'], report);
    }
  }
  if (spec.nodeSelector !== undefined) checkLabels(spec.nodeSelector, [...path, 'nodeSelector'], report);
  if (isRecord(spec.securityContext)) checkSecurityContext(spec.securityContext, path, 'securityContext', report);

  // protocol/hostIP/hostPort → where it is first bound: a host port binds once per pod
  const hostPorts = new Map<string, string>();
  for (let c = 0; c < containers.length; c++) {
    const { container, path: cpath } = containers[c];
    if (typeof container.name === 'string') {
      const problem = nameProblem(container.name, 'label', 63);
      if (problem) report('name-format', [...cpath, 'name'], `container name "${container.name}" ${problem}`, suggestName(container.name, 63));
      for (let d = 0; d < c; d++) {
        if (containers[d].container.name !== container.name) continue;
        report('duplicate-name', [...cpath, 'name'], `container name "${container.name}" is also ${formatWhere(containers[d].path)}'s`, 'give each container (and init container) its own name');
        break;
      }
    }
    if (container.image === undefined || container.image === null || container.image === '') {
      report('image-reference', [...cpath, 'image'], 'the container has no image', 'set image, such as "nginx:1.27.3"');
    } else if (typeof container.image === 'string' && (container.image !== container.image.trim() || !IMAGE_REFERENCE.test(container.image))) {
      report('image-reference', [...cpath, 'image'], `"${container.image}" is not a valid image reference`, imageFix(container.image));
    }
    const ports = container.ports;
    if (Array.isArray(ports)) {
      for (let i = 0; i < ports.length; i++) {
        const port = ports[i];
        if (!isRecord(port)) continue;
        const problem = portProblem(port.containerPort);
        if (problem) report('port-range', [...cpath, 'ports', i, 'containerPort'], problem, 'use a port number from 1 to 65535');
        const hostProblem = portProblem(port.hostPort, true);
        if (hostProblem) report('port-range', [...cpath, 'ports', i, 'hostPort'], hostProblem, 'use a port number from 1 to 65535');
        if (typeof port.hostPort === 'number' && port.hostPort !== 0 && !hostProblem) {
          const key = `${port.protocol ?? 'TCP'}/${port.hostIP ?? ''}/${port.hostPort}`;
          const first = hostPorts.get(key);
          if (first !== undefined) report('duplicate-name', [...cpath, 'ports', i, 'hostPort'], `host port ${port.hostPort}/${port.protocol ?? 'TCP'} is also bound by ${first}`, 'bind each host port once per pod');
          else hostPorts.set(key, `ports[${i}] of ${formatWhere(cpath)}`);
        }
        if (typeof port.name === 'string') {
          const np = portNameProblem(port.name);
          if (np) report('port-name', [...cpath, 'ports', i, 'name'], `port name "${port.name}" ${np}`, 'use at most 15 lower-case letters, digits and "-", such as "http" or "metrics"');
          const first = portNamedBefore(containers, c, i, port.name);
          if (first) report('duplicate-name', [...cpath, 'ports', i, 'name'], `port name "${port.name}" is also ${first}'s`, 'give each port of the pod its own name');
        }
        const first = indexOfPort(ports, i, 'containerPort', port);
        if (first >= 0) report('duplicate-name', [...cpath, 'ports', i, 'containerPort'], `port ${port.containerPort}/${port.protocol ?? 'TCP'} is also ports[${first}] of this container`, 'remove the duplicate port');
      }
    }
    if (isRecord(container.securityContext)) checkSecurityContext(container.securityContext, cpath, 'securityContext', report);
    if (isRecord(container.resources)) checkResources(container.resources, cpath, 'resources', report);
    const env = container.env;
    if (Array.isArray(env)) {
      for (let i = 0; i < env.length; i++) {
        const e = env[i];
        if (!isRecord(e) || typeof e.name !== 'string') continue;
        if (!ENV_VAR_NAME.test(e.name)) report('name-format', [...cpath, 'env', i, 'name'], `environment variable name "${e.name}" is not letters, digits, "_", "-" and ".", not starting with a digit`, 'rename it, such as "LOG_LEVEL"');
        if (isRecord(e.valueFrom)) checkDownwardApi(e.valueFrom, e.name, cpath, i, report);
        checkEnvSource(e, [...cpath, 'env', i], report);
        const first = indexOfName(env, i, e.name);
        if (first >= 0) report('duplicate-name', [...cpath, 'env', i, 'name'], `environment variable "${e.name}" is also env[${first}]`, 'remove one of them: only the last would take effect');
      }
    }
    const mounts = container.volumeMounts;
    if (Array.isArray(mounts)) {
      checkMountPaths(mounts, [...cpath, 'volumeMounts'], report);
      for (let i = 0; i < mounts.length; i++) {
        const m = mounts[i];
        if (!isRecord(m) || typeof m.name !== 'string' || indexOfName(volumes, volumes.length, m.name) >= 0 || claims?.includes(m.name)) continue;
        const known = [...new Set([...volumes.flatMap((v) => (isRecord(v) && typeof v.name === 'string' ? [v.name] : [])), ...(claims ?? [])])];
        report('volume-mount', [...cpath, 'volumeMounts', i, 'name'], `volume "${m.name}" is not a volume of the pod`, known.length > 0 ? `use one of: ${known.join(', ')}, or add the volume` : 'add the volume to the pod\'s volumes');
      }
    }
    for (let p = 0; p < PROBES.length; p++) {
      const probe = PROBES[p];
      const pr = container[probe];
      if (!isRecord(pr)) continue;
      if (isRecord(pr.httpGet) && !isIntOrNamedPort(pr.httpGet.port)) reportIntOrNamedPort(pr.httpGet.port, [...cpath, probe, 'httpGet', 'port'], report);
      if (isRecord(pr.tcpSocket) && !isIntOrNamedPort(pr.tcpSocket.port)) reportIntOrNamedPort(pr.tcpSocket.port, [...cpath, probe, 'tcpSocket', 'port'], report);
      if (isRecord(pr.grpc)) {
        const problem = portProblem(pr.grpc.port);
        if (problem) report('port-range', [...cpath, probe, 'grpc', 'port'], problem);
      }
      checkProbe(pr, probe, cpath, probe, report);
    }
  }
}

const MAX_ID = 2147483647;
const SYSCTL_NAME = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;

/**
 * A pod's or container's securityContext as the API server checks it: user
 * and group ids from 0 to 2147483647, an fsGroupChangePolicy it knows, a
 * seccomp localhostProfile exactly when the type is Localhost, no
 * allowPrivilegeEscalation: false beside privileged or CAP_SYS_ADMIN (either
 * grants it), sysctl names.
 */
// The checks run on every container of every object take the path of their field as its parent
// and its key: the path is built only for a finding, not for each of the many clean containers.
function checkSecurityContext(sc: Json, base: JsonPath, key: string, report: Report): void {
  for (const field of ['runAsUser', 'runAsGroup', 'fsGroup'] as const) {
    const id = sc[field];
    if (typeof id === 'number' && (id < 0 || id > MAX_ID)) report('schema-format', [...base, key, field], `${field} ${id} is not an id from 0 to ${MAX_ID}`);
  }
  const groups: readonly unknown[] = Array.isArray(sc.supplementalGroups) ? sc.supplementalGroups : NONE;
  for (let i = 0; i < groups.length; i++) {
    const id = groups[i];
    if (typeof id === 'number' && (id < 0 || id > MAX_ID)) report('schema-format', [...base, key, 'supplementalGroups', i], `group ${id} is not an id from 0 to ${MAX_ID}`);
  }
  const change = sc.fsGroupChangePolicy;
  if (typeof change === 'string' && change !== 'OnRootMismatch' && change !== 'Always') {
    report('schema-enum', [...base, key, 'fsGroupChangePolicy'], `"${change}" is not one of "OnRootMismatch", "Always"`, 'use OnRootMismatch or Always');
  }
  const seccomp = sc.seccompProfile;
  if (isRecord(seccomp) && typeof seccomp.type === 'string') {
    const profile = seccomp.localhostProfile;
    if (seccomp.type === 'Localhost' && (typeof profile !== 'string' || profile === '')) {
      report('schema-required', [...base, key, 'seccompProfile', 'localhostProfile'], 'a Localhost seccomp profile names no localhostProfile', 'set localhostProfile to the profile\'s path on the node, or use type: RuntimeDefault');
    } else if (seccomp.type !== 'Localhost' && profile !== undefined && profile !== null) {
      report('schema-unknown-field', [...base, key, 'seccompProfile', 'localhostProfile'], `localhostProfile is set, but the seccomp profile type is ${seccomp.type}`, 'remove localhostProfile, or use type: Localhost');
    }
  }
  if (sc.allowPrivilegeEscalation === false) {
    const add: readonly unknown[] = isRecord(sc.capabilities) && Array.isArray(sc.capabilities.add) ? sc.capabilities.add : NONE;
    const grants = sc.privileged === true ? 'privileged: true' : add.includes('SYS_ADMIN') || add.includes('CAP_SYS_ADMIN') ? 'the SYS_ADMIN capability' : undefined;
    if (grants) report('schema-format', [...base, key, 'allowPrivilegeEscalation'], `allowPrivilegeEscalation is false, but ${grants} allows it`, grants.startsWith('privileged') ? 'remove privileged: true' : 'drop SYS_ADMIN from capabilities.add');
  }
  const sysctls: readonly unknown[] = Array.isArray(sc.sysctls) ? sc.sysctls : NONE;
  for (let i = 0; i < sysctls.length; i++) {
    const sysctl = sysctls[i];
    if (isRecord(sysctl) && typeof sysctl.name === 'string' && (sysctl.name.length > 253 || !SYSCTL_NAME.test(sysctl.name))) {
      report('name-format', [...base, key, 'sysctls', i, 'name'], `sysctl name "${sysctl.name}" is not a sysctl (lower-case parts separated by "." or "/")`, 'write it as the kernel names it, such as net.core.somaxconn');
    }
  }
}

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

/**
 * A container's requests and limits as the API server checks them: no
 * negative amounts, no request above its limit, resource names it knows
 * (cpu, memory, ephemeral-storage, hugepages-<size>, or domain/name), and
 * extended resources (domain/name) in whole numbers, requested only with an
 * equal limit.
 */
function checkResources(resources: Json, base: JsonPath, key: string, report: Report): void {
  const requests = isRecord(resources.requests) ? resources.requests : EMPTY_MAP;
  const limits = isRecord(resources.limits) ? resources.limits : EMPTY_MAP;
  checkAmounts('requests', requests, base, key, report);
  checkAmounts('limits', limits, base, key, report);
  for (const name in requests) {
    const request = amountOf(requests[name]);
    const limit = name in limits ? amountOf(limits[name]) : undefined;
    const extended = isExtendedResource(name);
    if (limit === undefined) {
      if (extended) report('schema-required', [...base, key, 'limits', name], `the extended resource ${name} is requested without a limit`, `set limits.${name} to the request`);
      continue;
    }
    if (Number.isNaN(request) || Number.isNaN(limit)) continue;
    if (extended ? request !== limit : request > limit * (1 + 1e-12)) {
      report('schema-format', [...base, key, 'requests', name], extended
        ? `requests.${name} (${String(requests[name])}) differs from limits.${name} (${String(limits[name])}); an extended resource's request must equal its limit`
        : `requests.${name} (${String(requests[name])}) is more than limits.${name} (${String(limits[name])})`,
      `lower the request to at most the limit, or raise the limit`);
    }
  }
}

const EMPTY_MAP: Json = Object.freeze({});

/** The amounts of a container's requests or limits: resources a container has, not negative, extended ones whole. */
function checkAmounts(field: 'requests' | 'limits', amounts: Json, base: JsonPath, key: string, report: Report): void {
  for (const name in amounts) {
    const extended = isExtendedResource(name);
    if (!name.includes('/') && !STANDARD_CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-')) {
      report('schema-format', [...base, key, field, name], `"${name}" is not a container resource: use cpu, memory, ephemeral-storage, hugepages-<size> or an extended resource such as example.com/gpu`);
      continue;
    }
    const value = amountOf(amounts[name]);
    if (Number.isNaN(value)) continue; // not a quantity: the schema check reports it
    if (value < 0) report('schema-format', [...base, key, field, name], `${field}.${name} is ${String(amounts[name])}; it may not be negative`);
    else if (extended && !Number.isInteger(value)) report('schema-format', [...base, key, field, name], `${field}.${name} is ${String(amounts[name])}; extended resources come in whole numbers`);
  }
}

/** A resource of a device plugin or operator, such as example.com/gpu: a domain outside kubernetes.io. */
function isExtendedResource(name: string): boolean {
  return name.includes('/') && !name.startsWith('kubernetes.io/');
}

function amountOf(value: unknown): number {
  return typeof value === 'number' ? value : typeof value === 'string' ? quantityValue(value) : NaN;
}

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const PROBE_COUNTS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

/** What the API server checks of a probe beyond its ports: exactly one handler, no negative timings, successThreshold 1 where it must be, terminationGracePeriodSeconds where it may be. */
function checkProbe(pr: Json, probe: (typeof PROBES)[number], base: JsonPath, key: string, report: Report): void {
  let count = 0;
  for (let h = 0; h < PROBE_HANDLERS.length; h++) if (pr[PROBE_HANDLERS[h]] !== undefined && pr[PROBE_HANDLERS[h]] !== null) count++;
  if (count !== 1) {
    const handlers = PROBE_HANDLERS.filter((h) => pr[h] !== undefined && pr[h] !== null);
    report('schema-required', [...base, key], handlers.length === 0 ? `the ${probe} has no handler` : `the ${probe} has ${handlers.length} handlers (${handlers.join(', ')}); a probe takes exactly one`, `keep one of ${PROBE_HANDLERS.join(', ')}`);
  }
  for (const field of PROBE_COUNTS) {
    const value = pr[field];
    if (typeof value === 'number' && value < 0) report('schema-format', [...base, key, field], `${field} is ${value}; it may not be negative`, `use 0 or more (0 takes the default)`);
  }
  if (probe !== 'readinessProbe' && typeof pr.successThreshold === 'number' && pr.successThreshold > 1) {
    report('schema-format', [...base, key, 'successThreshold'], `successThreshold is ${pr.successThreshold}; a ${probe} succeeds after one success`, 'set successThreshold: 1 or leave it out');
  }
  const grace = pr.terminationGracePeriodSeconds;
  if (typeof grace === 'number') {
    if (probe === 'readinessProbe') report('schema-format', [...base, key, 'terminationGracePeriodSeconds'], 'a readinessProbe may not set terminationGracePeriodSeconds (a failing readiness probe does not restart the container)', 'remove it, or set it on the livenessProbe or startupProbe');
    else if (grace <= 0) report('schema-format', [...base, key, 'terminationGracePeriodSeconds'], `terminationGracePeriodSeconds is ${grace}; it must be at least 1`, 'use 1 or more, or leave it out to use the pod\'s');
  }
}

const FILE_MODE_FIX = 'write the mode in octal, such as 0644, or in decimal, such as 420';

/** What is wrong with a file mode of a volume, if anything: it is from 0 to 0777. */
function fileModeProblem(value: unknown): string | undefined {
  if (typeof value !== 'number' || (value >= 0 && value <= 0o777)) return undefined;
  return `file mode ${value}${value >= 0 ? ` (0${value.toString(8)} octal)` : ''} is not from 0 to 0777`;
}

/** The files a configMap, secret, downwardAPI or projected volume writes: modes from 0 to 0777, relative paths without "..". */
function checkVolumeFiles(source: Json, path: JsonPath, report: Report): void {
  const defaultMode = fileModeProblem(source.defaultMode);
  if (defaultMode) report('schema-format', [...path, 'defaultMode'], defaultMode, FILE_MODE_FIX);
  const items: readonly unknown[] = Array.isArray(source.items) ? source.items : NONE;
  for (let j = 0; j < items.length; j++) {
    const item = items[j];
    if (!isRecord(item)) continue;
    const mode = fileModeProblem(item.mode);
    if (mode) report('schema-format', [...path, 'items', j, 'mode'], mode, FILE_MODE_FIX);
    if (typeof item.path === 'string' && (item.path.startsWith('/') || item.path.split('/').includes('..'))) {
      report('volume-mount', [...path, 'items', j, 'path'], `item path "${item.path}" ${item.path.startsWith('/') ? 'is absolute' : 'contains ".."'}; it is a file within the volume`, 'write a relative path such as "config/app.yaml"');
    }
  }
  const sources: readonly unknown[] = Array.isArray(source.sources) ? source.sources : NONE;
  for (let j = 0; j < sources.length; j++) {
    const projection = sources[j];
    if (!isRecord(projection)) continue;
    for (const key in projection) if (isRecord(projection[key])) checkVolumeFiles(projection[key], [...path, 'sources', j, key], report);
  }
}

/** A container's mounts: each at its own, non-empty mountPath; a subPath relative and without "..". */
function checkMountPaths(mounts: readonly unknown[], path: JsonPath, report: Report): void {
  const seen = new Map<string, number>();
  for (let i = 0; i < mounts.length; i++) {
    const m = mounts[i];
    if (!isRecord(m)) continue;
    if (m.mountPath === '') report('volume-mount', [...path, i, 'mountPath'], 'the mountPath is empty', 'give the path in the container, such as /data');
    if (typeof m.mountPath === 'string' && m.mountPath !== '') {
      const first = seen.get(m.mountPath);
      if (first !== undefined) report('volume-mount', [...path, i, 'mountPath'], `mountPath "${m.mountPath}" is also volumeMounts[${first}]'s`, 'mount each volume at its own path');
      else seen.set(m.mountPath, i);
    }
    for (const field of ['subPath', 'subPathExpr'] as const) {
      const sub = m[field];
      if (typeof sub !== 'string' || sub === '') continue;
      if (sub.startsWith('/')) report('volume-mount', [...path, i, field], `${field} "${sub}" is absolute; it is a path within the volume`, `write it relative, such as "${sub.replace(/^\/+/, '')}"`);
      else if (sub.split('/').includes('..')) report('volume-mount', [...path, i, field], `${field} "${sub}" contains ".."`, 'name a path inside the volume');
    }
  }
}

const ENV_SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'] as const;

/** An environment variable has a value or a valueFrom, not both, and a valueFrom names exactly one source. */
function checkEnvSource(e: Json, path: JsonPath, report: Report): void {
  if (e.valueFrom === undefined || e.valueFrom === null) return;
  if (typeof e.value === 'string' && e.value !== '') {
    report('schema-required', [...path, 'valueFrom'], `environment variable "${e.name}" has both value and valueFrom`, 'keep one of them');
  }
  if (!isRecord(e.valueFrom)) return;
  const from = e.valueFrom;
  const sources = ENV_SOURCES.filter((k) => from[k] !== undefined && from[k] !== null);
  if (sources.length !== 1) {
    report('schema-required', [...path, 'valueFrom'], sources.length === 0 ? `the valueFrom of environment variable "${e.name}" names no source` : `the valueFrom of environment variable "${e.name}" names ${sources.length} sources (${sources.join(', ')}); it takes exactly one`, `keep one of ${ENV_SOURCES.slice(0, 4).join(', ')}`);
  }
}

/** The pod fields a downwardAPI volume can write: metadata only (status and spec fields are for environment variables). */
const VOLUME_FIELDS = new Set(['metadata.name', 'metadata.namespace', 'metadata.uid', 'metadata.labels', 'metadata.annotations']);
const ONE_KEY = /^metadata\.(labels|annotations)\['.+'\]$/;

/** A downwardAPI volume's items: metadata fields of apiVersion v1, and resources of a named container. */
function checkDownwardVolume(source: Json, path: JsonPath, report: Report): void {
  const items: readonly unknown[] = Array.isArray(source.items) ? source.items : NONE;
  for (let j = 0; j < items.length; j++) {
    const item = items[j];
    if (!isRecord(item)) continue;
    const at = [...path, 'items', j];
    const field = item.fieldRef;
    if (isRecord(field)) {
      if (typeof field.apiVersion === 'string' && field.apiVersion !== 'v1') report('downward-api', [...at, 'fieldRef', 'apiVersion'], `fieldRef apiVersion "${field.apiVersion}" is not v1`, 'write apiVersion: v1, or leave it out');
      if (typeof field.fieldPath === 'string' && !VOLUME_FIELDS.has(field.fieldPath) && !ONE_KEY.test(field.fieldPath)) {
        report('downward-api', [...at, 'fieldRef', 'fieldPath'], `fieldPath "${field.fieldPath}" is not a field a downwardAPI volume can write: use ${[...VOLUME_FIELDS].join(', ')}, or one label or annotation`, 'read status and spec fields through an environment variable instead');
      }
    }
    const resource = item.resourceFieldRef;
    if (isRecord(resource) && (typeof resource.containerName !== 'string' || resource.containerName === '')) {
      report('downward-api', [...at, 'resourceFieldRef', 'containerName'], 'a downwardAPI volume\'s resourceFieldRef names no container', 'set containerName to the container whose resources it reads');
    }
  }
}

/** What `env[i]` of the container at `cpath` reads of its pod or container: a field the API server serves, a resource with an allowed divisor. */
function checkDownwardApi(from: Json, variable: string, cpath: JsonPath, i: number, report: Report): void {
  const fieldRef = from.fieldRef;
  if (isRecord(fieldRef) && typeof fieldRef.apiVersion === 'string' && fieldRef.apiVersion !== 'v1') {
    report('downward-api', [...cpath, 'env', i, 'valueFrom', 'fieldRef', 'apiVersion'], `environment variable "${variable}": fieldRef apiVersion "${fieldRef.apiVersion}" is not v1`, 'write apiVersion: v1, or leave it out');
  }
  if (isRecord(fieldRef) && typeof fieldRef.fieldPath === 'string') {
    const problem = envFieldPathProblem(fieldRef.fieldPath);
    if (problem) report('downward-api', [...cpath, 'env', i, 'valueFrom', 'fieldRef', 'fieldPath'], `environment variable "${variable}": fieldPath "${fieldRef.fieldPath}" ${problem}`);
  }
  const ref = from.resourceFieldRef;
  if (isRecord(ref) && typeof ref.resource === 'string') {
    const r = envResourceProblem(ref.resource, ref.divisor);
    if (r) report('downward-api', [...cpath, 'env', i, 'valueFrom', 'resourceFieldRef', r.field], `environment variable "${variable}": ${r.field === 'resource' ? 'resource ' : ''}${r.problem}`);
  }
}

/** Where a port named `name` comes before port `i` of container `c` in the pod: `ports[0] of containers[1]`, or undefined. */
function portNamedBefore(containers: PodTemplate['containers'], c: number, i: number, name: string): string | undefined {
  for (let d = 0; d <= c; d++) {
    const { container, path } = containers[d];
    if (!Array.isArray(container.ports)) continue;
    const first = indexOfName(container.ports, d < c ? container.ports.length : i, name);
    if (first >= 0) return `ports[${first}] of ${formatWhere(path)}`;
  }
  return undefined;
}

function formatWhere(path: JsonPath): string {
  const tail = path.slice(-2);
  return `${tail[0]}[${tail[1]}]`;
}

function imageFix(image: string): string {
  const lower = image.trim().toLowerCase();
  if (lower !== image && IMAGE_REFERENCE.test(lower)) return `write "${lower}" (repositories are lower case)`;
  return 'write [registry/]repository[:tag][@sha256:digest], such as "ghcr.io/acme/app:1.4.0"';
}

export { cronProblem };
