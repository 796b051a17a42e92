import * as fs from 'fs';
import * as path from 'path';
import { Document, isMap, isPair, isScalar, stringify } from 'yaml';
import { UsageError, UserError, messageOf } from '../errors';
import { KubeObject, renderEnvironment } from '../synth/render';
import { toYaml } from '../synth/yaml';
import { releaseNotes } from '../synth/notes';
import { loadPackageClass, loadProject, selectEnvironments } from '../synth/load';
import { isCustomResourceDefinition } from '../synth/layout';
import { ValuesSources, releaseLayers } from '../package/sources';
import { Platform, ResolvedEnvironment, ResolvedRelease } from '../package/platform';
import { ValuesLayer } from '../values/layers';
import { packageJsonSchema, valuesDocRows, valuesDocs } from '../values/json-schema';
import { resolveTree } from '../values/resolve';
import { kubeVersions } from '../validate';
import { isRecord } from '../internal/objects';
import { sortByInstallOrder } from '../kube/install-order';
import { Build, ValueLeaf, buildRelease, layerAt, patchKeys, probeValues, valueLeaves } from './probe';
import { TemplatedField, goString } from './fields';
import { ChartSecrets } from './secrets';

/** The pod-template annotation whose hash of the config rolls the pods (lib/workloads/pod-template.ts). */
const CHECKSUM_ANNOTATION = 'checksum/config';
/** The release name and namespace the probes build under; nothing else writes them. */
const PROBE_NAME = 'cwprobename';
const PROBE_NAMESPACE = 'cwprobens';

export interface ExportHelmOptions {
  /** The platform entry file. @default - see entryFile() */
  readonly app?: string;
  /** The release to export; with `package`, none. */
  readonly release?: string;
  /** The environment whose values become the chart's defaults. @default - the only environment */
  readonly env?: string;
  /**
   * A package module to export without a platform (`src/index.ts` of a
   * package project, `FILE#ExportName` to pick one of several): the chart
   * takes the package's own defaults; Helm gives the release name and namespace.
   * @default - a release of the platform
   */
  readonly package?: string;
  /** The folder the chart is written to (its own folder, named after the package, goes inside). @default 'charts' */
  readonly out?: string;
}

export interface ExportHelmResult {
  /** The chart's folder. */
  readonly chart: string;
  /** The values paths a template follows. */
  readonly parameterized: readonly string[];
  /** What the export could not parameterize: each stays as the chosen environment renders it. */
  readonly warnings: readonly string[];
}

/** What is exported: a release of an environment, and whose values it is built with (for messages). */
interface ExportTarget {
  readonly platform: Platform;
  readonly sources: ValuesSources;
  readonly env: ResolvedEnvironment;
  readonly release: ResolvedRelease;
  /** Who sets the values, for messages: `environment "dev" sets it`, or `the package's defaults set it`. */
  readonly setter: string;
}

/**
 * Writes a release of a platform (or a package on its own) as a Helm chart.
 * The release is built once with the environment's values, then once more
 * per scalar value with that value changed (a probe): the fields that change
 * exactly as the value changed become template expressions, objects a
 * boolean removes are wrapped in `{{- if }}`; the release name and namespace
 * are found the same way. Whatever a probe changes in another way stays
 * fixed, with a warning; a sensitive value set by the environment never
 * reaches the chart's files (see secrets.ts).
 */
