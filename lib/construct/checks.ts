import { k8s } from './k8s';
import { IConstruct } from 'constructs';
import { UserError, suggestion } from '../errors';
import { show, showSecret } from '../internal/describe';
import { keyProblem, labelValueProblem } from '../kube/label-syntax';
import { DNS1123_LABEL, DNS1123_SUBDOMAIN, portNameProblem } from '../kube/names';
import { INT_OR_PERCENT, PERCENT } from '../kube/int-or-percent';
import { QUANTITY } from '../kube/quantity';

export { quantityValue } from '../kube/quantity';

/**
 * Prop validation shared by every construct of the library. Each error names
 * the construct path, the field, what was given and what is allowed:
 *
 *     shop/web: replicas -1 is not valid: expected a whole number of 0 or more
 */

/** How a given value reads in an error message. */
export { show } from '../internal/describe';

/** The error for a field whose value is not allowed. */
export function invalid(scope: IConstruct, field: string, given: unknown, allowed: string): UserError {
  return new UserError(`${scope.node.path}: ${field} ${show(given)} is not valid: expected ${allowed}`, { path: scope.node.path, field, given, expected: allowed });
}

/** The error for an invalid value that is a secret's: the message and the fields say its type, never the value. */
export function invalidSecret(scope: IConstruct, field: string, given: unknown, allowed: string): UserError {
  return new UserError(`${scope.node.path}: ${field} ${showSecret(given)} is not valid: expected ${allowed}`, { path: scope.node.path, field, expected: allowed });
}

/** The error for a combination of fields that cannot go together, or a missing one. */
export function problem(scope: IConstruct, message: string): UserError {
  return new UserError(`${scope.node.path}: ${message}`, { path: scope.node.path });
}

export interface IntRange {
  readonly min?: number;
  readonly max?: number;
}

/** A whole number within a range; undefined passes. */
export function checkInt(scope: IConstruct, field: string, value: number | undefined, range: IntRange = {}): void {
  if (value === undefined) return;
  const { min, max } = range;
  const ok = Number.isInteger(value) && (min === undefined || value >= min) && (max === undefined || value <= max);
  if (!ok) {
    const bounds =
      min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `of ${min} or more` : max !== undefined ? `of ${max} or less` : '';
    throw invalid(scope, field, value, `a whole number ${bounds}`.trim());
  }
}

/** One of a fixed set of strings; suggests the closest on a typo. */
export function checkOneOf<T extends string>(scope: IConstruct, field: string, value: T | undefined, allowed: readonly T[]): void {
  if (value === undefined || allowed.includes(value)) return;
  throw invalid(scope, field, value, `one of ${allowed.join(', ')}${suggestion(String(value), allowed)}`);
}

/** A DNS-1123 label: what most object names, port-less hosts' parts and container names must be. */
export function checkDnsLabel(scope: IConstruct, field: string, value: string | undefined): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || !DNS1123_LABEL.test(value) || value.length > 63) {
    throw invalid(scope, field, value, "a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters");
  }
}

/** A DNS-1123 subdomain: the names of ConfigMaps, Secrets, PVCs, StorageClasses and most other objects. */
export function checkDnsSubdomain(scope: IConstruct, field: string, value: string | undefined): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || !DNS1123_SUBDOMAIN.test(value) || value.length > 253) {
    throw invalid(scope, field, value, "a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', at most 253 characters");
  }
}

/** A port number, 1–65535. */
export function checkPort(scope: IConstruct, field: string, value: number | undefined): void {
  checkInt(scope, field, value, { min: 1, max: 65535 });
}

/** A named port (IANA_SVC_NAME): at most 15 lower-case letters, digits and '-', with at least one letter and no '--'. */
export function checkPortName(scope: IConstruct, field: string, value: string | undefined): void {
  if (value === undefined) return;
  const ok = typeof value === 'string' && portNameProblem(value) === undefined;
  if (!ok) {
    throw invalid(scope, field, value, "a port name: at most 15 lower-case letters, digits and '-', with at least one letter, such as \"http\"");
  }
}

/** A Kubernetes quantity: `100m`, `0.5`, `128Mi`, `1G`. */
export function checkQuantity(scope: IConstruct, field: string, value: string | undefined): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || !QUANTITY.test(value)) {
    throw invalid(scope, field, value, 'a Kubernetes quantity such as "100m", "0.5", "128Mi" or "10Gi"');
  }
}

/** Label keys (`[prefix/]name`) and values per the Kubernetes syntax. */
export function checkLabels(scope: IConstruct, field: string, labels: Record<string, string> | undefined): void {
  if (labels === undefined) return;
  for (const key in labels) {
    const value = labels[key];
    if (keyProblem(key) !== undefined) {
      throw invalid(scope, `${field} key`, key, "a label key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
    }
    if (typeof value !== 'string' || labelValueProblem(value) !== undefined) {
      throw invalid(scope, `${field}["${key}"]`, value, "a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit, or empty");
    }
  }
}

/** A non-empty string. */
export function checkRequired(scope: IConstruct, field: string, value: unknown, what: string): void {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    throw problem(scope, `${field} is required: ${what}`);
  }
}

/** Checks a count or percentage and turns it into the API's IntOrString; undefined passes. */
export function intOrPercent(scope: IConstruct, field: string, value: number | string | undefined): k8s.IntOrString | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) throw invalid(scope, field, value, INT_OR_PERCENT);
    return k8s.IntOrString.fromNumber(value);
  }
  if (typeof value !== 'string' || !PERCENT.test(value)) throw invalid(scope, field, value, INT_OR_PERCENT);
  return k8s.IntOrString.fromString(value);
}
