/** Helpers for reading Kubernetes objects of any origin: identity, pod templates, selectors. */
import { JsonPath } from './findings';

export type Json = Record<string, any>;

export function isRecord(x: unknown): x is Json {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

export function asArray(x: unknown): any[] {
  return Array.isArray(x) ? x : [];
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** `Deployment hello/web`, `Namespace web`, or what is known. */
export function describeObject(obj: unknown): string | undefined {
  if (!isRecord(obj)) return undefined;
  const kind = typeof obj.kind === 'string' ? obj.kind : '(no kind)';
  const meta = isRecord(obj.metadata) ? obj.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '(no name)';
  return `${kind} ${typeof meta.namespace === 'string' && meta.namespace ? `${meta.namespace}/` : ''}${name}`;
}

export function nameOf(obj: Json): string | undefined {
  return isRecord(obj.metadata) && typeof obj.metadata.name === 'string' ? obj.metadata.name : undefined;
}

export function namespaceOf(obj: Json): string {
  return isRecord(obj.metadata) && typeof obj.metadata.namespace === 'string' ? obj.metadata.namespace : '';
}

export function annotationsOf(obj: Json): Record<string, unknown> {
  return isRecord(obj.metadata) && isRecord(obj.metadata.annotations) ? obj.metadata.annotations : {};
}

/** A pod spec inside an object, with its path and the template's labels. */
export interface PodTemplate {
  readonly spec: Json;
  readonly path: JsonPath;
  readonly labels: Record<string, unknown>;
}

export const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job']);

const podCache = new WeakMap<object, PodTemplate | null>();

/** The pod spec of a Pod, workload, Job, CronJob or PodTemplate; undefined for other kinds. Cached per object. */
export function podTemplateOf(obj: Json): PodTemplate | undefined {
  let pod = podCache.get(obj);
  if (pod === undefined) {
    pod = findPodTemplate(obj) ?? null;
    podCache.set(obj, pod);
  }
  return pod ?? undefined;
}

function findPodTemplate(obj: Json): PodTemplate | undefined {
  const kind = obj.kind;
  if (kind === 'Pod') {
    return isRecord(obj.spec) ? { spec: obj.spec, path: ['spec'], labels: labelsAt(obj.metadata) } : undefined;
  }
  if (kind === 'PodTemplate') {
    const t = obj.template;
    return isRecord(t) && isRecord(t.spec) ? { spec: t.spec, path: ['template', 'spec'], labels: labelsAt(t.metadata) } : undefined;
  }
  if (WORKLOAD_KINDS.has(kind)) {
    const t = isRecord(obj.spec) ? obj.spec.template : undefined;
    return isRecord(t) && isRecord(t.spec) ? { spec: t.spec, path: ['spec', 'template', 'spec'], labels: labelsAt(t.metadata) } : undefined;
  }
  if (kind === 'CronJob') {
    const jt = isRecord(obj.spec) ? obj.spec.jobTemplate : undefined;
    const t = isRecord(jt) && isRecord(jt.spec) ? jt.spec.template : undefined;
    return isRecord(t) && isRecord(t.spec) ? { spec: t.spec, path: ['spec', 'jobTemplate', 'spec', 'template', 'spec'], labels: labelsAt(t.metadata) } : undefined;
  }
  return undefined;
}

function labelsAt(meta: unknown): Record<string, unknown> {
  return isRecord(meta) && isRecord(meta.labels) ? meta.labels : {};
}

/** A container of a pod spec with its path. */
export interface ContainerAt {
  readonly container: Json;
  readonly path: JsonPath;
  readonly init: boolean;
}

const containerCache = new WeakMap<object, ContainerAt[]>();

/** The init containers and containers of a pod spec (cached per spec). */
export function containersOf(pod: PodTemplate): ContainerAt[] {
  let out = containerCache.get(pod.spec);
  if (!out) {
    out = listContainers(pod);
    containerCache.set(pod.spec, out);
  }
  return out;
}

function listContainers(pod: PodTemplate, withInit = true): ContainerAt[] {
  const out: ContainerAt[] = [];
  const lists: Array<[string, boolean]> = withInit ? [['initContainers', true], ['containers', false]] : [['containers', false]];
  for (const [field, init] of lists) {
    asArray(pod.spec[field]).forEach((c, i) => {
      if (isRecord(c)) out.push({ container: c, path: [...pod.path, field, i], init });
    });
  }
  return out;
}

/** The replica count of a workload: `spec.replicas`, default 1; undefined for kinds without replicas. */
export function replicasOf(obj: Json): number | undefined {
  if (!['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'].includes(obj.kind)) return undefined;
  const r = isRecord(obj.spec) ? obj.spec.replicas : undefined;
  return typeof r === 'number' ? r : 1;
}

/** Whether a label selector (`matchLabels` and `matchExpressions`) matches a set of labels. Empty selects all. */
export function selectorMatches(selector: unknown, labels: Record<string, unknown>): boolean {
  if (!isRecord(selector)) return false;
  const matchLabels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
  for (const [k, v] of Object.entries(matchLabels)) {
    if (labels[k] !== v) return false;
  }
  for (const expr of asArray(selector.matchExpressions)) {
    if (!isRecord(expr)) return false;
    const has = Object.prototype.hasOwnProperty.call(labels, expr.key);
    const values = asArray(expr.values);
    switch (expr.operator) {
      case 'In': if (!has || !values.includes(labels[expr.key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[expr.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

/** Whether a plain map selector (a Service's) matches a set of labels. */
export function mapSelectorMatches(selector: Record<string, unknown>, labels: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(selector)) {
    if (labels[k] !== v) return false;
  }
  return true;
}
