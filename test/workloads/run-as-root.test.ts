import { Deployment, Namespace, validateObjects } from '../../lib';
import { render } from '../support/render';

/**
 * An image that needs root (its entrypoint runs as UID 0) takes one prop,
 * `security: { runAsNonRoot: false }`; what validation then says depends on
 * the namespace's Pod Security level and the profile.
 */
const ROOT_IMAGE = { image: 'docker.io/library/redis:7.4.1', ports: [{ name: 'redis', port: 6379 }], security: { runAsNonRoot: false } };

function findings(level: 'baseline' | 'restricted', profile: 'dev' | 'prod') {
  const objects = render((p) => {
    new Namespace(p, 'ns', { name: 'web', podSecurity: level });
    new Deployment(p, 'cache', { containers: [ROOT_IMAGE] });
  });
  return validateObjects(objects.map((obj) => ({ obj, source: {} })), { profile })
    .filter((f) => f.rule === 'pod-security' || f.rule === 'run-as-non-root')
    .map((f) => `${f.severity} ${f.rule}: ${f.message}`);
}

test('security.runAsNonRoot: false is the one prop; the container may then run as root, overriding the pod default', () => {
  const pod = (render((p) => new Deployment(p, 'cache', { containers: [ROOT_IMAGE] })).find((o) => o.kind === 'Deployment')!.spec as any).template.spec;
  expect(pod.securityContext.runAsNonRoot).toBe(true);
  expect(pod.containers[0].securityContext.runAsNonRoot).toBe(false);
});

test('in a restricted namespace, admission would refuse the pod: an error under every profile', () => {
  expect(findings('restricted', 'dev')).toEqual([
    'error pod-security: namespace "web" enforces Pod Security "restricted": runAsNonRoot != true (container "main" must not set securityContext.runAsNonRoot=false)',
    'warning run-as-non-root: container "main" may run as root: runAsNonRoot is not true',
  ]);
});

test('in a baseline namespace, it runs: the run-as-non-root rule warns while developing and fails the prod profile', () => {
  expect(findings('baseline', 'dev')).toEqual(['warning run-as-non-root: container "main" may run as root: runAsNonRoot is not true']);
  expect(findings('baseline', 'prod')).toEqual(['error run-as-non-root: container "main" may run as root: runAsNonRoot is not true']);
});
