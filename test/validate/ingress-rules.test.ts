import { validateObjects } from '../../lib/validate';

/**
 * An Ingress's hosts, paths and backend ports, as the API server checks them
 * (test/fixtures/apiserver-corpus/ingress, checked against a real server).
 */
function errors(rules: object[]): string[][] {
  const ingress = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' }, spec: { rules } };
  return validateObjects([{ obj: ingress, source: {} }], { external: ['Service/web'] })
    .filter((f) => f.severity === 'error' && f.rule !== 'ingress-backend')
    .map((f) => [f.rule, f.path, f.message]);
}

const rule = (host: string | undefined, path: string, pathType: string, port: object = { number: 80 }) => ({ host, http: { paths: [{ path, pathType, backend: { service: { name: 'web', port } } }] } });

test('DNS hosts, wildcards, absolute paths and one port each pass', () => {
  expect(errors([rule('shop.example.com', '/', 'Prefix'), rule('*.example.com', '/healthz', 'Exact', { name: 'http' }), rule(undefined, '/anything', 'ImplementationSpecific')])).toEqual([]);
});

test('an IP or upper-case host, a relative path, a port with a name and a number', () => {
  expect(errors([rule('10.0.0.1', '/', 'Prefix'), rule('Shop.Example.com', 'api', 'Prefix', { name: 'http', number: 80 })])).toEqual([
    ['name-format', 'spec.rules[0].host', 'host "10.0.0.1" is an IP address; an Ingress host is a DNS name'],
    ['name-format', 'spec.rules[1].host', 'host "Shop.Example.com" is not a lower-case DNS name'],
    ['schema-format', 'spec.rules[1].http.paths[0].path', 'path "api" is not absolute'],
    ['port-name', 'spec.rules[1].http.paths[0].backend.service.port', 'the backend port has both a name and a number'],
  ]);
});
