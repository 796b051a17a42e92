/**
 * What the checks across objects read of each object: one small record per
 * need, made while the object is checked on its own, so that the object
 * itself can be dropped right after. References, selectors, budgets,
 * autoscalers, NetworkPolicies, Namespaces and ServiceAccounts are then
 * checked on these records alone (crossref.ts, policy.ts), and validate's
 * memory grows with them, not with the parsed documents (100,000 objects:
 * docs/performance.md).
 *
 * Strings kept here are copied out of the text they were read from
 * (lib/internal/detached.ts): a string the YAML reader cut out of a file
 * keeps the whole file alive.
 */
import { EXTERNAL_ANNOTATION } from '../kube/annotations';
import { NamespacePodSecurity, namespacePodSecurity } from '../kube/pod-security';
import { JsonPath, Source } from './findings';
import { EMPTY, Json, PodTemplate, asArray, hasKeys, isRecord, namespaceOf, normalNamespace, objectDescription, replicasOf } from './objects';
import { PodSecurityViolation, podSecurityViolationsByLevel } from './rules/pod-security';
import { spreads } from './rules/pod-spread';
import { tokenAccount } from './rules/service-account-token';
import { detached } from '../internal/detached';
import { setOwn } from '../internal/objects';

const NONE: readonly never[] = Object.freeze([]);

