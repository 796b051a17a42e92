import { validateObjects } from '../../lib/validate';

/**
 * A host port binds once per pod, across its containers, as the API server
 * checks it (test/fixtures/apiserver-corpus/duplicates/host-ports, checked against a real server).
 */
function errors(containers: object[]): string[][] {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers } };
  return validateObjects([{ obj: pod, source: {} }])
    .filter((f) => f.severity === 'error')
    .map((f) => [f.rule, f.path, f.message]);
}

test('one host port per protocol and address passes', () => {
  expect(errors([
    { name: 'a', image: 'nginx:1.27.3', ports: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 53, hostPort: 8080, protocol: 'UDP' }] },
    { name: 'b', image: 'nginx:1.27.3', ports: [{ containerPort: 81, hostPort: 8080, hostIP: '10.0.0.1' }] },
  ])).toEqual([]);
});

test('a host port two containers bind', () => {
  expect(errors([
    { name: 'a', image: 'nginx:1.27.3', ports: [{ containerPort: 80, hostPort: 8080 }] },
    { name: 'b', image: 'nginx:1.27.3', ports: [{ containerPort: 81, hostPort: 8080 }] },
  ])).toEqual([
    ['duplicate-name', 'spec.containers[1].ports[0].hostPort', 'host port 8080/TCP is also bound by ports[0] of containers[0]'],
  ]);
});
