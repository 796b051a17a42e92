/**
 * One validation of an output, object by object: `check` runs every check
 * that reads the object alone (schema, the API server's rules, duplicates,
 * the best-practice checks of the object, its pod and containers) as it
 * comes, and records what the checks across objects need of it
 * (entries.ts); the object is not kept. `finish` runs those checks —
 * references, budgets, autoscalers, NetworkPolicies, Pod Security of the
 * namespaces — on the records, puts the findings in their order, and looks
 * up the line of each.
 *
 * The order of findings: every object's own checks in input order (schema,
 * API server, duplicate), then every object's references, then every
 * object's best-practice findings (the object, its pod, each container, the
 * replicated workload, each in registry order) — whether a check ran while
 * the object was read or at the end.
 */
import { checkApiServer } from './apiserver';
import { EntryIndex, checkReferences } from './crossref';
import { Entry, Subject, keep, kindRecord, workloadRecord } from './entries';
import { Finding, JsonPath, Severity, Source, formatPath } from './findings';
import { InputObject } from './input';
import { knownResource } from './known-resources';
import { ObjectIndex } from '../kube/object-index';
import type { NamespacePodSecurity } from '../kube/pod-security';
import { EMPTY, Json, annotationsOf, describeObject, groupOf, isRecord, nameOf, namespaceOf, podTemplateOf } from './objects';
import { SLOTS, checkObjectPractices, checkOutputPractices } from './policy';
import { DEFAULT_PROFILE, ProfileName, RULES, isIgnorable, isRule, ruleInfo, severityOf } from './rules';
import { KubeSchema, Node, Report, checkNode, compareMinors, crdNode } from './schema';
import { didYouMean } from '../errors';
import { passes } from './schema-predicate';
import { redact, secretValueAt } from './redact';

/** The annotation prefix of a per-object opt-out: `chartwright.dev/ignore-<rule-id>: "<reason>"`. */
export const IGNORE_PREFIX = 'chartwright.dev/ignore-';

export interface ValidateOptions {
  /** How best-practice findings count: `dev` (warnings), `prod` (errors), `strict` (errors, plus the rules only it applies). @default 'dev' */
  readonly profile?: ProfileName;
  /** Accept custom resources whose CRD is not in the input (kubeconform's -ignore-missing-schemas). @default false */
  readonly ignoreMissingSchemas?: boolean;
  /** Objects made elsewhere that references may name: `Kind/name` or `Kind/namespace/name`; the name `*` stands for every one, and `Pod/*` for pods that selectors may select. @default - none */
  readonly external?: readonly string[];
  /** The Kubernetes minor to validate against, such as "1.32" (one of `kubeVersions()`). @default - the newest bundled (`newestKubeVersion()`) */
  readonly kubeVersion?: string;
  /**
   * The Pod Security modes of namespaces made outside the input, by name,
   * such as `{ web: { enforce: 'restricted' } }`: the `pod-security` rule
   * checks their pods as it checks those of a Namespace in the input (which
   * counts over this).
   * @default - none
   */
  readonly podSecurity?: Readonly<Record<string, NamespacePodSecurity>>;
  /**
   * Whether the input is a whole output (as synth's is), so that a reference
   * to an object outside it is an error. Otherwise the input may be part of a
   * release, and such references are warnings.
   * @default false
   */
  readonly complete?: boolean;
}

type Locate = (path: JsonPath) => number | undefined;

/** A finding whose line is still to be looked up: its source (a copy, to take the line), its object's place in the input, and its path. */
interface Unlocated {
  readonly source: { line?: number };
  readonly n: number;
  readonly locate: Locate;
  readonly path: JsonPath;
}

/** Which list a finding goes to: see the order above. */
const enum Phase {
  Object,
  Reference,
  Policy,
}

export class Validation {
  private readonly kube: KubeSchema;
  private readonly ignoreMissingSchemas: boolean;
  private readonly severity: (rule: string) => Severity | 'off';
  private readonly index: EntryIndex = new ObjectIndex();
  private readonly entries: Entry[] = [];
  private readonly objectFindings: Finding[] = [];
  private readonly referenceFindings: Finding[] = [];
  private readonly policyFindings: Finding[] = [];
  /** The place of each best-practice finding: its object's place in the input × SLOTS + the check's slot (policy.ts). */
  private readonly policyKeys: number[] = [];
  private readonly unlocated: Unlocated[] = [];
  private readonly strings = new Map<string, string>();
  private phase = Phase.Object;
  private key = 0;
  private count = 0;