export function exportHelmChart(options: ExportHelmOptions): ExportHelmResult {
  const { platform, sources, env, release, setter } = options.package !== undefined ? packageTarget(options) : platformTarget(options);
  const layers = releaseLayers(env, release, sources);
  // the environment as synth renders it: its errors stop the export, and its notes become NOTES.txt
  const rendered = renderEnvironment(platform, env.name, { values: sources });
  const patched = patchKeys(release, layers);
  const base = buildRelease(release, release.name, layers, patched);
  const chart = new ChartModel(base.objects);
  const warnings: string[] = [];

  // the release name and namespace
  const named = chart.follow(buildRelease(release, PROBE_NAME, layers, patched).objects, release.name, PROBE_NAME, '$.Release.Name', 'the release name');
  if (named) warnings.push(named);
  if (release.namespace) {
    const probe = buildRelease({ ...release, namespace: PROBE_NAMESPACE }, release.name, layers, patched).objects;
    const spaced = chart.follow(probe, release.namespace, PROBE_NAMESPACE, '$.Release.Namespace', 'the namespace');
    if (spaced) warnings.push(spaced);
  }

  const schema = packageJsonSchema(release.package);
  const values = resolvedValues(resolveTree(release.package, layers));
  const { leaves, skipped } = valueLeaves(values);
  const defaults = packageDefaults(release.package);
  const secrets = new ChartSecrets(release.package, leaves, defaults);
  for (const list of skipped) {
    const listPath = list.split('.');
    if (secrets.isSensitive(listPath) && JSON.stringify(valueAt(values, listPath)) !== JSON.stringify(valueAt(defaults, listPath))) {
      throw new UserError(`${list}: a sensitive list that differs from the package's default; the chart would carry it as it is (lists are not parameterized): export with the package's default for it`, { field: list });
    }
    warnings.push(`${list}: a list; it stays as ${setter}`);
  }
  const parameterized: string[] = [];
  leaves.forEach((leaf, i) => {
    const problem = probeLeaf(chart, release, layers, patched, leaf, probeValues(leaf.value, i, schemaAtPath(schema, leaf.path)?.enum), valueExpr(schema, secrets, leaf.path), setter);
    if (problem === undefined) parameterized.push(leaf.path.join('.'));
    else if (secrets.has(leaf.path)) {
      // the fields it reaches would stay as the environment renders them: with the secret in them
      throw new UserError(`${problem.replace(/; they stay as they are$|; it stays as .*$/, '')}; it is sensitive and ${setter}, so the chart would carry its value: export with the package's default for it, or have the package use the value unchanged (not transformed or encoded)`, { field: leaf.path.join('.') });
    } else warnings.push(problem);
  });

  const out = path.resolve(options.out ?? 'charts');
  const dir = path.join(out, release.package.metadata.name);
  const notes = chartNotes(release, layers, patched, env.name, rendered.releases.find((r) => r.name === release.name)?.notes);
  writeChart(dir, { chart, release, values, secrets, kubeVersion: helmKubeVersion(env.kubeVersion), notes: notes && secrets.redactText(notes) });
  return { chart: dir, parameterized, warnings };
}

/** A release of the platform's environment. */
function platformTarget(options: ExportHelmOptions): ExportTarget {
  if (options.release === undefined) throw new UsageError('export helm: name the release to export with --release, or a package without a platform with --package FILE');
  const { platform, sources } = loadProject({ app: options.app });
  const envs = selectEnvironments(platform, options.env ? [options.env] : undefined);
  if (!options.env && envs.length > 1) {
    throw new UserError(`the platform has ${envs.length} environments (${envs.join(', ')}): name the one whose values become the chart's defaults with --env`);
  }
  const env = platform.environment(envs[0]);
  const release = env.releases.find((r) => r.name === options.release);
  if (!release) {
    throw new UserError(`--release ${options.release}: environment "${env.name}" has no such release; its releases are: ${env.releases.map((r) => r.name).join(', ')}`);
  }
  return { platform, sources, env, release, setter: `environment "${env.name}" sets it` };
}

/**
 * A package on its own: a platform of one environment with one release of
 * it, named after the package, in a namespace named after it, with the
 * package's defaults. The probes turn the name and namespace into Helm's.
 */
function packageTarget(options: ExportHelmOptions): ExportTarget {
  for (const [flag, given] of [['--release', options.release], ['--env', options.env], ['--app', options.app]] as const) {
    if (given !== undefined) throw new UsageError(`export helm: --package exports a package without a platform, with its own defaults: leave out ${flag}`);
  }
  const cls = loadPackageClass(options.package!);
  const name = cls.metadata.name;
  // values.yaml holds the package's defaults: a value without one has nothing to go there
  try {
    resolveTree(cls, []);
  } catch (err) {
    throw new UserError(
      `--package ${options.package}: package ${name} has values without a default, and a chart's values.yaml needs one for each: ${messageOf(err).replace(/^invalid values for package [^:]*:\s*/, '')}; ` +
        `give them defaults in the package's schema, or export a release of a platform that sets them (--release)`,
    );
  }
  const platform = new Platform({ environments: { [PACKAGE_ENV]: { namespace: name, releases: { [name]: { package: cls } } } } });
  const env = platform.environment(PACKAGE_ENV);
  return { platform, sources: { entry: options.package }, env, release: env.releases[0], setter: "the package's defaults set it" };
}

