import { diffRenders } from '../support/diff';
import { RolloutWebService } from '../../lib';
import { validateObjects } from '../../lib/validate';
import { WEB, find, render } from '../support/render';
import { names, renderShop, shopWarnings } from './fixtures';

const canary = (settings: object, top: object = {}) => renderShop({ ...top, rollout: { strategy: 'canary', canary: settings } });
const TRACK = 'chartwright.dev/track';
const own = { 'app.kubernetes.io/name': 'shop', 'app.kubernetes.io/instance': 'shop', 'app.kubernetes.io/component': 'web' };
const image = (objects: any[], name: string) => find(objects, 'Deployment', name).spec.template.spec.containers[0].image;

describe('canary by replica ratio', () => {
  test('stable and canary Deployments share the Service selector; the weight sets the pods', () => {
    const objects = canary({ version: '1.1.0', weight: 25 });
    expect(names(objects)).toEqual(['Deployment/shop-web-canary', 'Deployment/shop-web-stable', 'Ingress/shop-web', 'NetworkPolicy/shop-web-in', 'PodDisruptionBudget/shop-web', 'Service/shop-web']);
    const stable = find(objects, 'Deployment', 'shop-web-stable');
    const can = find(objects, 'Deployment', 'shop-web-canary');
    expect([stable.spec.replicas, can.spec.replicas]).toEqual([3, 1]);
    expect(stable.spec.selector.matchLabels).toEqual({ ...own, [TRACK]: 'stable' });
    expect(can.spec.selector.matchLabels).toEqual({ ...own, [TRACK]: 'canary' });
    expect(image(objects, 'shop-web-stable')).toBe('registry.example.com:5000/shop:1.0.0');
    expect(image(objects, 'shop-web-canary')).toBe('registry.example.com:5000/shop:1.1.0');
    expect(find(objects, 'Service').spec.selector).toEqual(own);
  });

  test('a weight the pods cannot meet exactly records the real share', () => {
    expect(shopWarnings({ rollout: { strategy: 'canary', canary: { version: '1.1.0', weight: 10 } } })).toEqual([
      'shop/web: weight 10% by pod count: 1 of 4 pods run the canary, so it gets about 25% of requests',
    ]);
    expect(shopWarnings({ rollout: { strategy: 'canary', canary: { version: '1.1.0', weight: 50 } } })).toEqual([]);
  });

  test('changing the weight changes only the two Deployments\' replicas', () => {
    const diff = diffRenders(canary({ version: '1.1.0', weight: 25 }), canary({ version: '1.1.0', weight: 50 }));
    expect(diff).toEqual({ added: [], removed: [], changed: { 'Deployment/shop-web-stable': ['spec.replicas'], 'Deployment/shop-web-canary': ['spec.replicas'] } });
  });

  test('weight 0 keeps the canary Deployment at 0 pods (the rollback)', () => {
    const objects = canary({ version: '1.1.0', weight: 0 });
    expect([find(objects, 'Deployment', 'shop-web-stable').spec.replicas, find(objects, 'Deployment', 'shop-web-canary').spec.replicas]).toEqual([4, 0]);
  });

  test('one replica cannot be split: an error naming the values', () => {
    expect(() => canary({ version: '1.1.0', weight: 10 }, { replicas: 1 })).toThrow(
      'shop/web: rollout.canary.weight 10 cannot be met with 1 replica: rollout.canary.traffic replicas splits requests by pod count and needs at least 2 pods; raise replicas, or use traffic nginx or gateway',
    );
  });
});

