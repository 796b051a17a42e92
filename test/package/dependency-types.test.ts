import { App, ApiObject, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { z } from 'zod';
import { Package, PackageProps } from '../../lib';
import { Db, dbValues } from '../values/fixtures';

// `npx tsc --noEmit` compiles this file: each `@ts-expect-error` fails the
// type check if the line below it stops being an error, so a parent's reach
// into its dependencies is proven typed, not `Package<any>`.

const storeValues = z.object({ replicaDb: z.boolean().default(false) });
const storeDependencies = {
  db: { package: Db },
  replica: { package: Db, condition: 'replicaDb', values: { storage: '2Gi' } },
};

class Store extends Package<typeof storeValues, typeof storeDependencies> {
  static readonly metadata = { name: 'store', version: '1.0.0' };
  static readonly values = storeValues;
  static readonly dependencies = storeDependencies;
  /** What the parent read of its dependencies, for the assertions below. */
  readonly seen: { dbStorage: string; dbCpu: string | undefined; replicaStorage: string | undefined };
  constructor(scope: Construct, id: string, props: PackageProps<typeof storeValues> = {}) {
    super(scope, id, props);
    // a dependency without a condition is always there; its values are Db's
    const dbStorage: string = this.dependencies.db.values.storage;
    const dbCpu: string | undefined = this.dependencies.db.values.resources.limits.cpu;
    // a dependency with a condition may be off, so it may be missing
    const replicaStorage: string | undefined = this.dependencies.replica?.values.storage;
    this.seen = { dbStorage, dbCpu, replicaStorage };
    new ApiObject(this, 'app', { apiVersion: 'v1', kind: 'ConfigMap', data: { db: dbStorage } });
  }
}

/** Lines that must not compile: checked by `tsc --noEmit`, never run. */
export function wrongAccesses(store: Store): unknown[] {
  return [
    // @ts-expect-error a misspelled value of the dependency
    store.dependencies.db.values.storag,
    // @ts-expect-error a value of the dependency has its own type: storage is a string
    store.dependencies.db.values.storage.toFixed(),
    // @ts-expect-error a conditional dependency may be switched off
    store.dependencies.replica.values,
    // @ts-expect-error no such dependency
    store.dependencies.cache,
  ];
}

describe('this.dependencies is typed by the dependencies declared', () => {
  test('a parent reads its dependencies as their own package type', () => {
    const app = Testing.app();
    const store = new Store(app, 'shop', { values: { replicaDb: true } });
    expect(store.dependencies.db).toBeInstanceOf(Db);
    expect(store.seen).toEqual({ dbStorage: '1Gi', dbCpu: '500m', replicaStorage: '2Gi' });
  });

  test('a switched-off dependency is missing, as its optional type says', () => {
    const store = new Store(Testing.app(), 'shop');
    expect(store.dependencies.replica).toBeUndefined();
    expect(store.seen.replicaStorage).toBeUndefined();
  });

  test('a package that does not name its dependencies type keeps the untyped record', () => {
    class Loose extends Package<typeof dbValues> {
      static readonly metadata = { name: 'loose', version: '1.0.0' };
      static readonly values = dbValues;
      static readonly dependencies = { inner: { package: Db } };
    }
    const loose = new Loose(new App(), 'l');
    const inner: Package<any> = loose.dependencies.inner;
    expect(inner).toBeInstanceOf(Db);
  });
});