/** The name of the one environment of a package exported on its own (it appears nowhere in the chart). */
const PACKAGE_ENV = 'package';

/** The package's own values (its defaults); undefined when it has none to give (a value without a default). */
function packageDefaults(cls: ResolvedRelease['package']): Record<string, unknown> | undefined {
  try {
    return resolvedValues(resolveTree(cls, []));
  } catch {
    return undefined;
  }
}

function valueAt(tree: unknown, valuesPath: readonly string[]): unknown {
  let at = tree;
  for (const key of valuesPath) at = isRecord(at) ? at[key] : undefined;
  return at;
}

/**
 * Chart.yaml's `kubeVersion`: the Kubernetes version the environment's
 * objects were validated for, or, when it names none, the oldest version
 * chartwright targets (its constructs are Kubernetes 1.28's), as a Helm
 * constraint. `-0` lets pre-releases and providers' builds
 * (`v1.30.2-eks-1234`) match: Helm's semver constraints leave them out otherwise.
 */
export function helmKubeVersion(minor: string | undefined): string {
  return `>=${minor ?? kubeVersions()[0]}.0-0`;
}

/** The JSON Schema of a values path. */
function schemaAtPath(schema: Record<string, any>, valuesPath: readonly string[]): Record<string, any> | undefined {
  let node: Record<string, any> | undefined = schema;
  for (const key of valuesPath) node = node?.properties?.[key];
  return node;
}

/**
 * The template expression of a value. Helm reads values.yaml's numbers as
 * float64, which a template prints with an exponent from a million on
 * (1e+06); a value the schema says is an integer goes through `int64`, so
 * it prints as synth prints it.
 */
function valueExpr(schema: Record<string, any>, secrets: ChartSecrets, valuesPath: readonly string[]): string {
  const expr = secrets.expr(valuesPath);
  return schemaAtPath(schema, valuesPath)?.type === 'integer' ? `(${expr} | int64)` : expr;
}

/** The values a package built with: a deep copy, JSON only. */
function resolvedValues(values: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(values ?? {}));
}

/** Builds the release with one value changed and records what followed it; the warning when not every change could be expressed. */
function probeLeaf(chart: ChartModel, release: ResolvedRelease, layers: readonly ValuesLayer[], patched: readonly (string | undefined)[], leaf: ValueLeaf, candidates: ReadonlyArray<string | number | boolean>, expr: string, setter: string): string | undefined {
  const name = leaf.path.join('.');
  let probe: Build | undefined;
  let probeValue: string | number | boolean | undefined;
  for (const candidate of candidates) {
    try {
      probe = buildRelease(release, release.name, [...layers, layerAt(leaf.path, candidate)], patched).objects;
      probeValue = candidate;
      break;
    } catch {
      // the schema or a construct refuses this probe: try the next
    }
  }
  if (!probe || probeValue === undefined) {
    // neither the value nor the probe error is quoted whole: a value the schema marks sensitive must not reach a message
    return `${name}: no other value could be tried (the schema refuses ${typeof leaf.value === 'string' ? 'the probe word' : 'the next number'}); it stays as ${setter}`;
  }
  if (typeof leaf.value === 'boolean') chart.gate(probe, leaf.value ? expr : `(not ${expr})`);
  return chart.follow(probe, leaf.value, probeValue, expr, name);
}

/** The objects of the chart and the fields and conditions templates compute. */
class ChartModel {
  readonly fields = new Map<string, Map<string, TemplatedField>>();
  readonly gates = new Map<string, string[]>();

  constructor(readonly objects: Build) {}

  /** Objects the probe does not have exist only under the condition. */
  gate(probe: Build, condition: string): void {
    for (const key of this.objects.keys()) {
      if (!probe.has(key)) this.gates.set(key, [...(this.gates.get(key) ?? []), condition]);
    }
  }

