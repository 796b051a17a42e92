/**
 * The checks the Kubernetes API server makes that a schema cannot express:
 * name formats per kind, label and annotation syntax, port ranges and names,
 * unique names within a pod, selectors matching templates, cron schedules and
 * image references.
 */
import { cronProblem } from '../core/cron';
import { DNS1123_SUBDOMAIN, keyProblem, labelValueProblem } from '../core/label-syntax';
import { ValidStrings } from '../core/valid-strings';
import { JsonPath } from './findings';
import { Json, asArray, containersOf, isRecord, podTemplateOf, selectorMatches } from './objects';
import { Report } from './schema';

export { keyProblem, labelValueProblem } from '../core/label-syntax';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
/** Docker image reference: [registry[:port]/]path[:tag][@digest]. */
const IMAGE_REFERENCE = /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?|\[[0-9a-fA-F:]+\](?::[0-9]+)?)\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;

const VALID_NAMES: Record<'label' | 'dns1035' | 'subdomain', ValidStrings> = {
  label: new ValidStrings((name) => DNS1123_LABEL.test(name)),
  dns1035: new ValidStrings((name) => DNS1035_LABEL.test(name)),
  subdomain: new ValidStrings((name) => DNS1123_SUBDOMAIN.test(name)),
};

const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);
const SELECTOR_MUST_MATCH = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
const ANNOTATIONS_MAX = 256 * 1024;

export type NameKind = 'label' | 'subdomain' | 'dns1035' | 'path-segment';

