import { privilegedPort as rule } from '../../../lib/validate/rules/privileged-port';
import { findingsOf, pinned } from '../../support/rules';

test('privileged-port: its failing example', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'privileged-port', path: "spec.containers[0].ports[0].containerPort", message: "container \"app\" listens on port 80, which takes root or NET_BIND_SERVICE to bind" },
  ]);
});

test('privileged-port: its passing example passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});

test('privileged-port: a pod on the host network is left to host-namespaces', () => {
  expect(findingsOf(rule, rule.example.fails.replace('spec:\n', 'spec:\n  hostNetwork: true\n'))).toEqual([]);
});
