import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  ClusterRole, ConfigMap, ExternalSecret, Ingress, LimitRange, Namespace, NetworkPeer, NetworkPolicy, PersistentVolume, PersistentVolumeClaim,
  Pod, PriorityClass, ResourceQuota, Role, Secret, Service, ServiceAccount, StorageClass, Volume, WebService,
} from '../../lib';
import { WEB, find, render, warnings } from '../support/render';

describe('Service', () => {
  test('every type, with named ports', () => {
    const objects = render((p) => {
      new Service(p, 'cluster', { selector: { app: 'a' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'grpc', port: 9000 }] });
      new Service(p, 'node', { type: 'NodePort', selector: { app: 'a' }, ports: [{ port: 80, nodePort: 30080 }], externalTrafficPolicy: 'Local' });
      new Service(p, 'lb', { type: 'LoadBalancer', selector: { app: 'a' }, ports: [{ port: 443 }], loadBalancerSourceRanges: ['10.0.0.0/8'] });
      new Service(p, 'ext', { type: 'ExternalName', externalName: 'db.example.com' });
      new Service(p, 'peers', { headless: true, selector: { app: 'a' } });
    });
    expect(find(objects, 'Service', 'shop-cluster').spec).toEqual({ type: 'ClusterIP', selector: { app: 'a' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'grpc', port: 9000 }] });
    expect(find(objects, 'Service', 'shop-node').spec).toMatchObject({ type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ port: 80, nodePort: 30080 }] });
    expect(find(objects, 'Service', 'shop-lb').spec).toMatchObject({ type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/8'] });
    expect(find(objects, 'Service', 'shop-ext').spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com' });
    expect(find(objects, 'Service', 'shop-peers').spec).toEqual({ type: 'ClusterIP', clusterIP: 'None', selector: { app: 'a' } });
  });

  test('errors', () => {
    const build = (props: any) => () => render((p) => new Service(p, 'svc', props));
    expect(build({ ports: [{ port: 80 }, { port: 81 }] })).toThrow('shop/svc: ports[0]: a Service with several ports must name each one');
    expect(build({ ports: [{ port: 70000 }] })).toThrow('shop/svc: ports[0].port 70000 is not valid: expected a whole number from 1 to 65535');
    expect(build({ ports: [{ port: 80, nodePort: 30000 }] })).toThrow('ports[0].nodePort applies to NodePort and LoadBalancer Services, not ClusterIP');
    expect(build({ type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] })).toThrow('ports[0].nodePort 80 is not valid: expected a whole number from 30000 to 32767');
    expect(build({ type: 'ExternalName' })).toThrow('externalName is required for an ExternalName Service');
    expect(build({ type: 'Loadbalancer', ports: [{ port: 80 }] })).toThrow('type "Loadbalancer" is not valid: expected one of ClusterIP, NodePort, LoadBalancer, ExternalName (did you mean "LoadBalancer"?)');
    expect(build({ headless: true, type: 'NodePort' })).toThrow('a headless Service must be of type ClusterIP, not NodePort');
    expect(build({})).toThrow('ports is required for a ClusterIP Service');
  });
});