  /**
   * Compares a probe with the base build: each field that changed from the
   * value to the probe value (in whole, or as a part of a string) gets the
   * expression. Returns a warning when something changed otherwise.
   */
  follow(probe: Build, value: string | number | boolean, probeValue: string | number | boolean, expr: string, what: string): string | undefined {
    const problems: string[] = [];
    for (const [key, obj] of this.objects) {
      const other = probe.get(key);
      if (!other) continue; // gated, or a change of shape reported below
      const diffs: Array<{ path: string[]; a: unknown; b: unknown }> = [];
      diffTrees(obj, other, [], diffs);
      for (const d of diffs) {
        if (isChecksum(d.path)) continue; // computed in the template
        if (this.follows(key, d.path, d.a, d.b, value, probeValue, expr)) continue;
        problems.push(`${describe(obj)} ${d.path.join('.')}`);
      }
    }
    if (typeof value !== 'boolean') {
      for (const key of this.objects.keys()) if (!probe.has(key)) problems.push(`whether ${describe(this.objects.get(key)!)} exists`);
    }
    for (const key of probe.keys()) if (!this.objects.has(key)) problems.push(`an object at ${key} that exists only with other values`);
    if (problems.length === 0) return undefined;
    return `${what}: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` and ${problems.length - 3} more` : ''} follow it in a way a template cannot; they stay as they are`;
  }

  /** Records that the value reaches a field of an object; false when the change is not one a template can follow. */
  private follows(key: string, fieldPath: readonly string[], a: unknown, b: unknown, value: unknown, probeValue: unknown, expr: string): boolean {
    if (typeof a !== 'string' && typeof a !== 'number' && typeof a !== 'boolean') return false;
    let map = this.fields.get(key);
    if (!map) this.fields.set(key, (map = new Map()));
    const id = JSON.stringify(fieldPath);
    // a Secret's data is base64 of the text: the template computes the text and encodes it (b64enc)
    const encoded = isSecretData(this.objects.get(key)!, fieldPath) && typeof b === 'string' ? { a: decodeBase64(a), b: decodeBase64(b) } : undefined;
    if (encoded && (encoded.a === undefined || encoded.b === undefined)) return false;
    const field = map.get(id) ?? new TemplatedField(encoded ? encoded.a! : a, encoded !== undefined);
    if (!this.express(field, encoded ? encoded.a : a, encoded ? encoded.b : b, value, probeValue, expr)) return false;
    map.set(id, field);
    return true;
  }

  private express(field: TemplatedField, a: unknown, b: unknown, value: unknown, probeValue: unknown, expr: string): boolean {
    if (a === value && b === probeValue && typeof a !== 'string') return field.setWhole(expr);
    if (typeof a === 'string' && typeof b === 'string') {
      const parts = b.split(String(probeValue));
      if (parts.length > 1 && parts.join(String(value)) === a) return field.substitute(parts, String(value).length, expr);
    }
    return false;
  }
}

/** Whether a field is a value of a Secret's `data` (base64). */
function isSecretData(obj: KubeObject, fieldPath: readonly string[]): boolean {
  return obj.apiVersion === 'v1' && obj.kind === 'Secret' && fieldPath.length === 2 && fieldPath[0] === 'data';
}

/** The UTF-8 text a base64 string encodes; undefined when it is not the exact encoding of a text. */
function decodeBase64(encoded: unknown): string | undefined {
  if (typeof encoded !== 'string') return undefined;
  const text = Buffer.from(encoded, 'base64').toString('utf8');
  return Buffer.from(text, 'utf8').toString('base64') === encoded ? text : undefined;
}

function isChecksum(fieldPath: readonly string[]): boolean {
  return fieldPath.length >= 2 && fieldPath[fieldPath.length - 2] === 'annotations' && fieldPath[fieldPath.length - 1] === CHECKSUM_ANNOTATION;
}

function describe(obj: KubeObject): string {
  return `${obj.kind} ${obj.metadata.name ?? ''}`.trim();
}

