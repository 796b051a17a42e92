/**
 * The syntax of names in Kubernetes, as the API server checks it: one
 * definition each, for the constructs' checks of their props and for
 * validation of manifests alike. The expressions say which characters; the
 * longest length allowed is the caller's to check, as it depends on the use
 * (63 for a label, 253 for a subdomain, 52 for a CronJob's name…).
 */

/** One part of a DNS name: lower-case letters, digits and '-', starting and ending with a letter or digit. */
const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';

/** A DNS-1123 label (at most 63 characters): Namespace and container names, the names of packages and environments. */
export const DNS1123_LABEL = new RegExp(`^${LABEL}$`);

/** A DNS-1123 subdomain (at most 253 characters): labels joined with '.'; the names of most objects. */
export const DNS1123_SUBDOMAIN = new RegExp(`^${LABEL}(\\.${LABEL})*$`);

/** A DNS-1035 label (at most 63 characters): a DNS-1123 label that starts with a letter; Service names. */
export const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** A host name as Ingress rules and HTTPRoutes take it: a DNS-1123 subdomain, optionally after a wildcard `*.`. */
export const HOSTNAME = new RegExp(`^(\\*\\.)?${LABEL}(\\.${LABEL})*$`);

/** An IPv4 or IPv6 address range in CIDR notation (`10.0.0.0/8`, `fd00::/8`), by its shape. */
export const CIDR = /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$|^[0-9a-fA-F:]+\/\d{1,3}$/;

/** An environment variable name: letters, digits, '_', '-' and '.', not starting with a digit. */
export const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

const HAS_LETTER = /[a-z]/;

/** Why a port name is not an IANA service name (at most 15 characters of a DNS-1123 label, with a letter, no "--"), or undefined. */
export function portNameProblem(name: string): string | undefined {
  if (name.length > 15) return `is ${name.length} characters long; at most 15 are allowed`;
  if (!DNS1123_LABEL.test(name)) return 'is not lower-case letters, digits and "-", starting and ending with a letter or digit';
  if (name.includes('--')) return 'contains "--"';
  if (!HAS_LETTER.test(name)) return 'has no letter';
  return undefined;
}
