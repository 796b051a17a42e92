import type { z } from 'zod';
import { getOwn, setOwn } from '../internal/objects';

/**
 * Reading a zod 4 values schema: where its defaults are, which keys it knows,
 * what type sits at a path. Everything here reads `schema._zod.def`, zod's
 * introspection surface.
 */

/**
 * A zod 4 values schema, as chartwright's types take it: what every zod 4
 * schema has (\`z.object(…)\`, \`z.string()\`…), its \`_zod\` internals with
 * their definition and input and output types.
 *
 * Not \`z.ZodType\`: a user's \`z.object(…)\` is compared with this type in
 * every package class, and TypeScript compares it with a zod class member by
 * member — with \`z.ZodType\` that took four seconds of every \`tsc\` run of a
 * project, with \`z.core.$ZodType\` a tenth of a second, with this a few
 * milliseconds (docs/performance.md, "Type-checking a project"). The zod
 * functions that take a schema are given it as \`zodSchema(schema)\`.
 */
export interface Schema {
  /** zod's internals of the schema: its definition (read for defaults and keys), and its input and output types. */
  readonly _zod: { readonly def: { readonly type: string }; readonly input: unknown; readonly output: unknown };
}

/** The schema as zod's own functions take it (every Schema is one: it comes from zod). */
export function zodSchema(schema: Schema): z.core.$ZodType {
  return schema as unknown as z.core.$ZodType;
}

interface Def {
  type: string;
  innerType?: Schema;
  defaultValue?: unknown;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  valueType?: Schema;
  keyType?: Schema;
  options?: Schema[];
  in?: Schema;
  out?: Schema;
  getter?: () => Schema;
  entries?: Record<string, string | number>;
  values?: unknown[];
  format?: string;
  checks?: Array<{ _zod: { def: { check?: string; format?: string } } }>;
}

export function defOf(schema: Schema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/** The schema under optional/nullable/default/pipe wrappers. */
export function unwrap(schema: Schema): Schema {
  let current = schema;
  for (let i = 0; i < 32; i++) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else return current;
  }
  return current;
}

/** The shape of an object schema (under wrappers), or undefined for anything else. */
export function shapeOf(schema: Schema): Record<string, Schema> | undefined {
  const def = defOf(unwrap(schema));
  return def.type === 'object' ? def.shape : undefined;
}

/** Whether the schema is a map of arbitrary keys (a record, or an object with a catchall). */
export function isOpenMap(schema: Schema): boolean {
  const def = defOf(unwrap(schema));
  if (def.type === 'record') return true;
  if (def.type === 'object' && def.catchall && defOf(def.catchall).type !== 'never') return true;
  return def.type === 'any' || def.type === 'unknown';
}

/** The default a schema node declares itself, outermost first. */
function ownDefault(schema: Schema): { value: unknown } | undefined {
  let current = schema;
  for (let i = 0; i < 32; i++) {
    const def = defOf(current);
    if (def.type === 'default' || def.type === 'prefault') {
      return { value: structuredClone(def.defaultValue) };
    }
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else return undefined;
  }
  return undefined;
}

/**
 * The defaults of a schema as a values tree: each key's own default, with
 * the defaults of nested object fields merged under it. This is the lowest
 * values layer, so higher layers merge into defaults deeply (and `null` can
 * remove a key a default put there).
 */
export function defaultsOf(schema: Schema): unknown {
  const own = ownDefault(schema);
  const shape = shapeOf(schema);
  if (!shape) return own?.value;
  const nested: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(shape)) {
    const value = defaultsOf(child);
    if (value !== undefined) setOwn(nested, key, value);
  }
  if (own === undefined) return Object.keys(nested).length > 0 ? nested : undefined;
  if (own.value === null || typeof own.value !== 'object' || Array.isArray(own.value)) return own.value;
  return { ...nested, ...(own.value as Record<string, unknown>) };
}

/** The schema at a values path below `schema`, or undefined where the schema does not say. */
export function schemaAt(schema: Schema, path: readonly (string | number)[]): Schema | undefined {
  let current: Schema | undefined = schema;
  for (const part of path) {
    if (!current) return undefined;
    const def = defOf(unwrap(current));
    if (def.type === 'object') {
      const own = def.shape && typeof part === 'string' ? (getOwn(def.shape, part) as Schema | undefined) : undefined;
      current = own ?? (def.catchall && defOf(def.catchall).type !== 'never' ? def.catchall : undefined);
    }
    else if (def.type === 'record') current = def.valueType;
    else if (def.type === 'array') current = def.element;
    else return undefined;
  }
  return current;
}

/** The scalar kind a --set string must be turned into, as far as the schema says. */
export function scalarKind(schema: Schema | undefined): 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'unknown' {
  if (!schema) return 'unknown';
  const def = defOf(unwrap(schema));
  switch (def.type) {
    case 'string':
    case 'template_literal':
      return 'string';
    case 'number': {
      const integer = def.format?.includes('int') || def.checks?.some((c) => c._zod.def.format?.includes('int'));
      return integer ? 'integer' : 'number';
    }
    case 'int':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      return values.every((v) => typeof v === 'number') ? 'number' : 'string';
    }
    case 'literal': {
      const v = def.values?.[0];
      return typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : typeof v === 'string' ? 'string' : 'unknown';
    }
    default:
      return 'unknown';
  }
}