/** The scalar fields that differ between two objects; a difference of shape is one difference at the place it starts. */
function diffTrees(a: unknown, b: unknown, at: string[], out: Array<{ path: string[]; a: unknown; b: unknown }>): void {
  if (isRecord(a) && isRecord(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) diffTrees(a[key], b[key], [...at, key], out);
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((item, i) => diffTrees(item, b[i], [...at, String(i)], out));
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push({ path: at, a, b });
  }
}

/**
 * NOTES.txt: the release notes synth writes, made from a build under the
 * probe name and namespace, with those words turned into Helm's release name
 * and namespace (object names, Service hosts, `helm test <release>`). Literal
 * template braces stay literal. Without a release notes function that the
 * probe build can run, synth's notes as they are.
 */
function chartNotes(release: ResolvedRelease, layers: readonly ValuesLayer[], patched: readonly (string | undefined)[], environment: string, synthNotes: string | undefined): string | undefined {
  if (synthNotes === undefined) return undefined;
  const namespace = release.namespace ? PROBE_NAMESPACE : undefined;
  let text: string;
  try {
    const probe = buildRelease({ ...release, namespace }, PROBE_NAME, layers, patched);
    const objects = sortByInstallOrder([...probe.objects.values()], (o) => o.kind);
    const own = release.notes?.({ name: PROBE_NAME, environment, namespace, values: probe.values, objects });
    text = releaseNotes({ environment, release: PROBE_NAME, namespace, package: release.package.metadata, values: probe.values, objects, own: typeof own === 'string' ? own : undefined });
  } catch {
    // a notes function that fails for another name: synth's notes, names as the environment has them
    return escapeNotes(synthNotes);
  }
  return escapeNotes(text).split(PROBE_NAME).join('{{ .Release.Name }}').split(PROBE_NAMESPACE).join('{{ .Release.Namespace }}');
}

