import { Platform, release, renderEnvironment } from '../../lib';
import { Shop } from '../values/fixtures';

/*
 * The values of a release are typed with its dependencies' values too: this
 * file fails `tsc --noEmit` (npm test) when they are not. Before, a
 * dependency's key was TS2353 ("Object literal may only specify known
 * properties"), and users dropped to an untyped spec.
 */
const typed = release(Shop, { values: { replicas: 3, image: { tag: '5.0.1' }, db: { enabled: true, storage: '5Gi' }, replica: null } });

// @ts-expect-error a misspelled key under a dependency is a type error
release(Shop, { values: { db: { storag: '5Gi' } } });
// @ts-expect-error a wrong type under a dependency is a type error
release(Shop, { values: { db: { storage: 5 } } });
// @ts-expect-error a key that is neither a value nor a dependency is a type error
release(Shop, { values: { dbs: {} } });

test('dependency values given through release() reach the dependency', () => {
  const platform = new Platform({ environments: { dev: { releases: { shop: typed } } } });
  const [shop] = platform.environment('dev').releases;
  expect(shop.values[0].data).toEqual({ replicas: 3, image: { tag: '5.0.1' }, db: { enabled: true, storage: '5Gi' }, replica: null });
});

test('a misspelled dependency key is an unknown key with the dependency suggested, and the key list names the dependencies', () => {
  const platform = new Platform({ environments: { dev: { releases: { shop: { package: Shop, values: { image: { tag: '1' }, dbb: { storage: '5Gi' } } } } } } });
  expect(() => renderEnvironment(platform, 'dev')).toThrow(
    /dbb: unknown key \(did you mean "db"\?\); the keys here are: replicas, image, mode, ports, annotations, replicaDb, db, replica/,
  );
});
