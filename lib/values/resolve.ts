import { z } from 'zod';
import { UserError, UserErrorProblem, suggestion } from '../errors';
import { VALUES_WORDS, describeValue, showSecret } from '../internal/describe';
import { getOwn, isRecord } from '../internal/objects';
import { MergedValues, PathPart, ValuesLayer, describeSource, formatPath, mergeLayers, subLayer } from './layers';
import { Schema, defOf, defaultsOf, isOpenMap, schemaAt, shapeOf, unwrap, zodSchema } from './schema';
import { isSensitivePath } from './sensitive';

/** A package another package includes: Helm's subchart. */
export interface DependencySpec {
  /** The package class. */
  readonly package: ValuesPackageClass;
  /**
   * A values path of the including package whose boolean switches the
   * dependency on or off, such as `postgres.enabled` (Helm's `condition`).
   * @default - always on
   */
  readonly condition?: string;
  /**
   * Values the including package gives the dependency, over the
   * dependency's own defaults and under everything the user sets.
   * @default - none
   */
  readonly values?: Record<string, unknown>;
}

/** What resolving values needs to know of a package class. */
export interface ValuesPackageClass {
  /** The class's name. */
  readonly name: string;
  /** The package's name and version, as in `PackageMetadata`. */
  readonly metadata: { readonly name: string; readonly version: string };
  /** The values schema (zod). Without one, values are taken as given. @default - no schema: values are taken as given */
  readonly values?: Schema;
  /** Dependencies by key; their values live under that key. @default - none */
  readonly dependencies?: Readonly<Record<string, DependencySpec>>;
}

/** A dependency to build, with the layers of its values. */
export interface EnabledDependency {
  readonly key: string;
  readonly spec: DependencySpec;
  readonly layers: readonly ValuesLayer[];
}

export interface ResolvedValues {
  /** The package's values: validated, defaults applied. */
  readonly values: unknown;
  /** Helm's `global`: values every package of a release sees. */
  readonly global: Record<string, unknown>;
  /** The dependencies whose condition is on, in declaration order. */
  readonly dependencies: readonly EnabledDependency[];
}

interface Problem {
  readonly path: PathPart[];
  readonly message: string;
  /** The value found at the path, for UserError's `given`. */
  readonly given?: unknown;
  /** What the path accepts, for UserError's `expected`. */
  readonly expected?: string;
  /** The problem is the key itself (point at the key, not its value). */
  readonly atKey?: boolean;
}

/**
 * Merges a package's values layers over its defaults, checks them against
 * its schema and works out its dependencies. Every problem is reported at
 * once, each with its values path and the layer (file, line and column) it
 * came from. `prefix` is the package's place in the release's values (a
 * dependency's key), for messages.
 */
export function resolveValues(cls: ValuesPackageClass, layers: readonly ValuesLayer[], prefix: readonly PathPart[] = []): ResolvedValues {
  const schema = cls.values;
  const deps = cls.dependencies ?? {};
  const shape = schema ? shapeOf(schema) : undefined;
  if (schema && !shape) {
    throw new UserError(`package ${cls.metadata.name}: the values schema must be an object schema, such as z.object({ replicas: z.number().default(1) })`);
  }
  for (const key of Object.keys(deps)) {
    if (shape && getOwn(shape, key) !== undefined) {
      throw new UserError(`package ${cls.metadata.name}: dependency "${key}" has the same key as a value; rename one of them`);
    }
  }
  const defaults = schema ? defaultsOf(schema) : undefined;
  const all: ValuesLayer[] = [
    ...(isRecord(defaults) ? [{ source: `package ${cls.metadata.name} defaults`, data: defaults }] : []),
    ...layers,
  ];
  const merged = mergeLayers(all);
  const problems: Problem[] = [];

  const enabled = Object.entries(deps).filter(([key, spec]) => isEnabled(key, spec, merged, problems));
  const own: Record<string, unknown> = { ...merged.data };
  for (const key of Object.keys(deps)) delete own[key];
  const declaresGlobal = shape !== undefined && getOwn(shape, 'global') !== undefined;
  const global = isRecord(merged.data.global) ? merged.data.global : {};
  if (merged.data.global !== undefined && !isRecord(merged.data.global)) {
    problems.push({ path: ['global'], message: `expected a map, got ${describe(merged.data.global)}`, given: merged.data.global, expected: 'a map' });
  }
  if (!declaresGlobal) delete own.global;

  let values: unknown = own;
  if (schema) {
    unknownKeys(schema, own, [], problems, Object.keys(deps)); // a misspelled dependency key is suggested its key
    const result = z.safeParse(zodSchema(schema), own);
    if (result.success) values = result.data;
    else for (const issue of result.error.issues) problems.push(fromIssue(issue as ZodIssue, own));
  }

  if (problems.length > 0) throw invalid(cls, problems, merged, prefix);

  const dependencies = enabled.map(([key, spec]): EnabledDependency => ({
    key,
    spec,
    layers: dependencyLayers(cls, key, spec, all),
  }));
  return { values, global, dependencies };
}