describe('Ingress', () => {
  test('hosts, paths, class and TLS', () => {
    const objects = render((p) => {
      const svc = new Service(p, 'svc', { ports: [{ name: 'http', port: 80 }] });
      const tls = Secret.tls(p, 'cert', { cert: 'CERT', key: 'KEY', allowLiteralData: true });
      new Ingress(p, 'ing', {
        className: 'nginx',
        rules: [{ host: 'a.example.com', paths: [{ path: '/api', pathType: 'Exact', service: svc }, { service: { name: 'other' }, port: 8080 }] }],
        tls: [{ hosts: ['a.example.com'], secret: tls }],
      });
    });
    const ing = find(objects, 'Ingress');
    expect(ing.spec.rules[0].http.paths).toEqual([
      { path: '/api', pathType: 'Exact', backend: { service: { name: 'shop-svc', port: { name: 'http' } } } },
      { path: '/', pathType: 'Prefix', backend: { service: { name: 'other', port: { number: 8080 } } } },
    ]);
    expect(ing.spec.tls).toEqual([{ hosts: ['a.example.com'], secretName: 'shop-cert' }]);
    expect(find(objects, 'Secret').type).toBe('kubernetes.io/tls');
  });

  test('errors', () => {
    const build = (props: any) => () => render((p) => new Ingress(p, 'ing', props));
    expect(build({ rules: [{ host: 'A.example.com:80', paths: [{ service: { name: 's' }, port: 80 }] }] })).toThrow('shop/ing: rules[0].host "A.example.com:80" is not valid');
    expect(build({ rules: [{ paths: [{ path: 'api', service: { name: 's' }, port: 80 }] }] })).toThrow('rules[0].paths[0].path "api" is not valid: expected a path starting with "/"');
    expect(build({ rules: [{ paths: [{ service: { name: 's' } }] }] })).toThrow('rules[0].paths[0].port is required for a Service given by name ("s")');
    expect(build({ rules: [] })).toThrow('shop/ing: rules is required');
  });
});

describe('NetworkPolicy', () => {
  test('default deny with DNS, and allow rules between components and from the ingress controller', () => {
    const objects = render((p) => {
      NetworkPolicy.defaultDeny(p, 'deny');
      const web = new WebService(p, 'web', { containers: [WEB] });
      new NetworkPolicy(p, 'web-in', { selector: web, ingress: [{ peers: [NetworkPeer.ingressController()], ports: [{ port: 'http' }] }] });
      new NetworkPolicy(p, 'db-in', { selector: { app: 'db' }, ingress: [{ peers: [NetworkPeer.pods(web)], ports: [{ port: 5432 }] }] });
    });
    expect(find(objects, 'NetworkPolicy', 'shop-deny').spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }],
    });
    expect(find(objects, 'NetworkPolicy', 'shop-web-in').spec).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'test', 'app.kubernetes.io/instance': 'shop', 'app.kubernetes.io/component': 'web' } },
      policyTypes: ['Ingress'],
      ingress: [{
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } } }],
        ports: [{ port: 'http', protocol: 'TCP' }],
      }],
    });
    expect(find(objects, 'NetworkPolicy', 'shop-db-in').spec.ingress[0].from[0].podSelector.matchLabels['app.kubernetes.io/component']).toBe('web');
  });

  test('errors', () => {
    expect(() => render((p) => new NetworkPolicy(p, 'np', {}))).toThrow('shop/np: set ingress or egress');
    expect(() => render((p) => new NetworkPolicy(p, 'np', { egress: [{ peers: [NetworkPeer.ipBlock('10.0.0.0')] }] }))).toThrow('egress[0].peers[0] "10.0.0.0" is not valid: expected a CIDR');
  });
});

