import { PathPart } from '../internal/json-path';
import { Schema, defOf, schemaAt } from './schema';

/**
 * Which values are secrets, so that no message prints them: a value whose
 * schema says `.meta({ sensitive: true })`, or whose key is named like a
 * secret (NAMED_SECRET), and everything below either. `.meta({ sensitive:
 * false })` says a key named like a secret is not one (`tokenTtlSeconds`).
 */

/** Keys named like a secret: password, passphrase, secret, token, apiKey, privateKey, credentials… */
export const NAMED_SECRET = /pass(?:word|wd|phrase)|secret|token|api[-_]?key|private[-_]?key|credential|client[-_]?key/i;
/** …but not a name of or a reference to one: `secretName`, `tokenRef`, `passwordFile`, and the names of Secret objects Helm charts use, `tlsSecret`, `existingSecret`, `imagePullSecrets`. */
const NAME_OF_A_SECRET = /(?:name|ref|file|path)$|^(?:tls|existing|(?:image)?pull|ca)[-_]?secrets?$/i;

/** Whether the value at `path` of values of `schema` is to be kept out of messages. */
export function isSensitivePath(schema: Schema | undefined, path: readonly PathPart[]): boolean {
  return isSensitiveAt((prefix) => (schema ? schemaAt(schema, prefix) : undefined), path);
}

/**
 * Whether the value at `path` is to be kept out of messages, given the
 * schema at each of its prefixes (a package's values with its
 * dependencies' under their keys: `packageSchemaAt`).
 */
export function isSensitiveAt(schemaOf: (prefix: readonly PathPart[]) => Schema | undefined, path: readonly PathPart[]): boolean {
  for (let n = 1; n <= path.length; n++) {
    const key = path[n - 1];
    const flag = metaFlag(schemaOf(path.slice(0, n)));
    if (flag !== undefined) {
      if (flag) return true;
      continue;
    }
    if (typeof key === 'string' && isSecretName(key)) return true;
  }
  return false;
}

/** Whether a key is named like a secret (see NAMED_SECRET). */
export function isSecretName(key: string): boolean {
  return NAMED_SECRET.test(key) && !NAME_OF_A_SECRET.test(key);
}

/** `sensitive` from `.meta()` on the schema or any of its wrappers (optional, default…), outermost first. */
function metaFlag(schema: Schema | undefined): boolean | undefined {
  let current = schema;
  for (let i = 0; current && i < 32; i++) {
    const meta = (current as { meta?: () => Record<string, unknown> | undefined }).meta?.();
    if (meta && typeof meta.sensitive === 'boolean') return meta.sensitive;
    const def = defOf(current);
    current = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return undefined;
}