/** The condition's value, or on when it is not set (as in Helm). */
function isEnabled(key: string, spec: DependencySpec, merged: MergedValues, problems: Problem[]): boolean {
  if (spec.condition === undefined) return true;
  const path = spec.condition.split('.');
  let value: unknown = merged.data;
  for (const part of path) value = isRecord(value) ? getOwn(value, part) : undefined;
  if (value === undefined) return true;
  if (typeof value !== 'boolean') {
    problems.push({ path, message: `the condition of dependency "${key}" must be true or false, got ${describe(value)}`, given: value, expected: 'true or false' });
    return false;
  }
  return value;
}

/** The dependency's layers: what its parent gives it, then each parent layer's part under its key, and `global`. */
function dependencyLayers(cls: ValuesPackageClass, key: string, spec: DependencySpec, parentLayers: readonly ValuesLayer[]): ValuesLayer[] {
  const flag = spec.condition?.startsWith(`${key}.`) ? spec.condition.slice(key.length + 1) : undefined;
  const out: ValuesLayer[] = [];
  if (spec.values) out.push({ source: `package ${cls.metadata.name} (values for dependency "${key}")`, data: spec.values });
  for (const layer of parentLayers) {
    const sub = subLayer(layer, key);
    if (sub) {
      const data = { ...sub.data };
      if (flag !== undefined && !flag.includes('.')) delete data[flag];
      out.push({ ...sub, data });
    }
    if (layer.data.global !== undefined) {
      out.push({ source: layer.source, data: { global: layer.data.global }, positions: layer.positions });
    }
  }
  return out;
}

/** Keys the schema does not know, with "did you mean" when a known key is close. */
/** Keys `value` has that `schema` does not; `others` are keys known besides the schema's at this level (the dependencies' at the top). */
function unknownKeys(schema: Schema, value: unknown, path: PathPart[], problems: Problem[], others: readonly string[] = []): void {
  const def = defOf(unwrap(schema));
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    value.forEach((item, i) => unknownKeys(def.element!, item, [...path, i], problems));
    return;
  }
  if (def.type === 'record' && def.valueType && isRecord(value)) {
    for (const [key, child] of Object.entries(value)) unknownKeys(def.valueType, child, [...path, key], problems);
    return;
  }
  const shape = shapeOf(schema);
  if (!shape || isOpenMap(schema) || !isRecord(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const childSchema = getOwn(shape, key) as Schema | undefined;
    if (childSchema) unknownKeys(childSchema, child, [...path, key], problems);
    else {
      const known = [...Object.keys(shape), ...others];
      problems.push({
        path: [...path, key],
        message: `unknown key${suggestion(key, known)}; the keys here are: ${known.join(', ')}`,
        atKey: true,
        given: child,
        expected: `one of the keys ${known.join(', ')}`,
      });
    }
  }
}

interface ZodIssue {
  code: string;
  path: PathPart[];
  message: string;
  expected?: string;
  keys?: string[];
}