  /** Whether a namespace may have Pod Security modes: the input has a Namespace that may set them, or the options declare some. */
  private readonly podSecurity: boolean;

  /** `customKinds`: the schemas of the input's CRDs; `namespaces`: whether the input may hold a Namespace with Pod Security labels. */
  constructor(private readonly options: ValidateOptions, private readonly customKinds: ReadonlyMap<string, Node>, namespaces: boolean) {
    this.podSecurity = namespaces || (options.podSecurity !== undefined && Object.keys(options.podSecurity).length > 0);
    const profile = options.profile ?? DEFAULT_PROFILE;
    this.kube = KubeSchema.of(options.kubeVersion);
    this.ignoreMissingSchemas = options.ignoreMissingSchemas ?? false;
    // of input that may be part of a release, what it refers to may be elsewhere: a warning
    this.severity = options.complete ? (rule) => severityOf(rule, profile) : (rule) => (ruleInfo(rule).category === 'reference' ? 'warning' : severityOf(rule, profile));
  }

  /** Checks one object on its own, and records what the checks across objects need of it. */
  check(input: InputObject): void {
    const n = this.count++;
    const obj = input.obj;
    this.phase = Phase.Object;
    if (!isRecord(obj)) {
      const report = this.reporter({ n, source: input.source, locate: input.locate, ignore: EMPTY, description: () => keep(describeObject(obj)) });
      report('yaml-syntax', [], `the document is ${Array.isArray(obj) ? 'a list' : typeof obj}, not a Kubernetes object`, 'write each object as a mapping with apiVersion, kind and metadata');
      return;
    }
    const annotations = annotationsOf(obj);
    if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string' || obj.apiVersion === '' || obj.kind === '') {
      const report = this.reporter({ n, source: input.source, locate: input.locate, ignore: annotations, description: () => keep(describeObject(obj)) });
      const missing = ['apiVersion', 'kind'].filter((k) => typeof obj[k] !== 'string' || obj[k] === '');
      report('object-kind', [missing[0]], `the object has no ${missing.join(' and no ')}`, `add ${missing.map((k) => (k === 'kind' ? 'kind (such as Deployment)' : 'apiVersion (such as apps/v1)')).join(' and ')}`);
      return;
    }

    const name = nameOf(obj);
    const namespace = namespaceOf(obj);
    const meta = obj.metadata;
    const shownNamespace = isRecord(meta) && typeof meta.namespace === 'string' ? this.once(meta.namespace) : '';
    const pod = podTemplateOf(obj);
    // what the checks at the end report on: it holds no reference to the object
    const entry = new Entry(this, n, this.once(obj.kind), this.once(obj.apiVersion), keep(name), this.once(namespace), shownNamespace, input.source, input.locate, ignoreAnnotations(annotations),
      kindRecord(obj), pod && workloadRecord(obj, pod, namespace, this.podSecurity), annotations);
    const report = redacting(obj, entry);

    checkOptOuts(annotations, report);
    const schema = this.schemaFor(obj, report);
    if (schema && !passes(schema, obj)) checkNode(schema, obj, [], report);
    checkApiServer(obj, pod, report);
    if (name !== undefined) checkDuplicate(entry as Entry & { name: string }, this.index, report);
    this.entries.push(entry);

