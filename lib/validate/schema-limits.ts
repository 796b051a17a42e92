/**
 * The value limits of a CustomResourceDefinition's structural schema, which
 * the API server enforces on custom resources: minimum and maximum (exclusive
 * or not), multipleOf, minLength, maxLength and pattern, minItems, maxItems
 * and uniqueItems, minProperties and maxProperties, and an enum of any values.
 * Types, properties and required fields are schema nodes of their own (schema.ts).
 */
import { isRecord } from '../internal/objects';

export interface Limits {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: boolean;
  readonly exclusiveMaximum?: boolean;
  readonly multipleOf?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: RegExp;
  /** The pattern as the CRD writes it, for messages. */
  readonly patternText?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  /** An enum of values that are not all strings (string enums are enum nodes). */
  readonly enum?: readonly unknown[];
}

const NUMBERS = ['minimum', 'maximum', 'multipleOf', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'] as const;

/** The limits an openAPIV3Schema node sets, or undefined when it sets none. */
export function limitsOf(schema: Readonly<Record<string, unknown>>): Limits | undefined {
  const limits: { -readonly [K in keyof Limits]: Limits[K] } = {};
  let any = false;
  for (const key of NUMBERS) {
    const value = schema[key];
    if (typeof value === 'number' && Number.isFinite(value)) {
      limits[key] = value;
      any = true;
    }
  }
  if (schema.exclusiveMinimum === true) limits.exclusiveMinimum = true;
  if (schema.exclusiveMaximum === true) limits.exclusiveMaximum = true;
  if (typeof schema.pattern === 'string') {
    try {
      // the API server's patterns are ECMA-262 regular expressions, as JavaScript's
      limits.pattern = new RegExp(schema.pattern, 'u');
      limits.patternText = schema.pattern;
      any = true;
    } catch {
      // a pattern JavaScript cannot compile is the CRD's problem; the server refuses such a CRD
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.every((v) => typeof v === 'string')) {
    limits.enum = schema.enum;
    any = true;
  }
  return any ? limits : undefined;
}

/** What is wrong with a value under its limits: the rule and the message. */
export interface LimitProblem {
  readonly rule: 'schema-enum' | 'schema-format';
  readonly message: string;
}

/** What is wrong with a value under its limits, or undefined. A limit on another type than the value's does not apply. */
export function limitsProblem(limits: Limits, value: unknown): LimitProblem | undefined {
  if (limits.enum !== undefined && !limits.enum.some((v) => sameValue(v, value))) {
    return { rule: 'schema-enum', message: `${JSON.stringify(value)} is not one of ${limits.enum.map((v) => JSON.stringify(v)).join(', ')}` };
  }
  const message = rangeProblem(limits, value);
  return message === undefined ? undefined : { rule: 'schema-format', message };
}

function rangeProblem(limits: Limits, value: unknown): string | undefined {
  if (typeof value === 'number') {
    const { minimum: min, maximum: max } = limits;
    if (min !== undefined && (limits.exclusiveMinimum ? value <= min : value < min)) return `${value} is ${limits.exclusiveMinimum ? 'not above' : 'below'} the minimum ${min}`;
    if (max !== undefined && (limits.exclusiveMaximum ? value >= max : value > max)) return `${value} is ${limits.exclusiveMaximum ? 'not below' : 'above'} the maximum ${max}`;
    if (limits.multipleOf !== undefined && limits.multipleOf > 0 && !isMultiple(value, limits.multipleOf)) return `${value} is not a multiple of ${limits.multipleOf}`;
  } else if (typeof value === 'string') {
    // lengths count characters (code points), as the server does
    const length = limits.minLength !== undefined || limits.maxLength !== undefined ? [...value].length : 0;
    if (limits.minLength !== undefined && length < limits.minLength) return `"${value}" is ${length} characters long; at least ${limits.minLength} are required`;
    if (limits.maxLength !== undefined && length > limits.maxLength) return `the value is ${length} characters long; at most ${limits.maxLength} are allowed`;
    if (limits.pattern !== undefined && !limits.pattern.test(value)) return `"${value}" does not match the pattern ${limits.patternText}`;
  } else if (Array.isArray(value)) {
    if (limits.minItems !== undefined && value.length < limits.minItems) return `the list has ${value.length} items; at least ${limits.minItems} are required`;
    if (limits.maxItems !== undefined && value.length > limits.maxItems) return `the list has ${value.length} items; at most ${limits.maxItems} are allowed`;
  } else if (isRecord(value)) {
    const count = limits.minProperties !== undefined || limits.maxProperties !== undefined ? Object.keys(value).length : 0;
    if (limits.minProperties !== undefined && count < limits.minProperties) return `the mapping has ${count} fields; at least ${limits.minProperties} are required`;
    if (limits.maxProperties !== undefined && count > limits.maxProperties) return `the mapping has ${count} fields; at most ${limits.maxProperties} are allowed`;
  }
  return undefined;
}

function isMultiple(value: number, of: number): boolean {
  const ratio = value / of;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}

/** Deep equality of JSON values. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
