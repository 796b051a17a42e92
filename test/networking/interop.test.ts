import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ConfigMap, EnvValue, NetworkPeer, NetworkPolicy, Service, WebService, Worker } from '../../lib';
import { WEB, find, render, userError } from '../support/render';

/** cdk8s-plus-28 constructs where chartwright takes a selector, a Secret or a ConfigMap (docs/constructs.md, "Using cdk8s-plus-28 constructs"). */

const ADDRESS = 'cdk8s.io/metadata.addr';
const kplusDeployment = (scope: Construct) => new kplus.Deployment(scope, 'kd', { containers: [{ image: 'nginx:1.27.3', portNumber: 8080 }] });

describe('a cdk8s-plus Deployment as a selector', () => {
  test('new Service(this, "s", { selector: kplusDeployment }) selects its pods', () => {
    const objects = render((p) => {
      const d = kplusDeployment(p);
      new Service(p, 's', { selector: d, ports: [{ port: 80, targetPort: 8080 }] });
    });
    const deployment = find(objects, 'Deployment');
    const service = find(objects, 'Service');
    expect(Object.keys(service.spec.selector)).toEqual([ADDRESS]);
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(deployment.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    expect(service.spec.ports).toEqual([{ port: 80, targetPort: 8080 }]);
  });

  test('new NetworkPolicy(this, "n", { selector: kplusDeployment }) applies to its pods', () => {
    const objects = render((p) => {
      const d = kplusDeployment(p);
      const web = new WebService(p, 'web', { containers: [WEB] });
      new NetworkPolicy(p, 'n', { selector: d, ingress: [{ peers: [NetworkPeer.pods(web)], ports: [{ port: 8080 }] }] });
    });
    const policy = find(objects, 'NetworkPolicy');
    const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata.name !== 'shop-web') as any;
    expect(policy.spec.podSelector).toEqual({ matchLabels: deployment.spec.selector.matchLabels });
    expect(policy.spec.ingress).toEqual([
      {
        from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'test', 'app.kubernetes.io/instance': 'shop', 'app.kubernetes.io/component': 'web' } } }],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  test('a cdk8s-plus pod selector with namespaces is a peer in those namespaces, and no Service selector', () => {
    const objects = render((p) => {
      const pods = kplus.Pods.select(p, 'monitoring', { labels: { app: 'prometheus' }, namespaces: kplus.Namespaces.select(p, 'ns', { names: ['monitoring'] }) });
      new NetworkPolicy(p, 'n', { ingress: [{ peers: [NetworkPeer.pods(pods)] }] });
    });
    expect(find(objects, 'NetworkPolicy').spec.ingress[0].from).toEqual([
      {
        podSelector: { matchLabels: { app: 'prometheus' } },
        namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['monitoring'] }] },
      },
    ]);
    expect(
      userError(() =>
        render((p) => {
          const pods = kplus.Pods.select(p, 'monitoring', { labels: { app: 'prometheus' }, namespaces: kplus.Namespaces.select(p, 'ns', { names: ['monitoring'] }) });
          new Service(p, 's', { selector: pods, ports: [{ port: 80 }] });
        }),
      ),
    ).toBe('shop/s: selector shop/monitoring selects pods in other namespaces, and this object selects in its own only: select the pods without namespaces');
  });

  test('a Service takes no selector with label expressions', () => {
    const build = () =>
      render((p) => {
        const pods = kplus.Pods.select(p, 'pods', { expressions: [kplus.LabelExpression.in('tier', ['web'])] });
        new Service(p, 's', { selector: pods, ports: [{ port: 80 }] });
      });
    expect(userError(build)).toBe('shop/s: selector shop/pods selects pods by label expressions, and a Service selects by labels only: select the pods by labels');
  });
});

describe('a cdk8s-plus Secret or ConfigMap as a source', () => {
  test('EnvValue.fromSource(kplusSecret, "k") reads a key of the Secret', () => {
    const objects = render((p) => {
      const secret = new kplus.Secret(p, 'creds', { stringData: { password: 'not-shown' } });
      new Worker(p, 'w', { containers: [{ image: 'w:1.0.0', liveness: false, env: { PASSWORD: EnvValue.fromSource(secret, 'password') } }] });
    });
    const secret = find(objects, 'Secret');
    const pod = find(objects, 'Deployment').spec.template;
    expect(pod.spec.containers[0].env).toEqual([{ name: 'PASSWORD', valueFrom: { secretKeyRef: { name: secret.metadata.name, key: 'password' } } }]);
    // made in the package: not external, and its content is not read
    expect(find(objects, 'Deployment').metadata.annotations).toBeUndefined();
    expect(pod.metadata.annotations).toBeUndefined();
  });

  test('a cdk8s-plus Secret by name is external; a ConfigMap is checked and hashed like the library\'s own', () => {
    const build = (key: string, data = 'a') =>
      render((p) => {
        const existing = kplus.Secret.fromSecretName(p, 'db', 'shop-db');
        const config = new kplus.ConfigMap(p, 'config', { data: { 'app.conf': data } });
        new Worker(p, 'w', {
          containers: [{ image: 'w:1.0.0', liveness: false, env: { DB: EnvValue.fromSource(existing, 'url') }, envFrom: [{ source: config }] }],
          imagePullSecrets: [kplus.Secret.fromSecretName(p, 'pull', 'registry')],
        });
        new Worker(p, 'v', { containers: [{ image: 'w:1.0.0', liveness: false, env: { CONF: EnvValue.fromSource(config, key) } }] });
      });
    const objects = build('app.conf');
    const worker = find(objects, 'Deployment', 'shop-w');
    const config = find(objects, 'ConfigMap');
    expect(worker.metadata.annotations).toEqual({ 'chartwright.dev/external': 'Secret/shop-db, Secret/registry' });
    expect(worker.spec.template.spec.containers[0].envFrom).toEqual([{ configMapRef: { name: config.metadata.name } }]);
    expect(worker.spec.template.spec.imagePullSecrets).toEqual([{ name: 'registry' }]);
    const checksum = worker.spec.template.metadata.annotations['checksum/config'];
    expect(checksum).toMatch(/^[0-9a-f]+$/);
    expect(find(build('app.conf', 'b'), 'Deployment', 'shop-w').spec.template.metadata.annotations['checksum/config']).not.toBe(checksum);
    expect(userError(() => build('missing'))).toBe(`shop/v: containers[0].env.CONF: ConfigMap "${config.metadata.name}" has no key "missing"; its keys are: app.conf`);
  });

  test('a cdk8s-plus object of another kind is no source', () => {
    const build = () =>
      render((p) => {
        const account = new kplus.ServiceAccount(p, 'sa');
        new Worker(p, 'w', { containers: [{ image: 'w:1.0.0', liveness: false, env: { X: EnvValue.fromSource(account as any, 'k') } }] });
      });
    expect(userError(build)).toBe('shop/sa: a ServiceAccount is not a ConfigMap or Secret: give a ConfigMap or a Secret');
  });

  test('chartwright sources pass through unchanged', () => {
    const objects = render((p) => {
      const config = new ConfigMap(p, 'config', { data: { a: '1' } });
      new Worker(p, 'w', { containers: [{ image: 'w:1.0.0', liveness: false, env: { A: EnvValue.fromSource(config, 'a') } }] });
    });
    expect(find(objects, 'Deployment').spec.template.spec.containers[0].env).toEqual([{ name: 'A', valueFrom: { configMapKeyRef: { name: 'shop-config', key: 'a' } } }]);
  });
});
