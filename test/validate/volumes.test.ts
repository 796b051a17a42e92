import { validateObjects } from '../../lib/validate';

/**
 * A pod's volumes and a container's mounts, as the API server checks them
 * (test/fixtures/apiserver-corpus/volumes, checked against a real server).
 */
function volumeFindings(volumes: unknown[], volumeMounts: unknown[]): string[][] {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { volumes, containers: [{ name: 'app', image: 'nginx:1.27.3', volumeMounts }] } };
  return validateObjects([{ obj: pod, source: {} }], { external: ['ConfigMap/settings'] })
    .filter((f) => f.severity === 'error')
    .map((f) => [f.rule, f.path, f.message]);
}

test('volumes with one source (or none: an emptyDir), relative sub-paths, one mount per path', () => {
  expect(volumeFindings(
    [{ name: 'a', emptyDir: {} }, { name: 'b' }, { name: 'c', configMap: { name: 'settings', defaultMode: 0o644, items: [{ key: 'k', path: 'conf/app.yaml', mode: 0o600 }] } }],
    [{ name: 'a', mountPath: '/a', subPath: 'x/y' }, { name: 'b', mountPath: '/b', subPathExpr: '$(POD_NAME)' }, { name: 'c', mountPath: '/c' }],
  )).toEqual([]);
});

test('a volume with two sources', () => {
  expect(volumeFindings([{ name: 'v', emptyDir: {}, hostPath: { path: '/tmp' } }], [])).toEqual([
    ['schema-required', 'spec.volumes[0]', 'volume "v" has 2 sources (emptyDir, hostPath); a volume takes exactly one'],
  ]);
});

test('mounts: an empty path, a path used twice, a sub-path that leaves the volume', () => {
  expect(volumeFindings([{ name: 'a', emptyDir: {} }], [
    { name: 'a', mountPath: '' }, { name: 'a', mountPath: '/data' }, { name: 'a', mountPath: '/data' },
    { name: 'a', mountPath: '/x', subPath: '/etc' }, { name: 'a', mountPath: '/y', subPath: 'a/../../etc' },
  ])).toEqual([
    ['volume-mount', 'spec.containers[0].volumeMounts[0].mountPath', 'the mountPath is empty'],
    ['volume-mount', 'spec.containers[0].volumeMounts[2].mountPath', 'mountPath "/data" is also volumeMounts[1]\'s'],
    ['volume-mount', 'spec.containers[0].volumeMounts[3].subPath', 'subPath "/etc" is absolute; it is a path within the volume'],
    ['volume-mount', 'spec.containers[0].volumeMounts[4].subPath', 'subPath "a/../../etc" contains ".."'],
  ]);
});

test('file modes over 0777 and item paths outside the volume, also in projections', () => {
  expect(volumeFindings([
    { name: 'c', configMap: { name: 'settings', defaultMode: 0o1000, items: [{ key: 'k', path: '../x' }] } },
    { name: 'p', projected: { sources: [{ configMap: { name: 'settings', items: [{ key: 'k', path: '/abs', mode: -1 }] } }] } },
  ], [])).toEqual([
    ['schema-format', 'spec.volumes[0].configMap.defaultMode', 'file mode 512 (01000 octal) is not from 0 to 0777'],
    ['volume-mount', 'spec.volumes[0].configMap.items[0].path', 'item path "../x" contains ".."; it is a file within the volume'],
    ['schema-format', 'spec.volumes[1].projected.sources[0].configMap.items[0].mode', 'file mode -1 is not from 0 to 0777'],
    ['volume-mount', 'spec.volumes[1].projected.sources[0].configMap.items[0].path', 'item path "/abs" is absolute; it is a file within the volume'],
  ]);
});
