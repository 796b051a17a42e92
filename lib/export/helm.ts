import * as fs from 'fs';
import * as path from 'path';
import { Document, isMap, isPair, isScalar, stringify } from 'yaml';
import { UserError } from '../errors';
import { KubeObject, renderEnvironment } from '../synth/render';
import { toYaml } from '../synth/yaml';
import { loadProject, selectEnvironments } from '../synth/load';
import { isCustomResourceDefinition } from '../synth/layout';
import { releaseLayers } from '../package/sources';
import { ResolvedRelease } from '../package/platform';
import { ValuesLayer } from '../values/layers';
import { packageJsonSchema, valuesDocRows, valuesDocs } from '../values/json-schema';
import { resolveTree } from '../values/resolve';
import { isRecord } from '../internal/objects';
import { sortByInstallOrder } from '../kube/install-order';
import { Build, ValueLeaf, buildRelease, layerAt, probeValues, valueLeaves } from './probe';
import { TemplatedField, goString, valuesExpr } from './fields';

/** The pod-template annotation whose hash of the config rolls the pods (lib/workloads/pod-template.ts). */
const CHECKSUM_ANNOTATION = 'checksum/config';
/** The release name and namespace the probes build under; nothing else writes them. */
const PROBE_NAME = 'cwprobename';
const PROBE_NAMESPACE = 'cwprobens';

export interface ExportHelmOptions {
  /** The platform entry file. @default - see entryFile() */
  readonly app?: string;
  /** The release to export. */
  readonly release: string;
  /** The environment whose values become the chart's defaults. @default - the only environment */
  readonly env?: string;
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

/**
 * Writes a release of a platform as a Helm chart. The release is built once
 * with the environment's values, then once more per scalar value with that
 * value changed (a probe): the fields that change exactly as the value
 * changed become template expressions, objects a boolean removes are wrapped
 * in `{{- if }}`; the release name and namespace are found the same way.
 * Whatever a probe changes in another way stays fixed, with a warning.
 */
export function exportHelmChart(options: ExportHelmOptions): ExportHelmResult {
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
  const layers = releaseLayers(env, release, sources);
  // the environment as synth renders it: its errors stop the export, and its notes become NOTES.txt
  const rendered = renderEnvironment(platform, env.name, { values: sources });
  const base = buildRelease(release, release.name, layers);
  const chart = new ChartModel(base.objects);
  const warnings: string[] = [];

  // the release name and namespace
  chart.follow(buildRelease(release, PROBE_NAME, layers).objects, release.name, PROBE_NAME, '$.Release.Name', 'the release name', warnings);
  if (release.namespace) {
    const probe = buildRelease({ ...release, namespace: PROBE_NAMESPACE }, release.name, layers).objects;
    chart.follow(probe, release.namespace, PROBE_NAMESPACE, '$.Release.Namespace', 'the namespace', warnings);
  }

  const schema = packageJsonSchema(release.package);
  const values = resolvedValues(resolveTree(release.package, layers));
  const { leaves, skipped } = valueLeaves(values);
  for (const list of skipped) warnings.push(`${list}: a list; it stays as environment "${env.name}" sets it`);
  const parameterized: string[] = [];
  leaves.forEach((leaf, i) => {
    if (probeLeaf(chart, release, layers, leaf, probeValues(leaf.value, i, enumAt(schema, leaf.path)), warnings)) parameterized.push(leaf.path.join('.'));
  });

  const out = path.resolve(options.out ?? 'charts');
  const dir = path.join(out, release.package.metadata.name);
  writeChart(dir, { chart, release, values, kubeVersion: undefined, notes: notesOf(rendered.releases.find((r) => r.name === release.name)?.notes) });
  return { chart: dir, parameterized, warnings };
}

/** The values a JSON Schema allows at a path when it lists them (`enum`). */
function enumAt(schema: Record<string, any>, valuesPath: readonly string[]): readonly unknown[] | undefined {
  let node: Record<string, any> | undefined = schema;
  for (const key of valuesPath) node = node?.properties?.[key];
  return Array.isArray(node?.enum) ? node.enum : undefined;
}

/** The values a package built with: a deep copy, JSON only. */
function resolvedValues(values: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(values ?? {}));
}

