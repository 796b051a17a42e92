import { z } from 'zod';
import { getOwn, isRecord, setOwn } from '../internal/objects';
import { ValuesPackageClass } from './resolve';
import { zodSchema } from './schema';

type JsonSchema = Record<string, any>;

const GLOBAL_DESCRIPTION = "Values every package of the release sees (Helm's global).";

/**
 * The JSON Schema of a package's values (Helm's values.schema.json): its own
 * schema as input (fields with defaults are optional), unknown keys
 * rejected, each dependency's schema under its key, and `global`.
 */
export function packageJsonSchema(cls: ValuesPackageClass): JsonSchema {
  const schema: JsonSchema = cls.values
    ? (z.toJSONSchema(zodSchema(cls.values), { io: 'input', unrepresentable: 'any' }) as JsonSchema)
    : { type: 'object', additionalProperties: true };
  closeObjects(schema);
  schema.properties ??= {};
  for (const [key, dep] of Object.entries(cls.dependencies ?? {})) {
    const sub = packageJsonSchema(dep.package);
    delete sub.$schema;
    delete sub.properties?.global;
    sub.description ??= `Values of dependency ${dep.package.metadata.name} ${dep.package.metadata.version}.`;
    // what the parent gives the dependency is the default a user of the parent gets
    if (dep.values) giveDefaults(sub, dep.values);
    const flag = dep.condition?.startsWith(`${key}.`) ? dep.condition.slice(key.length + 1) : undefined;
    if (flag && !flag.includes('.')) {
      const { [flag]: _own, ...rest } = sub.properties ?? {};
      sub.properties = { [flag]: { type: 'boolean', default: true, description: `Whether dependency "${key}" is on.` }, ...rest };
    }
    schema.properties[key] = sub;
  }
  if (!('global' in schema.properties)) {
    schema.properties.global = { type: 'object', additionalProperties: true, description: GLOBAL_DESCRIPTION };
  }
  return schema;
}

/**
 * Puts the values a parent gives a dependency into the dependency's schema as
 * defaults: each given leaf becomes the default of its property, and an
 * object's own default takes the given keys too, so both the table (which
 * reads enclosing defaults) and editors see what the release gets. `null`
 * removes a key in a values layer, so it removes the default.
 */
function giveDefaults(node: JsonSchema, given: unknown): void {
  if (isRecord(given) && node.properties) {
    if (isRecord(node.default)) node.default = mergeGiven(node.default, given);
    for (const [key, value] of Object.entries(given)) {
      const child = getOwn(node.properties, key) as JsonSchema | undefined;
      if (child) giveDefaults(child, value);
    }
    return;
  }
  if (given === null) delete node.default;
  else node.default = structuredClone(given);
}

/** `base` with `given` merged over it as a values layer merges: deeply, `null` removing a key. */
function mergeGiven(base: Record<string, unknown>, given: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(given)) {
    if (value === null) delete out[key];
    else if (isRecord(value) && isRecord(getOwn(out, key))) setOwn(out, key, mergeGiven(out[key] as Record<string, unknown>, value));
    else setOwn(out, key, structuredClone(value));
  }
  return out;
}

/** Objects with listed properties and no rule for others reject other keys, as values checking does. */
function closeObjects(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(closeObjects);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const obj = node as JsonSchema;
  if (obj.type === 'object' && obj.properties && obj.additionalProperties === undefined) obj.additionalProperties = false;
  for (const [key, value] of Object.entries(obj)) {
    if (key !== 'default' && key !== 'const' && key !== 'enum') closeObjects(value);
  }
}

/** One row of the values table. */
export interface ValuesDocRow {
  readonly key: string;
  readonly type: string;
  readonly default: string;
  readonly description: string;
}

/** The values of a package as rows: every leaf key with its type, default and description. */
export function valuesDocRows(cls: ValuesPackageClass): ValuesDocRow[] {
  const rows: ValuesDocRow[] = [];
  walk(packageJsonSchema(cls), '', undefined, rows);
  return rows;
}

/** The values of a package as a Markdown table (path, type, default, description). */
export function valuesDocs(cls: ValuesPackageClass): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = ['| Key | Type | Default | Description |', '| --- | --- | --- | --- |'];
  for (const row of valuesDocRows(cls)) {
    lines.push(`| \`${cell(row.key)}\` | ${cell(row.type)} | ${row.default === '' ? '' : `\`${cell(row.default)}\``} | ${cell(row.description)} |`);
  }
  return lines.join('\n') + '\n';
}

function walk(node: JsonSchema, path: string, inherited: unknown, rows: ValuesDocRow[]): void {
  const own = 'default' in node ? node.default : inherited;
  if (node.type === 'object' && node.properties && Object.keys(node.properties).length > 0) {
    for (const [key, child] of Object.entries(node.properties as Record<string, JsonSchema>)) {
      const childDefault = own !== null && typeof own === 'object' ? (own as Record<string, unknown>)[key] : undefined;
      walk(child, path ? `${path}.${key}` : key, childDefault, rows);
    }
    return;
  }
  rows.push({
    key: path,
    type: typeOf(node),
    default: own === undefined ? '' : JSON.stringify(own),
    description: node.description ?? '',
  });
}

function typeOf(node: JsonSchema): string {
  if (node.anyOf || node.oneOf) {
    return (node.anyOf ?? node.oneOf).map(typeOf).filter((t: string, i: number, all: string[]) => all.indexOf(t) === i).join(' or ');
  }
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum) return `one of ${node.enum.map((v: unknown) => JSON.stringify(v)).join(', ')}`;
  let type: string = Array.isArray(node.type) ? node.type.join(' or ') : (node.type ?? 'any');
  if (type === 'array') type = `list of ${node.items ? typeOf(node.items) : 'any'}`;
  if (type === 'object') type = node.additionalProperties && node.additionalProperties !== true ? `map of ${typeOf(node.additionalProperties)}` : 'map';
  const limits: string[] = [];
  if (node.minimum !== undefined) limits.push(`≥ ${node.minimum}`);
  if (node.exclusiveMinimum !== undefined) limits.push(`> ${node.exclusiveMinimum}`);
  if (node.maximum !== undefined && node.maximum < Number.MAX_SAFE_INTEGER) limits.push(`≤ ${node.maximum}`);
  if (node.exclusiveMaximum !== undefined) limits.push(`< ${node.exclusiveMaximum}`);
  if (node.minLength !== undefined) limits.push(`length ≥ ${node.minLength}`);
  if (node.maxLength !== undefined) limits.push(`length ≤ ${node.maxLength}`);
  if (node.pattern !== undefined) limits.push(`matching \`${node.pattern}\``);
  if (node.format !== undefined) limits.push(node.format);
  return limits.length > 0 ? `${type} (${limits.join(', ')})` : type;
}

/** The markers between which a README holds its values table. */
export const DOCS_BEGIN = '<!-- values:begin -->';
export const DOCS_END = '<!-- values:end -->';

/** `readme` with the text between the values markers replaced by `table`; undefined if it has no markers. */
export function embedDocs(readme: string, table: string): string | undefined {
  const begin = readme.indexOf(DOCS_BEGIN);
  const end = readme.indexOf(DOCS_END);
  if (begin < 0 || end < begin) return undefined;
  return `${readme.slice(0, begin + DOCS_BEGIN.length)}\n${table}${readme.slice(end)}`;
}
