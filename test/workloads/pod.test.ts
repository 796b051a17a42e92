import { Pod } from '../../lib';
import { find, render, userError } from '../support/render';

describe('Pod', () => {
  test('a bare pod carries the selector labels and the secure defaults', () => {
    const objects = render((p) => {
      const pod = new Pod(p, 'debug', { containers: [{ image: 'tool:1.0.0' }], restartPolicy: 'Never' });
      expect(pod.apiObject.kind).toBe('Pod');
      expect(pod.resource).toBe(pod.apiObject);
    });
    const pod = find(objects, 'Pod');
    expect(pod.metadata.name).toBe('shop-debug');
    expect(pod.metadata.labels['app.kubernetes.io/component']).toBe('debug');
    expect(pod.spec.restartPolicy).toBe('Never');
    expect(pod.spec.automountServiceAccountToken).toBe(false);
  });

  test('a long-running pod needs probes', () => {
    expect(userError(() => render((p) => new Pod(p, 'p', { containers: [{ image: 'tool:1.0.0' }] })))).toBe(
      'shop/p: containers[0] (tool:1.0.0) has no liveness probe: a long-running container needs one. ' +
        'Set liveness: Probe.httpGet(...) | Probe.tcp() | Probe.exec([...]) | Probe.grpc(), or liveness: false to go without',
    );
  });
});
