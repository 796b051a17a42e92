import { probePort as rule } from '../../../lib/validate/rules/probe-port';
import { findingsOf, pinned } from '../../support/rules';

test('probe-port: its failing example', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'probe-port', path: "spec.containers[0].readinessProbe.httpGet.port", message: "the readinessProbe of container \"app\" probes port \"htp\", which the container does not declare" },
  ]);
});

test('probe-port: its passing example passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});

test('probe-port: a port number, and a tcpSocket naming a port of the container, pass', () => {
  expect(findingsOf(rule, rule.example.fails.replace('port: htp', 'port: 8080'))).toEqual([]);
  expect(findingsOf(rule, rule.example.passes.replace('httpGet:\n          path: /ready\n          port: http', 'tcpSocket:\n          port: http'))).toEqual([]);
  expect(pinned(rule, rule.example.passes.replace('httpGet:\n          path: /ready\n          port: http', 'tcpSocket:\n          port: metrics')).map((f) => f.path)).toEqual(['spec.containers[0].readinessProbe.tcpSocket.port']);
});
