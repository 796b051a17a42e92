import { KubeObject } from '../../lib';
import { diffRenders } from '../support/diff';

const obj = (kind: string, name: string, spec: unknown): KubeObject => ({ apiVersion: 'v1', kind, metadata: { name }, spec });

describe('diffRenders', () => {
  test('reports added, removed and changed objects with the changed paths', () => {
    const before = [obj('Service', 'a', { selector: { 'chartwright.dev/color': 'blue' }, ports: [1] }), obj('Deployment', 'old', {}), obj('ConfigMap', 'same', { x: 1 })];
    const after = [obj('Service', 'a', { selector: { 'chartwright.dev/color': 'green' }, ports: [1, 2] }), obj('Deployment', 'new', {}), obj('ConfigMap', 'same', { x: 1 })];
    expect(diffRenders(before, after)).toEqual({
      added: ['Deployment/new'],
      removed: ['Deployment/old'],
      changed: { 'Service/a': ['spec.ports', 'spec.selector["chartwright.dev/color"]'] },
    });
  });

  test('a key that appears or disappears is a change at its path', () => {
    expect(diffRenders([obj('X', 'a', { a: 1 })], [obj('X', 'a', { a: 1, b: { c: 2 } })]).changed).toEqual({ 'X/a': ['spec.b'] });
    expect(diffRenders([obj('X', 'a', { l: [{ v: 1 }] })], [obj('X', 'a', { l: [{ v: 2 }] })]).changed).toEqual({ 'X/a': ['spec.l[0].v'] });
  });
});
