/**
 * Checks across the objects of one output: what one object names must be
 * there. A reference may be declared external — made elsewhere — on the
 * referencing object with the annotation `chartwright.dev/external`
 * (`"true"`: everything it refers to; or a list such as
 * `"Secret/db-credentials, ConfigMap/shared"`), or for the whole run with the
 * `external` option (`--external Kind/name` or `Kind/namespace/name`).
 */
import { EXTERNAL_ANNOTATION } from '../core/annotations';
import { JsonPath } from './findings';
import { Json, annotationsOf, asArray, containersOf, isRecord, mapSelectorMatches, nameOf, namespaceOf, podTemplateOf, selectorMatches } from './objects';
import { Report } from './schema';

export { EXTERNAL_ANNOTATION } from '../core/annotations';

export interface Checked {
  readonly obj: Json;
  readonly report: Report;
}

interface Workload {
  readonly obj: Json;
  readonly namespace: string;
  readonly labels: Record<string, unknown>;
}

/** Parses `Kind/name` or `Kind/namespace/name`. */
export function parseExternal(entry: string): { kind: string; namespace?: string; name: string } | undefined {
  const parts = entry.trim().split('/');
  if (parts.length === 2 && parts[0] && parts[1]) return { kind: parts[0], name: parts[1] };
  if (parts.length === 3 && parts[0] && parts[1] && parts[2]) return { kind: parts[0], namespace: parts[1], name: parts[2] };
  return undefined;
}

