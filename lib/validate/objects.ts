/** Helpers for reading Kubernetes objects of any origin: identity, pod templates, selectors. */
import { JsonPath, Source } from './findings';
import type { Report } from './schema';
import { isRecord } from '../internal/objects';

export type Json = Record<string, any>;

export { isRecord } from '../internal/objects';

export function asArray(x: unknown): any[] {
  return Array.isArray(x) ? x : [];
}

export { groupOf } from '../kube/object-index';

/** `Deployment hello/web`, `Namespace web`, or what is known. */
export function describeObject(obj: unknown): string | undefined {
  if (!isRecord(obj)) return undefined;
  const kind = typeof obj.kind === 'string' ? obj.kind : '(no kind)';
  const meta = isRecord(obj.metadata) ? obj.metadata : {};
  return objectDescription(kind, typeof meta.namespace === 'string' ? meta.namespace : '', typeof meta.name === 'string' ? meta.name : undefined);
}

/** `Deployment hello/web` from the parts: the namespace as written ('' for none), the name if it has one. */
export function objectDescription(kind: string, namespace: string, name: string | undefined): string {
  return `${kind} ${namespace ? `${namespace}/` : ''}${name ?? '(no name)'}`;
}

export function nameOf(obj: Json): string | undefined {
  return isRecord(obj.metadata) && typeof obj.metadata.name === 'string' ? obj.metadata.name : undefined;
}

/**
 * The namespace an object is applied to, as references and duplicates see it:
 * `metadata.namespace`, or '' for none. `default` is '' too: kubectl applies
 * an object without a namespace to its context's namespace, `default` unless
 * set, so the two are one namespace.
 */
export function namespaceOf(obj: Json): string {
  return isRecord(obj.metadata) ? normalNamespace(obj.metadata.namespace) : '';
}

/** A namespace as namespaceOf() gives it: '' for none and for `default`. */
export function normalNamespace(namespace: unknown): string {
  return typeof namespace === 'string' && namespace !== 'default' ? namespace : '';
}

/** Whether `x` is a mapping with at least one key. */
export function hasKeys(x: unknown): boolean {
  if (!isRecord(x)) return false;
  for (const _ in x) return true;
  return false;
}

/** An empty mapping for fields an object does not have; never written to. */
export const EMPTY: Readonly<Record<string, any>> = Object.freeze({});

export function annotationsOf(obj: Json): Readonly<Record<string, unknown>> {
  const meta = obj.metadata;
  return isRecord(meta) && isRecord(meta.annotations) ? meta.annotations : EMPTY;
}

/** A container of a pod spec with its path. */
export interface ContainerAt {
  readonly container: Json;
  readonly path: JsonPath;
  readonly init: boolean;
}

/** A pod spec inside an object, with its path, the template's labels and its containers. */
export interface PodTemplate {
  readonly spec: Json;
  readonly path: JsonPath;
  readonly labels: Readonly<Record<string, unknown>>;
  /** The template's annotations (Pod Security reads AppArmor's). */
  readonly annotations: Readonly<Record<string, unknown>>;
  /** The path of the template's labels. */
  readonly labelsPath: JsonPath;
  /** The init containers, then the containers. */
  readonly containers: readonly ContainerAt[];
}

export const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job']);

/** Where a kind keeps its pod template (the object itself for a Pod), and so its pod spec and template labels. */
interface PodPlace {
  readonly template: readonly string[];
  readonly spec: JsonPath;
  readonly labels: JsonPath;
}

function placeAt(...template: string[]): PodPlace {
  return { template, spec: Object.freeze([...template, 'spec']), labels: Object.freeze([...template, 'metadata', 'labels']) };
}

const POD_PLACES = new Map<string, PodPlace>([
  ['Pod', placeAt()],
  ['PodTemplate', placeAt('template')],
  ['CronJob', placeAt('spec', 'jobTemplate', 'spec', 'template')],
  ...[...WORKLOAD_KINDS].map((kind): [string, PodPlace] => [kind, placeAt('spec', 'template')]),
]);

/** The pod spec of a Pod, workload, Job, CronJob or PodTemplate; undefined for other kinds. */
export function podTemplateOf(obj: Json): PodTemplate | undefined {
  const place = POD_PLACES.get(obj.kind);
  if (place === undefined) return undefined;
  let template: unknown = obj;
  for (let i = 0; i < place.template.length; i++) template = isRecord(template) ? template[place.template[i]] : undefined;
  if (!isRecord(template) || !isRecord(template.spec)) return undefined;
  const meta = template.metadata;
  const labels = isRecord(meta) && isRecord(meta.labels) ? meta.labels : EMPTY;
  const annotations = isRecord(meta) && isRecord(meta.annotations) ? meta.annotations : EMPTY;
  return { spec: template.spec, path: place.spec, labels, annotations, labelsPath: place.labels, containers: listContainers(template.spec, place.spec) };
}

function listContainers(spec: Json, path: JsonPath): ContainerAt[] {
  const out: ContainerAt[] = [];
  addContainers(out, spec.initContainers, path, 'initContainers', true);
  addContainers(out, spec.containers, path, 'containers', false);
  return out;
}

function addContainers(out: ContainerAt[], list: unknown, path: JsonPath, field: string, init: boolean): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const container = list[i];
    if (isRecord(container)) out.push({ container, path: [...path, field, i], init });
  }
}

/** An object with apiVersion and kind, as the checks that read it alone see it while it is read (the best-practice rules' checkObject, checkPod, checkContainer). */
export interface Checked {
  readonly obj: Json;
  /** Reports a finding on this object. */
  readonly report: Report;
  readonly name: string | undefined;
  /** `metadata.namespace`, or '' for none and for `default` (namespaceOf) */
  readonly namespace: string;
  readonly pod: PodTemplate | undefined;
  readonly source: Source;
}

const REPLICATED_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

/** The replica count of a workload: `spec.replicas`, default 1; undefined for kinds without replicas. */
export function replicasOf(obj: Json): number | undefined {
  if (!REPLICATED_KINDS.has(obj.kind)) return undefined;
  const r = isRecord(obj.spec) ? obj.spec.replicas : undefined;
  return typeof r === 'number' ? r : 1;
}

/** Whether a label selector (`matchLabels` and `matchExpressions`) matches a set of labels. Empty selects all. */
export function selectorMatches(selector: unknown, labels: Readonly<Record<string, unknown>>): boolean {
  if (!isRecord(selector)) return false;
  if (isRecord(selector.matchLabels) && !mapSelectorMatches(selector.matchLabels, labels)) return false;
  if (!Array.isArray(selector.matchExpressions)) return true;
  for (const expr of selector.matchExpressions) {
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
export function mapSelectorMatches(selector: Readonly<Record<string, unknown>>, labels: Readonly<Record<string, unknown>>): boolean {
  for (const k in selector) {
    if (labels[k] !== selector[k]) return false;
  }
  return true;
}
