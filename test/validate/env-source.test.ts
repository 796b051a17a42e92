import { validateObjects } from '../../lib/validate';

/**
 * An environment variable's source, as the API server checks it: value or
 * valueFrom, not both, and a valueFrom with exactly one source
 * (test/fixtures/apiserver-corpus/env, checked against a real server).
 */
function envFindings(env: unknown[]): string[][] {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27.3', env }] } };
  return validateObjects([{ obj: pod, source: {} }], { external: ['ConfigMap/settings', 'Secret/token'] })
    .filter((f) => f.severity === 'error')
    .map((f) => [f.rule, f.path, f.message]);
}

const POD_NAME = { fieldRef: { fieldPath: 'metadata.name' } };

test('a value, a valueFrom, and an empty value beside a valueFrom pass', () => {
  expect(envFindings([{ name: 'A', value: 'x' }, { name: 'B', valueFrom: POD_NAME }, { name: 'C', value: '', valueFrom: POD_NAME }])).toEqual([]);
});

test('value and valueFrom together', () => {
  expect(envFindings([{ name: 'POD', value: 'x', valueFrom: POD_NAME }])).toEqual([
    ['schema-required', 'spec.containers[0].env[0].valueFrom', 'environment variable "POD" has both value and valueFrom'],
  ]);
});

test('a valueFrom with no source, or two', () => {
  expect(envFindings([
    { name: 'A', valueFrom: {} },
    { name: 'B', valueFrom: { configMapKeyRef: { name: 'settings', key: 'k' }, secretKeyRef: { name: 'token', key: 'k' } } },
  ])).toEqual([
    ['schema-required', 'spec.containers[0].env[0].valueFrom', 'the valueFrom of environment variable "A" names no source'],
    ['schema-required', 'spec.containers[0].env[1].valueFrom', 'the valueFrom of environment variable "B" names 2 sources (configMapKeyRef, secretKeyRef); it takes exactly one'],
  ]);
});
