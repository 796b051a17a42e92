/**
 * What the API server checks of a ConfigMap's and a Secret's content, one
 * definition for the constructs and for `validate`.
 */

/** The most a ConfigMap's data and binaryData, or a Secret's data, may hold: 1 MiB (the values, in bytes; keys do not count). */
export const CONFIG_DATA_LIMIT = 1024 * 1024;

/** The keys a kubernetes.io/tls Secret must have. */
export const TLS_SECRET_KEYS = ['tls.crt', 'tls.key'] as const;

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/** Why `key` is not a ConfigMap or Secret key (a file name of [-._a-zA-Z0-9], at most 253, not "." or ".." or starting with ".."), or undefined. */
export function configKeyProblem(key: string): string | undefined {
  if (key.length === 0 || key.length > 253) return 'must have 1 to 253 characters';
  if (!CONFIG_KEY.test(key)) return 'may hold only letters, digits, "-", "_" and "."';
  if (key === '.' || key === '..' || key.startsWith('..')) return 'may not be "." or "..", nor start with ".."';
  return undefined;
}

/** Standard base64 with padding, as Go's base64.StdEncoding reads a Secret's data. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Whether a Secret's `data` value (or a ConfigMap's `binaryData` value) is base64 the API server decodes. */
export function isBase64(value: string): boolean {
  return BASE64.test(value);
}

/** The bytes a base64 value decodes to, without decoding it. */
export function base64Bytes(value: string): number {
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  return (value.length / 4) * 3 - padding;
}

/** "1.2 MiB", for messages about the limit. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MiB (${bytes} bytes)` : `${bytes} bytes`;
}
