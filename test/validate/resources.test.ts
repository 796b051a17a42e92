import { validateObjects } from '../../lib/validate';

/**
 * A container's requests and limits as the API server checks them
 * (test/fixtures/apiserver-corpus/quantities, checked against a real server).
 */
function resourceFindings(resources: Record<string, unknown>): string[][] {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27.3', resources }] } };
  return validateObjects([{ obj: pod, source: {} }])
    .filter((f) => f.severity === 'error')
    .map((f) => [f.rule, f.path, f.message]);
}

test('requests at most the limits, in any notation, pass', () => {
  expect(resourceFindings({ requests: { cpu: '300m', memory: '1024Mi', 'example.com/gpu': 2 }, limits: { cpu: 0.3, memory: '1Gi', 'example.com/gpu': '2', 'hugepages-2Mi': '4Mi' } })).toEqual([]);
  expect(resourceFindings({ requests: { cpu: '100m' } })).toEqual([]);
});

test('a request above its limit', () => {
  expect(resourceFindings({ requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '1', memory: '512Mi' } })).toEqual([
    ['schema-format', 'spec.containers[0].resources.requests.cpu', 'requests.cpu (2) is more than limits.cpu (1)'],
    ['schema-format', 'spec.containers[0].resources.requests.memory', 'requests.memory (1Gi) is more than limits.memory (512Mi)'],
  ]);
});

test('negative amounts and unknown resource names', () => {
  expect(resourceFindings({ limits: { memory: '-1Gi', gpu: '1' } })).toEqual([
    ['schema-format', 'spec.containers[0].resources.limits.memory', 'limits.memory is -1Gi; it may not be negative'],
    ['schema-format', 'spec.containers[0].resources.limits.gpu', '"gpu" is not a container resource: use cpu, memory, ephemeral-storage, hugepages-<size> or an extended resource such as example.com/gpu'],
  ]);
});

test('extended resources: whole numbers, requested only with an equal limit', () => {
  expect(resourceFindings({ requests: { 'example.com/gpu': '0.5', 'example.com/fpga': '1', 'example.com/nic': '1' }, limits: { 'example.com/gpu': '0.5', 'example.com/nic': '2' } })).toEqual([
    ['schema-format', 'spec.containers[0].resources.requests["example.com/gpu"]', 'requests.example.com/gpu is 0.5; extended resources come in whole numbers'],
    ['schema-format', 'spec.containers[0].resources.limits["example.com/gpu"]', 'limits.example.com/gpu is 0.5; extended resources come in whole numbers'],
    ['schema-required', 'spec.containers[0].resources.limits["example.com/fpga"]', 'the extended resource example.com/fpga is requested without a limit'],
    ['schema-format', 'spec.containers[0].resources.requests["example.com/nic"]', 'requests.example.com/nic (1) differs from limits.example.com/nic (2); an extended resource\'s request must equal its limit'],
  ]);
});