export function checkReferences(items: readonly Checked[], external: readonly string[] = []): void {
  const byKind = new Map<string, Map<string, Json>>(); // kind → "ns/name" → object
  const workloads: Workload[] = [];
  for (const { obj } of items) {
    const name = nameOf(obj);
    if (name === undefined) continue;
    let m = byKind.get(obj.kind);
    if (!m) byKind.set(obj.kind, (m = new Map()));
    m.set(`${namespaceOf(obj)}/${name}`, obj);
    const pod = podTemplateOf(obj);
    if (pod && obj.kind !== 'PodTemplate') workloads.push({ obj, namespace: namespaceOf(obj), labels: pod.labels });
  }
  const globalExternal = external.map(parseExternal).filter((e) => e !== undefined);
  // workloads by namespace and by each pod label, so a selector looks only at candidates
  const byNamespace = new Map<string, Workload[]>();
  const byLabel = new Map<string, Workload[]>();
  const push = (map: Map<string, Workload[]>, key: string, w: Workload) => {
    const list = map.get(key);
    if (list) list.push(w);
    else map.set(key, [w]);
  };
  for (const w of workloads) {
    push(byNamespace, w.namespace, w);
    for (const k in w.labels) push(byLabel, `${w.namespace}\0${k}\0${String(w.labels[k])}`, w);
  }
  /** The workloads of a namespace that could match a selector whose required labels are `required`. */
  const candidates = (ns: string, required: unknown): Workload[] => {
    if (isRecord(required)) {
      for (const k in required) return byLabel.get(`${ns}\0${k}\0${String(required[k])}`) ?? [];
    }
    return byNamespace.get(ns) ?? [];
  };

  for (const { obj, report } of items) {
    const ns = namespaceOf(obj);
    const declared = annotationsOf(obj)[EXTERNAL_ANNOTATION];
    const allExternal = declared === 'true' || declared === true || declared === '*';
    const localExternal = typeof declared === 'string' && !allExternal ? declared.split(',').map(parseExternal).filter((e) => e !== undefined) : [];
    const isExternal = (kind: string, name: string) =>
      allExternal ||
      localExternal.some((e) => e.kind === kind && e.name === name && (e.namespace === undefined || e.namespace === ns)) ||
      globalExternal.some((e) => e.kind === kind && e.name === name && (e.namespace === undefined || e.namespace === ns));
    const find = (kind: string, name: string) => byKind.get(kind)?.get(`${ns}/${name}`);
    const exists = (kind: string, name: string) => find(kind, name) !== undefined || isExternal(kind, name);
    const inNamespace = ns ? ` in namespace "${ns}"` : '';
    const missing: Missing = (kind, name, path, what, keyFix) =>
      keyFix
        ? report('object-reference', path, `${what} key "${keyFix.key}" of ${kind} "${name}", which has no such key`,
          keyFix.keys.length > 0 ? `use one of its keys: ${keyFix.keys.join(', ')}, or add "${keyFix.key}" to the ${kind}` : `add "${keyFix.key}" to the ${kind}'s data`)
        : report('object-reference', path, `${what} ${kind} "${name}", which is not in the output${inNamespace}`,
          `add the ${kind}, correct the name, or declare it external: annotation ${EXTERNAL_ANNOTATION}: "${kind}/${name}"`);
    const selects = (required: unknown, match: (labels: Record<string, unknown>) => boolean) => candidates(ns, required).some((w) => match(w.labels));
    const spec = isRecord(obj.spec) ? obj.spec : {};

    const pod = podTemplateOf(obj);
    if (pod) checkPodReferences(pod.spec, pod.path, exists, missing, (kind, name) => find(kind, name));

    switch (obj.kind) {
      case 'Service': {
        const selector = spec.selector;
        if (spec.type !== 'ExternalName' && isRecord(selector) && Object.keys(selector).length > 0 && !allExternal) {
          if (!selects(selector, (labels) => mapSelectorMatches(selector, labels))) {
            report('service-selector', ['spec', 'selector'], `the selector ${JSON.stringify(selector)} matches no pod template${inNamespace}`, 'correct the selector to labels of a workload\'s pod template, or declare the Service external');
          }
        }
        break;
      }
      case 'Ingress': {
        const backends: Array<{ backend: unknown; path: JsonPath }> = [];
        if (spec.defaultBackend) backends.push({ backend: spec.defaultBackend, path: ['spec', 'defaultBackend'] });
        asArray(spec.rules).forEach((rule, r) => {
          const paths = isRecord(rule) && isRecord(rule.http) ? asArray(rule.http.paths) : [];
          paths.forEach((p, i) => backends.push({ backend: isRecord(p) ? p.backend : undefined, path: ['spec', 'rules', r, 'http', 'paths', i, 'backend'] }));
        });
        for (const { backend, path } of backends) {
          if (!isRecord(backend) || !isRecord(backend.service) || typeof backend.service.name !== 'string') continue;
          const name = backend.service.name;
          const service = find('Service', name);
          if (!service) {
            if (!isExternal('Service', name)) report('ingress-backend', [...path, 'service', 'name'], `backend Service "${name}" is not in the output${inNamespace}`, `add the Service, correct the name, or declare it external: ${EXTERNAL_ANNOTATION}: "Service/${name}"`);
            continue;
          }
          const port = isRecord(backend.service.port) ? backend.service.port : {};
          const ports = asArray(service.spec?.ports).filter(isRecord);
          const ok = port.number !== undefined ? ports.some((p) => p.port === port.number) : port.name !== undefined ? ports.some((p) => p.name === port.name) : true;
          if (!ok) {
            const have = ports.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(', ');
            report('ingress-backend', [...path, 'service', 'port'], `Service "${name}" has no port ${port.number ?? `named "${port.name}"`}`, `use one of its ports: ${have || 'none'}`);
          }
        }
        break;
      }
      case 'HorizontalPodAutoscaler': {
        const ref = spec.scaleTargetRef;
        if (isRecord(ref) && typeof ref.kind === 'string' && typeof ref.name === 'string' && !find(ref.kind, ref.name) && !isExternal(ref.kind, ref.name)) {
          report('scale-target', ['spec', 'scaleTargetRef'], `scale target ${ref.kind} "${ref.name}" is not in the output${inNamespace}`, 'correct the kind and name, or declare it external');
        }
        break;
      }
      case 'PodDisruptionBudget': {
        if (isRecord(spec.selector) && !allExternal && !selects(spec.selector.matchLabels, (labels) => selectorMatches(spec.selector, labels))) {
          report('pdb-selector', ['spec', 'selector'], `the selector matches no pod template${inNamespace}`, 'correct spec.selector to the pod labels of the workload it protects');
        }
        break;
      }
      case 'StatefulSet': {
        if (typeof spec.serviceName === 'string' && spec.serviceName !== '') {
          const service = find('Service', spec.serviceName);
          if (!service) {
            if (!isExternal('Service', spec.serviceName)) report('statefulset-service', ['spec', 'serviceName'], `Service "${spec.serviceName}" is not in the output${inNamespace}`, `add a headless Service "${spec.serviceName}" (clusterIP: None) selecting the pods`);
          } else if (service.spec?.clusterIP !== 'None') {
            report('statefulset-service', ['spec', 'serviceName'], `Service "${spec.serviceName}" is not headless`, `set spec.clusterIP: None on Service "${spec.serviceName}"`);
          }
        }
        break;
      }
      case 'NetworkPolicy': {
        const sel = spec.podSelector;
        const empty = !isRecord(sel) || (Object.keys(sel.matchLabels ?? {}).length === 0 && asArray(sel.matchExpressions).length === 0);
        if (!empty && !allExternal && !selects(sel.matchLabels, (labels) => selectorMatches(sel, labels))) {
          report('networkpolicy-selector', ['spec', 'podSelector'], `the podSelector matches no pod template${inNamespace}`, 'correct spec.podSelector, or use {} to select every pod of the namespace');
        }
        break;
      }
    }
  }
}

