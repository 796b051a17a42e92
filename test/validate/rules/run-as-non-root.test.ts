import { runAsNonRoot as rule } from '../../../lib/validate/rules/run-as-non-root';
import { findingsOf, pinned } from '../../support/rules';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;

test('run-as-non-root: runAsNonRoot unset, or runAsUser 0', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'run-as-non-root', path: 'spec.containers[0].securityContext.runAsNonRoot', message: 'container "app" may run as root: runAsNonRoot is not true' },
  ]);
  // the container's runAsUser wins over the pod's runAsNonRoot
  expect(pinned(rule, pod('  securityContext: {runAsNonRoot: true}\n  containers:\n    - name: app\n      image: nginx:1.27.3\n      securityContext: {runAsUser: 0}\n'))).toEqual([
    { rule: 'run-as-non-root', path: 'spec.containers[0].securityContext.runAsUser', message: 'container "app" runs as root (runAsUser: 0)' },
  ]);
});

test('run-as-non-root: the pod or the container says runAsNonRoot: true', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
  expect(findingsOf(rule, pod('  containers:\n    - name: app\n      image: nginx:1.27.3\n      securityContext: {runAsNonRoot: true}\n'))).toEqual([]);
});