function fromIssue(issue: ZodIssue, data: unknown): Problem {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    return { path, message: `unknown key${issue.keys && issue.keys.length > 1 ? 's' : ''} ${issue.keys?.map((k) => `"${k}"`).join(', ')}`, expected: 'no other keys' };
  }
  const actual = valueAt(data, path);
  if (issue.code === 'invalid_type') {
    if (actual === undefined) return { path, message: `a value is required (expected ${issue.expected}), and no layer sets it`, expected: issue.expected };
    return { path, message: `expected ${issue.expected}, got ${describe(actual)}`, given: actual, expected: issue.expected };
  }
  const message = issue.message.replace(/^(Invalid [a-z ]+|Too small|Too big): /, '');
  return { path, message: `${message}, got ${describe(actual)}`, given: actual, expected: message.replace(/^expected /, '') };
}

function valueAt(data: unknown, path: readonly PathPart[]): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

/** `string "three"`, `number 3`, `a list`, `a map`. */
export function describe(value: unknown): string {
  return describeValue(value, VALUES_WORDS);
}

/** How many problems an invalid-values error lists; it counts the rest. */
export const MAX_LISTED_PROBLEMS = 20;

function invalid(cls: ValuesPackageClass, problems: readonly Problem[], merged: MergedValues, prefix: readonly PathPart[]): UserError {
  const described: UserErrorProblem[] = problems.map((p) => {
    const secret = isSensitivePath(cls.values, p.path);
    return {
      message: secret && p.given !== undefined ? p.message.split(describe(p.given)).join(showSecret(p.given)) : p.message,
      field: formatPath([...prefix, ...p.path]),
      given: secret ? undefined : p.given,
      expected: p.expected,
      source: describeSource(merged, p.path, p.atKey),
    };
  });
  // a file of 80,000 unknown keys must not make an error of 80,000 lines: the first ones say what is wrong
  const shown = described.slice(0, MAX_LISTED_PROBLEMS);
  const lines = shown.map((p) => `  ${p.field || '(top level)'}: ${p.message}${p.source ? ` (from ${p.source})` : ''}`);
  if (described.length > shown.length) lines.push(`  … and ${(described.length - shown.length).toLocaleString('en-US')} more problems of the same values`);
  const what = prefix.length > 0 ? `dependency "${formatPath(prefix)}" (package ${cls.metadata.name} ${cls.metadata.version})` : `package ${cls.metadata.name} ${cls.metadata.version}`;
  const { message: _, ...first } = described[0];
  return new UserError(`invalid values for ${what}:\n${lines.join('\n')}`, { ...first, problems: shown });
}

/**
 * The schema at a values path of a package, following dependencies by key:
 * how `--set` knows that "3" is meant as a number.
 */
export function packageSchemaAt(cls: ValuesPackageClass, path: readonly PathPart[]): Schema | undefined {
  const [head, ...rest] = path;
  const dep = typeof head === 'string' && cls.dependencies ? (getOwn(cls.dependencies as Record<string, unknown>, head) as DependencySpec | undefined) : undefined;
  if (dep) {
    if (dep.condition === `${head}.${String(rest[0])}` && rest.length === 1) return undefined; // the on/off flag: boolean, guessed
    return packageSchemaAt(dep.package, rest);
  }
  return cls.values ? schemaAt(cls.values, path) : undefined;
}

/**
 * A package's complete values: its own, each switched-on dependency's under
 * its key, and `global` at the top. What `chartwright values` prints.
 */
export function resolveTree(cls: ValuesPackageClass, layers: readonly ValuesLayer[], prefix: readonly PathPart[] = []): Record<string, unknown> {
  const resolved = resolveValues(cls, layers, prefix);
  const out: Record<string, unknown> = isRecord(resolved.values) ? { ...resolved.values } : {};
  if (prefix.length === 0 && Object.keys(resolved.global).length > 0) out.global = resolved.global;
  else if (prefix.length > 0) delete out.global;
  for (const dep of resolved.dependencies) {
    out[dep.key] = resolveTree(dep.spec.package, dep.layers, [...prefix, dep.key]);
  }
  return out;
}
