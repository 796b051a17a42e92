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
import { JsonPath } from './findings';
import { Checked, CheckedIndex, EMPTY, Json, PodTemplate, annotationsOf, isRecord, mapSelectorMatches, normalNamespace, selectorMatches } from './objects';

export { EXTERNAL_ANNOTATION } from '../kube/annotations';

interface External {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

/** Parses `Kind/name` or `Kind/namespace/name`. */
export function parseExternal(entry: string): External | undefined {
  const parts = entry.trim().split('/');
  if (parts.length === 2 && parts[0] && parts[1]) return { kind: parts[0], name: parts[1] };
  if (parts.length === 3 && parts[0] && parts[1] && parts[2]) return { kind: parts[0], namespace: normalNamespace(parts[1]), name: parts[2] };
  return undefined;
}

/** Checks what the objects refer to, across `items` (indexed in `index`). */
export function checkReferences(items: readonly Checked[], index: CheckedIndex, external: readonly string[] = []): void {
  const references = new References(items, index, external);
  for (let i = 0; i < items.length; i++) references.check(items[i]);
}

/**
 * What Kubernetes makes in every namespace: the `default` ServiceAccount, and
 * the `kube-root-ca.crt` ConfigMap (the cluster's CA, which every projected
 * service-account token volume mounts, as `kubectl get pod -o yaml` shows).
 */
const IN_EVERY_NAMESPACE: ReadonlySet<string> = new Set(['ServiceAccount/default', 'ConfigMap/kube-root-ca.crt']);

const NONE: readonly never[] = Object.freeze([]);
const CONFIG_MAP_DATA = ['data', 'binaryData'] as const;
const SECRET_DATA = ['data', 'stringData'] as const;

/**
 * The checks of one output. Workloads are indexed by namespace and by each
 * pod label, so a selector looks only at candidates. `check` looks at one
 * object at a time; the fields below `item` describe that object.
 */
class References {
  /** namespace → the workloads (objects with a pod template) */
  private readonly workloads = new Map<string, Checked[]>();
  /** namespace → pod label key → value → the workloads with that label */
  private readonly byLabel = new Map<string, Map<string, Map<string, Checked[]>>>();
  private readonly external: readonly External[];

  private item!: Checked;
  /** Whether the object declares everything it refers to external. */
  private allExternal = false;
  /** What the object declares external, one by one. */
  private declared: readonly External[] = NONE;

