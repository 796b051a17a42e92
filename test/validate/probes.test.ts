import { validateObjects } from '../../lib/validate';

/**
 * What the API server checks of a probe beyond its port: exactly one handler,
 * no negative timings, successThreshold 1 for liveness and startup probes,
 * terminationGracePeriodSeconds above 0 and never on a readiness probe
 * (cases in test/fixtures/apiserver-corpus/probes, checked there against a real server).
 */
function probeFindings(probes: Record<string, unknown>): string[][] {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27.3', ...probes }] } };
  return validateObjects([{ obj: pod, source: {} }])
    .filter((f) => f.severity === 'error')
    .map((f) => [f.rule, f.path, f.message]);
}

const tcp = { tcpSocket: { port: 8080 } };

test('a probe with one handler and sensible timings passes', () => {
  expect(probeFindings({
    readinessProbe: { httpGet: { path: '/', port: 8080 }, successThreshold: 3, periodSeconds: 0 },
    livenessProbe: { ...tcp, successThreshold: 1, terminationGracePeriodSeconds: 10 },
    startupProbe: { exec: { command: ['true'] }, failureThreshold: 30 },
  })).toEqual([]);
});

test('a probe with no handler, or two', () => {
  expect(probeFindings({ livenessProbe: { periodSeconds: 5 }, readinessProbe: { ...tcp, grpc: { port: 9090 } } })).toEqual([
    ['schema-required', 'spec.containers[0].livenessProbe', 'the livenessProbe has no handler'],
    ['schema-required', 'spec.containers[0].readinessProbe', 'the readinessProbe has 2 handlers (tcpSocket, grpc); a probe takes exactly one'],
  ]);
});

test('negative timings, and a successThreshold above 1 where one success must do', () => {
  expect(probeFindings({ readinessProbe: { ...tcp, initialDelaySeconds: -1 }, livenessProbe: { ...tcp, successThreshold: 2 }, startupProbe: { ...tcp, periodSeconds: -5 } })).toEqual([
    ['schema-format', 'spec.containers[0].livenessProbe.successThreshold', 'successThreshold is 2; a livenessProbe succeeds after one success'],
    ['schema-format', 'spec.containers[0].readinessProbe.initialDelaySeconds', 'initialDelaySeconds is -1; it may not be negative'],
    ['schema-format', 'spec.containers[0].startupProbe.periodSeconds', 'periodSeconds is -5; it may not be negative'],
  ]);
});

test('terminationGracePeriodSeconds: above 0, and not on a readiness probe', () => {
  expect(probeFindings({ livenessProbe: { ...tcp, terminationGracePeriodSeconds: 0 }, readinessProbe: { ...tcp, terminationGracePeriodSeconds: 10 } })).toEqual([
    ['schema-format', 'spec.containers[0].livenessProbe.terminationGracePeriodSeconds', 'terminationGracePeriodSeconds is 0; it must be at least 1'],
    ['schema-format', 'spec.containers[0].readinessProbe.terminationGracePeriodSeconds', 'a readinessProbe may not set terminationGracePeriodSeconds (a failing readiness probe does not restart the container)'],
  ]);
});