/** How the API server checks an object's name, by kind. */
export function nameRule(kind: string): { format: NameKind; max: number } {
  if (kind === 'Namespace') return { format: 'label', max: 63 };
  if (kind === 'Service') return { format: 'dns1035', max: 63 };
  if (RBAC_KINDS.has(kind)) return { format: 'path-segment', max: Infinity };
  if (kind === 'CronJob') return { format: 'subdomain', max: 52 };
  return { format: 'subdomain', max: 253 };
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

function checkSelectorLabels(selector: unknown, path: JsonPath, report: Report): void {
  if (isRecord(selector)) checkLabels(selector.matchLabels, [...path, 'matchLabels'], report);
}

function checkAnnotations(annotations: unknown, path: JsonPath, report: Report): void {
  if (!isRecord(annotations)) return;
  let size = 0;
  for (const [key, value] of Object.entries(annotations)) {
    size += key.length + (typeof value === 'string' ? value.length : 0);
    const kp = keyProblem(key);
    if (kp) report('annotation-syntax', [...path, key], `annotation key "${key}" ${kp}`);
  }
  if (size > ANNOTATIONS_MAX) report('annotation-syntax', path, `annotations total ${size} bytes; at most ${ANNOTATIONS_MAX} are allowed`);
}

function portProblem(port: unknown, allowZero = false): string | undefined {
  if (typeof port !== 'number' || !Number.isInteger(port)) return undefined;
  if (allowZero && port === 0) return undefined;
  return port < 1 || port > 65535 ? `port ${port} is out of range` : undefined;
}

/** Why a port name is not an IANA service name, or undefined. */
export function portNameProblem(name: string): string | undefined {
  if (name.length > 15) return `is ${name.length} characters long; at most 15 are allowed`;
  if (!IANA_SVC_NAME.test(name)) return 'is not lower-case letters, digits and "-", starting and ending with a letter or digit';
  if (name.includes('--')) return 'contains "--"';
  if (!/[a-z]/.test(name)) return 'has no letter';
  return undefined;
}

function checkIntOrNamedPort(value: unknown, parent: JsonPath, field: string | readonly string[], report: Report): void {
  if (typeof value === 'number' && value >= 1 && value <= 65535) return;
  if (typeof value === 'string' && IANA_SVC_NAME.test(value) && value.length <= 15 && !value.includes('--') && /[a-z]/.test(value)) return;
  const path = [...parent, ...(typeof field === 'string' ? [field] : field)];
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

/** Runs the API server's checks on one object. */
export function checkApiServer(obj: Json, report: Report): void {
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
    checkLabels(meta.labels, ['metadata', 'labels'], report);
    checkAnnotations(meta.annotations, ['metadata', 'annotations'], report);
  }

  const spec = isRecord(obj.spec) ? obj.spec : undefined;
  const pod = podTemplateOf(obj);
  if (pod) {
    if (obj.kind !== 'Pod') {
      const templateMeta = pod.path.slice(0, -1);
      checkLabels(pod.labels, [...templateMeta, 'metadata', 'labels'], report);
    }
    // a StatefulSet's volumeClaimTemplates are volumes of its pods too
    const claims = kind === 'StatefulSet' && spec ? asArray(spec.volumeClaimTemplates).map((t) => (isRecord(t) && isRecord(t.metadata) ? t.metadata.name : undefined)) : [];
    checkPodSpec(pod.spec, pod.path, report, claims.filter((n): n is string => typeof n === 'string'));
  }

  if (spec && SELECTOR_MUST_MATCH.has(kind) && isRecord(spec.selector) && pod) {
    checkSelectorLabels(spec.selector, ['spec', 'selector'], report);
    const s = spec.selector;
    const empty = !isRecord(s.matchLabels) || Object.keys(s.matchLabels).length === 0;
    if (empty && asArray(s.matchExpressions).length === 0) {
      report('selector-match', ['spec', 'selector'], `a ${kind}'s selector may not be empty`, 'select the pod template\'s labels in spec.selector.matchLabels');
    } else if (!selectorMatches(s, pod.labels)) {
      report('selector-match', ['spec', 'selector'], 'the selector does not match the pod template\'s labels (spec.template.metadata.labels)', 'add the selector\'s labels to spec.template.metadata.labels, or correct the selector');
    }
  }
  if (spec && (kind === 'PodDisruptionBudget' || kind === 'Job')) checkSelectorLabels(spec.selector, ['spec', 'selector'], report);
  if (spec && kind === 'NetworkPolicy') checkSelectorLabels(spec.podSelector, ['spec', 'podSelector'], report);
  if (spec && kind === 'Service') checkService(spec, report);
  if (spec && kind === 'CronJob' && typeof spec.schedule === 'string') {
    const problem = cronProblem(spec.schedule);
    if (problem) report('cron-syntax', ['spec', 'schedule'], `schedule "${spec.schedule}" ${problem}`);
  }
}

function checkService(spec: Json, report: Report): void {
  if (isRecord(spec.selector)) checkLabels(spec.selector, ['spec', 'selector'], report);
  const ports = asArray(spec.ports);
  const names = new Map<string, number>();
  const numbers = new Map<string, number>();
  ports.forEach((port, i) => {
    if (!isRecord(port)) return;
    const p: JsonPath = ['spec', 'ports', i];
    const problem = portProblem(port.port);
    if (problem) report('port-range', [...p, 'port'], problem, 'use a port number from 1 to 65535');
    const nodeProblem = portProblem(port.nodePort, true);
    if (nodeProblem) report('port-range', [...p, 'nodePort'], nodeProblem, 'use a node port in the cluster\'s range (30000–32767 by default)');
    if (port.targetPort !== undefined) checkIntOrNamedPort(port.targetPort, p, 'targetPort', report);
    if (typeof port.name === 'string') {
      const np = nameProblem(port.name, 'label', 63);
      if (np) report('port-name', [...p, 'name'], `Service port name "${port.name}" ${np}`);
      const first = names.get(port.name);
      if (first !== undefined) report('duplicate-name', [...p, 'name'], `port name "${port.name}" is also spec.ports[${first}]'s`, 'give each port its own name');
      else names.set(port.name, i);
    } else if (ports.length > 1) {
      report('duplicate-name', [...p, 'name'], 'a Service with more than one port must name every port', 'add a name such as "http"');
    }
    const key = `${port.port}/${port.protocol ?? 'TCP'}`;
    const firstNumber = numbers.get(key);
    if (firstNumber !== undefined) report('duplicate-name', [...p, 'port'], `port ${key} is also spec.ports[${firstNumber}]`, 'remove the duplicate or use another port number');
    else numbers.set(key, i);
  });
}

function checkPodSpec(spec: Json, path: JsonPath, report: Report, claimNames: readonly string[]): void {
  const volumes = new Map<string, number>();
  asArray(spec.volumes).forEach((v, i) => {
    if (!isRecord(v) || typeof v.name !== 'string') return;
    const problem = nameProblem(v.name, 'label', 63);
    if (problem) report('name-format', [...path, 'volumes', i, 'name'], `volume name "${v.name}" ${problem}`, suggestName(v.name, 63));
    if (volumes.has(v.name)) report('duplicate-name', [...path, 'volumes', i, 'name'], `volume name "${v.name}" is also volumes[${volumes.get(v.name)}]'s`, 'give each volume its own name');
    else volumes.set(v.name, i);
  });
  checkLabels(spec.nodeSelector, [...path, 'nodeSelector'], report);
  for (const claim of claimNames) if (!volumes.has(claim)) volumes.set(claim, -1);

  const containerNames = new Map<string, string>();
  const portNames = new Map<string, string>();
  const pod = { spec, path, labels: {} };
  for (const { container, path: cpath } of containersOf(pod)) {
    const where = formatWhere(cpath);
    if (typeof container.name === 'string') {
      const problem = nameProblem(container.name, 'label', 63);
      if (problem) report('name-format', [...cpath, 'name'], `container name "${container.name}" ${problem}`, suggestName(container.name, 63));
      const first = containerNames.get(container.name);
      if (first) report('duplicate-name', [...cpath, 'name'], `container name "${container.name}" is also ${first}'s`, 'give each container (and init container) its own name');
      else containerNames.set(container.name, where);
    }
    if (container.image === undefined || container.image === null || container.image === '') {
      report('image-reference', [...cpath, 'image'], 'the container has no image', 'set image, such as "nginx:1.27.3"');
    } else if (typeof container.image === 'string' && (container.image !== container.image.trim() || !IMAGE_REFERENCE.test(container.image))) {
      report('image-reference', [...cpath, 'image'], `"${container.image}" is not a valid image reference`, imageFix(container.image));
    }
    const ports = new Map<string, number>();
    asArray(container.ports).forEach((port, i) => {
      if (!isRecord(port)) return;
      const at = (...rest: (string | number)[]) => [...cpath, 'ports', i, ...rest];
      const problem = portProblem(port.containerPort);
      if (problem) report('port-range', at('containerPort'), problem, 'use a port number from 1 to 65535');
      const hostProblem = portProblem(port.hostPort, true);
      if (hostProblem) report('port-range', at('hostPort'), hostProblem, 'use a port number from 1 to 65535');
      if (typeof port.name === 'string') {
        const np = portNameProblem(port.name);
        if (np) report('port-name', at('name'), `port name "${port.name}" ${np}`, 'use at most 15 lower-case letters, digits and "-", such as "http" or "metrics"');
        const first = portNames.get(port.name);
        if (first) report('duplicate-name', at('name'), `port name "${port.name}" is also ${first}'s`, 'give each port of the pod its own name');
        else portNames.set(port.name, `ports[${i}] of ${formatWhere(cpath)}`);
      }
      const key = `${port.containerPort}/${port.protocol ?? 'TCP'}`;
      if (ports.has(key)) report('duplicate-name', at('containerPort'), `port ${key} is also ports[${ports.get(key)}] of this container`, 'remove the duplicate port');
      else ports.set(key, i);
    });
    const env = new Map<string, number>();
    asArray(container.env).forEach((e, i) => {
      if (!isRecord(e) || typeof e.name !== 'string') return;
      const p = () => [...cpath, 'env', i, 'name'];
      if (!ENV_VAR_NAME.test(e.name)) report('name-format', p(), `environment variable name "${e.name}" is not letters, digits, "_", "-" and ".", not starting with a digit`, 'rename it, such as "LOG_LEVEL"');
      if (env.has(e.name)) report('duplicate-name', p(), `environment variable "${e.name}" is also env[${env.get(e.name)}]`, 'remove one of them: only the last would take effect');
      else env.set(e.name, i);
    });
    asArray(container.volumeMounts).forEach((m, i) => {
      if (isRecord(m) && typeof m.name === 'string' && !volumes.has(m.name)) {
        const known = [...volumes.keys()];
        report('volume-mount', [...cpath, 'volumeMounts', i, 'name'], `volume "${m.name}" is not a volume of the pod`, known.length > 0 ? `use one of: ${known.join(', ')}, or add the volume` : 'add the volume to the pod\'s volumes');
      }
    });
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
      const pr = container[probe];
      if (!isRecord(pr)) continue;
      if (isRecord(pr.httpGet)) checkIntOrNamedPort(pr.httpGet.port, cpath, [probe, 'httpGet', 'port'], report);
      if (isRecord(pr.tcpSocket)) checkIntOrNamedPort(pr.tcpSocket.port, cpath, [probe, 'tcpSocket', 'port'], report);
      if (isRecord(pr.grpc)) {
        const problem = portProblem(pr.grpc.port);
        if (problem) report('port-range', [...cpath, probe, 'grpc', 'port'], problem);
      }
    }
  }
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
