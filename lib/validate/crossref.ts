/**
 * Checks across the objects of one output: what one object names must be
 * there. A reference may be declared external — made elsewhere — on the
 * referencing object with the annotation `chartwright.dev/external`
 * (`"true"`: everything it refers to; or a list such as
 * `"Secret/db-credentials, ConfigMap/shared"`), or for the whole run with the
 * `external` option (`--external Kind/name` or `Kind/namespace/name`). The
 * name `*` stands for every object of the kind; the selectors of Services,
 * PodDisruptionBudgets and NetworkPolicies select pods, declared external with
 * `Pod/*` (or `Pod/namespace/*`).
 */
import { EXTERNAL_ANNOTATION } from '../kube/annotations';
import type { ObjectIndex } from '../kube/object-index';
import { Entry, External, Reference, Workload, parseExternals } from './entries';
import { JsonPath } from './findings';
import { Json, hasKeys, isRecord, mapSelectorMatches, selectorMatches } from './objects';

export { EXTERNAL_ANNOTATION } from '../kube/annotations';

/** The objects of one output by kind, namespace and name. */
export type EntryIndex = ObjectIndex<Entry & { readonly name: string }>;

/** Checks what the objects refer to, across `entries` (indexed in `index`). */
export function checkReferences(entries: readonly Entry[], index: EntryIndex, external: readonly string[] = []): void {
  const references = new References(entries, index, external);
  for (let i = 0; i < entries.length; i++) references.check(entries[i]);
}

/**
 * What Kubernetes makes in every namespace: the `default` ServiceAccount, and
 * the `kube-root-ca.crt` ConfigMap (the cluster's CA, which every projected
 * service-account token volume mounts, as `kubectl get pod -o yaml` shows).
 */
const IN_EVERY_NAMESPACE: ReadonlySet<string> = new Set(['ServiceAccount/default', 'ConfigMap/kube-root-ca.crt']);

const NONE: readonly never[] = Object.freeze([]);

type WithWorkload = Entry & { readonly workload: Workload };

/**
 * The checks of one output. Workloads are indexed by namespace and by each
 * pod label, so a selector looks only at candidates. `check` looks at one
 * object at a time; `item` is that object.
 */
class References {
  /** namespace → the workloads (objects with a pod template) */
  private readonly workloads = new Map<string, WithWorkload[]>();
  /** namespace → pod label key → value → the workloads with that label */
  private readonly byLabel = new Map<string, Map<string, Map<string, WithWorkload[]>>>();
  private readonly external: readonly External[];

  private item!: Entry;

  constructor(entries: readonly Entry[], private readonly index: EntryIndex, external: readonly string[]) {
    this.external = parseExternals(external);
    for (let i = 0; i < entries.length; i++) {
      const item = entries[i];
      if (item.workload === undefined || item.kind === 'PodTemplate') continue;
      let workloads = this.workloads.get(item.namespace);
      if (workloads === undefined) this.workloads.set(item.namespace, (workloads = []));
      workloads.push(item as WithWorkload);
      let keys = this.byLabel.get(item.namespace);
      if (keys === undefined) this.byLabel.set(item.namespace, (keys = new Map()));
      const labels = item.workload.labels;
      for (const key in labels) {
        let values = keys.get(key);
        if (values === undefined) keys.set(key, (values = new Map()));
        const value = String(labels[key]);
        const list = values.get(value);
        if (list === undefined) values.set(value, [item as WithWorkload]);
        else list.push(item as WithWorkload);
      }
    }
  }

  check(item: Entry): void {
    this.item = item;
    if (item.workload !== undefined) this.checkPod(item.workload.references);
    const record = item.record;
    if (record === undefined) return;
    switch (record.is) {
      case 'Service':
        if (record.selector !== undefined && !this.podsExternal() && !this.selectsAny(record.selector, record.selector, true)) {
          item.report('service-selector', ['spec', 'selector'], `the selector ${JSON.stringify(record.selector)} matches no pod template${this.inNamespace()}`, 'correct the selector to labels of a workload\'s pod template, or declare the Service external');
        }
        return;
      case 'Ingress':
        for (const b of record.backends) this.checkBackend(b);
        return;
      case 'HorizontalPodAutoscaler': {
        const ref = record.target;
        if (ref !== undefined && !this.exists(ref.kind, ref.name)) {
          item.report('scale-target', ['spec', 'scaleTargetRef'], `scale target ${ref.kind} "${ref.name}" is not in the output${this.inNamespace()}`, 'correct the kind and name, or declare it external');
        }
        return;
      }
      case 'PodDisruptionBudget': {
        const selector = record.selector;
        if (isRecord(selector) && !this.podsExternal() && !this.selectsAny(selector.matchLabels, selector, false)) {
          item.report('pdb-selector', ['spec', 'selector'], `the selector matches no pod template${this.inNamespace()}`, 'correct spec.selector to the pod labels of the workload it protects');
        }
        return;
      }
      case 'StatefulSet': return this.checkStatefulSetService(record.serviceName);
      case 'NetworkPolicy': {
        const sel = record.podSelector;
        const empty = !isRecord(sel) || (!hasKeys(sel.matchLabels) && !(Array.isArray(sel.matchExpressions) && sel.matchExpressions.length > 0));
        if (!empty && !this.podsExternal() && !this.selectsAny(sel.matchLabels, sel, false)) {
          item.report('networkpolicy-selector', ['spec', 'podSelector'], `the podSelector matches no pod template${this.inNamespace()}`, 'correct spec.podSelector, or use {} to select every pod of the namespace');
        }
        return;
      }
    }
  }