describe('canary through ingress-nginx', () => {
  const nginx = (extra: object = {}) => canary({ version: '1.1.0', weight: 10, traffic: 'nginx', ...extra });

  test('the canary Ingress carries the main Ingress\'s TLS and annotations, so the output passes the prod profile\'s ingress-tls', () => {
    const objects = canary({ version: '1.1.0', weight: 10, traffic: 'nginx' }, { tlsSecret: 'shop-tls' });
    const main = find(objects, 'Ingress', 'shop-web');
    const can = find(objects, 'Ingress', 'shop-web-canary');
    expect(can.spec.tls).toEqual(main.spec.tls);
    expect(can.spec.tls).toEqual([{ hosts: ['shop.example.com'], secretName: 'shop-tls' }]);
    expect(can.metadata.annotations).toMatchObject(main.metadata.annotations);
    const findings = validateObjects(objects.map((obj) => ({ obj, source: {} })), { profile: 'prod' });
    expect(findings.filter((f) => f.rule === 'ingress-tls')).toEqual([]);
  });

  test('a canary Ingress with the exact weight points at the canary Service', () => {
    const objects = nginx({ header: 'X-Canary', headerValue: 'yes' });
    expect(names(objects)).toEqual([
      'Deployment/shop-web-canary',
      'Deployment/shop-web-stable',
      'Ingress/shop-web',
      'Ingress/shop-web-canary',
      'NetworkPolicy/shop-web-in',
      'PodDisruptionBudget/shop-web',
      'Service/shop-web',
      'Service/shop-web-canary',
    ]);
    const ingress = find(objects, 'Ingress', 'shop-web-canary');
    expect(ingress.metadata.annotations).toEqual({
      'nginx.ingress.kubernetes.io/proxy-body-size': '8m',
      'nginx.ingress.kubernetes.io/canary': 'true',
      'nginx.ingress.kubernetes.io/canary-weight': '10',
      'nginx.ingress.kubernetes.io/canary-by-header': 'X-Canary',
      'nginx.ingress.kubernetes.io/canary-by-header-value': 'yes',
    });
    const main = find(objects, 'Ingress', 'shop-web');
    expect(ingress.spec.ingressClassName).toBe('nginx');
    expect(ingress.spec.rules[0].host).toBe(main.spec.rules[0].host);
    expect(ingress.spec.rules[0].http.paths[0].backend.service.name).toBe('shop-web-canary');
    expect(find(objects, 'Service', 'shop-web').spec.selector).toEqual({ ...own, [TRACK]: 'stable' });
    expect(find(objects, 'Service', 'shop-web-canary').spec.selector).toEqual({ ...own, [TRACK]: 'canary' });
    expect([find(objects, 'Deployment', 'shop-web-stable').spec.replicas, find(objects, 'Deployment', 'shop-web-canary').spec.replicas]).toEqual([4, 1]);
  });

  test('changing the weight changes only the canary Ingress annotation', () => {
    const diff = diffRenders(nginx({ weight: 10 }), nginx({ weight: 30 }));
    expect(diff).toEqual({ added: [], removed: [], changed: { 'Ingress/shop-web-canary': ['metadata.annotations["nginx.ingress.kubernetes.io/canary-weight"]'] } });
  });

  test('promotion removes the canary objects and moves stable to the canary version', () => {
    const diff = diffRenders(nginx(), nginx({ promote: true }));
    expect(diff.added).toEqual([]);
    expect(diff.removed.sort()).toEqual(['Deployment/shop-web-canary', 'Ingress/shop-web-canary', 'Service/shop-web-canary']);
    expect(diff.changed).toEqual({
      'Deployment/shop-web-stable': [
        'metadata.labels["app.kubernetes.io/version"]',
        'spec.template.metadata.labels["app.kubernetes.io/version"]',
        'spec.template.spec.containers[0].image',
      ],
    });
    expect(image(nginx({ promote: true }), 'shop-web-stable')).toBe('registry.example.com:5000/shop:1.1.0');
  });

  test('setting the package version to the canary version is the same promotion', () => {
    const promoted = nginx({ promote: true });
    const retagged = renderShop({ tag: '1.1.0', rollout: { strategy: 'canary', canary: { version: '1.1.0', weight: 10, traffic: 'nginx' } } });
    expect(diffRenders(promoted, retagged)).toEqual({ added: [], removed: [], changed: {} });
  });

  test('nginx traffic without an Ingress is an error', () => {
    expect(() => canary({ version: '1.1.0', traffic: 'nginx' }, { ingress: false })).toThrow(
      'shop/web: rollout.canary.traffic nginx splits requests at the Ingress, and this web service has none',
    );
  });
});

