import { App } from 'cdk8s';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Platform, UserError, ValuesLayer, release, renderEnvironment } from '../../lib';
import { readValuesFile } from '../../lib/values/layers';
import { resolveTree } from '../../lib/values/resolve';
import { Db, Shop } from './fixtures';

const layer = (source: string, data: Record<string, unknown>): ValuesLayer => ({ source, data });

function shopValues(...layers: ValuesLayer[]) {
  return resolveTree(Shop, layers);
}

function error(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error('expected an error');
}

describe('values layering', () => {
  test('package defaults fill what no layer sets, including defaults nested in defaults', () => {
    expect(shopValues(layer('a', { image: { tag: '1' } }))).toEqual({
      replicas: 2,
      image: { repository: 'shop', tag: '1' },
      mode: 'live',
      ports: [8080],
      annotations: { team: 'shop' },
      replicaDb: false,
      db: { storage: '1Gi', resources: { limits: { cpu: '500m', memory: '1Gi' } } },
    });
  });

  test('later layers win; maps merge deeply; arrays are replaced, not merged', () => {
    const v = shopValues(
      layer('a', { image: { tag: '1', repository: 'r1' }, ports: [1, 2, 3], annotations: { a: 'x' } }),
      layer('b', { image: { tag: '2' }, ports: [9], annotations: { b: 'y' } }),
    );
    expect(v.image).toEqual({ repository: 'r1', tag: '2' });
    expect(v.ports).toEqual([9]);
    expect(v.annotations).toEqual({ team: 'shop', a: 'x', b: 'y' });
  });

  test('null removes a key, whatever lower layer or default put it there', () => {
    const v = shopValues(layer('a', { image: { tag: '1' }, annotations: { team: null, extra: 'e' } }));
    expect(v.annotations).toEqual({ extra: 'e' });
  });

  test("null removes a dependency's default (Helm issue 9027)", () => {
    const v = shopValues(layer('a', { image: { tag: '1' }, db: { resources: { limits: { cpu: null } } } }));
    expect(v.db).toEqual({ storage: '1Gi', resources: { limits: { memory: '1Gi' } } });
  });

  test('a dependency is on unless its condition is false; the including package can give it values', () => {
    const off = shopValues(layer('a', { image: { tag: '1' }, db: { enabled: false } }));
    expect(off.db).toBeUndefined();
    const both = shopValues(layer('a', { image: { tag: '1' }, replicaDb: true, replica: { storage: '5Gi' } }));
    expect((both.replica as any).storage).toBe('5Gi');
    const given = shopValues(layer('a', { image: { tag: '1' }, replicaDb: true }));
    expect((given.replica as any).storage).toBe('2Gi');
    expect(error(() => shopValues(layer('a', { image: { tag: '1' }, db: { enabled: 'yes' } })))).toContain('db.enabled: the condition of dependency "db" must be true or false, got string "yes"');
  });

  test('global values reach every dependency', () => {
    const app = new App();
    const shop = new Shop(app, 'web', { values: { image: { tag: '1' }, replicaDb: true, global: { imageRegistry: 'registry.example.com' } } });
    expect(shop.global).toEqual({ imageRegistry: 'registry.example.com' });
    for (const key of ['db', 'replica']) {
      const db = shop.dependencies[key] as Db;
      expect(db.global).toEqual({ imageRegistry: 'registry.example.com' });
      expect(db.values.global).toEqual({ imageRegistry: 'registry.example.com' });
    }
    const json = app.node.findAll().filter((c: any) => c.kind === 'StatefulSet').map((o: any) => o.toJson());
    expect(json.map((o: any) => [o.metadata.name, o.spec.registry, o.spec.storage])).toEqual([
      ['web-db-store', 'registry.example.com', '1Gi'],
      ['web-replica-store', 'registry.example.com', '2Gi'],
    ]);
  });
});

describe('values errors', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-values-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return readValuesFile(path.join(dir, name), name)!;
  };

  test('an unknown key, with "did you mean" and the file, line and column', () => {
    const f = file('unknown.yaml', 'image:\n  tag: "1"\n  repositry: x\n');
    expect(error(() => shopValues(f))).toBe(
      'invalid values for package shop 2.1.0:\n  image.repositry: unknown key (did you mean "repository"?); the keys here are: repository, tag (from unknown.yaml:3:3)',
    );
  });

  test('a wrong type names the path, what was expected and what was given', () => {
    const f = file('type.yaml', 'image:\n  tag: "1"\nreplicas: three\n');
    expect(error(() => shopValues(f))).toContain('replicas: expected number, got string "three" (from type.yaml:3:11)');
  });

  test('an out-of-range number and an invalid enum value', () => {
    const msg = error(() => shopValues(layer('--set replicas=99', { replicas: 99, image: { tag: '1' }, mode: 'off' })));
    expect(msg).toContain('replicas: expected number to be <=20, got number 99 (from --set replicas=99)');
    expect(msg).toContain('mode: expected one of "live"|"maintenance", got string "off"');
  });

  test('a missing required value says no layer sets it', () => {
    expect(error(() => shopValues(layer('a', {})))).toContain('image.tag: a value is required (expected string), and no layer sets it');
  });

  test('problems in a dependency name its full path', () => {
    const f = file('dep.yaml', 'image:\n  tag: "1"\ndb:\n  storage: lots\n');
    expect(error(() => shopValues(f))).toBe(
      'invalid values for dependency "db" (package db 1.0.0):\n  db.storage: must match pattern /^\\d+(Gi|Mi)$/, got string "lots" (from dep.yaml:4:12)',
    );
  });

  test('YAML syntax errors and duplicate keys give file, line and column', () => {
    fs.writeFileSync(path.join(dir, 'syntax.yaml'), 'a: 1\nb: [1, 2\n');
    expect(error(() => readValuesFile(path.join(dir, 'syntax.yaml'), 'syntax.yaml'))).toMatch(/^syntax\.yaml:\d+:\d+: /);
    fs.writeFileSync(path.join(dir, 'dup.yaml'), 'a: 1\na: 2\n');
    expect(error(() => readValuesFile(path.join(dir, 'dup.yaml'), 'dup.yaml'))).toBe('dup.yaml:2:1: the key "a" appears twice in this mapping');
    fs.writeFileSync(path.join(dir, 'list.yaml'), '- a\n');
    expect(error(() => readValuesFile(path.join(dir, 'list.yaml'), 'list.yaml'))).toBe('list.yaml:1:1: a values file must be a map of keys to values, not a list');
    expect(error(() => readValuesFile(path.join(dir, 'none.yaml'), 'none.yaml'))).toBe('values file none.yaml cannot be read: no such file');
    expect(readValuesFile(path.join(dir, 'none.yaml'), 'none.yaml', true)).toBeUndefined();
  });

  test('synth errors name the environment and release', () => {
    const platform = new Platform({ environments: { dev: { releases: { web: release(Shop, { values: { replicas: 0, image: { tag: '1' } } }) } } } });
    expect(error(() => renderEnvironment(platform, 'dev'))).toContain(
      'environment "dev", release "web" (package shop): invalid values for package shop 2.1.0:\n  replicas: expected number to be >=1, got number 0 (from environment "dev" in the platform entry)',
    );
  });
});
