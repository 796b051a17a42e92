/**
 * Validation of Kubernetes objects: strict schema (any Kubernetes minor from
 * 1.28 to the newest bundled; the newest by default), the API
 * server's checks, duplicate objects, references across objects and
 * best-practice rules, with per-object opt-outs and severity profiles.
 */
import { checkApiServer } from './apiserver';
import { checkReferences } from './crossref';
import { Finding, JsonPath, formatPath } from './findings';
import { InputObject } from './input';
import { knownResource } from './known-resources';
import { ObjectIndex } from '../kube/object-index';
import type { NamespacePodSecurity } from '../kube/pod-security';
import { Checked, CheckedIndex, Json, annotationsOf, describeObject, groupOf, isRecord, nameOf, namespaceOf, podTemplateOf } from './objects';
import { checkBestPractices } from './policy';
import { DEFAULT_PROFILE, ProfileName, RULES, isIgnorable, isRule, ruleInfo, severityOf } from './rules';
import { KubeSchema, Node, Report, checkNode, compareMinors, crdNode } from './schema';
import { didYouMean } from '../errors';
import { passes } from './schema-predicate';
import { redact, secretValueAt } from './redact';

export * from './findings';
export { RULES, PROFILES, DEFAULT_PROFILE, isProfile, rulesTable } from './rules';
export type { ProfileName, RuleInfo, Category } from './rules';
export { UnreadableInputError, readManifests, parseManifests } from './input';
export type { InputObject } from './input';
export type { NamespacePodSecurity, PodSecurityLevel } from '../kube/pod-security';
export { EXTERNAL_ANNOTATION } from './crossref';
export { kubeMinor, kubeVersions, newestKubeVersion } from './schema';

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

/** Validates objects as one output; returns the findings in input order. */
export function validateObjects(inputs: readonly InputObject[], options: ValidateOptions = {}): Finding[] {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const kube = KubeSchema.of(options.kubeVersion);
  // of input that may be part of a release, what it refers to may be elsewhere: a warning
  const severity = options.complete ? (rule: string) => severityOf(rule, profile) : (rule: string) => (ruleInfo(rule).category === 'reference' ? 'warning' : severityOf(rule, profile));
  const findings: Finding[] = [];
  const customKinds = collectCustomResourceDefinitions(inputs);
  const index: CheckedIndex = new ObjectIndex();
  const checked: Checked[] = [];
  const unlocated: Unlocated[] = [];

  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    const obj = input.obj;
    let object: string | undefined | null = null; // described when first reported
    const annotations = isRecord(obj) ? annotationsOf(obj) : {};
    const report: Report = (rule, path, message, fix, enforced) => {
      const level = enforced ? 'error' : severity(rule);
      if (level === 'off') return; // a rule the profile does not apply (STRICT_ONLY)
      if (!enforced && isIgnorable(rule)) {
        const reason = annotations[IGNORE_PREFIX + rule];
        if (typeof reason === 'string' && reason.trim() !== '') return;
      }
      if (object === null) object = describeObject(obj);
      const secret = secretValueAt(obj, path);
      if (secret) {
        message = redact(message, secret.value);
        if (fix !== undefined) fix = redact(fix, secret.value);
      }
      // the line is looked up once all checks are done (withLines)
      if (input.locate !== undefined) unlocated.push({ at: findings.length, input: i, path: path.slice() }); // a copy: the schema walk reuses its path
      findings.push({ rule, severity: level, object, source: input.source, path: formatPath(path), message, fix: fix ?? ruleInfo(rule).fix });
    };

    if (!isRecord(obj)) {
      report('yaml-syntax', [], `the document is ${Array.isArray(obj) ? 'a list' : typeof obj}, not a Kubernetes object`, 'write each object as a mapping with apiVersion, kind and metadata');
      continue;
    }
    if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string' || obj.apiVersion === '' || obj.kind === '') {
      const missing = ['apiVersion', 'kind'].filter((k) => typeof obj[k] !== 'string' || obj[k] === '');
      report('object-kind', [missing[0]], `the object has no ${missing.join(' and no ')}`, `add ${missing.map((k) => (k === 'kind' ? 'kind (such as Deployment)' : 'apiVersion (such as apps/v1)')).join(' and ')}`);
      continue;
    }

    checkOptOuts(annotations, report);
    const schema = schemaFor(kube, obj, customKinds, options.ignoreMissingSchemas ?? false, report);
    if (schema && !passes(schema, obj)) checkNode(schema, obj, [], report);
    const pod = podTemplateOf(obj);
    checkApiServer(obj, pod, report);
    const item: Checked = { obj, report, name: nameOf(obj), namespace: namespaceOf(obj), pod, source: input.source };
    if (item.name !== undefined) checkDuplicate(item as Checked & { name: string }, index);
    checked.push(item);
  }
  checkReferences(checked, index, options.external);
  checkBestPractices(checked, options.podSecurity && new Map(Object.entries(options.podSecurity)));
  return withLines(findings, unlocated, inputs);
}