describe('canary through the Gateway API', () => {
  const gateway = (extra: object = {}) => canary({ version: '1.1.0', weight: 20, traffic: 'gateway', gateway: { name: 'public', namespace: 'gateway' }, ...extra });

  test('an HTTPRoute shares requests by weight, and a header sends them to the canary', () => {
    const route = find(gateway({ header: 'X-Canary', headerValue: 'yes' }), 'HTTPRoute');
    expect(route.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(route.metadata.name).toBe('shop-web');
    expect(route.spec).toEqual({
      parentRefs: [{ name: 'public', namespace: 'gateway' }],
      hostnames: ['shop.example.com'],
      rules: [
        { matches: [{ path: { type: 'PathPrefix', value: '/' }, headers: [{ type: 'Exact', name: 'X-Canary', value: 'yes' }] }], backendRefs: [{ name: 'shop-web-canary', port: 80 }] },
        { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'shop-web', port: 80, weight: 80 }, { name: 'shop-web-canary', port: 80, weight: 20 }] },
      ],
    });
  });

  test('the HTTPRoute passes the schema validation knows for it, without the Gateway API CRDs', () => {
    const objects = gateway({ header: 'X-Canary', headerValue: 'yes' });
    const findings = validateObjects(objects.map((obj) => ({ obj, source: {} })));
    expect(findings.filter((f) => f.rule.startsWith('schema'))).toEqual([]);
    const route = find(objects, 'HTTPRoute');
    const broken = { ...route, spec: { ...route.spec, rules: [{ backendRefs: [{ port: 80 }] }] } };
    expect(validateObjects([{ obj: broken, source: {} }]).map((f) => [f.rule, f.path])).toEqual([['schema-required', 'spec.rules[0].backendRefs[0].name']]);
  });

  test('promotion leaves the route with the stable Service alone', () => {
    const diff = diffRenders(gateway(), gateway({ promote: true }));
    expect(diff.removed.sort()).toEqual(['Deployment/shop-web-canary', 'Service/shop-web-canary']);
    expect(find(gateway({ promote: true }), 'HTTPRoute').spec.rules).toEqual([{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'shop-web', port: 80, weight: 100 }] }]);
  });
});

describe('rollout values errors', () => {
  const error = (values: Record<string, unknown>) => {
    try {
      renderShop(values);
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error('expected an error');
  };

  test('each names the values path, what was wrong and what is right', () => {
    expect(error({ rollout: { strategy: 'bluegreen' } })).toContain('rollout.strategy:');
    expect(error({ rollout: { strategy: 'bluegreen' } })).toMatch(/"blueGreen"/);
    expect(error({ rollout: { maxSurge: '25' } })).toContain('rollout.maxSurge: expected a whole number of 0 or more or a percentage from "0%" to "100%", such as "25%"');
    expect(error({ rollout: { maxSurge: 0, maxUnavailable: '0%' } })).toContain('rollout.maxSurge: maxSurge and maxUnavailable are both 0, so an update could never make progress');
    expect(error({ rollout: { strategy: 'canary', canary: { weight: 120 } } })).toContain('rollout.canary.weight: ');
    expect(error({ rollout: { strategy: 'canary', canary: { promote: true } } })).toContain('rollout.canary.promote: there is nothing to promote: canary.version is not set');
    expect(error({ rollout: { strategy: 'canary', canary: { traffic: 'gateway' } } })).toContain('rollout.canary.gateway: gateway traffic needs the Gateway to attach to');
    expect(error({ rollout: { strategy: 'canary', canary: { header: 'X-Canary' } } })).toContain('rollout.canary.header: routing by header needs traffic nginx or gateway');
    expect(error({ rollout: { blueGreen: { activeColour: 'green' } } })).toContain('rollout.blueGreen.activeColour: unknown key (did you mean "activeColor"?)');
    expect(error({ rollout: { blueGreen: { green: { version: '1.1.0 beta' } } } })).toContain('rollout.blueGreen.green.version: expected an image tag that is also a label value');
  });

  test('autoscaling needs a rolling or recreate strategy', () => {
    expect(() => render((p) => new RolloutWebService(p, 'web', { containers: [WEB], rollout: { strategy: 'canary' }, autoscaling: { maxReplicas: 5 } }))).toThrow(
      'shop/web: autoscaling works with rollout.strategy rolling or recreate, not canary',
    );
    expect(() => render((p) => new RolloutWebService(p, 'web', { containers: [WEB], rollout: { canary: { weight: -1 } } }))).toThrow('shop/web: invalid rollout:\n  rollout.canary.weight:');
  });
});