/** Builds the release with one value changed and records what followed it; true when every change could be expressed. */
function probeLeaf(chart: ChartModel, release: ResolvedRelease, layers: readonly ValuesLayer[], leaf: ValueLeaf, candidates: ReadonlyArray<string | number | boolean>, warnings: string[]): boolean {
  const name = leaf.path.join('.');
  let probe: Build | undefined;
  let probeValue: string | number | boolean | undefined;
  for (const candidate of candidates) {
    try {
      probe = buildRelease(release, release.name, [...layers, layerAt(leaf.path, candidate)]).objects;
      probeValue = candidate;
      break;
    } catch {
      // the schema or a construct refuses this probe: try the next
    }
  }
  if (!probe || probeValue === undefined) {
    // neither the value nor the probe error is quoted whole: a value the schema marks sensitive must not reach a message
    warnings.push(`${name}: no other value could be tried (the schema refuses ${typeof leaf.value === 'string' ? 'the probe word' : 'the next number'}); it stays as the environment sets it`);
    return false;
  }
  if (typeof leaf.value === 'boolean') chart.gate(probe, leaf.value ? valuesExpr(leaf.path) : `(not ${valuesExpr(leaf.path)})`);
  return chart.follow(probe, leaf.value, probeValue, valuesExpr(leaf.path), name, warnings);
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
   * expression. Returns false (with a warning) when something changed otherwise.
   */
  follow(probe: Build, value: string | number | boolean, probeValue: string | number | boolean, expr: string, what: string, warnings: string[]): boolean {
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
    if (problems.length === 0) return true;
    warnings.push(`${what}: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` and ${problems.length - 3} more` : ''} follow it in a way a template cannot; they stay as they are`);
    return false;
  }

  /** Records that the value reaches a field of an object; false when the change is not one a template can follow. */
  private follows(key: string, fieldPath: readonly string[], a: unknown, b: unknown, value: unknown, probeValue: unknown, expr: string): boolean {
    if (typeof a !== 'string' && typeof a !== 'number' && typeof a !== 'boolean') return false;
    let map = this.fields.get(key);
    if (!map) this.fields.set(key, (map = new Map()));
    const id = JSON.stringify(fieldPath);
    const field = map.get(id) ?? new TemplatedField(a);
    if (!this.express(field, a, b, value, probeValue, expr)) return false;
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

/** The release's notes as Helm's NOTES.txt: the text synth writes, with template braces kept literal. */
function notesOf(notes: string | undefined): string | undefined {
  return notes ? notes.replace(/\{\{/g, '{{ "{{" }}') : undefined;
}

interface ChartFiles {
  readonly chart: ChartModel;
  readonly release: ResolvedRelease;
  readonly values: Record<string, unknown>;
  readonly kubeVersion?: string;
  readonly notes?: string;
}

/** Writes Chart.yaml, values.yaml, values.schema.json, README.md, templates/ and crds/; the folder is replaced whole. */
function writeChart(dir: string, files: ChartFiles): void {
  const meta = files.release.package.metadata;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'templates'), { recursive: true });
  const chartYaml: Record<string, unknown> = {
    apiVersion: 'v2',
    name: meta.name,
    version: meta.version,
    ...(meta.appVersion ? { appVersion: meta.appVersion } : {}),
    ...(meta.description ? { description: meta.description } : {}),
    type: 'application',
    ...(files.kubeVersion ? { kubeVersion: files.kubeVersion } : {}),
  };
  fs.writeFileSync(path.join(dir, 'Chart.yaml'), `# Exported by chartwright from package ${meta.name} ${meta.version}; dependencies are flattened into templates/.\n${stringify(chartYaml)}`);
  fs.writeFileSync(path.join(dir, 'values.yaml'), valuesYaml(files.release, files.values));
  const schema = packageJsonSchema(files.release.package);
  delete schema.$schema; // Helm reads draft-07 and later without it
  fs.writeFileSync(path.join(dir, 'values.schema.json'), JSON.stringify(schema, null, 2) + '\n');
  fs.writeFileSync(
    path.join(dir, 'README.md'),
    `# ${meta.name}\n\n${meta.description ?? ''}\n\nExported by chartwright from package ${meta.name} ${meta.version}.\n\n## Values\n\n${valuesDocs(files.release.package)}\n`,
  );
  if (files.notes) fs.writeFileSync(path.join(dir, 'templates', 'NOTES.txt'), files.notes);

  const entries = sortByInstallOrder([...files.chart.objects.entries()], ([, obj]) => obj.kind);
  const names = new Map<string, string>();
  entries.forEach(([key, obj], i) => {
    const slug = `${String(i).padStart(2, '0')}-${obj.kind.toLowerCase()}-${(obj.metadata.name ?? key).replace(/[^a-zA-Z0-9.-]+/g, '-')}.yaml`;
    names.set(key, slug);
  });
  const configFiles = entries.filter(([, o]) => o.apiVersion === 'v1' && (o.kind === 'ConfigMap' || o.kind === 'Secret')).map(([key]) => names.get(key)!);
  for (const [key, obj] of entries) {
    if (isCustomResourceDefinition(obj)) {
      fs.mkdirSync(path.join(dir, 'crds'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'crds', names.get(key)!), toYaml(obj));
      continue;
    }
    fs.writeFileSync(path.join(dir, 'templates', names.get(key)!), templateOf(obj, files.chart.fields.get(key), files.chart.gates.get(key), configFiles));
  }
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

/** values.yaml: the values the environment builds with, each key after its description as a comment. */
function valuesYaml(release: ResolvedRelease, values: Record<string, unknown>): string {
  const descriptions = new Map(valuesDocRows(release.package).map((r) => [r.key, r.description]));
  const doc = new Document(values);
  const annotate = (node: unknown, prefix: string) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = prefix ? `${prefix}.${pair.key.value}` : String(pair.key.value);
      const description = descriptions.get(key);
      if (description) pair.key.commentBefore = ` ${description.replace(/\n/g, ' ')}`;
      annotate(pair.value, key);
    }
  };
  annotate(doc.contents, '');
  return `# Values of ${release.package.metadata.name} ${release.package.metadata.version}; values.schema.json checks them.\n${doc.toString({ lineWidth: 0 })}`;
}
