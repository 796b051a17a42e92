import { validateObjects } from '../../lib/validate';

/**
 * What a Service's type allows, as the API server checks it
 * (test/fixtures/apiserver-corpus/services and ports, checked against a real server).
 */
function errors(spec: object): string[][] {
  const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec };
  return validateObjects([{ obj: service, source: {} }])
    .filter((f) => f.severity === 'error')
    .map((f) => [f.rule, f.path, f.message]);
}

const HTTP = [{ name: 'http', port: 80 }];

test('each type with what it allows passes', () => {
  expect(errors({ ports: HTTP, clusterIP: '10.96.0.10' })).toEqual([]);
  expect(errors({ clusterIP: 'None' })).toEqual([]);
  expect(errors({ type: 'ExternalName', externalName: 'db.example.com.' })).toEqual([]);
  expect(errors({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 80, nodePort: 30080 }], loadBalancerSourceRanges: ['10.0.0.0/8', 'fd00::/64'] })).toEqual([]);
});

test('a ClusterIP Service without ports, with node ports or an external traffic policy', () => {
  expect(errors({})).toEqual([['schema-required', 'spec.ports', 'a ClusterIP Service needs at least one port']]);
  expect(errors({ externalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 80, nodePort: 30080 }] })).toEqual([
    ['schema-format', 'spec.externalTrafficPolicy', 'externalTrafficPolicy is for NodePort and LoadBalancer Services, not ClusterIP'],
    ['port-range', 'spec.ports[0].nodePort', 'a ClusterIP Service may not set nodePort'],
  ]);
});

test('addresses that are not addresses', () => {
  expect(errors({ clusterIP: 'auto', ports: HTTP })).toEqual([['schema-format', 'spec.clusterIP', 'clusterIP "auto" is not an IP address or "None"']]);
  expect(errors({ type: 'LoadBalancer', ports: HTTP, loadBalancerSourceRanges: ['10.0.0.0/33', '10.0.0.1'] })).toEqual([
    ['schema-format', 'spec.loadBalancerSourceRanges[0]', '"10.0.0.0/33" is not a CIDR'],
    ['schema-format', 'spec.loadBalancerSourceRanges[1]', '"10.0.0.1" is not a CIDR'],
  ]);
  expect(errors({ type: 'ExternalName', externalName: 'DB_HOST' })).toEqual([['name-format', 'spec.externalName', 'externalName "DB_HOST" is not a lower-case DNS name']]);
});
