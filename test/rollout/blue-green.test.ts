import { diffRenders } from '../support/diff';
import { find } from '../support/render';
import { names, renderShop } from './fixtures';

const blueGreen = (settings: object, top: object = {}) => renderShop({ ...top, rollout: { strategy: 'blueGreen', blueGreen: settings } });
const COLOR = 'chartwright.dev/color';

describe('blue/green', () => {
  test('two Deployments side by side, the Service on the active colour, a preview Service on the idle one', () => {
    const objects = blueGreen({ blue: { version: '1.0.0' }, green: { version: '1.1.0' } });
    expect(names(objects)).toEqual([
      'Deployment/shop-web-blue',
      'Deployment/shop-web-green',
      'Ingress/shop-web',
      'NetworkPolicy/shop-web-in',
      'PodDisruptionBudget/shop-web',
      'Service/shop-web',
      'Service/shop-web-preview',
    ]);
    const blue = find(objects, 'Deployment', 'shop-web-blue');
    const green = find(objects, 'Deployment', 'shop-web-green');
    const own = { 'app.kubernetes.io/name': 'shop', 'app.kubernetes.io/instance': 'shop', 'app.kubernetes.io/component': 'web' };
    expect(blue.spec.selector.matchLabels).toEqual({ ...own, [COLOR]: 'blue' });
    expect(green.spec.selector.matchLabels).toEqual({ ...own, [COLOR]: 'green' });
    expect(blue.spec.template.spec.containers[0].image).toBe('registry.example.com:5000/shop:1.0.0');
    expect(green.spec.template.spec.containers[0].image).toBe('registry.example.com:5000/shop:1.1.0');
    expect(green.spec.template.metadata.labels).toMatchObject({ ...own, [COLOR]: 'green', 'app.kubernetes.io/version': '1.1.0' });
    expect([blue.spec.replicas, green.spec.replicas]).toEqual([4, 4]); // idle kept warm by default
    expect(blue.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } });
    // readiness from the web preset still applies to each colour
    expect(green.spec.template.spec.containers[0].readinessProbe.httpGet.path).toBe('/');
    expect(find(objects, 'Service', 'shop-web').spec.selector).toEqual({ ...own, [COLOR]: 'blue' });
    expect(find(objects, 'Service', 'shop-web-preview').spec).toMatchObject({ type: 'ClusterIP', selector: { ...own, [COLOR]: 'green' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] });
    expect(find(objects, 'Ingress').spec.rules[0].http.paths[0].backend.service.name).toBe('shop-web');
    // the budget and the network policy cover both colours
    expect(find(objects, 'PodDisruptionBudget').spec.selector.matchLabels).toEqual(own);
    expect(find(objects, 'NetworkPolicy').spec.podSelector.matchLabels).toEqual(own);
  });

  test('switching activeColor with a warm idle colour changes only the two Services\' selectors', () => {
    const settings = { blue: { version: '1.0.0' }, green: { version: '1.1.0' } };
    const diff = diffRenders(blueGreen({ ...settings, activeColor: 'blue' }), blueGreen({ ...settings, activeColor: 'green' }));
    expect(diff).toEqual({
      added: [],
      removed: [],
      changed: {
        'Service/shop-web': ['spec.selector["chartwright.dev/color"]'],
        'Service/shop-web-preview': ['spec.selector["chartwright.dev/color"]'],
      },
    });
  });

  test('with idleReplicas 0 the switch also moves the replicas; the Ingress never changes', () => {
    const settings = { blue: { version: '1.0.0' }, green: { version: '1.1.0' }, idleReplicas: 0 };
    const before = blueGreen({ ...settings, activeColor: 'blue' });
    const after = blueGreen({ ...settings, activeColor: 'green' });
    expect([find(before, 'Deployment', 'shop-web-blue').spec.replicas, find(before, 'Deployment', 'shop-web-green').spec.replicas]).toEqual([4, 0]);
    expect(diffRenders(before, after).changed).toEqual({
      'Deployment/shop-web-blue': ['spec.replicas'],
      'Deployment/shop-web-green': ['spec.replicas'],
      'Service/shop-web': ['spec.selector["chartwright.dev/color"]'],
      'Service/shop-web-preview': ['spec.selector["chartwright.dev/color"]'],
    });
  });

  test('a new version on the idle colour changes only that Deployment', () => {
    const diff = diffRenders(blueGreen({ green: { version: '1.1.0' } }), blueGreen({ green: { version: '1.2.0' } }));
    expect(diff.changed).toEqual({
      'Deployment/shop-web-green': [
        'metadata.labels["app.kubernetes.io/version"]',
        'spec.template.metadata.labels["app.kubernetes.io/version"]',
        'spec.template.spec.containers[0].image',
      ],
    });
  });

  test('a colour without a version runs the package version; preview can be turned off', () => {
    const objects = blueGreen({ preview: false }, { tag: '2.0.0' });
    expect(find(objects, 'Deployment', 'shop-web-green').spec.template.spec.containers[0].image).toBe('registry.example.com:5000/shop:2.0.0');
    expect(names(objects)).not.toContain('Service/shop-web-preview');
  });

  test('switching from rolling to blue/green keeps the Service and Ingress names and replaces the Deployment', () => {
    const diff = diffRenders(renderShop({}), blueGreen({}));
    expect(diff.added).toEqual(['Service/shop-web-preview', 'Deployment/shop-web-blue', 'Deployment/shop-web-green']);
    expect(diff.removed).toEqual(['Deployment/shop-web']);
    expect(Object.keys(diff.changed)).toEqual(['Service/shop-web']);
  });
});

