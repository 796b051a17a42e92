import { Deployment, HorizontalPodAutoscaler, Service, WebService, Worker } from '../../lib';
import { WEB, find, render, userError } from '../support/render';

describe('Deployment', () => {
  test('runs long-lived pods with the secure defaults and TCP probe presets', () => {
    const objects = render((p) => new Deployment(p, 'api', { containers: [WEB], replicas: 3 }));
    const d = find(objects, 'Deployment');
    expect(d.metadata.name).toBe('shop-api');
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'test', 'app.kubernetes.io/instance': 'shop', 'app.kubernetes.io/component': 'api' });
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } });
    expect(d.spec.revisionHistoryLimit).toBe(5);
    const pod = d.spec.template.spec;
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.containers[0].securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
    expect(pod.containers[0].readinessProbe).toEqual({ tcpSocket: { port: 'http' }, periodSeconds: 5 });
    expect(pod.topologySpreadConstraints).toBeUndefined(); // spreading is the patterns' default, not the L2's
  });

  test('one replica by default; none in the spec when autoscaled', () => {
    expect(find(render((p) => new Deployment(p, 'api', { containers: [WEB] })), 'Deployment').spec.replicas).toBe(1);
    const objects = render((p) => {
      const d = new Deployment(p, 'api', { containers: [WEB], autoscaled: true });
      expect(d.replicas).toBeUndefined();
      new HorizontalPodAutoscaler(p, 'hpa', { target: d, maxReplicas: 4 });
    });
    expect(find(objects, 'Deployment').spec.replicas).toBeUndefined();
    expect(find(objects, 'HorizontalPodAutoscaler').spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'shop-api' });
  });

  test('has the API of every L2: name, apiObject, metadata, and selects its pods', () => {
    const objects = render((p) => {
      const d = new Deployment(p, 'api', { containers: [WEB] });
      expect([d.name, d.kind, d.apiVersion, d.apiObject.kind]).toEqual(['shop-api', 'Deployment', 'apps/v1', 'Deployment']);
      expect(d.resource).toBe(d.apiObject);
      d.metadata.addAnnotation('team', 'shop');
      new Service(p, 'svc', { selector: d, ports: [{ port: 80, targetPort: 'http' }] });
    });
    expect(find(objects, 'Deployment').metadata.annotations).toEqual({ team: 'shop' });
    expect(find(objects, 'Service').spec.selector).toEqual(find(objects, 'Deployment').spec.selector.matchLabels);
  });

  test('the patterns expose their Deployment under one name', () => {
    render((p) => {
      const web = new WebService(p, 'web', { containers: [WEB] });
      const worker = new Worker(p, 'worker', { containers: [{ image: 'w:1.0.0', liveness: false }] });
      expect(web.deployment).toBeInstanceOf(Deployment);
      expect(worker.deployment).toBeInstanceOf(Deployment);
      expect(web.deployment.apiObject.node.path).toBe('shop/web/Resource');
    });
  });

  test('checks replicas and the strategy', () => {
    expect(userError(() => render((p) => new Deployment(p, 'api', { containers: [WEB], replicas: -1 })))).toBe('shop/api: replicas -1 is not valid: expected a whole number of 0 or more');
    expect(userError(() => render((p) => new Deployment(p, 'api', { containers: [WEB], strategy: 'Recreate', maxSurge: 1 })))).toBe(
      'shop/api: maxSurge and maxUnavailable apply to the RollingUpdate strategy, not Recreate: remove them or use RollingUpdate',
    );
    expect(userError(() => render((p) => new Deployment(p, 'api', { containers: [] })))).toBe('shop/api: containers is required: give at least one container, such as { image: "nginx:1.27.3" }');
  });
});
