/**
 * What an Ingress names that the API server checks: a TLS entry's
 * `secretName` is a Secret's name (a DNS subdomain), and a backend's Service
 * port has a name or a number (`port: {}` is refused).
 */
import { DNS1123_SUBDOMAIN } from '../kube/names';
import { JsonPath } from './findings';
import { Json, isRecord } from './objects';
import { Report } from './schema';

export function checkIngressRefs(spec: Json, report: Report): void {
  const tls: readonly unknown[] = Array.isArray(spec.tls) ? spec.tls : [];
  for (let i = 0; i < tls.length; i++) {
    const entry = tls[i];
    if (!isRecord(entry) || typeof entry.secretName !== 'string' || entry.secretName === '') continue;
    const name = entry.secretName;
    if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
      const shown = name.length > 60 ? `${name.slice(0, 57)}...` : name;
      report('name-format', ['spec', 'tls', i, 'secretName'], `secretName "${shown}" is not a Secret's name (lower-case letters, digits, "-" and ".", at most 253)`, 'name the kubernetes.io/tls Secret that holds the certificate');
    }
  }
  const rules: readonly unknown[] = Array.isArray(spec.rules) ? spec.rules : [];
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    const paths: readonly unknown[] = isRecord(rule) && isRecord(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths : [];
    for (let p = 0; p < paths.length; p++) {
      const item = paths[p];
      if (isRecord(item) && isRecord(item.backend)) checkPortGiven(item.backend, ['spec', 'rules', r, 'http', 'paths', p, 'backend'], report);
    }
  }
  if (isRecord(spec.defaultBackend)) checkPortGiven(spec.defaultBackend, ['spec', 'defaultBackend'], report);
}

function checkPortGiven(backend: Json, path: JsonPath, report: Report): void {
  if (!isRecord(backend.service)) return;
  const port = backend.service.port;
  const given = isRecord(port) && ((port.name !== undefined && port.name !== null && port.name !== '') || (port.number !== undefined && port.number !== null));
  if (!given) report('schema-required', [...path, 'service', 'port'], 'the backend names a Service but no port of it', 'set port.name or port.number');
}
