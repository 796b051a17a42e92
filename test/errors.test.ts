/**
 * UserError: the message is for a person (the tests of each message are
 * beside its construct); the fields below are for programs, and an error
 * that adds context keeps the error it wraps as `cause`.
 */
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { Package, PackageProps, Platform, UserError, WebService, renderEnvironment } from '../lib';
import { main } from '../lib/cli/main';
import { resolveTree } from '../lib/values/resolve';
import { Shop } from './values/fixtures';
import { WEB, render } from './support/render';

function thrown(fn: () => unknown): UserError {
  try {
    fn();
  } catch (err) {
    if (UserError.isUserError(err)) return err;
    throw err;
  }
  throw new Error('expected a UserError, but nothing was thrown');
}

/** A platform of one release `shop` of a package whose constructor runs `build`. */
function platformOf(build: (scope: Package) => void): Platform {
  class Test extends Package {
    static readonly metadata = { name: 'test', version: '1.0.0' };
    constructor(scope: Construct, id: string, props: PackageProps = {}) {
      super(scope, id, props);
      build(this);
    }
  }
  return new Platform({ environments: { dev: { namespace: 'web', releases: { shop: { package: Test } } } } });
}

describe('UserError', () => {
  test('a construct prop error names the construct path, the field, the value given and what is expected', () => {
    const err = thrown(() => render((p) => new WebService(p, 'web', { containers: [WEB], replicas: -1 })));
    // with the line of the code that built the construct
    expect(err.message).toBe('environment "dev", release "shop" (package test): shop/web: replicas -1 is not valid: expected a whole number of 0 or more\n  at test/errors.test.ts:38:65');
    expect(err).toMatchObject({ environment: 'dev', release: 'shop', path: 'shop/web', field: 'replicas', given: -1, expected: 'a whole number of 0 or more' });
    // the render step's context wraps the construct's own error, which stays whole as the cause
    const cause = err.cause as UserError;
    expect(UserError.isUserError(cause)).toBe(true);
    expect(cause.message).toBe('shop/web: replicas -1 is not valid: expected a whole number of 0 or more');
    expect(cause).toMatchObject({ path: 'shop/web', field: 'replicas', given: -1 });
    expect(cause.environment).toBeUndefined();
    expect(cause.cause).toBeUndefined();
  });

  test('a values error names the values path, the value, what is expected and where it was set, for each problem', () => {
    const err = thrown(() => resolveTree(Shop, [{ source: 'values.yaml', data: { replicas: 'three', image: { tag: '1' }, mode: 'off' } }]));
    expect(err).toMatchObject({ field: 'replicas', given: 'three', expected: 'number', source: 'values.yaml' });
    expect(err.problems).toEqual([
      { message: 'expected number, got string "three"', field: 'replicas', given: 'three', expected: 'number', source: 'values.yaml' },
      expect.objectContaining({ field: 'mode', given: 'off', source: 'values.yaml' }),
    ]);
    expect(err.message.split('\n')).toEqual([
      'invalid values for package shop 2.1.0:',
      `  replicas: ${err.problems![0].message} (from values.yaml)`,
      `  mode: ${err.problems![1].message} (from values.yaml)`,
    ]);
  });

  test('a values error keeps its fields through the render step, with the environment and release', () => {
    const platform = new Platform({ environments: { dev: { releases: { shop: { package: Shop, values: { replicas: 0, image: { tag: '1' } } } } } } });
    const err = thrown(() => renderEnvironment(platform, 'dev'));
    expect(err).toMatchObject({ environment: 'dev', release: 'shop', field: 'replicas', given: 0 });
    expect(err.message.startsWith('environment "dev", release "shop" (package shop): invalid values for package shop 2.1.0:\n  replicas: ')).toBe(true);
    expect((err.cause as UserError).message).toBe(err.message.slice('environment "dev", release "shop" (package shop): '.length));
  });

  test("a mistake in the user's code keeps the original error as the cause, with its stack", () => {
    const original = new TypeError("Cannot read properties of undefined (reading 'port')");
    const err = thrown(() =>
      renderEnvironment(
        platformOf(() => {
          throw original;
        }),
        'dev',
      ),
    );
    expect(err.message).toMatch(/^environment "dev", release "shop" \(package test\): Cannot read properties of undefined \(reading 'port'\)\n {2}at test\/errors\.test\.ts:\d+:\d+$/);
    expect(err.cause).toBe(original);
    expect(err).toMatchObject({ environment: 'dev', release: 'shop' });
    expect(err.path).toBeUndefined();
  });

  test('two objects with one name: the environment, the second path and the name', () => {
    const err = thrown(() =>
      renderEnvironment(
        platformOf((p) => {
          new ApiObject(p, 'a', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'same' } });
          new ApiObject(p, 'b', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'same' } });
        }),
        'dev',
      ),
    );
    expect(err.message).toBe('environment "dev": two objects are both ConfigMap "same" in namespace "web": shop/a and shop/b; give one of them another construct id or set metadata.name');
    expect(err).toMatchObject({ environment: 'dev', path: 'shop/b', field: 'metadata.name', given: 'same' });
  });

  test('isUserError knows a UserError made by another copy of the library; the CLI prints its message only', async () => {
    const foreign = Object.assign(new Error('shop/web: replicas -1 is not valid: expected a whole number of 0 or more'), { [Symbol.for('chartwright.UserError')]: true });
    expect(UserError.isUserError(foreign)).toBe(true);
    expect(UserError.isUserError(new Error('x'))).toBe(false);
    expect(UserError.isUserError('x')).toBe(false);

    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    expect(await main(['values', '--app', 'no/such/app.ts'], io)).toBe(1);
    expect(lines).toEqual(['error: platform entry no/such/app.ts not found: create it, pass --app FILE, or set "chartwright": { "app": FILE } in package.json']);
  });

  test('wrap puts the context before the message and lets the more specific fields win', () => {
    const inner = new UserError('shop/web: replicas -1 is not valid: expected a whole number of 0 or more', { path: 'shop/web', field: 'replicas', given: -1, expected: 'a whole number of 0 or more' });
    const outer = UserError.wrap('environment "dev"', inner, { environment: 'dev', path: 'shop' });
    expect(outer.message).toBe(`environment "dev": ${inner.message}`);
    expect(outer).toMatchObject({ environment: 'dev', path: 'shop/web', field: 'replicas', given: -1, cause: inner });
    expect(outer.name).toBe('UserError');
    expect(outer).toBeInstanceOf(UserError);
  });
});
