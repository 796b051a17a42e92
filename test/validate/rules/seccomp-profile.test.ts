import { seccompProfile as rule } from '../../../lib/validate/rules/seccomp-profile';
import { findingsOf, pinned } from '../../support/rules';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;

test('seccomp-profile: no profile is reported at the pod, where one line fixes every container', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'seccomp-profile', path: 'spec.securityContext.seccompProfile', message: 'container "app" runs without a seccomp profile' },
  ]);
});

test("seccomp-profile: a container's Unconfined profile wins over the pod's and is reported where it is set", () => {
  const unconfined = rule.example.passes.replace('      image: nginx:1.27.3\n', '      image: nginx:1.27.3\n      securityContext:\n        seccompProfile: {type: Unconfined}\n');
  expect(pinned(rule, unconfined)).toEqual([
    { rule: 'seccomp-profile', path: 'spec.containers[0].securityContext.seccompProfile.type', message: 'container "app" runs Unconfined (no seccomp)' },
  ]);
});

test('seccomp-profile: RuntimeDefault on the pod, or Localhost on the container, passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
  expect(findingsOf(rule, pod('  containers:\n    - name: app\n      image: nginx:1.27.3\n      securityContext:\n        seccompProfile: {type: Localhost, localhostProfile: app.json}\n'))).toEqual([]);
});
