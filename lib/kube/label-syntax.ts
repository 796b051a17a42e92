/**
 * The syntax of label and annotation keys and label values, as the
 * Kubernetes API server checks it. Constructs check labels with it when they
 * are built, validation when objects are read; valid strings are remembered.
 */
import { ValidStrings } from '../internal/valid-strings';
import { DNS1123_SUBDOMAIN } from './names';

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const VALID_KEYS = new ValidStrings((key) => findKeyProblem(key) === undefined);
const VALID_LABEL_VALUES = new ValidStrings((value) => LABEL_VALUE.test(value));

/** Why a label or annotation key is not a qualified name, or undefined. */
export function keyProblem(key: string): string | undefined {
  return VALID_KEYS.test(key) ? undefined : findKeyProblem(key);
}

function findKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  let name = key;
  if (slash >= 0) {
    const prefix = key.slice(0, slash);
    name = key.slice(slash + 1);
    if (prefix.length === 0) return 'has an empty prefix before "/"';
    if (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) return `has the prefix "${prefix}", which is not a DNS-1123 subdomain (lower case, at most 253 characters)`;
  }
  if (name.length === 0) return 'has an empty name';
  if (name.length > 63) return `has a name part of ${name.length} characters; at most 63 are allowed`;
  if (!QUALIFIED_NAME.test(name)) return 'has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  return undefined;
}

/** Why a label value is not valid, or undefined; a value that is not a string is the schema's to report. */
export function labelValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length > 63) return `is ${value.length} characters long; at most 63 are allowed`;
  if (!VALID_LABEL_VALUES.test(value)) return 'is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  return undefined;
}
