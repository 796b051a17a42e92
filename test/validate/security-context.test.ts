import { validateObjects } from '../../lib/validate';

/**
 * Pod and container security contexts, as the API server checks them
 * (test/fixtures/apiserver-corpus/security-context, checked against a real server).
 */
function errors(podContext: object, containerContext: object = {}): string[][] {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { securityContext: podContext, containers: [{ name: 'app', image: 'nginx:1.27.3', securityContext: containerContext }] } };
  return validateObjects([{ obj: pod, source: {} }])
    .filter((f) => f.severity === 'error')
    .map((f) => [f.rule, f.path, f.message]);
}

test('ids in range, a Localhost profile with its path, sysctls and added capabilities pass', () => {
  expect(errors(
    { runAsUser: 0, runAsGroup: 2147483647, fsGroup: 2000, supplementalGroups: [3000], fsGroupChangePolicy: 'OnRootMismatch', seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/app.json' }, sysctls: [{ name: 'net.core.somaxconn', value: '1024' }, { name: 'kernel/shm_rmid_forced', value: '1' }] },
    { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
  )).toEqual([]);
});

test('ids out of range', () => {
  expect(errors({ runAsUser: -1, fsGroup: 2147483648, supplementalGroups: [1, -2] })).toEqual([
    ['schema-format', 'spec.securityContext.runAsUser', 'runAsUser -1 is not an id from 0 to 2147483647'],
    ['schema-format', 'spec.securityContext.fsGroup', 'fsGroup 2147483648 is not an id from 0 to 2147483647'],
    ['schema-format', 'spec.securityContext.supplementalGroups[1]', 'group -2 is not an id from 0 to 2147483647'],
  ]);
});

test('seccomp profiles: localhostProfile exactly for Localhost', () => {
  expect(errors({ seccompProfile: { type: 'Localhost' } }, { seccompProfile: { type: 'RuntimeDefault', localhostProfile: 'x.json' } })).toEqual([
    ['schema-required', 'spec.securityContext.seccompProfile.localhostProfile', 'a Localhost seccomp profile names no localhostProfile'],
    ['schema-unknown-field', 'spec.containers[0].securityContext.seccompProfile.localhostProfile', 'localhostProfile is set, but the seccomp profile type is RuntimeDefault'],
  ]);
});

test('allowPrivilegeEscalation: false beside what grants it; an unknown fsGroupChangePolicy; a sysctl that is not one', () => {
  expect(errors({ fsGroupChangePolicy: 'Sometimes', sysctls: [{ name: 'kernel..shm', value: '1' }] }, { privileged: true, allowPrivilegeEscalation: false })).toEqual([
    ['schema-enum', 'spec.securityContext.fsGroupChangePolicy', '"Sometimes" is not one of "OnRootMismatch", "Always"'],
    ['name-format', 'spec.securityContext.sysctls[0].name', 'sysctl name "kernel..shm" is not a sysctl (lower-case parts separated by "." or "/")'],
    ['schema-format', 'spec.containers[0].securityContext.allowPrivilegeEscalation', 'allowPrivilegeEscalation is false, but privileged: true allows it'],
  ]);
  expect(errors({}, { allowPrivilegeEscalation: false, capabilities: { add: ['SYS_ADMIN'] } })).toEqual([
    ['schema-format', 'spec.containers[0].securityContext.allowPrivilegeEscalation', 'allowPrivilegeEscalation is false, but the SYS_ADMIN capability allows it'],
  ]);
});