/** A string (or any value, deeply) copied out of the text it was read from (detached). */
export function keep<T>(value: T): T {
  if (typeof value === 'string') return detached(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(keep) as T;
  const out: Record<string, unknown> = {};
  for (const key in value) setOwn(out, key, keep((value as Record<string, unknown>)[key]));
  return out as T;
}

/** `Kind/name` or `Kind/namespace/name`: an object made elsewhere that references may name. */
export interface External {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

/** What an object names in its namespace: a ConfigMap, Secret, PersistentVolumeClaim or ServiceAccount a pod uses. */
export interface Reference {
  readonly kind: string;
  readonly name: string;
  /** The path of the name. */
  readonly path: JsonPath;
  /** `volume "data" mounts`, `envFrom reads`: how the message names the use. */
  readonly what: string;
  /** A variable's `configMapKeyRef` or `secretKeyRef`: the key it reads, and the key's path. */
  readonly key?: string;
  readonly keyPath?: JsonPath;
}

/** An object with a pod template (of a Pod, workload, Job, CronJob or PodTemplate). */
export interface Workload {
  /** The template's labels. */
  readonly labels: Readonly<Record<string, unknown>>;
  readonly labelsPath: JsonPath;
  /** The path of the pod spec. */
  readonly specPath: JsonPath;
  /** `spec.replicas` of a kind that has replicas (default 1); undefined for others. */
  readonly replicas: number | undefined;
  /** What the pod refers to, in the order the reference checks report them. */
  readonly references: readonly Reference[];
  /** `namespace/account` of the ServiceAccount whose token setting the pod takes, when the pod leaves it unset. */
  readonly tokenAccount: string | undefined;
  /** The checks of Pod Security admission the pod fails, at each level. */
  readonly podSecurity: { readonly baseline: readonly PodSecurityViolation[]; readonly restricted: readonly PodSecurityViolation[] };
  /** Whether anti-affinity or a topology spread constraint spreads the pods. */
  readonly spread: boolean;
}

/** A Service: its ports and whether it is headless (what Ingresses and StatefulSets need of it), and the selector to check. */
export interface ServiceRecord {
  readonly is: 'Service';
  readonly ports: readonly { readonly port: unknown; readonly name: unknown }[];
  readonly headless: boolean;
  /** The selector, when it must select some pod (not ExternalName, not empty). */
  readonly selector: Readonly<Record<string, unknown>> | undefined;
}

/** The keys of a ConfigMap's `data` and `binaryData`, or a Secret's `data` and `stringData`. */
export interface DataRecord {
  readonly is: 'data';
  readonly keys: readonly string[];
}

/** An Ingress's backends that name a Service: `r` < 0 for `spec.defaultBackend`, else `spec.rules[r].http.paths[i]`. */
export interface IngressRecord {
  readonly is: 'Ingress';
  readonly backends: readonly { readonly name: string; readonly number: unknown; readonly portName: unknown; readonly r: number; readonly i: number }[];
}

export interface AutoscalerRecord {
  readonly is: 'HorizontalPodAutoscaler';
  /** `spec.scaleTargetRef`, when its kind and name are strings. */
  readonly target: { readonly kind: string; readonly name: string } | undefined;
  /** `namespace/Kind/name` of what it scales, when it has a scaleTargetRef. */
  readonly scales: string | undefined;
  readonly minReplicas: number;
}

export interface BudgetRecord {
  readonly is: 'PodDisruptionBudget';
  /** Whether `spec` is a mapping. */
  readonly spec: boolean;
  readonly selector: unknown;
  readonly minAvailable: unknown;
}

export interface NetworkPolicyRecord {
  readonly is: 'NetworkPolicy';
  readonly spec: boolean;
  readonly podSelector: unknown;
}

export interface StatefulSetRecord {
  readonly is: 'StatefulSet';
  readonly serviceName: unknown;
}

export interface NamespaceRecord {
  readonly is: 'Namespace';
  readonly podSecurity: NamespacePodSecurity | undefined;
}

export interface ServiceAccountRecord {
  readonly is: 'ServiceAccount';
  readonly tokenless: boolean;
}

export type KindRecord = ServiceRecord | DataRecord | IngressRecord | AutoscalerRecord | BudgetRecord | NetworkPolicyRecord | StatefulSetRecord | NamespaceRecord | ServiceAccountRecord;

/** An object findings are reported on: its place in the input, where it came from, its opt-outs, and how findings name it. */
export interface Subject {
  readonly n: number;
  readonly source: Source;
  /** The line of a path within the object (input.ts). */
  readonly locate: ((path: JsonPath) => number | undefined) | undefined;
  /** The object's `chartwright.dev/ignore-<rule>` annotations. */
  readonly ignore: Readonly<Record<string, unknown>>;
  /** `Deployment hello/web`, or what is known. */
  description(): string | undefined;
}

/** Where findings go (validation.ts). */
export interface FindingSink {
  report(subject: Subject, rule: string, path: JsonPath, message: string, fix?: string, enforced?: boolean): void;
}

/**
 * One object as the checks across objects see it: its identity, how to
 * report on it, what it declares external, and the records of its kind.
 * The `ObjectIndex` finds it by kind, namespace and name.
 */
export class Entry implements Subject {
  /** Everything the object refers to is external (`chartwright.dev/external: "true"`). */
  readonly allExternal: boolean;
  /** What the object declares external, one by one. */
  readonly declared: readonly External[];
  private described: string | undefined;

  constructor(
    private readonly sink: FindingSink,
    /** The object's place in the input. */
    readonly n: number,
    readonly kind: string,
    readonly apiVersion: string,
    readonly name: string | undefined,
    /** `metadata.namespace`, or '' for none and for `default` (namespaceOf) */
    readonly namespace: string,
    /** `metadata.namespace` as written, as findings name the object */
    private readonly shownNamespace: string,
    readonly source: Source,
    readonly locate: ((path: JsonPath) => number | undefined) | undefined,
    readonly ignore: Readonly<Record<string, unknown>>,
    readonly record: KindRecord | undefined,
    readonly workload: Workload | undefined,
    annotations: Readonly<Record<string, unknown>>,
  ) {
    const declared = annotations[EXTERNAL_ANNOTATION];
    this.allExternal = declared === 'true' || declared === true || declared === '*';
    this.declared = typeof declared === 'string' && !this.allExternal ? parseExternals(declared.split(',')) : NONE;
  }

  /** Reports a finding on the object (a `Report`). */
  report(rule: string, path: JsonPath, message: string, fix?: string, enforced?: boolean): void {
    this.sink.report(this, rule, path, message, fix, enforced);
  }

  /** `Deployment hello/web`, as describeObject() gives it. */
  description(): string {
    return (this.described ??= keep(objectDescription(this.kind, this.shownNamespace, this.name)));
  }

  /** The identity ObjectIndex reads (`obj.kind`, `obj.apiVersion`): the entry itself. */
  get obj(): this {
    return this;
  }
}

/** Parses `Kind/name` or `Kind/namespace/name`. */
export function parseExternal(entry: string): External | undefined {
  const parts = entry.trim().split('/');
  if (parts.length === 2 && parts[0] && parts[1]) return { kind: keep(parts[0]), name: keep(parts[1]) };
  if (parts.length === 3 && parts[0] && parts[1] && parts[2]) return { kind: keep(parts[0]), namespace: keep(normalNamespace(parts[1])), name: keep(parts[2]) };
  return undefined;
}

export function parseExternals(entries: readonly string[]): External[] {
  const out: External[] = [];
  for (const entry of entries) {
    const e = parseExternal(entry);
    if (e !== undefined) out.push(e);
  }
  return out;
}

/** The record of an object's kind, for the kinds other objects look up or that refer to others. */
export function kindRecord(obj: Json): KindRecord | undefined {
  const spec: Json = isRecord(obj.spec) ? obj.spec : EMPTY;
  switch (obj.kind) {
    case 'Service': {
      const ports = Array.isArray(spec.ports) ? spec.ports.filter(isRecord).map((p) => ({ port: keep(p.port), name: keep(p.name) })) : NONE;
      const selector = spec.type !== 'ExternalName' && isRecord(spec.selector) && hasKeys(spec.selector) ? keep(spec.selector) : undefined;
      return { is: 'Service', ports, headless: spec.clusterIP === 'None', selector };
    }
    case 'ConfigMap':
    case 'Secret': {
      const keys: string[] = [];
      for (const field of obj.kind === 'Secret' ? SECRET_DATA : CONFIG_MAP_DATA) if (isRecord(obj[field])) keys.push(...Object.keys(obj[field]));
      return { is: 'data', keys };
    }
    case 'Ingress': {
      const backends: IngressRecord['backends'][number][] = [];
      const add = (backend: unknown, r: number, i: number) => {
        if (!isRecord(backend) || !isRecord(backend.service) || typeof backend.service.name !== 'string') return;
        const port: Json = isRecord(backend.service.port) ? backend.service.port : EMPTY;
        backends.push({ name: keep(backend.service.name), number: keep(port.number), portName: keep(port.name), r, i });
      };
      if (spec.defaultBackend) add(spec.defaultBackend, -1, -1);
      const rules = Array.isArray(spec.rules) ? spec.rules : NONE;
      for (let r = 0; r < rules.length; r++) {
        const rule = rules[r];
        const paths = isRecord(rule) && isRecord(rule.http) ? rule.http.paths : undefined;
        if (!Array.isArray(paths)) continue;
        for (let i = 0; i < paths.length; i++) add(isRecord(paths[i]) ? paths[i].backend : undefined, r, i);
      }
      return { is: 'Ingress', backends };
    }
    case 'HorizontalPodAutoscaler': {
      const ref = spec.scaleTargetRef;
      const target = isRecord(ref) && typeof ref.kind === 'string' && typeof ref.name === 'string' ? { kind: keep(ref.kind), name: keep(ref.name) } : undefined;
      const namespace = namespaceOf(obj);
      const scales = isRecord(obj.spec) && isRecord(ref) ? keep(`${namespace}/${ref.kind}/${ref.name}`) : undefined;
      return { is: 'HorizontalPodAutoscaler', target, scales, minReplicas: typeof spec.minReplicas === 'number' ? spec.minReplicas : 1 };
    }
    case 'PodDisruptionBudget':
      return { is: 'PodDisruptionBudget', spec: isRecord(obj.spec), selector: keep(spec.selector), minAvailable: keep(spec.minAvailable) };
    case 'NetworkPolicy':
      return { is: 'NetworkPolicy', spec: isRecord(obj.spec), podSelector: keep(spec.podSelector) };
    case 'StatefulSet':
      return { is: 'StatefulSet', serviceName: keep(spec.serviceName) };
    case 'Namespace': {
      if (obj.apiVersion !== 'v1') return undefined;
      const meta = obj.metadata;
      return { is: 'Namespace', podSecurity: namespacePodSecurity(isRecord(meta) && isRecord(meta.labels) ? meta.labels : EMPTY) };
    }
    case 'ServiceAccount':
      return { is: 'ServiceAccount', tokenless: obj.automountServiceAccountToken === false };
  }
  return undefined;
}

const CONFIG_MAP_DATA = ['data', 'binaryData'] as const;
const NO_VIOLATIONS = { baseline: NONE, restricted: NONE } as const;
const SECRET_DATA = ['data', 'stringData'] as const;

/**
 * The record of an object's pod template. What it records for a rule, the
 * rule defines: the Pod Security checks the pod fails (rules/pod-security.ts;
 * only when `podSecurity`, some namespace may have Pod Security modes),
 * whether it spreads its pods (pod-spread.ts), the ServiceAccount whose token
 * setting it takes (service-account-token.ts).
 */
export function workloadRecord(obj: Json, pod: PodTemplate, namespace: string, podSecurity: boolean): Workload {
  const account = tokenAccount(pod.spec);
  // only a namespace's modes make them matter, and no namespace may have any: not run
  const { baseline, restricted } = podSecurity ? podSecurityViolationsByLevel(pod) : NO_VIOLATIONS;
  return {
    labels: keep(pod.labels),
    labelsPath: pod.labelsPath,
    specPath: pod.path,
    replicas: replicasOf(obj),
    references: references(pod),
    tokenAccount: account === undefined ? undefined : keep(`${namespace}/${account}`),
    podSecurity: { baseline: baseline.length === 0 ? NONE : keep(baseline), restricted: restricted.length === 0 ? NONE : keep(restricted) },
    spread: spreads(pod.spec),
  };
}

/** What a pod spec refers to: volumes, its service account, image pull secrets, and what its containers read. */
function references({ spec, path, containers }: PodTemplate): Reference[] {
  const out: Reference[] = [];
  /** A reference by `name` (when a string and not optional). */
  const add = (kind: string, name: unknown, optional: unknown, at: () => JsonPath, what: () => string) => {
    if (typeof name === 'string' && optional !== true) out.push({ kind, name: keep(name), path: at(), what: keep(what()) });
  };
  const volumes = spec.volumes;
  if (Array.isArray(volumes)) {
    for (let i = 0; i < volumes.length; i++) {
      const v = volumes[i];
      if (!isRecord(v)) continue;
      const { configMap, secret, persistentVolumeClaim: claim, projected } = v;
      if (isRecord(configMap)) add('ConfigMap', configMap.name, configMap.optional, () => [...path, 'volumes', i, 'configMap', 'name'], () => `volume "${v.name}" mounts`);
      if (isRecord(secret)) add('Secret', secret.secretName, secret.optional, () => [...path, 'volumes', i, 'secret', 'secretName'], () => `volume "${v.name}" mounts`);
      if (isRecord(claim)) add('PersistentVolumeClaim', claim.claimName, false, () => [...path, 'volumes', i, 'persistentVolumeClaim', 'claimName'], () => `volume "${v.name}" mounts`);
      const sources = isRecord(projected) ? projected.sources : undefined;
      if (!Array.isArray(sources)) continue;
      for (let j = 0; j < sources.length; j++) {
        const s = sources[j];
        if (!isRecord(s)) continue;
        if (isRecord(s.configMap)) add('ConfigMap', s.configMap.name, s.configMap.optional, () => [...path, 'volumes', i, 'projected', 'sources', j, 'configMap', 'name'], () => `volume "${v.name}" projects`);
        if (isRecord(s.secret)) add('Secret', s.secret.name, s.secret.optional, () => [...path, 'volumes', i, 'projected', 'sources', j, 'secret', 'name'], () => `volume "${v.name}" projects`);
      }
    }
  }
  // serviceAccount is the deprecated name of serviceAccountName, still read when the new one is unset
  const accountField = spec.serviceAccountName === undefined || spec.serviceAccountName === null || spec.serviceAccountName === '' ? 'serviceAccount' : 'serviceAccountName';
  add('ServiceAccount', spec[accountField], false, () => [...path, accountField], () => 'the pod runs as');
  const pullSecrets = spec.imagePullSecrets;
  if (Array.isArray(pullSecrets)) {
    for (let i = 0; i < pullSecrets.length; i++) {
      const s = pullSecrets[i];
      if (isRecord(s)) add('Secret', s.name, false, () => [...path, 'imagePullSecrets', i, 'name'], () => 'the image pull secret');
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
        if (isRecord(cm)) add('ConfigMap', cm.name, cm.optional, () => [...cpath, 'envFrom', i, 'configMapRef', 'name'], () => 'envFrom reads');
        if (isRecord(secret)) add('Secret', secret.name, secret.optional, () => [...cpath, 'envFrom', i, 'secretRef', 'name'], () => 'envFrom reads');
      }
    }
    const env = asArray(container.env);
    for (let i = 0; i < env.length; i++) {
      const e = env[i];
      const from = isRecord(e) && isRecord(e.valueFrom) ? e.valueFrom : undefined;
      if (from === undefined) continue;
      for (const [field, kind] of [['configMapKeyRef', 'ConfigMap'], ['secretKeyRef', 'Secret']] as const) {
        const ref = from[field];
        if (!isRecord(ref) || typeof ref.name !== 'string' || ref.optional === true) continue;
        const at: JsonPath = [...cpath, 'env', i, 'valueFrom', field];
        out.push({ kind, name: keep(ref.name), path: [...at, 'name'], what: keep(`variable "${e.name}" reads`), key: typeof ref.key === 'string' ? keep(ref.key) : undefined, keyPath: [...at, 'key'] });
      }
    }
  }
  return out;
}