/** A finding whose line is still to be looked up: its place in the findings, its object's place in the input, and its path. */
interface Unlocated {
  readonly at: number;
  readonly input: number;
  readonly path: JsonPath;
}

/**
 * The findings with the line of each path. The lines are looked up object
 * by object, all the paths of one object together, so that its document is
 * read again for its lines once, and that reading is dropped before the next
 * (input.ts keeps one): an object's findings come from several passes over
 * the input, and keeping the lines of every object with a finding until the
 * end would cost more memory than the objects themselves.
 */
function withLines(findings: Finding[], unlocated: Unlocated[], inputs: readonly InputObject[]): Finding[] {
  unlocated.sort((a, b) => a.input - b.input || a.at - b.at);
  for (const { at, input, path } of unlocated) {
    const line = inputs[input].locate!(path);
    if (line !== undefined) findings[at] = { ...findings[at], source: { ...inputs[input].source, line } };
  }
  return findings;
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

function schemaFor(kube: KubeSchema, obj: Json, customKinds: Map<string, Node>, ignoreMissing: boolean, report: Report): Node | undefined {
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
  if (!ignoreMissing) {
    const served = servedVersions(customKinds, group, obj.kind);
    if (served.length > 0) {
      report('schema-missing', ['apiVersion'], `the CustomResourceDefinition of ${obj.kind} in the input does not serve ${obj.apiVersion}; it serves ${served.map((v) => `${group}/${v}`).join(', ')}`, `use apiVersion: ${group}/${served[served.length - 1]}, or serve that version in the CRD`);
      return undefined;
    }
    report('schema-missing', ['kind'], `no schema for the custom resource ${obj.apiVersion} ${obj.kind}: its CustomResourceDefinition is not in the input`, 'add the CRD to the files validated, or pass --ignore-missing-schemas');
  }
  return undefined;
}

/** The versions the input's CRDs serve for a group and kind (a CR of another version is refused, not unknown). */
function servedVersions(customKinds: Map<string, Node>, group: string, kind: string): string[] {
  const out: string[] = [];
  for (const key of customKinds.keys()) {
    if (key.startsWith(`${group}/`) && key.endsWith(`/${kind}`) && key.length > group.length + kind.length + 2) out.push(key.slice(group.length + 1, key.length - kind.length - 1));
  }
  return out;
}

/** Custom resource schemas from the CRDs in the input: "group/version/Kind" → node. */
function collectCustomResourceDefinitions(inputs: readonly InputObject[]): Map<string, Node> {
  const kinds = new Map<string, Node>();
  for (let i = 0; i < inputs.length; i++) {
    const obj = inputs[i].obj;
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

function checkDuplicate(item: Checked & { readonly name: string }, index: CheckedIndex): void {
  const first = index.add(item);
  if (first === undefined) return;
  const { obj, name, namespace } = item;
  const source = first.source;
  const where = source.file !== undefined ? `${source.file} (document ${(source.document ?? 0) + 1})` : source.construct ?? source.release ?? 'earlier';
  item.report('duplicate-object', ['metadata', 'name'], `another ${obj.kind} "${name}"${namespace ? ` in namespace "${namespace}"` : ''} comes first, at ${where}`, 'rename or remove one of them: applying both keeps only the last');
}
