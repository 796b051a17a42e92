import { App, Chart, JsonPatch, Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { ClusterRole, Service, kubeApiObject } from '../../lib';
import { withFastResolve } from '../../lib/construct/fast-resolve';
import { render, find } from '../support/render';

const deploymentProps = (): k8s.KubeDeploymentProps => ({
  metadata: { name: 'web', labels: { b: '2', a: '1' }, annotations: { note: 'x' } },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: k8s.IntOrString.fromString('25%'), maxUnavailable: k8s.IntOrString.fromNumber(0) } },
    template: {
      metadata: { labels: { app: 'web' }, annotations: Lazy.any({ produce: () => ({ 'checksum/config': 'abc' }) }) },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx:1.27.3',
            ports: [{ containerPort: 8080, name: 'http' }],
            resources: { limits: { cpu: k8s.Quantity.fromString('500m'), memory: k8s.Quantity.fromString('256Mi') } },
            readinessProbe: { httpGet: { path: '/', port: k8s.IntOrString.fromString('http') } },
            env: [],
          },
        ],
        volumes: [{ name: 'tmp', emptyDir: {} }],
      },
    },
  },
});

describe('KubeApiObject', () => {
  test('renders exactly what the generated k8s class renders, with or without the fast resolve', () => {
    const app = new App();
    const chart = new Chart(app, 'c');
    const generated = new k8s.KubeDeployment(chart, 'generated', deploymentProps());
    const ours = kubeApiObject<k8s.KubeDeploymentProps>(chart, 'ours', k8s.KubeDeployment.GVK, deploymentProps());
    const expected = JSON.stringify(generated.toJson());
    expect(JSON.stringify(ours.toJson())).toBe(expected);
    expect(withFastResolve(() => JSON.stringify(ours.toJson()))).toBe(expected);
    expect(ours.toJson().spec.strategy.rollingUpdate).toEqual({ maxSurge: '25%', maxUnavailable: 0 });
  });

  test('applies JSON patches and custom resolvers like any ApiObject', () => {
    const app = new App({ resolvers: [{ resolve: (ctx) => { if (ctx.value === 'nginx:1.27.3') ctx.replaceValue('mirror/nginx:1.27.3'); } }] });
    const obj = kubeApiObject<k8s.KubeDeploymentProps>(new Chart(app, 'c'), 'd', k8s.KubeDeployment.GVK, deploymentProps());
    obj.addJsonPatch(JsonPatch.replace('/spec/replicas', 5));
    const json = obj.toJson();
    expect(Object.keys(json).slice(0, 3)).toEqual(['apiVersion', 'kind', 'metadata']);
    expect(json.spec.replicas).toBe(5);
    expect(json.spec.template.spec.containers[0].image).toBe('mirror/nginx:1.27.3');
  });

  test('fields the generated types spell differently come out in the API spelling', () => {
    const objects = render((p) => {
      new Service(p, 'db', { headless: true, selector: { app: 'db' }, ports: [{ port: 5432 }] });
      new ClusterRole(p, 'metrics', { rules: [{ nonResourceURLs: ['/metrics'], verbs: ['get'] }] });
    });
    expect(find(objects, 'Service').spec.clusterIP).toBe('None');
    expect(find(objects, 'ClusterRole').rules[0].nonResourceURLs).toEqual(['/metrics']);
  });
});
