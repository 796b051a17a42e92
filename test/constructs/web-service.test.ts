import { ApiObject, App } from 'cdk8s';
import { Construct } from 'constructs';
import { ConfigMap, EnvValue, KubeObject, Package, PackageProps, Platform, Probe, Secret, Volume, WebService, WebServiceProps, renderEnvironment } from '../../lib';
import { contentHash } from '../../lib/internal/hash';
import { withFastResolve } from '../../lib/construct/fast-resolve';
import { diffRenders } from '../support/diff';
import { WEB, find, render } from '../support/render';

describe('WebService', () => {
  test('makes a Deployment and a Service named <release>-<id>, selecting pods by stable labels', () => {
    const objects = render((p) => new WebService(p, 'web', { containers: [WEB] }));
    const deployment = find(objects, 'Deployment');
    const service = find(objects, 'Service');
    expect(deployment.metadata.name).toBe('shop-web');
    expect(service.metadata.name).toBe('shop-web');
    const selector = { 'app.kubernetes.io/name': 'test', 'app.kubernetes.io/instance': 'shop', 'app.kubernetes.io/component': 'web' };
    expect(deployment.spec.selector.matchLabels).toEqual(selector);
    expect(service.spec.selector).toEqual(selector);
    expect(deployment.spec.template.metadata.labels).toMatchObject({ ...selector, 'app.kubernetes.io/version': '2.0.0' });
    expect(JSON.stringify(objects)).not.toContain('cdk8s.io/metadata.addr');
    expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http' }]);
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } });
  });

  test('applies the secure defaults to every container and the pod', () => {
    const objects = render((p) => new WebService(p, 'web', { containers: [WEB, { ...WEB, name: 'sidecar', ports: [{ name: 'metrics', port: 9090 }] }] }));
    const pod = find(objects, 'Deployment').spec.template.spec;
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    for (const c of pod.containers) {
      expect(c.securityContext).toEqual({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false, capabilities: { drop: ['ALL'] } });
      expect(c.resources).toEqual({ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
      expect(c.readinessProbe.httpGet.path).toBe('/');
      expect(c.livenessProbe.tcpSocket).toBeDefined();
      expect(c.startupProbe).toEqual({ tcpSocket: { port: c.ports[0].name }, periodSeconds: 2, failureThreshold: 30 });
    }
    expect(pod.containers.map((c: any) => c.name)).toEqual(['main', 'sidecar']);
  });

  test('each secure default can be changed', () => {
    const objects = render((p) =>
      new WebService(p, 'web', {
        containers: [{
          ...WEB,
          security: { readOnlyRootFilesystem: false, runAsNonRoot: false, runAsUser: 0, addCapabilities: ['NET_BIND_SERVICE'], dropCapabilities: ['NET_RAW'] },
          resources: { cpu: { request: '250m', limit: null }, memory: { request: '1Gi', limit: '1Gi' } },
        }],
        podSecurity: { runAsNonRoot: false, seccompProfile: 'Unconfined', fsGroup: 2000 },
        automountServiceAccountToken: true,
      }),
    );
    const pod = find(objects, 'Deployment').spec.template.spec;
    expect(pod.automountServiceAccountToken).toBe(true);
    expect(pod.securityContext).toEqual({ runAsNonRoot: false, fsGroup: 2000, seccompProfile: { type: 'Unconfined' } });
    expect(pod.containers[0].securityContext).toMatchObject({ runAsNonRoot: false, runAsUser: 0, readOnlyRootFilesystem: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['NET_RAW'] } });
    expect(pod.containers[0].resources).toEqual({ requests: { cpu: '250m', memory: '1Gi' }, limits: { memory: '1Gi' } });
  });

  test('adds Ingress with TLS, autoscaler and disruption budget', () => {
    const objects = render((p) =>
      new WebService(p, 'web', {
        containers: [WEB],
        ingress: { hosts: ['shop.example.com'], className: 'nginx', tlsSecret: Secret.fromName('shop-tls') },
        autoscaling: { maxReplicas: 10 },
      }),
    );
    const ingress = find(objects, 'Ingress');
    expect(ingress.spec).toEqual({
      ingressClassName: 'nginx',
      rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'shop-web', port: { name: 'http' } } } }] } }],
      tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
    });
    const hpa = find(objects, 'HorizontalPodAutoscaler');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec).toMatchObject({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'shop-web' }, minReplicas: 2, maxReplicas: 10 });
    expect(hpa.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 75 } } }]);
    expect(find(objects, 'Deployment').spec.replicas).toBeUndefined();
    expect(find(objects, 'PodDisruptionBudget').spec).toMatchObject({ maxUnavailable: 1, selector: { matchLabels: { 'app.kubernetes.io/component': 'web' } } });
  });

  test('one replica gets no disruption budget unless asked', () => {
    expect(render((p) => new WebService(p, 'web', { containers: [WEB], replicas: 1 })).some((o) => o.kind === 'PodDisruptionBudget')).toBe(false);
    const asked = render((p) => new WebService(p, 'web', { containers: [WEB], replicas: 1, disruptionBudget: { minAvailable: '50%' } }));
    expect(find(asked, 'PodDisruptionBudget').spec.minAvailable).toBe('50%');
    expect(render((p) => new WebService(p, 'web', { containers: [WEB], disruptionBudget: false })).some((o) => o.kind === 'PodDisruptionBudget')).toBe(false);
  });

  test('the checksum is keyed: a reader of the Deployment cannot test guesses of a Secret against it', () => {
    const pinApp = (pin: string) => (p: Package) => {
      const secret = new Secret(p, 'pin', { stringData: { pin }, allowLiteralData: true });
      new WebService(p, 'web', { containers: [{ ...WEB, env: { PIN: EnvValue.fromSource(secret, 'pin') } }] });
    };
    const annotation = (build: (p: Package) => void, checksumKey?: string) => {
      const platform = new Platform({ environments: { dev: { namespace: 'web', releases: { shop: { package: packageOf(build) } } } } });
      const objects = renderEnvironment(platform, 'dev', { checksumKey }).releases[0].objects as KubeObject[];
      return find(objects, 'Deployment').spec.template.metadata.annotations['checksum/config'] as string;
    };
    const seen = annotation(pinApp('4821'), 'a key the cluster never sees');
    // the attack that recovered a PIN: hash every guess the way an unkeyed checksum did
    const unkeyed = (pin: string) => contentHash([['Secret', 'shop-pin', contentHash({ type: 'Opaque', data: { pin: Buffer.from(pin).toString('base64') } })]]);
    expect(unkeyed('4821')).not.toBe(seen);
    expect(annotation(pinApp('4821'))).not.toBe(unkeyed('4821')); // without a key too
    // deterministic with one key; another key or another PIN changes it
    expect(annotation(pinApp('4821'), 'a key the cluster never sees')).toBe(seen);
    expect(annotation(pinApp('4821'), 'another key')).not.toBe(seen);
    expect(annotation(pinApp('4822'), 'a key the cluster never sees')).not.toBe(seen);
    // the key derived from the Secrets is the same when synth lists the constructs for it (renderEnvironment) as when it walks the tree itself
    const built = new (packageOf(pinApp('4821')))(new App(), 'shop', { namespace: 'web' });
    const deployment = built.node.findAll().find((c): c is ApiObject => ApiObject.isApiObject(c) && c.kind === 'Deployment')!;
    expect(withFastResolve(() => deployment.toJson()).spec.template.metadata.annotations['checksum/config']).toBe(annotation(pinApp('4821')));
    // the environment variable is the key when none is given
    process.env.CHARTWRIGHT_CHECKSUM_KEY = 'a key the cluster never sees';
    try {
      expect(annotation(pinApp('4821'))).toBe(seen);
    } finally {
      delete process.env.CHARTWRIGHT_CHECKSUM_KEY;
    }
  });

  test('a change of configuration changes the checksum annotation, so pods roll', () => {
    const checksum = (greeting: string) =>
      find(
        render((p) => {
          const cm = new ConfigMap(p, 'config', { data: { greeting } });
          new WebService(p, 'web', { containers: [{ ...WEB, env: { GREETING: EnvValue.fromSource(cm, 'greeting') } }] });
        }),
        'Deployment',
      ).spec.template.metadata.annotations['checksum/config'];
    expect(checksum('hello')).toMatch(/^[0-9a-f]{64}$/);
    expect(checksum('hello')).toBe(checksum('hello'));
    expect(checksum('hello')).not.toBe(checksum('bonjour'));
    const none = find(render((p) => new WebService(p, 'web', { containers: [WEB] })), 'Deployment');
    expect(none.spec.template.metadata.annotations).toBeUndefined();
  });

  test('env, envFrom and mounted files reach the container', () => {
    const objects = render((p) => {
      const cm = new ConfigMap(p, 'config', { data: { 'app.conf': 'x=1', mode: 'fast' } });
      const secret = Secret.fromName('db-credentials');
      new WebService(p, 'web', {
        containers: [{
          ...WEB,
          env: { MODE: EnvValue.fromSource(cm, 'mode'), PASSWORD: EnvValue.fromSource(secret, 'password'), LEVEL: 'debug', POD: EnvValue.fromField('metadata.name') },
          envFrom: [{ source: secret, prefix: 'DB_' }],
          mounts: [
            { volume: Volume.fromSource('config', cm, { items: { 'app.conf': 'app.conf' } }), path: '/etc/app/app.conf', subPath: 'app.conf' },
            { volume: Volume.emptyDir('tmp', { sizeLimit: '64Mi' }), path: '/tmp' },
          ],
        }],
      });
    });
    const pod = find(objects, 'Deployment').spec.template.spec;
    const c = pod.containers[0];
    expect(c.env).toEqual([
      { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'shop-config', key: 'mode' } } },
      { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } },
      { name: 'LEVEL', value: 'debug' },
      { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ]);
    expect(c.envFrom).toEqual([{ secretRef: { name: 'db-credentials' }, prefix: 'DB_' }]);
    expect(c.volumeMounts).toEqual([
      { name: 'config', mountPath: '/etc/app/app.conf', subPath: 'app.conf', readOnly: true },
      { name: 'tmp', mountPath: '/tmp' },
    ]);
    expect(pod.volumes).toEqual([
      { name: 'config', configMap: { name: 'shop-config', items: [{ key: 'app.conf', path: 'app.conf' }] } },
      { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
    ]);
  });

  test('probes over HTTP, TCP, exec and gRPC render as the API has them', () => {
    const objects = render((p) =>
      new WebService(p, 'web', {
        containers: [{
          image: 'api:1.0.0',
          ports: [{ name: 'http', port: 8080 }, { name: 'grpc', port: 9000 }],
          startup: Probe.exec(['cat', '/tmp/ready'], { failureThreshold: 60 }),
          liveness: Probe.grpc({ port: 'grpc', service: 'health' }),
          readiness: Probe.httpGet('/ready', { port: 8080, headers: { 'X-Probe': '1' }, scheme: 'HTTPS' }),
        }],
      }),
    );
    const c = find(objects, 'Deployment').spec.template.spec.containers[0];
    expect(c.startupProbe).toEqual({ exec: { command: ['cat', '/tmp/ready'] }, failureThreshold: 60 });
    expect(c.livenessProbe).toEqual({ grpc: { port: 9000, service: 'health' } });
    expect(c.readinessProbe).toEqual({ httpGet: { path: '/ready', port: 8080, scheme: 'HTTPS', httpHeaders: [{ name: 'X-Probe', value: '1' }] } });
  });

  test('errors name the construct path, the field, the value and what is allowed', () => {
    const build = (props: any) => () => render((p) => new WebService(p, 'web', { containers: [WEB], ...props }));
    expect(build({ replicas: -1 })).toThrow('shop/web: replicas -1 is not valid: expected a whole number of 0 or more');
    expect(build({ containers: [{ ...WEB, readiness: Probe.httpGet('/', { port: 9999 }) }] })).toThrow(
      'shop/web: containers[0].readiness.port 9999 is not valid: expected a port of this container; its ports are: 8080 ("http")',
    );
    expect(build({ containers: [{ ...WEB, liveness: Probe.tcp({ port: 'metrics' }) }] })).toThrow('containers[0].liveness.port "metrics" is not valid');
    expect(build({ containers: [{ image: 'nginx:1.27.3' }] })).toThrow('shop/web: containers[0] has no ports: a web service needs the port it serves on');
    expect(build({ port: 'admin' })).toThrow('shop/web: port "admin" is not a port of containers[0]; its ports are: 8080 ("http")');
    expect(build({ port: 'htp' })).toThrow('shop/web: port "htp" is not a port of containers[0] (did you mean "http"?); its ports are: 8080 ("http")');
    expect(build({ containers: [{ ...WEB, ports: [{ name: 'much-too-long-port-name', port: 80 }] }] })).toThrow('containers[0].ports[0].name "much-too-long-port-name" is not valid: expected a port name');
    expect(build({ containers: [{ ...WEB, resources: { memory: { request: '2Gi', limit: '1Gi' } } }] })).toThrow('containers[0].resources.memory: the request 2Gi is more than the limit 1Gi');
    expect(build({ containers: [{ ...WEB, resources: { cpu: { request: 'lots' } } }] })).toThrow('containers[0].resources.cpu.request "lots" is not valid: expected a Kubernetes quantity');
    expect(build({ containers: [{ ...WEB, security: { runAsUser: 0 } }] })).toThrow('containers[0].security.runAsUser is 0 (root) while runAsNonRoot is true');
    expect(build({ containers: [{ ...WEB, readiness: Probe.httpGet('/'), liveness: Probe.httpGet('/', { successThreshold: 2 }) }] })).toThrow('containers[0].liveness.successThreshold 2 is not valid');
    expect(build({ autoscaling: { minReplicas: 5, maxReplicas: 2 } })).toThrow('shop/web/Autoscaler: maxReplicas 2 is less than minReplicas 5');
    expect(build({ strategy: 'Rolling' })).toThrow('shop/web: strategy "Rolling" is not valid: expected one of RollingUpdate, Recreate');
    expect(build({ containers: [] })).toThrow('shop/web: containers is required');
    expect(build({ containers: [{ ...WEB, env: { '1BAD': 'x' } }] })).toThrow('containers[0].env key "1BAD" is not valid');
  });

  test('a reference to a key the ConfigMap does not hold is an error', () => {
    expect(() =>
      render((p) => {
        const cm = new ConfigMap(p, 'config', { data: { mode: 'fast' } });
        new WebService(p, 'web', { containers: [{ ...WEB, env: { X: EnvValue.fromSource(cm, 'mdoe') } }] });
      }),
    ).toThrow('shop/web: containers[0].env.X: ConfigMap "shop-config" has no key "mdoe"; its keys are: mode');
  });
});