    this.phase = Phase.Policy;
    checkObjectPractices({ obj, report, name, namespace, pod, source: input.source }, n, this.place);
  }

  /** Runs the checks across objects, and returns every finding in order, with its line. */
  finish(): Finding[] {
    this.phase = Phase.Reference;
    checkReferences(this.entries, this.index, this.options.external);
    this.phase = Phase.Policy;
    const declared = this.options.podSecurity;
    checkOutputPractices(this.entries, this.place, declared && new Map<string, NamespacePodSecurity>(Object.entries(declared)));

    const order = this.policyKeys.map((_, i) => i).sort((a, b) => this.policyKeys[a] - this.policyKeys[b] || a - b);
    const findings = [...this.objectFindings, ...this.referenceFindings];
    for (const i of order) findings.push(this.policyFindings[i]);
    // the lines object by object, all the paths of one object together: its document is read again once (input.ts keeps one)
    const unlocated = this.unlocated.sort((a, b) => a.n - b.n);
    for (const { source, locate, path } of unlocated) {
      const line = locate(path);
      if (line !== undefined) source.line = line;
    }
    unlocated.length = 0;
    return findings;
  }

  /** Where the best-practice findings that follow go among those of object `n` (policy.ts). */
  private readonly place = (n: number, slot: number): void => {
    this.key = n * SLOTS + slot;
  };

  private reporter(subject: Subject): Report {
    return (rule, path, message, fix, enforced) => this.report(subject, rule, path, message, fix, enforced);
  }

  /**
   * Reports a finding on an object: applies the profile and the object's
   * opt-outs, and keeps what is needed to look up the line.
   */
  report(subject: Subject, rule: string, path: JsonPath, message: string, fix?: string, enforced?: boolean): void {
    const level = enforced ? 'error' : this.severity(rule);
    if (level === 'off') return; // a rule the profile does not apply (STRICT_ONLY)
    if (!enforced && isIgnorable(rule)) {
      const reason = subject.ignore[IGNORE_PREFIX + rule];
      if (typeof reason === 'string' && reason.trim() !== '') return;
    }
    let at: Source | undefined = subject.source;
    if (subject.locate !== undefined) {
      // the line is looked up once all checks are done; a copy of the path, which the schema walk reuses
      at = { ...at };
      this.unlocated.push({ source: at, n: subject.n, locate: subject.locate, path: path.slice() });
    }
    const finding: Finding = { rule, severity: level, object: subject.description(), source: at, path: this.once(formatPath(path)), message: keep(message), fix: this.once(fix ?? ruleInfo(rule).fix) };
    if (this.phase === Phase.Object) this.objectFindings.push(finding);
    else if (this.phase === Phase.Reference) this.referenceFindings.push(finding);
    else {
      this.policyFindings.push(finding);
      this.policyKeys.push(this.key);
    }
  }

  /** One copy of a string that objects and findings repeat (kinds, namespaces, paths, fixes). */
  private once(s: string): string {
    let kept = this.strings.get(s);
    if (kept === undefined) this.strings.set((kept = keep(s)), kept);
    return kept;
  }

  private schemaFor(obj: Json, report: Report): Node | undefined {
    const kube = this.kube;
    const customKinds = this.customKinds;
    const builtIn = kube.kind(obj.apiVersion, obj.kind);
    if (builtIn) {
      const removal = kube.removal(obj.apiVersion, obj.kind);
      if (removal) {
        report('deprecated-api', ['apiVersion'], `${obj.apiVersion} ${obj.kind} is removed in Kubernetes ${removal.version}`, removal.replacements.length > 0 ? `use apiVersion: ${removal.replacements.join(' or ')}` : `stop using ${obj.kind} before Kubernetes ${removal.version}`);
      }
      return builtIn.node;
    }
    const custom = customKinds.get(`${obj.apiVersion}/${obj.kind}`) ?? knownResource(obj.apiVersion, obj.kind);
    if (custom) return custom;
    const group = groupOf(obj.apiVersion);
    if (kube.isBuiltInGroup(group)) {
      const versions = kube.apiVersionsOf(obj.kind);
      const served = kube.servedIn(obj.apiVersion, obj.kind);
      if (versions.length > 0) {
        const when = served.length === 0 ? '' : compareMinors(served[0], kube.version) > 0 ? ` (it is served from ${served[0]})` : ` (it was removed after ${served[served.length - 1]})`;
        report('schema-kind', ['apiVersion'], `${obj.kind} is not served as ${obj.apiVersion} in Kubernetes ${kube.version}${when}`, `use apiVersion: ${versions.join(' or ')}`);
      } else if (served.length > 0) {
        report('schema-kind', ['apiVersion'], `Kubernetes ${kube.version} does not serve ${obj.apiVersion} ${obj.kind}; Kubernetes ${served.join(', ')} do${served.length === 1 ? 'es' : ''}`, `target a Kubernetes version that serves it (--kube-version, or the environment's kubeVersion)`);
      } else {
        const close = didYouMean(obj.kind, kube.allKinds());
        report('schema-kind', ['kind'], `Kubernetes ${kube.version} has no kind "${obj.kind}" in ${obj.apiVersion}`, close ? `did you mean kind: ${close}?` : 'use a kind that `kubectl api-resources` lists');
      }
      return undefined;
    }
    if (!this.ignoreMissingSchemas) {
      const served = servedVersions(customKinds, group, obj.kind);
      if (served.length > 0) {
        report('schema-missing', ['apiVersion'], `the CustomResourceDefinition of ${obj.kind} in the input does not serve ${obj.apiVersion}; it serves ${served.map((v) => `${group}/${v}`).join(', ')}`, `use apiVersion: ${group}/${served[served.length - 1]}, or serve that version in the CRD`);
        return undefined;
      }
      report('schema-missing', ['kind'], `no schema for the custom resource ${obj.apiVersion} ${obj.kind}: its CustomResourceDefinition is not in the input`, 'add the CRD to the files validated, or pass --ignore-missing-schemas');
    }
    return undefined;
  }
}

