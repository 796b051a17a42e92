import { App } from 'cdk8s';
import { Construct } from 'constructs';
import { KubeObject, Package, PackageProps, Platform, UserError, collectWarnings, renderEnvironment } from '../../lib';

/** Builds `build` inside a package released as `shop` in namespace `web`, and renders it like synth does. */
export function render(build: (scope: Package) => void, namespace: string | null = 'web'): KubeObject[] {
  class Test extends Package {
    static readonly metadata = { name: 'test', version: '1.0.0', appVersion: '2.0.0' };
    constructor(scope: Construct, id: string, props: PackageProps = {}) {
      super(scope, id, props);
      build(this);
    }
  }
  const platform = new Platform({ environments: { dev: { namespace: namespace ?? undefined, releases: { shop: { package: Test } } } } });
  return renderEnvironment(platform, 'dev').releases[0].objects as KubeObject[];
}

/** The one object of a kind (and name, when given). */
export function find(objects: KubeObject[], kind: string, name?: string): any {
  const found = objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  if (found.length !== 1) throw new Error(`expected one ${kind}${name ? ` "${name}"` : ''}, found ${found.length}: ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  return found[0];
}

/** The warnings a package's constructs record. */
export function warnings(build: (scope: Package) => void): string[] {
  class Test extends Package {
    static readonly metadata = { name: 'test', version: '1.0.0' };
    constructor(scope: Construct, id: string) {
      super(scope, id, { namespace: 'web' });
      build(this);
    }
  }
  const pkg = new Test(new App(), 'shop');
  return collectWarnings(pkg).map((w) => `${w.path}: ${w.message}`);
}

/** A container that passes every check. */
export const WEB = { image: 'nginx:1.27.3', ports: [{ name: 'http', port: 8080 }] };

/** What `render` puts before the message of an error its package throws. */
const RELEASE_PREFIX = 'environment "dev", release "shop" (package test): ';

/** The line of the test's code that built the construct, which render adds to a construct's error (tested in test/errors.test.ts). */
const LOCATION_SUFFIX = /\n {2}at [^\n]+$/;

/**
 * The message of the UserError `fn` throws, without the release prefix
 * `render` adds and the location line after it; fails when it throws
 * nothing, or anything but a UserError.
 */
export function userError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserError) {
      const message = err.message.replace(LOCATION_SUFFIX, '');
      return message.startsWith(RELEASE_PREFIX) ? message.slice(RELEASE_PREFIX.length) : message;
    }
    throw err;
  }
  throw new Error('expected a UserError, but nothing was thrown');
}
