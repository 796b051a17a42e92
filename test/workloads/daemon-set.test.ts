import { DaemonSet, NodeAgent } from '../../lib';
import { find, render, userError } from '../support/render';

describe('DaemonSet', () => {
  test('one pod per node, with the secure defaults', () => {
    const objects = render((p) => new DaemonSet(p, 'agent', { containers: [{ image: 'agent:1.0.0', ports: [{ name: 'metrics', port: 9100 }] }], hostNetwork: true }));
    const ds = find(objects, 'DaemonSet');
    expect(ds.metadata.name).toBe('shop-agent');
    expect(ds.spec.selector.matchLabels['app.kubernetes.io/component']).toBe('agent');
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } });
    expect(ds.spec.template.spec.hostNetwork).toBe(true);
    expect(ds.spec.template.spec.containers[0].livenessProbe).toEqual({ tcpSocket: { port: 'metrics' }, periodSeconds: 10 });
  });

  test('checks its update strategy', () => {
    expect(userError(() => render((p) => new DaemonSet(p, 'agent', { containers: [{ image: 'a:1', liveness: false }], updateStrategy: 'Sometimes' as any })))).toBe(
      'shop/agent: updateStrategy "Sometimes" is not valid: expected one of RollingUpdate, OnDelete',
    );
  });

  test('NodeAgent is a DaemonSet, and names it daemonSet', () => {
    render((p) => {
      const agent = new NodeAgent(p, 'logs', { containers: [{ image: 'a:1.0.0', liveness: false }] });
      expect(agent.daemonSet).toBeInstanceOf(DaemonSet);
      expect(agent.daemonSet.apiObject.kind).toBe('DaemonSet');
    });
  });
});