function checkOptOuts(annotations: Record<string, unknown>, report: Report): void {
  for (const key in annotations) {
    if (!key.startsWith(IGNORE_PREFIX)) continue;
    const value = annotations[key];
    const id = key.slice(IGNORE_PREFIX.length);
    const path = ['metadata', 'annotations', key];
    if (!isRule(id)) {
      const close = didYouMean(id, RULES.map((r) => r.id));
      report('ignore-annotation', path, `"${id}" is not a rule`, close ? `use ${IGNORE_PREFIX}${close}` : 'use the id of a best-practice or reference rule (README, "Validation")');
    } else if (!isIgnorable(id)) {
      report('ignore-annotation', path, `rule "${id}" finds what the API server rejects and cannot be ignored`, 'correct the object instead');
    } else if (typeof value !== 'string' || value.trim() === '') {
      report('ignore-annotation', path, `the opt-out of "${id}" gives no reason, so it is not applied`, `write why as the value, such as ${key}: "the agent needs the host network"`);
    }
  }
}

/** The versions the input's CRDs serve for a group and kind (a CR of another version is refused, not unknown). */
function servedVersions(customKinds: ReadonlyMap<string, Node>, group: string, kind: string): string[] {
  const out: string[] = [];
  for (const key of customKinds.keys()) {
    if (key.startsWith(`${group}/`) && key.endsWith(`/${kind}`) && key.length > group.length + kind.length + 2) out.push(key.slice(group.length + 1, key.length - kind.length - 1));
  }
  return out;
}

/** Custom resource schemas from the CRDs among objects: "group/version/Kind" → node. */
export function collectCustomResourceDefinitions(objects: Iterable<unknown>): Map<string, Node> {
  const kinds = new Map<string, Node>();
  for (const obj of objects) {
    if (!isRecord(obj) || obj.kind !== 'CustomResourceDefinition' || !isRecord(obj.spec)) continue;
    const { group, names, versions } = obj.spec;
    if (typeof group !== 'string' || !isRecord(names) || typeof names.kind !== 'string' || !Array.isArray(versions)) continue;
    for (const version of versions) {
      if (!isRecord(version) || typeof version.name !== 'string' || version.served === false) continue;
      const schema = isRecord(version.schema) ? version.schema.openAPIV3Schema : undefined;
      kinds.set(`${group}/${version.name}/${names.kind}`, crdNode(schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }));
    }
  }
  return kinds;
}

function checkDuplicate(entry: Entry & { readonly name: string }, index: EntryIndex, report: Report): void {
  const first = index.add(entry);
  if (first === undefined) return;
  const { kind, name, namespace } = entry;
  const source = first.source;
  const where = source.file !== undefined ? `${source.file} (document ${(source.document ?? 0) + 1})` : source.construct ?? source.release ?? 'earlier';
  report('duplicate-object', ['metadata', 'name'], `another ${kind} "${name}"${namespace ? ` in namespace "${namespace}"` : ''} comes first, at ${where}`, 'rename or remove one of them: applying both keeps only the last');
}


/** The opt-out annotations (`chartwright.dev/ignore-<rule>`) of an object's annotations: usually none. */
function ignoreAnnotations(annotations: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  let out: Record<string, unknown> | undefined;
  for (const key in annotations) {
    if (key.startsWith(IGNORE_PREFIX)) (out ??= {})[key] = keep(annotations[key]);
  }
  return out ?? EMPTY;
}

/** Reports on `entry`, where a finding in a Secret's data does not show the value: for the checks that run while the object is here. */
function redacting(obj: Json, entry: Entry): Report {
  return (rule, path, message, fix, enforced) => {
    const secret = secretValueAt(obj, path);
    if (secret) {
      message = redact(message, secret.value);
      if (fix !== undefined) fix = redact(fix, secret.value);
    }
    entry.report(rule, path, message, fix, enforced);
  };
}