type Exists = (kind: string, name: string) => boolean;
type Missing = (kind: string, name: string, path: JsonPath, what: string, keyFix?: { key: string; keys: string[] }) => void;

function checkPodReferences(spec: Json, path: JsonPath, exists: Exists, missing: Missing, find: (kind: string, name: string) => Json | undefined): void {
  const ref = (kind: string, name: unknown, optional: unknown, p: () => JsonPath, what: string) => {
    if (typeof name !== 'string' || optional === true) return;
    if (!exists(kind, name)) missing(kind, name, p(), what);
  };
  asArray(spec.volumes).forEach((v, i) => {
    if (!isRecord(v)) return;
    const p = [...path, 'volumes', i]; // only volumes that refer to something get here
    if (isRecord(v.configMap)) ref('ConfigMap', v.configMap.name, v.configMap.optional, () => [...p, 'configMap', 'name'], `volume "${v.name}" mounts`);
    if (isRecord(v.secret)) ref('Secret', v.secret.secretName, v.secret.optional, () => [...p, 'secret', 'secretName'], `volume "${v.name}" mounts`);
    if (isRecord(v.persistentVolumeClaim)) ref('PersistentVolumeClaim', v.persistentVolumeClaim.claimName, false, () => [...p, 'persistentVolumeClaim', 'claimName'], `volume "${v.name}" mounts`);
    if (isRecord(v.projected)) {
      asArray(v.projected.sources).forEach((s, j) => {
        if (!isRecord(s)) return;
        const sp = [...p, 'projected', 'sources', j];
        if (isRecord(s.configMap)) ref('ConfigMap', s.configMap.name, s.configMap.optional, () => [...sp, 'configMap', 'name'], `volume "${v.name}" projects`);
        if (isRecord(s.secret)) ref('Secret', s.secret.name, s.secret.optional, () => [...sp, 'secret', 'name'], `volume "${v.name}" projects`);
      });
    }
  });
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== 'default') {
    ref('ServiceAccount', spec.serviceAccountName, false, () => [...path, 'serviceAccountName'], 'the pod runs as');
  }
  asArray(spec.imagePullSecrets).forEach((s, i) => {
    if (isRecord(s)) ref('Secret', s.name, false, () => [...path, 'imagePullSecrets', i, 'name'], 'the image pull secret');
  });
  for (const { container, path: cpath } of containersOf({ spec, path, labels: {} })) {
    asArray(container.envFrom).forEach((e, i) => {
      if (!isRecord(e)) return;
      if (isRecord(e.configMapRef)) ref('ConfigMap', e.configMapRef.name, e.configMapRef.optional, () => [...cpath, 'envFrom', i, 'configMapRef', 'name'], 'envFrom reads');
      if (isRecord(e.secretRef)) ref('Secret', e.secretRef.name, e.secretRef.optional, () => [...cpath, 'envFrom', i, 'secretRef', 'name'], 'envFrom reads');
    });
    asArray(container.env).forEach((e, i) => {
      const from = isRecord(e) && isRecord(e.valueFrom) ? e.valueFrom : undefined;
      if (!from) return;
      for (const [field, kind, dataKeys] of [['configMapKeyRef', 'ConfigMap', ['data', 'binaryData']], ['secretKeyRef', 'Secret', ['data', 'stringData']]] as const) {
        const r = from[field];
        if (!isRecord(r)) continue;
        const p = [...cpath, 'env', i, 'valueFrom', field];
        ref(kind, r.name, r.optional, () => [...p, 'name'], `variable "${e.name}" reads`);
        const target = typeof r.name === 'string' ? find(kind, r.name) : undefined;
        if (target && typeof r.key === 'string' && r.optional !== true) {
          const keys = dataKeys.flatMap((k) => (isRecord(target[k]) ? Object.keys(target[k]) : []));
          if (!keys.includes(r.key)) {
            missing(kind, r.name as string, [...p, 'key'], `variable "${e.name}" reads`, { key: r.key, keys });
          }
        }
      }
    });
  }
}
