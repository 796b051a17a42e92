import { validateObjects } from '../../lib/validate';

/**
 * downwardAPI volumes and fieldRef versions, as the API server checks them
 * (test/fixtures/apiserver-corpus/downward-api, checked against a real server).
 */
function errors(items: object[], env: object[] = []): string[][] {
  const pod = {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
    spec: { volumes: [{ name: 'info', downwardAPI: { items } }, { name: 'all', projected: { sources: [{ downwardAPI: { items } }] } }], containers: [{ name: 'app', image: 'nginx:1.27.3', env }] },
  };
  return validateObjects([{ obj: pod, source: {} }])
    .filter((f) => f.severity === 'error')
    .map((f) => [f.rule, f.path, f.message]);
}

test('metadata fields, one label and a named container\'s resources pass', () => {
  expect(errors([
    { path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } },
    { path: 'team', fieldRef: { fieldPath: "metadata.annotations['example.com/team']" } },
    { path: 'cpu', resourceFieldRef: { containerName: 'app', resource: 'limits.cpu' } },
  ])).toEqual([]);
});

test('a status field, a resource of no container, an apiVersion other than v1', () => {
  expect(errors([{ path: 'ip', fieldRef: { apiVersion: 'v2', fieldPath: 'status.podIP' } }, { path: 'cpu', resourceFieldRef: { resource: 'limits.cpu' } }])).toEqual([
    ['downward-api', 'spec.volumes[0].downwardAPI.items[0].fieldRef.apiVersion', 'fieldRef apiVersion "v2" is not v1'],
    ['downward-api', 'spec.volumes[0].downwardAPI.items[0].fieldRef.fieldPath', 'fieldPath "status.podIP" is not a field a downwardAPI volume can write: use metadata.name, metadata.namespace, metadata.uid, metadata.labels, metadata.annotations, or one label or annotation'],
    ['downward-api', 'spec.volumes[0].downwardAPI.items[1].resourceFieldRef.containerName', 'a downwardAPI volume\'s resourceFieldRef names no container'],
    ['downward-api', 'spec.volumes[1].projected.sources[0].downwardAPI.items[0].fieldRef.apiVersion', 'fieldRef apiVersion "v2" is not v1'],
    ['downward-api', 'spec.volumes[1].projected.sources[0].downwardAPI.items[0].fieldRef.fieldPath', 'fieldPath "status.podIP" is not a field a downwardAPI volume can write: use metadata.name, metadata.namespace, metadata.uid, metadata.labels, metadata.annotations, or one label or annotation'],
    ['downward-api', 'spec.volumes[1].projected.sources[0].downwardAPI.items[1].resourceFieldRef.containerName', 'a downwardAPI volume\'s resourceFieldRef names no container'],
  ]);
  expect(errors([], [{ name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v2', fieldPath: 'metadata.name' } } }])).toEqual([
    ['downward-api', 'spec.containers[0].env[0].valueFrom.fieldRef.apiVersion', 'environment variable "POD": fieldRef apiVersion "v2" is not v1'],
  ]);
});
