/**
 * The API server's checks of what a ConfigMap or Secret holds: a Secret's
 * `data` is base64, the values together hold at most 1 MiB, and a Secret of
 * a built-in type has the keys its type needs. Messages never show a
 * Secret's values.
 */
import { CONFIG_DATA_LIMIT, TLS_SECRET_KEYS, base64Bytes, formatBytes, isBase64 } from '../kube/config-data';
import { Json, isRecord } from './objects';
import { Report } from './schema';

/** The keys a Secret of each built-in type must have (in data or stringData). */
const SECRET_TYPE_KEYS: Readonly<Record<string, readonly string[]>> = {
  'kubernetes.io/tls': TLS_SECRET_KEYS,
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
};

export function checkConfigContent(kind: 'ConfigMap' | 'Secret', obj: Json, report: Report): void {
  let bytes = 0;
  const data = isRecord(obj.data) ? obj.data : undefined;
  if (kind === 'Secret') {
    for (const key in data) {
      const value = data[key];
      if (typeof value !== 'string') continue; // the schema reports it
      if (!isBase64(value)) {
        report('schema-format', ['data', key], `the value of key "${key}" is not base64 (the API server decodes every value of a Secret's data)`, 'encode the value with base64, or move it to stringData as plain text');
      } else bytes += base64Bytes(value);
    }
    const stringData = isRecord(obj.stringData) ? obj.stringData : undefined;
    for (const key in stringData) if (typeof stringData[key] === 'string') bytes += Buffer.byteLength(stringData[key] as string, 'utf8');
    const needed = typeof obj.type === 'string' ? SECRET_TYPE_KEYS[obj.type] : undefined;
    const missing = (needed ?? []).filter((k) => !(data && k in data) && !(stringData && k in stringData));
    if (missing.length > 0) {
      report('schema-required', ['data'], `a ${obj.type} Secret needs the key${missing.length > 1 ? 's' : ''} ${missing.map((k) => `"${k}"`).join(' and ')}`, `add ${missing.join(' and ')} to data or stringData`);
    }
  } else {
    for (const key in data) if (typeof data[key] === 'string') bytes += Buffer.byteLength(data[key] as string, 'utf8');
    const binary = isRecord(obj.binaryData) ? obj.binaryData : undefined;
    for (const key in binary) if (typeof binary[key] === 'string' && isBase64(binary[key] as string)) bytes += base64Bytes(binary[key] as string);
  }
  if (bytes > CONFIG_DATA_LIMIT) {
    report('schema-format', [], `the ${kind} holds ${formatBytes(bytes)}, and the API server takes at most ${formatBytes(CONFIG_DATA_LIMIT)}`, kind === 'ConfigMap' ? 'mount large files from a volume or an image instead' : 'split the Secret');
  }
}
