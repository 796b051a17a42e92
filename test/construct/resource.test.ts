import { ConfigMap, Deployment, NetworkPolicy, Secret, Service } from '../../lib';
import { WEB, find, render } from '../support/render';

/** Every one-object construct reads its name, metadata, API version and kind from its apiObject (lib/construct/resource.ts). */
describe('Resource', () => {
  test('L2 constructs hold their object as apiObject, with resource as the deprecated alias', () => {
    const objects = render((p) => {
      const parts = [
        new Service(p, 'svc', { ports: [{ port: 80 }] }),
        new ConfigMap(p, 'config', { data: { a: '1' } }),
        new NetworkPolicy(p, 'deny', { ingress: [] }),
        new Deployment(p, 'api', { containers: [WEB] }),
      ];
      for (const part of parts) {
        expect(part.apiObject.node.path).toBe(`${part.node.path}/Resource`);
        expect(part.resource).toBe(part.apiObject);
        expect([part.name, part.kind, part.apiVersion]).toEqual([part.apiObject.name, part.apiObject.kind, part.apiObject.apiVersion]);
        part.metadata.addLabel('team', 'shop');
      }
    });
    for (const kind of ['Service', 'ConfigMap', 'NetworkPolicy', 'Deployment']) expect(find(objects, kind).metadata.labels.team).toBe('shop');
  });

  test('a ConfigMap or Secret is of its kind as a config source too', () => {
    render((p) => {
      expect(new ConfigMap(p, 'c').kind).toBe('ConfigMap');
      expect(new Secret(p, 's', { stringData: { a: 'b' }, allowLiteralData: true }).kind).toBe('Secret');
    });
  });
});
