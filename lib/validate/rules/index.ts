/**
 * Every rule `chartwright validate` and `chartwright synth` apply, with its
 * category, what it checks and the usual fix. The best-practice rules that
 * policy.ts runs each have a file of their own (./registry.ts lists them);
 * the checks of the others live with the checks of their kind (schema.ts,
 * apiserver.ts, crossref.ts). The rule table (README and docs/rules/README.md)
 * and the page of each rule are generated from this list (`npm run docs:rules`),
 * and tests keep them equal.
 */
import { Severity } from '../findings';
import { POLICY_RULES } from './registry';
import { ALWAYS_ERROR, BEST_PRACTICE, Category, ProfileName, RuleInfo } from './rule';

export type { Category, ProfileName, RuleInfo, PolicyRule } from './rule';
export { POLICY_RULES } from './registry';

const rule = (id: string, category: Category, what: string, fix: string): RuleInfo => ({ id, category, severity: category === 'best-practice' ? BEST_PRACTICE : ALWAYS_ERROR, what, fix });

export const RULES: readonly RuleInfo[] = [
  // input
  rule('yaml-syntax', 'input', 'the file is valid YAML and each document is a mapping', 'correct the YAML at the line given'),
  rule('yaml-duplicate-key', 'input', 'no mapping repeats a key', 'remove or rename one of the repeated keys'),
  rule('object-kind', 'input', 'every object has a string apiVersion and kind', 'add `apiVersion` and `kind`, such as `apiVersion: apps/v1`, `kind: Deployment`'),
  // schema
  rule('schema-kind', 'schema', 'the apiVersion/kind pair is served by the target Kubernetes version', 'use an apiVersion that serves the kind in that version (`kubectl api-resources`)'),
  rule('schema-missing', 'schema', 'a custom resource has a schema (its CustomResourceDefinition is in the input)', 'add the CRD to the input, or pass `--ignore-missing-schemas`'),
  rule('schema-unknown-field', 'schema', 'no field is unknown to the schema (strict)', 'remove the field or correct its spelling or indentation'),
  rule('schema-required', 'schema', 'required fields are present', 'add the field'),
  rule('schema-type', 'schema', 'each value has the type the schema declares', 'write the value with the declared type'),
  rule('schema-enum', 'schema', 'enumerated fields take one of their values', 'use one of the allowed values (case matters)'),
  rule('schema-format', 'schema', 'int32, int64, int-or-string and date-time values are in range and form', 'write a value in the declared format'),
  rule('deprecated-api', 'best-practice', 'the apiVersion is not one a newer Kubernetes version (up to the newest bundled) removes', 'move to the apiVersion that replaces it, before upgrading the cluster to the version that removes it'),
  rule('deprecated-field', 'best-practice', 'no field the Kubernetes API marks deprecated is set', 'use the field that replaces it, as the message says'),
  rule('quantity-syntax', 'schema', 'quantities are in Kubernetes syntax', 'write a quantity such as `500m`, `1`, `128Mi` or `1.5Gi`'),
  // api
  rule('name-format', 'api', 'names are DNS-1123 subdomains or labels (DNS-1035 for Services) as the kind requires', 'use lower-case letters, digits and `-` (and `.` where a subdomain is allowed), starting and ending with a letter or digit'),
  rule('label-syntax', 'api', 'label keys are `[prefix/]name` and values at most 63 characters of `[A-Za-z0-9._-]`', 'shorten the key or value and use only letters, digits, `-`, `_` and `.`'),
  rule('annotation-syntax', 'api', 'annotation keys are `[prefix/]name` and all annotations total at most 256 KiB', 'rename the key or move large data to a ConfigMap'),
  rule('port-range', 'api', 'port numbers are 1–65535', 'use a port number from 1 to 65535'),
  rule('port-name', 'api', 'port names are IANA service names: at most 15 characters of `[a-z0-9-]`, at least one letter, no `--`', 'shorten the name, such as `http` or `metrics`'),
  rule('duplicate-name', 'api', 'container, volume and Service port names, a container\'s port names and host ports are unique where the API server requires it; a Service with several ports names each', 'rename or remove the duplicate'),
  rule('volume-mount', 'api', 'every volumeMount names a volume of the pod', 'add the volume to `volumes` or correct the mount\'s `name`'),
  rule('selector-match', 'api', 'a workload\'s selector matches its pod template\'s labels', 'make `spec.selector.matchLabels` a subset of `spec.template.metadata.labels`'),
  rule('cron-syntax', 'api', 'a CronJob schedule is a 5-field cron expression or a macro such as `@daily`', 'write the schedule as `minute hour day-of-month month day-of-week`, and the time zone in `spec.timeZone`'),
  rule('downward-api', 'api', 'environment variables read a pod field (`fieldRef`) or container resource (`resourceFieldRef`) the API server serves, with a divisor the resource allows', 'use a field such as `metadata.name` or `status.podIP`, a resource such as `limits.memory`, and a divisor such as `1Mi` (memory) or `1m` (cpu)'),
  rule('image-reference', 'api', 'container images are present and valid image references', 'write `[registry/]repository[:tag][@sha256:digest]` in lower case'),
  rule('duplicate-object', 'duplicate', 'no two objects share API group, kind, namespace and name', 'rename or remove one of them'),
  // reference
  rule('service-selector', 'reference', 'a Service\'s selector matches the pod template of a workload in its namespace', 'correct the selector or the workload\'s pod labels'),
  rule('ingress-backend', 'reference', 'an Ingress backend names a Service of the output and one of its ports', 'name an existing Service and one of its port numbers or names'),
  rule('object-reference', 'reference', 'ConfigMaps, Secrets, PersistentVolumeClaims and ServiceAccounts a pod uses exist in its namespace', 'add the object, or declare it external (annotation `chartwright.dev/external` or `--external Kind/name`)'),
  rule('scale-target', 'reference', 'an HPA\'s scaleTargetRef names a workload of the output', 'correct `spec.scaleTargetRef` (kind, name, apiVersion)'),
  rule('pdb-selector', 'reference', 'a PodDisruptionBudget selects the pods of a workload in its namespace', 'correct `spec.selector` to match the workload\'s pod labels'),
  rule('statefulset-service', 'reference', 'a StatefulSet\'s serviceName names a headless Service (`clusterIP: None`) in its namespace', 'add the Service with `clusterIP: None`, or correct `spec.serviceName`'),
  rule('networkpolicy-selector', 'reference', 'a NetworkPolicy\'s podSelector selects the pods of a workload in its namespace', 'correct `spec.podSelector`, or use `{}` for every pod'),
  // best practice
  rule('construct-warning', 'best-practice', 'nothing a construct flagged while building it: literal secret data, a writable host mount, host networking, a TLS host no rule serves', 'do as the finding\'s fix says; an object the construct made opts out with `chartwright.dev/ignore-construct-warning: "<reason>"`'),
  rule('duplicate-entry', 'best-practice', 'no container sets an environment variable twice or lists a port twice, and no two containers of a pod name a port alike: the API server accepts these with a warning, but server-side apply (Flux, `kubectl apply --server-side`) rejects the first two', 'remove the duplicate, or rename the port'),
  ...POLICY_RULES,
  rule('ignore-annotation', 'best-practice', 'a `chartwright.dev/ignore-<rule>` annotation names a rule that can be ignored and gives a reason', 'write the reason as the value, such as `"metrics sidecar needs it"`'),
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleInfo(id: string): RuleInfo {
  const info = BY_ID.get(id);
  if (!info) throw new Error(`unknown rule "${id}"`);
  return info;
}

export function isRule(id: string): boolean {
  return BY_ID.has(id);
}

/** Rules an object may opt out of by annotation: best-practice and reference rules. */
export function isIgnorable(id: string): boolean {
  const info = BY_ID.get(id);
  return info !== undefined && (info.category === 'best-practice' || info.category === 'reference') && id !== 'ignore-annotation';
}

export const PROFILES: Readonly<Record<ProfileName, { readonly bestPractice: Severity | 'off'; readonly description: string }>> = {
  dev: { bestPractice: BEST_PRACTICE.dev, description: 'best-practice findings are warnings (the default)' },
  prod: { bestPractice: BEST_PRACTICE.prod, description: 'best-practice findings are errors' },
  strict: { bestPractice: BEST_PRACTICE.strict, description: 'as `prod`, plus the rules only `strict` applies (`ephemeral-storage`, `requests-equal-limits`)' },
};

export const DEFAULT_PROFILE: ProfileName = 'dev';

export function isProfile(name: string): name is ProfileName {
  return Object.prototype.hasOwnProperty.call(PROFILES, name);
}

/** The severity of a rule's findings under a profile; `off` when the profile does not apply the rule. */
export function severityOf(id: string, profile: ProfileName): Severity | 'off' {
  return ruleInfo(id).severity[profile];
}

/**
 * The rule table, in Markdown: the README's, and with `link` the one of
 * docs/rules/README.md, whose ids link to the rules' pages.
 */
export function rulesTable(link?: (rule: RuleInfo) => string | undefined): string {
  const rows = RULES.map((r) => {
    const href = link?.(r);
    const id = href ? `[\`${r.id}\`](${href})` : `\`${r.id}\``;
    return `| ${id} | ${r.category} | ${severityText(r)} | ${tableCell(r.what)} | ${tableCell(r.fix)} |`;
  });
  return ['| id | category | severity | what it checks | fix |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/**
 * `error`; `warning (error in \`prod\`)` for a rule whose severity depends
 * on the profile (`strict` counts as `prod` there); `off (error in `strict`)`
 * for a rule only `strict` applies.
 */
export function severityText(r: RuleInfo): string {
  const { dev, prod, strict } = r.severity;
  // validate warns of references outside files that may be part of a release (ValidateOptions.complete)
  if (r.category === 'reference') return `${dev} (a warning from \`validate\` without \`--complete\`)`;
  if (strict !== prod) return `${dev} (${strict} in \`strict\`)`;
  return dev === prod ? dev : `${dev} (${prod} in \`prod\`)`;
}

function tableCell(s: string): string {
  return s.replace(/\|/g, '\\|');
}