/** Template braces in the notes' text kept literal. */
function escapeNotes(notes: string): string {
  return notes.replace(/\{\{/g, '{{ "{{" }}');
}

interface ChartFiles {
  readonly chart: ChartModel;
  readonly release: ResolvedRelease;
  readonly values: Record<string, unknown>;
  readonly secrets: ChartSecrets;
  readonly kubeVersion?: string;
  readonly notes?: string;
}

/**
 * Writes Chart.yaml, values.yaml, values.schema.json, README.md, templates/
 * and crds/; the folder is replaced whole. Every file is made first and
 * checked for a secret's value: nothing is written when one carries it.
 */
function writeChart(dir: string, files: ChartFiles): void {
  const out = new Map<string, string>();
  const meta = files.release.package.metadata;
  const chartYaml: Record<string, unknown> = {
    apiVersion: 'v2',
    name: meta.name,
    version: meta.version,
    ...(meta.appVersion ? { appVersion: meta.appVersion } : {}),
    ...(meta.description ? { description: meta.description } : {}),
    type: 'application',
    ...(files.kubeVersion ? { kubeVersion: files.kubeVersion } : {}),
  };
  out.set('Chart.yaml', `# Exported by chartwright from package ${meta.name} ${meta.version}; dependencies are flattened into templates/.\n${stringify(chartYaml)}`);
  out.set('values.yaml', valuesYaml(files.release, files.values, files.secrets));
  const schema = packageJsonSchema(files.release.package);
  delete schema.$schema; // Helm reads draft-07 and later without it
  files.secrets.relaxSchema(schema);
  out.set('values.schema.json', JSON.stringify(schema, null, 2) + '\n');
  out.set('README.md', `# ${meta.name}\n\n${meta.description ?? ''}\n\nExported by chartwright from package ${meta.name} ${meta.version}.\n\n## Values\n\n${valuesDocs(files.release.package)}\n`);
  if (files.notes) out.set('templates/NOTES.txt', files.notes);

  const entries = sortByInstallOrder([...files.chart.objects.entries()], ([, obj]) => obj.kind);
  const names = new Map<string, string>();
  entries.forEach(([key, obj], i) => {
    const slug = `${String(i).padStart(2, '0')}-${obj.kind.toLowerCase()}-${(obj.metadata.name ?? key).replace(/[^a-zA-Z0-9.-]+/g, '-')}.yaml`;
    names.set(key, slug);
  });
  const configFiles = entries.filter(([, o]) => o.apiVersion === 'v1' && (o.kind === 'ConfigMap' || o.kind === 'Secret')).map(([key]) => names.get(key)!);
  for (const [key, obj] of entries) {
    if (isCustomResourceDefinition(obj)) out.set(`crds/${names.get(key)!}`, toYaml(obj));
    else out.set(`templates/${names.get(key)!}`, templateOf(obj, files.chart.fields.get(key), files.chart.gates.get(key), configFiles));
  }

  for (const [file, text] of out) files.secrets.checkFile(file, text);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of out) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.mkdirSync(path.join(dir, 'templates'), { recursive: true });
}

/** One object as a template: computed fields as `{{ … | toJson }}` (JSON is YAML), a gate as `{{- if }}`. */
function templateOf(obj: KubeObject, fields: ReadonlyMap<string, TemplatedField> | undefined, gates: readonly string[] | undefined, configFiles: readonly string[]): string {
  const exprs: string[] = [];
  const mark = (expr: string) => `CWEXPR${exprs.push(expr) - 1}XEND`;
  const copy = JSON.parse(JSON.stringify(obj));
  for (const [id, field] of fields ?? []) setAt(copy, JSON.parse(id), mark(field.expression()));
  // the checksum of the config the pods read, computed from the rendered config templates so a value change still rolls them
  const annotations = copy.spec?.template?.metadata?.annotations ?? (obj.kind === 'Pod' ? copy.metadata?.annotations : undefined);
  if (annotations && CHECKSUM_ANNOTATION in annotations) {
    const includes = configFiles.map((f) => `(include (print $.Template.BasePath ${goString('/' + f)}) $)`).join(' ');
    annotations[CHECKSUM_ANNOTATION] = mark(`print ${includes || '""'} | sha256sum | toJson`);
  }
  // literal text with template braces would be read as a template: it goes through an expression
  escapeBraces(copy, mark);
  let text = toYaml(copy).replace(/CWEXPR(\d+)XEND/g, (_, n) => `{{ ${exprs[Number(n)]} }}`);
  if (gates && gates.length > 0) {
    const condition = gates.length === 1 ? gates[0] : `and ${gates.join(' ')}`;
    text = `{{- if ${condition} }}\n${text}{{- end }}\n`;
  }
  return text;
}

function setAt(tree: any, fieldPath: readonly string[], value: string): void {
  let at = tree;
  for (const key of fieldPath.slice(0, -1)) at = at[key];
  at[fieldPath[fieldPath.length - 1]] = value;
}

function escapeBraces(tree: any, mark: (expr: string) => string): void {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string' && (value.includes('{{') || value.includes('}}'))) tree[key] = mark(`${goString(value)} | toJson`);
    else if (value !== null && typeof value === 'object') escapeBraces(value, mark);
  }
}

/** values.yaml: the values the environment builds with, each key after its description as a comment; a secret is left out, with a comment in its place. */
function valuesYaml(release: ResolvedRelease, values: Record<string, unknown>, secrets: ChartSecrets): string {
  const descriptions = new Map(valuesDocRows(release.package).map((r) => [r.key, r.description]));
  const doc = new Document(secrets.redactValues(values));
  const notes = new Map<string, string[]>();
  for (const leaf of secrets.leaves) {
    const parent = leaf.path.slice(0, -1).join('.');
    notes.set(parent, [...(notes.get(parent) ?? []), secrets.note(leaf.path as string[])]);
  }
  const annotate = (node: unknown, prefix: string) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = prefix ? `${prefix}.${pair.key.value}` : String(pair.key.value);
      const description = descriptions.get(key);
      if (description) pair.key.commentBefore = ` ${description.replace(/\n/g, ' ')}`;
      annotate(pair.value, key);
    }
    const left = notes.get(prefix);
    if (left) node.comment = [node.comment, ...left].filter(Boolean).join('\n');
  };
  annotate(doc.contents, '');
  return `# Values of ${release.package.metadata.name} ${release.package.metadata.version}; values.schema.json checks them.\n${doc.toString({ lineWidth: 0 })}`;
}
