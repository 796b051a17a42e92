import { hostNamespaces as rule } from '../../../lib/validate/rules/host-namespaces';
import { findingsOf, pinned } from '../../support/rules';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;

test('host-namespaces: the host network, with a fix that names the field', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'host-namespaces', path: 'spec.hostNetwork', message: "the pod shares the host's Network namespace" },
  ]);
  expect(findingsOf(rule, rule.example.fails)[0].fix).toBe('remove hostNetwork');
});

test("host-namespaces: the pod's flags first, then each container's host ports", () => {
  const shared = pod('  hostPID: true\n  hostIPC: true\n  containers:\n    - name: app\n      image: nginx:1.27.3\n      ports:\n        - {containerPort: 8080, hostPort: 80}\n');
  expect(pinned(rule, shared)).toEqual([
    { rule: 'host-namespaces', path: 'spec.hostPID', message: "the pod shares the host's PID namespace" },
    { rule: 'host-namespaces', path: 'spec.hostIPC', message: "the pod shares the host's IPC namespace" },
    { rule: 'host-namespaces', path: 'spec.containers[0].ports[0].hostPort', message: 'container "app" binds host port 80' },
  ]);
});

test('host-namespaces: an object opts out with a reason', () => {
  const optedOut = rule.example.fails.replace('  name: web\n', '  name: web\n  annotations:\n    chartwright.dev/ignore-host-namespaces: "the node agent reads the node\'s traffic"\n');
  expect(findingsOf(rule, optedOut)).toEqual([]);
});

test('host-namespaces: container ports without host ports pass', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});