  constructor(items: readonly Checked[], private readonly index: CheckedIndex, external: readonly string[]) {
    this.external = parseExternals(external);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.pod === undefined || item.obj.kind === 'PodTemplate') continue;
      let workloads = this.workloads.get(item.namespace);
      if (workloads === undefined) this.workloads.set(item.namespace, (workloads = []));
      workloads.push(item);
      let keys = this.byLabel.get(item.namespace);
      if (keys === undefined) this.byLabel.set(item.namespace, (keys = new Map()));
      const labels = item.pod.labels;
      for (const key in labels) {
        let values = keys.get(key);
        if (values === undefined) keys.set(key, (values = new Map()));
        const value = String(labels[key]);
        const list = values.get(value);
        if (list === undefined) values.set(value, [item]);
        else list.push(item);
      }
    }
  }

  check(item: Checked): void {
    this.item = item;
    const declared = annotationsOf(item.obj)[EXTERNAL_ANNOTATION];
    this.allExternal = declared === 'true' || declared === true || declared === '*';
    this.declared = typeof declared === 'string' && !this.allExternal ? parseExternals(declared.split(',')) : NONE;
    if (item.pod !== undefined) this.checkPod(item.pod);
    const spec: Json = isRecord(item.obj.spec) ? item.obj.spec : EMPTY;
    switch (item.obj.kind) {
      case 'Service': return this.checkService(spec);
      case 'Ingress': return this.checkIngress(spec);
      case 'HorizontalPodAutoscaler': {
        const ref = spec.scaleTargetRef;
        if (isRecord(ref) && typeof ref.kind === 'string' && typeof ref.name === 'string' && !this.exists(ref.kind, ref.name)) {
          item.report('scale-target', ['spec', 'scaleTargetRef'], `scale target ${ref.kind} "${ref.name}" is not in the output${this.inNamespace()}`, 'correct the kind and name, or declare it external');
        }
        return;
      }
      case 'PodDisruptionBudget':
        if (isRecord(spec.selector) && !this.podsExternal() && !this.selectsAny(spec.selector.matchLabels, spec.selector, false)) {
          item.report('pdb-selector', ['spec', 'selector'], `the selector matches no pod template${this.inNamespace()}`, 'correct spec.selector to the pod labels of the workload it protects');
        }
        return;
      case 'StatefulSet': return this.checkStatefulSetService(spec.serviceName);
      case 'NetworkPolicy': {
        const sel = spec.podSelector;
        const empty = !isRecord(sel) || (!hasKeys(sel.matchLabels) && !(Array.isArray(sel.matchExpressions) && sel.matchExpressions.length > 0));
        if (!empty && !this.podsExternal() && !this.selectsAny(sel.matchLabels, sel, false)) {
          item.report('networkpolicy-selector', ['spec', 'podSelector'], `the podSelector matches no pod template${this.inNamespace()}`, 'correct spec.podSelector, or use {} to select every pod of the namespace');
        }
        return;
      }
    }
  }

  private checkService(spec: Json): void {
    const selector = spec.selector;
    if (spec.type === 'ExternalName' || !isRecord(selector) || !hasKeys(selector) || this.podsExternal()) return;
    if (!this.selectsAny(selector, selector, true)) {
      this.item.report('service-selector', ['spec', 'selector'], `the selector ${JSON.stringify(selector)} matches no pod template${this.inNamespace()}`, 'correct the selector to labels of a workload\'s pod template, or declare the Service external');
    }
  }

  private checkIngress(spec: Json): void {
    if (spec.defaultBackend) this.checkBackend(spec.defaultBackend, -1, -1);
    const rules = spec.rules;
    if (!Array.isArray(rules)) return;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r];
      const paths = isRecord(rule) && isRecord(rule.http) ? rule.http.paths : undefined;
      if (!Array.isArray(paths)) continue;
      for (let i = 0; i < paths.length; i++) this.checkBackend(isRecord(paths[i]) ? paths[i].backend : undefined, r, i);
    }
  }

  /** An Ingress backend: `spec.defaultBackend` (r < 0) or `spec.rules[r].http.paths[i].backend`. */
  private checkBackend(backend: unknown, r: number, i: number): void {
    if (!isRecord(backend) || !isRecord(backend.service) || typeof backend.service.name !== 'string') return;
    const name = backend.service.name;
    const path = (): JsonPath => (r < 0 ? ['spec', 'defaultBackend', 'service'] : ['spec', 'rules', r, 'http', 'paths', i, 'backend', 'service']);
    const service = this.find('Service', name);
    if (service === undefined) {
      if (!this.isExternal('Service', name)) this.item.report('ingress-backend', [...path(), 'name'], `backend Service "${name}" is not in the output${this.inNamespace()}`, `add the Service, correct the name, or declare it external: ${EXTERNAL_ANNOTATION}: "Service/${name}"`);
      return;
    }
    const port: Json = isRecord(backend.service.port) ? backend.service.port : EMPTY;
    if (port.number === undefined && port.name === undefined) return;
    const ports: readonly unknown[] = isRecord(service.spec) && Array.isArray(service.spec.ports) ? service.spec.ports : NONE;
    for (const p of ports) {
      if (isRecord(p) && (port.number !== undefined ? p.port === port.number : p.name === port.name)) return;
    }
    const have = ports.filter(isRecord).map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(', ');
    this.item.report('ingress-backend', [...path(), 'port'], `Service "${name}" has no port ${port.number ?? `named "${port.name}"`}`, `use one of its ports: ${have || 'none'}`);
  }

  private checkStatefulSetService(serviceName: unknown): void {
    if (typeof serviceName !== 'string' || serviceName === '') return;
    const service = this.find('Service', serviceName);
    if (service === undefined) {
      if (!this.isExternal('Service', serviceName)) this.item.report('statefulset-service', ['spec', 'serviceName'], `Service "${serviceName}" is not in the output${this.inNamespace()}`, `add a headless Service "${serviceName}" (clusterIP: None) selecting the pods`);
    } else if (!isRecord(service.spec) || service.spec.clusterIP !== 'None') {
      this.item.report('statefulset-service', ['spec', 'serviceName'], `Service "${serviceName}" is not headless`, `set spec.clusterIP: None on Service "${serviceName}"`);
    }
  }

  /** What a pod spec refers to: volumes, its service account, image pull secrets, and what its containers read. */
  private checkPod({ spec, path, containers }: PodTemplate): void {
    const volumes = spec.volumes;
    if (Array.isArray(volumes)) {
      for (let i = 0; i < volumes.length; i++) {
        const v = volumes[i];
        if (!isRecord(v)) continue;
        const { configMap, secret, persistentVolumeClaim: claim, projected } = v;
        if (isRecord(configMap) && this.lacks('ConfigMap', configMap.name, configMap.optional)) this.missing('ConfigMap', configMap.name, [...path, 'volumes', i, 'configMap', 'name'], `volume "${v.name}" mounts`);
        if (isRecord(secret) && this.lacks('Secret', secret.secretName, secret.optional)) this.missing('Secret', secret.secretName, [...path, 'volumes', i, 'secret', 'secretName'], `volume "${v.name}" mounts`);
        if (isRecord(claim) && this.lacks('PersistentVolumeClaim', claim.claimName, false)) this.missing('PersistentVolumeClaim', claim.claimName, [...path, 'volumes', i, 'persistentVolumeClaim', 'claimName'], `volume "${v.name}" mounts`);
        const sources = isRecord(projected) ? projected.sources : undefined;
        if (!Array.isArray(sources)) continue;
        for (let j = 0; j < sources.length; j++) {
          const s = sources[j];
          if (!isRecord(s)) continue;
          if (isRecord(s.configMap) && this.lacks('ConfigMap', s.configMap.name, s.configMap.optional)) this.missing('ConfigMap', s.configMap.name, [...path, 'volumes', i, 'projected', 'sources', j, 'configMap', 'name'], `volume "${v.name}" projects`);
          if (isRecord(s.secret) && this.lacks('Secret', s.secret.name, s.secret.optional)) this.missing('Secret', s.secret.name, [...path, 'volumes', i, 'projected', 'sources', j, 'secret', 'name'], `volume "${v.name}" projects`);
        }
      }
    }
    // serviceAccount is the deprecated name of serviceAccountName, still read when the new one is unset
    const accountField = spec.serviceAccountName === undefined || spec.serviceAccountName === null || spec.serviceAccountName === '' ? 'serviceAccount' : 'serviceAccountName';
    const account = spec[accountField];
    if (this.lacks('ServiceAccount', account, false)) this.missing('ServiceAccount', account, [...path, accountField], 'the pod runs as');
    const pullSecrets = spec.imagePullSecrets;
    if (Array.isArray(pullSecrets)) {
      for (let i = 0; i < pullSecrets.length; i++) {
        const s = pullSecrets[i];
        if (isRecord(s) && this.lacks('Secret', s.name, false)) this.missing('Secret', s.name, [...path, 'imagePullSecrets', i, 'name'], 'the image pull secret');
      }
    }
    for (let c = 0; c < containers.length; c++) {
      const { container, path: cpath } = containers[c];
      const envFrom = container.envFrom;
      if (Array.isArray(envFrom)) {
        for (let i = 0; i < envFrom.length; i++) {
          const e = envFrom[i];
          if (!isRecord(e)) continue;
          const { configMapRef: cm, secretRef: secret } = e;
          if (isRecord(cm) && this.lacks('ConfigMap', cm.name, cm.optional)) this.missing('ConfigMap', cm.name, [...cpath, 'envFrom', i, 'configMapRef', 'name'], 'envFrom reads');
          if (isRecord(secret) && this.lacks('Secret', secret.name, secret.optional)) this.missing('Secret', secret.name, [...cpath, 'envFrom', i, 'secretRef', 'name'], 'envFrom reads');
        }
      }
      const env = container.env;
      if (Array.isArray(env)) {
        for (let i = 0; i < env.length; i++) {
          const e = env[i];
          const from = isRecord(e) && isRecord(e.valueFrom) ? e.valueFrom : undefined;
          if (from === undefined) continue;
          if (isRecord(from.configMapKeyRef)) this.checkKeyRef(from.configMapKeyRef, 'ConfigMap', CONFIG_MAP_DATA, e.name, [...cpath, 'env', i, 'valueFrom', 'configMapKeyRef']);
          if (isRecord(from.secretKeyRef)) this.checkKeyRef(from.secretKeyRef, 'Secret', SECRET_DATA, e.name, [...cpath, 'env', i, 'valueFrom', 'secretKeyRef']);
        }
      }
    }
  }

  /** A variable's `configMapKeyRef` or `secretKeyRef` at `path`: the object, and the key in its data. */
  private checkKeyRef(ref: Json, kind: string, dataFields: readonly string[], variable: unknown, path: JsonPath): void {
    const what = `variable "${variable}" reads`;
    if (this.lacks(kind, ref.name, ref.optional)) this.missing(kind, ref.name, [...path, 'name'], what);
    const target = typeof ref.name === 'string' ? this.find(kind, ref.name) : undefined;
    if (target === undefined || typeof ref.key !== 'string' || ref.optional === true) return;
    if (dataFields.some((field) => isRecord(target[field]) && Object.hasOwn(target[field], ref.key))) return;
    const keys = dataFields.flatMap((field) => (isRecord(target[field]) ? Object.keys(target[field]) : []));
    this.item.report('object-reference', [...path, 'key'], `${what} key "${ref.key}" of ${kind} "${ref.name}", which has no such key`,
      keys.length > 0 ? `use one of its keys: ${keys.join(', ')}, or add "${ref.key}" to the ${kind}` : `add "${ref.key}" to the ${kind}'s data`);
  }

  /** Whether a reference by `name` (when a string and not optional) names nothing in the output and nothing external. */
  private lacks(kind: string, name: unknown, optional: unknown): name is string {
    return typeof name === 'string' && optional !== true && !this.exists(kind, name);
  }

  private missing(kind: string, name: string, path: JsonPath, what: string): void {
    this.item.report('object-reference', path, `${what} ${kind} "${name}", which is not in the output${this.inNamespace()}`,
      `add the ${kind}, correct the name, or declare it external: annotation ${EXTERNAL_ANNOTATION}: "${kind}/${name}"`);
  }

  private find(kind: string, name: string): Json | undefined {
    return this.index.get(kind, this.item.namespace, name)?.obj;
  }

  private exists(kind: string, name: string): boolean {
    return this.index.get(kind, this.item.namespace, name) !== undefined || IN_EVERY_NAMESPACE.has(`${kind}/${name}`) || this.isExternal(kind, name);
  }

  /** Whether the pods a selector of the object selects may be made elsewhere: the object declares everything external, or `Pod/*` is declared. */
  private podsExternal(): boolean {
    return this.isExternal('Pod', '*');
  }

  private isExternal(kind: string, name: string): boolean {
    return this.allExternal || this.declares(this.declared, kind, name) || this.declares(this.external, kind, name);
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
      const labels = w.pod!.labels;
      if (map ? mapSelectorMatches(selector, labels) : selectorMatches(selector, labels)) return true;
    }
    return false;
  }

  private candidates(required: unknown): readonly Checked[] {
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

function parseExternals(entries: readonly string[]): External[] {
  const out: External[] = [];
  for (const entry of entries) {
    const e = parseExternal(entry);
    if (e !== undefined) out.push(e);
  }
  return out;
}

function hasKeys(x: unknown): boolean {
  if (!isRecord(x)) return false;
  for (const _ in x) return true;
  return false;
}