describe('spreading replicas', () => {
  const web = (props: Partial<WebServiceProps> = {}) => render((p) => new WebService(p, 'web', { containers: [WEB], ...props }));

  test('pods prefer different nodes by default, and scaling does not touch the pod template', () => {
    const one = web({ replicas: 1 });
    const affinity = find(one, 'Deployment').spec.template.spec.affinity;
    expect(affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution).toEqual([
      { weight: 100, podAffinityTerm: { labelSelector: { matchLabels: find(one, 'Deployment').spec.selector.matchLabels }, topologyKey: 'kubernetes.io/hostname' } },
    ]);
    const changed = diffRenders(one, web({ replicas: 4 })).changed;
    expect(changed['Deployment/shop-web']).toEqual(['spec.replicas']);
  });

  test('spreadReplicas: false or a topologySpread of its own replaces the default', () => {
    expect(find(web({ spreadReplicas: false }), 'Deployment').spec.template.spec.affinity).toBeUndefined();
    const own = find(web({ topologySpread: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname' }] }), 'Deployment').spec.template.spec;
    expect(own.affinity).toBeUndefined();
    expect(own.topologySpreadConstraints[0].topologyKey).toBe('kubernetes.io/hostname');
  });
});

function packageOf(build: (p: Package) => void) {
  return class Test extends Package {
    static readonly metadata = { name: 'test', version: '1.0.0', appVersion: '2.0.0' };
    constructor(scope: Construct, id: string, props: PackageProps = {}) {
      super(scope, id, props);
      build(this);
    }
  };
}