  /** An Ingress backend: `spec.defaultBackend` (r < 0) or `spec.rules[r].http.paths[i].backend`. */
  private checkBackend({ name, number, portName, r, i }: { name: string; number: unknown; portName: unknown; r: number; i: number }): void {
    const path = (): JsonPath => (r < 0 ? ['spec', 'defaultBackend', 'service'] : ['spec', 'rules', r, 'http', 'paths', i, 'backend', 'service']);
    const service = this.find('Service', name);
    if (service === undefined) {
      if (!this.isExternal('Service', name)) this.item.report('ingress-backend', [...path(), 'name'], `backend Service "${name}" is not in the output${this.inNamespace()}`, `add the Service, correct the name, or declare it external: ${EXTERNAL_ANNOTATION}: "Service/${name}"`);
      return;
    }
    if (number === undefined && portName === undefined) return;
    const ports = service.record?.is === 'Service' ? service.record.ports : NONE;
    for (const p of ports) {
      if (number !== undefined ? p.port === number : p.name === portName) return;
    }
    const have = ports.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(', ');
    this.item.report('ingress-backend', [...path(), 'port'], `Service "${name}" has no port ${number ?? `named "${portName}"`}`, `use one of its ports: ${have || 'none'}`);
  }

  private checkStatefulSetService(serviceName: unknown): void {
    if (typeof serviceName !== 'string' || serviceName === '') return;
    const service = this.find('Service', serviceName);
    if (service === undefined) {
      if (!this.isExternal('Service', serviceName)) this.item.report('statefulset-service', ['spec', 'serviceName'], `Service "${serviceName}" is not in the output${this.inNamespace()}`, `add a headless Service "${serviceName}" (clusterIP: None) selecting the pods`);
    } else if (service.record?.is !== 'Service' || !service.record.headless) {
      this.item.report('statefulset-service', ['spec', 'serviceName'], `Service "${serviceName}" is not headless`, `set spec.clusterIP: None on Service "${serviceName}"`);
    }
  }

  /** What a pod spec refers to (entries.ts lists it), and for a variable, the key it reads. */
  private checkPod(references: readonly Reference[]): void {
    for (let i = 0; i < references.length; i++) {
      const { kind, name, path, what, key, keyPath } = references[i];
      if (!this.exists(kind, name)) this.missing(kind, name, path, what);
      if (keyPath === undefined) continue;
      const target = this.find(kind, name);
      if (target === undefined || key === undefined) continue;
      const keys = target.record?.is === 'data' ? target.record.keys : NONE;
      if (keys.includes(key)) continue;
      this.item.report('object-reference', keyPath, `${what} key "${key}" of ${kind} "${name}", which has no such key`,
        keys.length > 0 ? `use one of its keys: ${keys.join(', ')}, or add "${key}" to the ${kind}` : `add "${key}" to the ${kind}'s data`);
    }
  }

  /** Whether a reference by `name` (when a string and not optional) names nothing in the output and nothing external. */
  private missing(kind: string, name: string, path: JsonPath, what: string): void {
    this.item.report('object-reference', path, `${what} ${kind} "${name}", which is not in the output${this.inNamespace()}`,
      `add the ${kind}, correct the name, or declare it external: annotation ${EXTERNAL_ANNOTATION}: "${kind}/${name}"`);
  }

  private find(kind: string, name: string): Entry | undefined {
    return this.index.get(kind, this.item.namespace, name);
  }

  private exists(kind: string, name: string): boolean {
    return this.index.get(kind, this.item.namespace, name) !== undefined || IN_EVERY_NAMESPACE.has(`${kind}/${name}`) || this.isExternal(kind, name);
  }

  /** Whether the pods a selector of the object selects may be made elsewhere: the object declares everything external, or `Pod/*` is declared. */
  private podsExternal(): boolean {
    return this.isExternal('Pod', '*');
  }

  private isExternal(kind: string, name: string): boolean {
    return this.item.allExternal || this.declares(this.item.declared, kind, name) || this.declares(this.external, kind, name);
  }

  private declares(list: readonly External[], kind: string, name: string): boolean {
    for (const e of list) {
      if (e.kind === kind && (e.name === name || e.name === '*') && (e.namespace === undefined || e.namespace === this.item.namespace)) return true;
    }
    return false;
  }

  /**
   * Whether a selector matches the pod labels of a workload in the object's
   * namespace: a map selector (a Service's) or a label selector. `required`
   * are labels the selector requires, to find the candidates.
   */
  private selectsAny(required: unknown, selector: Json, map: boolean): boolean {
    for (const w of this.candidates(required)) {
      const labels = w.workload.labels;
      if (map ? mapSelectorMatches(selector, labels) : selectorMatches(selector, labels)) return true;
    }
    return false;
  }

  private candidates(required: unknown): readonly WithWorkload[] {
    const ns = this.item.namespace;
    if (isRecord(required)) {
      for (const key in required) return this.byLabel.get(ns)?.get(key)?.get(String(required[key])) ?? NONE;
    }
    return this.workloads.get(ns) ?? NONE;
  }

  private inNamespace(): string {
    return this.item.namespace ? ` in namespace "${this.item.namespace}"` : '';
  }
}
