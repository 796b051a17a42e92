import { Platform, renderEnvironment } from '../../lib';
import { validateEnvironment } from '../../lib/synth/validate';
import { find } from '../support/render';
import { Mixed } from '../fixtures/mixed';

/** A package that mixes chartwright and cdk8s-plus-28 constructs renders and validates like any other. */
describe('a package of chartwright and cdk8s-plus-28 constructs', () => {
  // cdk8s-plus-28's pods do not meet Pod Security `restricted` (no capabilities
  // dropped, no seccomp profile), so this environment's namespace is `baseline`
  const platform = new Platform({ environments: { dev: { namespace: 'shop', podSecurity: 'baseline', releases: { mixed: { package: Mixed } } } } });
  const env = renderEnvironment(platform, 'dev');
  const objects = env.releases[0].objects as any[];

  test('the chartwright Service and NetworkPolicy select the cdk8s-plus Deployment\'s pods', () => {
    const cache = objects.find((o) => o.kind === 'Deployment' && o.metadata.name !== 'mixed-api');
    const selector = cache.spec.selector.matchLabels;
    expect(Object.keys(selector)).toEqual(['cdk8s.io/metadata.addr']);
    expect(find(objects, 'Service', 'mixed-cache-service').spec).toEqual({ type: 'ClusterIP', selector, ports: [{ name: 'redis', port: 6379 }] });
    expect(find(objects, 'NetworkPolicy').spec).toEqual({
      podSelector: { matchLabels: selector },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'mixed', 'app.kubernetes.io/instance': 'mixed', 'app.kubernetes.io/component': 'api' } } }],
          ports: [{ port: 6379, protocol: 'TCP' }],
        },
      ],
    });
  });

  test('the chartwright WebService reads the cdk8s-plus ConfigMap and Secret', () => {
    const api = find(objects, 'Deployment', 'mixed-api').spec.template;
    const settings = find(objects, 'ConfigMap').metadata.name;
    const token = find(objects, 'Secret').metadata.name;
    expect(api.spec.containers[0].env).toEqual([
      { name: 'CACHE_HOST', value: 'mixed-cache-service' },
      { name: 'LOG_LEVEL', valueFrom: { configMapKeyRef: { name: settings, key: 'log-level' } } },
      { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: token, key: 'token' } } },
    ]);
    // the ConfigMap's content is hashed into the pods, so a change rolls them
    expect(api.metadata.annotations['checksum/config']).toMatch(/^[0-9a-f]+$/);
  });

  test('validation finds no errors in the output', () => {
    expect(validateEnvironment(env).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('in a restricted namespace, the cdk8s-plus Deployment\'s pods are what admission would refuse', () => {
    const restricted = new Platform({ environments: { dev: { namespace: 'shop', releases: { mixed: { package: Mixed } } } } });
    const errors = validateEnvironment(renderEnvironment(restricted, 'dev')).filter((f) => f.severity === 'error');
    expect(new Set(errors.map((f) => `${f.rule} ${f.object}`))).toEqual(new Set(['pod-security Deployment shop/mixed-cache']));
  });
});