describe('ConfigMap, Secret and ExternalSecret', () => {
  test('ConfigMaps from literals and files, text and binary, immutable', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-'));
    fs.writeFileSync(path.join(dir, 'app.conf'), 'a=1\n');
    fs.writeFileSync(path.join(dir, 'logo.bin'), Buffer.from([0, 255, 1]));
    const objects = render((p) => new ConfigMap(p, 'cfg', { data: { mode: 'x' }, files: { 'app.conf': path.join(dir, 'app.conf'), 'logo.bin': path.join(dir, 'logo.bin') }, immutable: true }));
    const cm = find(objects, 'ConfigMap');
    expect(cm).toMatchObject({ data: { mode: 'x', 'app.conf': 'a=1\n' }, binaryData: { 'logo.bin': 'AP8B' }, immutable: true });
    expect(() => render((p) => new ConfigMap(p, 'cfg', { files: { x: '/no/such/file' } }))).toThrow('shop/cfg: files["x"]: cannot read "/no/such/file" (ENOENT)');
    expect(() => render((p) => new ConfigMap(p, 'cfg', { data: { 'a b': 'x' } }))).toThrow('shop/cfg: data key "a b" is not valid');
  });

  test('typed Secrets, and a warning for literal data', () => {
    const objects = render((p) => {
      Secret.basicAuth(p, 'basic', { username: 'u', password: 'p' });
      Secret.dockerRegistry(p, 'registry', { server: 'ghcr.io', username: 'u', password: 'p' });
    });
    expect(find(objects, 'Secret', 'shop-basic')).toMatchObject({ type: 'kubernetes.io/basic-auth', data: { username: 'dQ==', password: 'cA==' } });
    const docker = find(objects, 'Secret', 'shop-registry');
    expect(docker.type).toBe('kubernetes.io/dockerconfigjson');
    expect(JSON.parse(Buffer.from(docker.data['.dockerconfigjson'], 'base64').toString()).auths['ghcr.io'].auth).toBe(Buffer.from('u:p').toString('base64'));
    expect(warnings((p) => new Secret(p, 'pw', { stringData: { password: 'hunter2' } }))).toEqual([
      'shop/pw: holds literal secret data, which is written in the manifests (base64 is not encryption): reference an existing Secret (Secret.fromName) or an ExternalSecret instead, or set allowLiteralData: true',
    ]);
    expect(warnings((p) => new Secret(p, 'pw', { stringData: { password: 'x' }, allowLiteralData: true }))).toEqual([]);
    expect(() => render((p) => new Secret(p, 's', { type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'c' }, allowLiteralData: true }))).toThrow('shop/s: a kubernetes.io/tls Secret needs the keys "tls.key"');
  });

  test('an ExternalSecret keeps the data out of the repo and works wherever a Secret does', () => {
    const objects = render((p) => {
      const ext = new ExternalSecret(p, 'db', { store: { name: 'vault', kind: 'ClusterSecretStore' }, data: [{ secretKey: 'password', remoteKey: 'prod/db', property: 'password' }] });
      new Pod(p, 'pod', { containers: [{ image: 'a:1', mounts: [{ volume: Volume.fromSource('db', ext), path: '/secrets' }] }], restartPolicy: 'Never' });
    });
    const ext = find(objects, 'ExternalSecret');
    expect(ext.apiVersion).toBe('external-secrets.io/v1beta1');
    expect(ext.spec).toEqual({
      refreshInterval: '1h',
      secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' },
      target: { name: 'shop-db', creationPolicy: 'Owner' },
      data: [{ secretKey: 'password', remoteRef: { key: 'prod/db', property: 'password' } }],
    });
    expect(find(objects, 'Pod').spec.volumes).toEqual([{ name: 'db', secret: { secretName: 'shop-db', defaultMode: 0o440 } }, { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }]);
    expect(() => render((p) => new ExternalSecret(p, 'x', { store: { name: 'v' }, data: [], }))).toThrow('shop/x: data is required');
    expect(() => render((p) => new ExternalSecret(p, 'x', { store: { name: 'v' }, data: [{ secretKey: 'a', remoteKey: 'b' }], refreshInterval: 'hourly' }))).toThrow('refreshInterval "hourly" is not valid: expected a Go duration');
  });

  test('a Pod without configuration carries no checksum', () => {
    const pod = find(render((p) => new Pod(p, 'pod', { containers: [{ image: 'a:1' }], restartPolicy: 'Never' })), 'Pod');
    expect(pod.metadata.annotations).toBeUndefined();
  });
});

