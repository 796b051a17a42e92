import { ApiObject, App } from 'cdk8s';
import { Construct } from 'constructs';
import { Package, PackageProps, Platform, UserError, renderEnvironment } from '../../lib';
import { toNamePart } from '../../lib/construct/name-parts';

class Web extends Package<{ replicas?: number; tier?: { size?: string; zone?: string } }> {
  static readonly metadata = { name: 'web', version: '1.2.3', appVersion: '4.5+build.7' };
  constructor(scope: Construct, id: string, props: PackageProps<{ replicas?: number }> = {}) {
    super(scope, id, props);
    new ApiObject(this, 'Default', { apiVersion: 'v1', kind: 'ConfigMap', data: { values: JSON.stringify(this.values) } });
    new ApiObject(this, 'WebServer', { apiVersion: 'apps/v1', kind: 'Deployment' });
  }
}

class Db extends Package {
  static readonly metadata = { name: 'db', version: '0.1.0' };
  constructor(scope: Construct, id: string, props: PackageProps = {}) {
    super(scope, id, props);
    new ApiObject(this, 'store', { apiVersion: 'apps/v1', kind: 'StatefulSet' });
  }
}

class WithDb extends Package {
  static readonly metadata = { name: 'with-db', version: '2.0.0' };
  constructor(scope: Construct, id: string, props: PackageProps = {}) {
    super(scope, id, props);
    new Db(this, 'db');
    new Db(this, 'cache', { namespace: 'caches' });
  }
}

