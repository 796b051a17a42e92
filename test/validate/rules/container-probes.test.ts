import { containerProbes as rule } from '../../../lib/validate/rules/container-probes';
import { findingsOf, pinned } from '../../support/rules';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;

test('container-probes: a long-running container names the probe it lacks', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'container-probes', path: 'spec.containers[0].readinessProbe', message: 'container "app" has no readinessProbe' },
  ]);
  expect(pinned(rule, pod('  containers:\n    - {name: app, image: "nginx:1.27.3"}\n'))).toEqual([
    { rule: 'container-probes', path: 'spec.containers[0].readinessProbe', message: 'container "app" has no readinessProbe or livenessProbe' },
  ]);
});

test('container-probes: both probes pass; init containers and pods that finish need none', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
  expect(findingsOf(rule, pod('  restartPolicy: Never\n  containers:\n    - {name: app, image: "nginx:1.27.3"}\n'))).toEqual([]);
  const job = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - {name: app, image: "nginx:1.27.3"}\n';
  expect(findingsOf(rule, job)).toEqual([]);
  const withInit = rule.example.passes.replace('  containers:\n', '  initContainers:\n    - {name: setup, image: "busybox:1.36"}\n  containers:\n');
  expect(findingsOf(rule, withInit)).toEqual([]);
});