describe('blue/green preview Ingress', () => {
  const PREVIEW = 'preview-shop.example.com';

  test('previewHost adds an Ingress to the preview Service, with the class, path and annotations of the main one', () => {
    const before = blueGreen({});
    const after = blueGreen({ previewHost: PREVIEW });
    expect(diffRenders(before, after)).toEqual({ added: ['Ingress/shop-web-preview'], removed: [], changed: {} });
    const main = find(after, 'Ingress', 'shop-web');
    const preview = find(after, 'Ingress', 'shop-web-preview');
    expect(preview.metadata.annotations).toEqual(main.metadata.annotations);
    expect(preview.spec).toEqual({
      ingressClassName: 'nginx',
      rules: [{ host: PREVIEW, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'shop-web-preview', port: { name: 'http' } } } }] } }],
    });
  });

  test('TLS as the main Ingress has it: its Secret for the preview host, or previewTlsSecret', () => {
    const same = find(blueGreen({ previewHost: PREVIEW }, { tlsSecret: 'shop-tls' }), 'Ingress', 'shop-web-preview');
    expect(same.spec.tls).toEqual([{ hosts: [PREVIEW], secretName: 'shop-tls' }]);
    const own = blueGreen({ previewHost: PREVIEW, previewTlsSecret: 'shop-preview-tls' }, { tlsSecret: 'shop-tls' });
    expect(find(own, 'Ingress', 'shop-web-preview').spec.tls).toEqual([{ hosts: [PREVIEW], secretName: 'shop-preview-tls' }]);
    expect(find(own, 'Ingress', 'shop-web').spec.tls).toEqual([{ hosts: ['shop.example.com'], secretName: 'shop-tls' }]);
  });

  test('switching activeColor leaves the preview Ingress alone: the preview Service behind it moves', () => {
    const settings = { green: { version: '1.1.0' }, previewHost: PREVIEW };
    const blue = blueGreen({ ...settings, activeColor: 'blue' }, { tlsSecret: 'shop-tls' });
    const green = blueGreen({ ...settings, activeColor: 'green' }, { tlsSecret: 'shop-tls' });
    expect(diffRenders(blue, green)).toEqual({
      added: [],
      removed: [],
      changed: {
        'Service/shop-web': ['spec.selector["chartwright.dev/color"]'],
        'Service/shop-web-preview': ['spec.selector["chartwright.dev/color"]'],
      },
    });
    expect(find(green, 'Service', 'shop-web-preview').spec.selector[COLOR]).toBe('blue');
    expect(find(green, 'Ingress', 'shop-web-preview').spec.rules[0].http.paths[0].backend.service.name).toBe('shop-web-preview');
  });

  test('preview settings that cannot work are errors naming the values paths', () => {
    expect(() => blueGreen({ previewHost: PREVIEW, preview: false })).toThrow(
      'shop/web: rollout.blueGreen.previewHost "preview-shop.example.com" needs the preview Service: set rollout.blueGreen.preview: true, or remove rollout.blueGreen.previewHost',
    );
    expect(() => blueGreen({ previewHost: PREVIEW }, { ingress: false })).toThrow(
      'shop/web: rollout.blueGreen.previewHost "preview-shop.example.com" needs the web service\'s ingress: the preview Ingress takes its class, path, annotations and TLS from it, and there is none',
    );
    expect(() => blueGreen({ previewHost: 'shop.example.com' })).toThrow(
      'shop/web: rollout.blueGreen.previewHost "shop.example.com" is also a host of the main Ingress, so the two Ingresses would fight over it: give the preview a host of its own, such as "preview-shop.example.com"',
    );
    expect(() => blueGreen({ previewTlsSecret: 'shop-preview-tls' })).toThrow(
      'shop/web: rollout.blueGreen.previewTlsSecret is the certificate of the preview Ingress: set rollout.blueGreen.previewHost too, or remove it',
    );
    expect(() => blueGreen({ previewHost: 'Preview_Shop' })).toThrow('rollout.blueGreen.previewHost: expected a lower-case host name such as "preview.example.com"');
  });
});