describe('storage', () => {
  test('PVC, PV and StorageClass; cluster-scoped kinds carry no namespace', () => {
    const objects = render((p) => {
      const sc = new StorageClass(p, 'fast', { provisioner: 'ebs.csi.aws.com', parameters: { type: 'gp3' }, reclaimPolicy: 'Retain' });
      new PersistentVolumeClaim(p, 'data', { size: '5Gi', storageClass: sc, accessModes: ['ReadWriteOncePod'] });
      new PersistentVolume(p, 'nfs', { capacity: '100Gi', source: { nfs: { server: 'nfs.local', path: '/exports' } }, accessModes: ['ReadWriteMany'] });
    });
    const sc = find(objects, 'StorageClass');
    expect(sc).toMatchObject({ provisioner: 'ebs.csi.aws.com', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true, parameters: { type: 'gp3' } });
    expect(sc.metadata.namespace).toBeUndefined();
    expect(find(objects, 'PersistentVolumeClaim')).toMatchObject({ metadata: { namespace: 'web' }, spec: { storageClassName: 'shop-fast', accessModes: ['ReadWriteOncePod'], resources: { requests: { storage: '5Gi' } } } });
    const pv = find(objects, 'PersistentVolume');
    expect(pv.metadata.namespace).toBeUndefined();
    expect(pv.spec).toMatchObject({ capacity: { storage: '100Gi' }, persistentVolumeReclaimPolicy: 'Retain', nfs: { server: 'nfs.local', path: '/exports' } });
  });

  test('errors', () => {
    expect(() => render((p) => new PersistentVolumeClaim(p, 'c', { size: '5GB' }))).toThrow('shop/c: size "5GB" is not valid: expected a Kubernetes quantity');
    expect(() => render((p) => new PersistentVolumeClaim(p, 'c', { size: '1Gi', accessModes: ['ReadWriteMany', 'RWO' as any] }))).toThrow('accessModes[1] "RWO" is not valid');
    expect(() => render((p) => new PersistentVolume(p, 'v', { capacity: '1Gi', source: {} }))).toThrow('shop/v: source [] is not valid: expected exactly one of hostPath, nfs, csi, local');
    expect(() => render((p) => new PersistentVolume(p, 'v', { capacity: '1Gi', source: { local: { path: '/mnt' } } }))).toThrow('a local volume needs nodes');
    expect(() => render((p) => new StorageClass(p, 's', { provisioner: 'x', volumeBindingMode: 'Lazy' as any }))).toThrow('volumeBindingMode "Lazy" is not valid');
  });
});