describe('Platform environments', () => {
  const platform = new Platform({
    environments: {
      base: { abstract: true, namespace: 'shop', releases: { web: { package: Web, values: { replicas: 1, tier: { size: 's', zone: 'a' } } }, old: { package: Web } } },
      dev: { extends: 'base', releases: { web: { values: { tier: { size: 'm' } } } } },
      prod: { extends: 'base', namespace: 'shop-prod', releases: { web: { values: { replicas: 3, tier: { zone: null } } }, old: null, db: { package: Db, namespace: 'data' } } },
    },
  });

  test('abstract environments are not synthesized', () => {
    expect(platform.environmentNames()).toEqual(['dev', 'prod']);
    expect(() => platform.environment('base')).toThrow(UserError);
  });

  test('an environment inherits releases, namespace and values from its base and overrides them', () => {
    const dev = platform.environment('dev');
    expect(dev.releases.map((r) => [r.name, r.namespace])).toEqual([['web', 'shop'], ['old', 'shop']]);
    const prod = platform.environment('prod');
    expect(prod.releases.map((r) => [r.name, r.namespace])).toEqual([['web', 'shop-prod'], ['db', 'data']]);
  });

  test('values merge deeply over the base, and null removes a key', () => {
    const dev = renderEnvironment(platform, 'dev');
    const cm = dev.releases[0].objects.find((o) => o.kind === 'ConfigMap')!;
    expect(JSON.parse((cm as any).data.values)).toEqual({ replicas: 1, tier: { size: 'm', zone: 'a' } });
    const prod = renderEnvironment(platform, 'prod');
    const cmProd = prod.releases[0].objects.find((o) => o.kind === 'ConfigMap')!;
    expect(JSON.parse((cmProd as any).data.values)).toEqual({ replicas: 3, tier: { size: 's' } });
  });

  test('unknown bases, cycles, bad names and empty platforms are errors', () => {
    expect(() => new Platform({ environments: { dev: { extends: 'bsae' } , base: {} } })).toThrow('environment "dev" extends "bsae", which is not an environment (did you mean "base"?)');
    expect(() => new Platform({ environments: { a: { extends: 'b' }, b: { extends: 'a' } } })).toThrow('"extends" forms a cycle: a → b → a');
    expect(() => new Platform({ environments: { Dev: {} } })).toThrow('environment "Dev": the name is not a DNS-1123 label');
    expect(() => new Platform({ environments: { dev: { releases: { Web_1: { package: Web } } } } })).toThrow('release "Web_1": the name is not a DNS-1123 label');
    expect(() => new Platform({ environments: { base: { abstract: true } } })).toThrow('no environment to synthesize');
    const noPackage = new Platform({ environments: { dev: { releases: { web: { values: {} } } } } });
    expect(() => noPackage.environment('dev')).toThrow('release "web" names no package');
  });

  test('each namespace the releases use gets a Namespace object at the Pod Security level of the environment', () => {
    const namespaces = (p: Platform, env: string) =>
      renderEnvironment(p, env).namespaces.map((ns) => [ns.metadata.name, (ns.metadata.labels as Record<string, string>)['pod-security.kubernetes.io/enforce']]);
    expect(namespaces(platform, 'dev')).toEqual([['shop', 'restricted']]);
    expect(namespaces(platform, 'prod')).toEqual([['shop-prod', 'restricted'], ['data', 'restricted']]);
    const agents = new Platform({
      environments: {
        base: { abstract: true, podSecurity: 'privileged', namespace: 'agents', releases: { web: { package: Web }, sys: { package: Web, namespace: 'kube-system' } } },
        dev: { extends: 'base' },
        prod: { extends: 'base', podSecurity: 'baseline' },
        shared: { extends: 'base', createNamespaces: false },
      },
    });
    // inherited from the base, overridden per environment; built-in namespaces are never written
    expect(namespaces(agents, 'dev')).toEqual([['agents', 'privileged']]);
    expect(namespaces(agents, 'prod')).toEqual([['agents', 'baseline']]);
    expect(namespaces(agents, 'shared')).toEqual([]);
    expect(() => new Platform({ environments: { dev: { podSecurity: 'strict' as 'baseline' } } })).toThrow(
      `environment "dev": podSecurity "strict" is not a Pod Security level; use 'privileged', 'baseline', 'restricted'`,
    );
    expect(() => new Platform({ environments: { dev: { createNamespaces: 'no' as unknown as boolean } } })).toThrow(
      'environment "dev": createNamespaces must be true or false, not "no"',
    );
  });

  test('an environment\'s validation profile is dev, prod or strict, inherited from its base', () => {
    const platform = new Platform({ environments: { base: { abstract: true, profile: 'strict' }, prod: { extends: 'base' }, dev: { extends: 'base', profile: 'dev' } } });
    expect(platform.environment('prod').profile).toBe('strict');
    expect(platform.environment('dev').profile).toBe('dev');
    expect(() => new Platform({ environments: { dev: { profile: 'strcit' as 'strict' } } })).toThrow(
      `environment "dev": profile "strcit" is not a validation profile; use 'dev', 'prod' or 'strict'`,
    );
  });

  test('kubeVersion: the Kubernetes version synth validates against, inherited, as a minor', () => {
    const versions = new Platform({
      environments: {
        base: { abstract: true, kubeVersion: 'v1.30.14', releases: { web: { package: Web } } },
        dev: { extends: 'base' },
        prod: { extends: 'base', kubeVersion: '1.33' },
        edge: { releases: { web: { package: Web } } },
      },
    });
    expect(['dev', 'prod', 'edge'].map((env) => versions.environment(env).kubeVersion)).toEqual(['1.30', '1.33', undefined]);
    expect(() => new Platform({ environments: { dev: { kubeVersion: '1.19' } } })).toThrow(
      /^environment "dev": kubeVersion "1.19" is not a Kubernetes version validation knows; use one of '1.28', '1.29', .*'1.37'/,
    );
  });

  test('a namespace a release makes itself is not written again', () => {
    class WithNamespace extends Package {
      static readonly metadata = { name: 'ns', version: '1.0.0' };
      constructor(scope: Construct, id: string, props: PackageProps = {}) {
        super(scope, id, props);
        new ApiObject(this, 'ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
        new ApiObject(this, 'cm', { apiVersion: 'v1', kind: 'ConfigMap' });
      }
    }
    const p = new Platform({ environments: { dev: { namespace: 'shop', releases: { a: { package: WithNamespace } } } } });
    expect(renderEnvironment(p, 'dev').namespaces).toEqual([]);
  });
});

describe('Package', () => {
  test('names objects after the construct path in kebab case, leaving out Default and Resource', () => {
    const app = new App();
    const web = new Web(app, 'shop');
    const names = web.node.findAll().filter(ApiObject.isApiObject).map((o) => o.name);
    expect(names).toEqual(['shop', 'shop-web-server']);
  });

  test.each([
    ['web', 'web'], ['service-12', 'service-12'], ['WebServer', 'web-server'], ['api_v2', 'api-v2'], ['APIServer', 'apiserver'],
    ['--a--b--', 'a-b'], ['a.b c', 'a-b-c'], ['v2Beta', 'v2-beta'], ['a--b', 'a-b'], ['-', ''],
  ])('construct id %j is the name part %j', (id, part) => {
    expect(toNamePart(id)).toBe(part);
  });

  test('dependencies are named under the release and inherit its namespace unless they set one', () => {
    const platform = new Platform({ environments: { dev: { namespace: 'apps', releases: { shop: { package: WithDb } } } } });
    const [release] = renderEnvironment(platform, 'dev').releases;
    expect(release.objects.map((o) => [o.metadata.name, o.metadata.namespace])).toEqual([
      ['shop-db-store', 'apps'],
      ['shop-cache-store', 'caches'],
    ]);
    const labels = release.objects[0].metadata.labels as Record<string, string>;
    expect(labels['app.kubernetes.io/instance']).toBe('shop');
    expect(labels['app.kubernetes.io/name']).toBe('db');
    expect(labels['chartwright.dev/package']).toBe('db-0.1.0');
  });

  test('appVersion becomes a valid label value', () => {
    const app = new App();
    const web = new Web(app, 'x');
    expect(web.labels['app.kubernetes.io/version']).toBe('4.5_build.7');
  });

  test('a name longer than the kind allows is an error naming the path', () => {
    class Long extends Package {
      static readonly metadata = { name: 'long', version: '1.0.0' };
      constructor(scope: Construct, id: string) {
        super(scope, id);
        new ApiObject(this, 'a'.repeat(50), { apiVersion: 'batch/v1', kind: 'CronJob' });
      }
    }
    expect(() => new Long(new App(), 'release')).toThrow(/release\/a+: the name "release-a+" derived from the construct path is 58 characters, more than the 52 a CronJob name may have/);
  });

  test('metadata is checked', () => {
    class NoMeta extends Package {}
    class BadVersion extends Package {
      static readonly metadata = { name: 'x', version: 'one' };
    }
    class BadName extends Package {
      static readonly metadata = { name: 'My_Pkg', version: '1.0.0' };
    }
    expect(() => new (NoMeta as any)(new App(), 'a')).toThrow('package class NoMeta has no static "metadata"');
    expect(() => new (BadVersion as any)(new App(), 'a')).toThrow('metadata.version "one" is not a semantic version');
    expect(() => new (BadName as any)(new App(), 'a')).toThrow('metadata.name "My_Pkg" is not a valid package name');
  });

  test('construct validations fail the environment with every path listed', () => {
    class Invalid extends Package {
      static readonly metadata = { name: 'invalid', version: '1.0.0' };
      constructor(scope: Construct, id: string) {
        super(scope, id);
        const c = new ApiObject(this, 'c', { apiVersion: 'v1', kind: 'ConfigMap' });
        c.node.addValidation({ validate: () => ['data must not be empty'] });
      }
    }
    const platform = new Platform({ environments: { dev: { releases: { bad: { package: Invalid } } } } });
    expect(() => renderEnvironment(platform, 'dev')).toThrow('environment "dev": 1 construct failed validation:\n  bad/c: data must not be empty');
  });
});

describe('a key the platform spec does not have is an error, with the closest key', () => {
  const message = (props: unknown) => {
    try {
      new Platform(props as never);
    } catch (err) {
      return (err as Error).message;
    }
    return 'no error';
  };

  test('extend for extends in an environment (ignored before: the environment started from nothing)', () => {
    expect(message({ environments: { dev: { releases: { web: { package: Web } } }, prod: { extend: 'dev' } } })).toBe(
      'environment "prod": unknown key "extend" (did you mean "extends"?)',
    );
  });

  test('in a release, and in the platform itself', () => {
    expect(message({ environments: { dev: { releases: { web: { package: Web, valuesdir: 'web' } } } } })).toBe(
      'environment "dev": release "web": unknown key "valuesdir" (did you mean "valuesDir"?)',
    );
    expect(message({ environments: { dev: { releases: { web: { package: Web } } } }, enviroments: {} })).toBe(
      'new Platform(): unknown key "enviroments" (did you mean "environments"?)',
    );
  });

  test('without a close key, the message lists the keys', () => {
    expect(message({ environments: { dev: { releases: { web: { package: Web } }, cluster: 'eu-1' } } })).toBe(
      'environment "dev": unknown key "cluster"; the keys are: extends, abstract, namespace, releases, profile, external, createNamespaces, podSecurity, gitops, kubeVersion',
    );
  });
});

describe('runsAfter, notes and gitops settings', () => {
  const platform = (env: Record<string, unknown>) => () => new Platform({ environments: { prod: { releases: { web: { package: Web } }, ...env } as any } });

  test('GitOps settings are checked where the environment is declared', () => {
    expect(platform({ gitops: { tool: 'jenkins', repoURL: 'https://x' } })).toThrow(`environment "prod": gitops.tool "jenkins" is not a GitOps controller; use 'argocd' or 'flux'`);
    expect(platform({ gitops: { tool: 'flux' } })).toThrow('environment "prod": gitops.repoURL is required');
    expect(platform({ gitops: { tool: 'flux', repoURL: 'https://x', interval: '5 minutes' } })).toThrow(`environment "prod": gitops.interval "5 minutes" is not a duration such as '5m' or '1h30m'`);
    expect(platform({ gitops: { tool: 'argocd', repoURL: 'https://x', path: '../dist' } })).toThrow(`gitops.path "../dist" must be a folder relative to the repository's root`);
    expect(platform({ gitops: { tool: 'argocd', repoURL: 'https://x', path: 'deploy/dist' } })).not.toThrow();
  });

  test('runsAfter and notes are checked for their type', () => {
    expect(platform({ releases: { web: { package: Web, runsAfter: 'db' } } })).toThrow(`environment "prod": release "web": runsAfter must be a list of release names, such as ['database']`);
    expect(platform({ releases: { web: { package: Web, notes: 'hello' } } })).toThrow('environment "prod": release "web": notes must be a function of the release');
  });

  test('an extending environment keeps the runsAfter and notes of its base unless it sets its own', () => {
    const notes = () => 'see the wiki';
    const p = new Platform({
      environments: {
        base: { abstract: true, releases: { db: { package: Db }, web: { package: Web, runsAfter: ['db'], notes } } },
        prod: { extends: 'base', releases: { web: { values: { replicas: 3 } } } },
        dev: { extends: 'base', releases: { web: { runsAfter: [] } } },
      },
    });
    const prod = p.environment('prod').releases.find((r) => r.name === 'web')!;
    expect(prod.runsAfter).toEqual(['db']);
    expect(prod.notes).toBe(notes);
    expect(p.environment('dev').releases.find((r) => r.name === 'web')!.runsAfter).toEqual([]);
  });
});