describe('RBAC and namespace policy', () => {
  test('a service account with least-privilege rules gets a Role, a binding and its token', () => {
    const objects = render((p) => new ServiceAccount(p, 'operator', { rules: [{ resources: ['configmaps'], verbs: ['get', 'watch'] }], clusterRules: [{ resources: ['nodes'], verbs: ['list'] }] }));
    expect(find(objects, 'ServiceAccount').automountServiceAccountToken).toBe(true);
    expect(find(objects, 'Role').rules).toEqual([{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'watch'] }]);
    expect(find(objects, 'RoleBinding')).toMatchObject({
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'shop-operator' },
      subjects: [{ kind: 'ServiceAccount', name: 'shop-operator', namespace: 'web' }],
    });
    expect(find(objects, 'ClusterRole').metadata.namespace).toBeUndefined();
    expect(find(objects, 'ClusterRoleBinding').subjects).toEqual([{ kind: 'ServiceAccount', name: 'shop-operator', namespace: 'web' }]);
    const plain = render((p) => new ServiceAccount(p, 'app'));
    expect(find(plain, 'ServiceAccount').automountServiceAccountToken).toBe(false);
  });

  test('wildcards and unknown verbs are refused', () => {
    expect(() => render((p) => new Role(p, 'r', { rules: [{ resources: ['*'], verbs: ['get'] }] }))).toThrow('shop/r: rules[0] uses the wildcard "*": least privilege means naming groups, resources and verbs');
    expect(() => render((p) => new ClusterRole(p, 'r', { rules: [{ resources: ['pods'], verbs: ['read' as any] }] }))).toThrow('shop/r: rules[0].verbs[0] "read" is not valid');
    expect(render((p) => new Role(p, 'r', { rules: [{ resources: ['*'], verbs: ['*'] }], allowWildcards: true })).length).toBe(1);
    expect(() => render((p) => new ServiceAccount(p, 'sa', { rules: [{ resources: ['pods'], verbs: ['get'] }] }), null)).toThrow('subjects[0]: the service account "shop-sa" has no namespace');
  });

  test('Namespace, ResourceQuota, LimitRange and PriorityClass', () => {
    const objects = render((p) => {
      new Namespace(p, 'ns', { name: 'shop' });
      new ResourceQuota(p, 'quota', { hard: { 'requests.cpu': '4', 'limits.memory': '8Gi', pods: '20' } });
      new LimitRange(p, 'limits', { limits: [{ default: { memory: '256Mi' }, defaultRequest: { cpu: '100m' }, max: { memory: '2Gi' } }] });
      new PriorityClass(p, 'high', { value: 100000, description: 'shop traffic' });
    });
    const ns = find(objects, 'Namespace');
    expect(ns.metadata).toMatchObject({ name: 'shop', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } });
    expect(ns.metadata.namespace).toBeUndefined();
    expect(find(objects, 'ResourceQuota').spec.hard).toEqual({ 'requests.cpu': '4', 'limits.memory': '8Gi', pods: '20' });
    expect(find(objects, 'LimitRange').spec.limits).toEqual([{ type: 'Container', default: { memory: '256Mi' }, defaultRequest: { cpu: '100m' }, max: { memory: '2Gi' } }]);
    expect(find(objects, 'PriorityClass')).toMatchObject({ value: 100000, globalDefault: false, description: 'shop traffic' });
    expect(objects.map((o) => o.kind).slice(0, 4)).toEqual(['PriorityClass', 'Namespace', 'ResourceQuota', 'LimitRange']);
    expect(() => render((p) => new ResourceQuota(p, 'q', { hard: { pods: 'many' } }))).toThrow('shop/q: hard["pods"] "many" is not valid');
    expect(() => render((p) => new LimitRange(p, 'l', { limits: [{ min: { cpu: '2' }, max: { cpu: '1' } }] }))).toThrow('limits[0]: min.cpu 2 is more than max.cpu 1');
    expect(() => render((p) => new PriorityClass(p, 'x', { value: 2000000000 }))).toThrow('shop/x: value 2000000000 is not valid');
    expect(() => render((p) => new Namespace(p, 'n', { name: 'Shop' }))).toThrow('shop/n: name "Shop" is not valid: expected a DNS-1123 label');
  });
});

describe('warnings reach synth', () => {
  test('construct warnings are findings of rule construct-warning: printed by release in dev, errors in prod', () => {
    const { makeProject, runCli } = require('../support/project');
    const dir = makeProject({
      'apps/main.ts': `
import { Construct } from 'constructs';
import { Package, PackageProps, Platform, Secret } from '{{lib}}';
class App extends Package {
  static readonly metadata = { name: 'app', version: '1.0.0' };
  constructor(scope: Construct, id: string, props: PackageProps = {}) {
    super(scope, id, props);
    new Secret(this, 'token', { stringData: { token: 'abc' } });
  }
}
export default new Platform({
  environments: {
    dev: { namespace: 'ns', releases: { app: { package: App } } },
    prod: { namespace: 'ns', profile: 'prod', releases: { app: { package: App } } },
  },
});
`,
    });
    const result = runCli(dir, ['synth', '--env', 'dev']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: environment "dev": 1 validation warning\n  release "app":\n    warning [construct-warning] app/token: holds literal secret data');
    const prod = runCli(dir, ['synth', '--env', 'prod']);
    expect(prod.code).toBe(1);
    expect(prod.stderr).toContain('error [construct-warning] app/token: holds literal secret data');
  });
});
