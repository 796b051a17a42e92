import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { EnvironmentSpec, Hook, Package, PackageProps, Platform, TestJob, readManifests, renderEnvironment, validateObjects } from '../../lib';
import { GitOpsSettings } from '../../lib/package/gitops';
import { environmentFiles } from '../../lib/synth/layout';
import { validateEnvironment } from '../../lib/synth/validate';

const JOB = { containers: [{ image: 'registry.example.com/app:1.0.0', command: ['run'] }] };

/** A web app with a migration before it, a warm-up after it, a clean-up on delete and a smoke test. */
class App extends Package {
  static readonly metadata = { name: 'app', version: '1.0.0' };
  constructor(scope: Construct, id: string, props: PackageProps = {}) {
    super(scope, id, props);
    new ApiObject(this, 'settings', { apiVersion: 'v1', kind: 'ConfigMap', data: { a: '1' } });
    new Hook(this, 'migrate', { on: ['preInstall', 'preUpgrade'], job: JOB });
    new Hook(this, 'warm', { on: ['postUpgrade'], job: JOB });
    new Hook(this, 'cleanup', { on: ['preDelete'], job: JOB });
    new TestJob(this, 'smoke', { job: JOB });
  }
}

/** A package with a CustomResourceDefinition. */
class Crd extends Package {
  static readonly metadata = { name: 'crd', version: '1.0.0' };
  constructor(scope: Construct, id: string, props: PackageProps = {}) {
    super(scope, id, props);
    new ApiObject(this, 'crd', { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' }, spec: {} });
  }
}

const REPO = 'https://github.com/acme/platform.git';

function renderWith(env: Partial<EnvironmentSpec>) {
  const platform = new Platform({
    environments: {
      prod: {
        namespace: 'shop',
        releases: { web: { package: App, runsAfter: ['db'] }, db: { package: App, namespace: 'data' }, crd: { package: Crd } },
        ...env,
      },
    },
  });
  return renderEnvironment(platform, 'prod');
}

/** The files of the environment, path → `Kind/name` of each object (or the text's first line). */
function layout(env: Partial<EnvironmentSpec>): Record<string, string[]> {
  const files: Record<string, string[]> = {};
  for (const file of environmentFiles(renderWith(env))) {
    files[file.path] = 'docs' in file ? file.docs.map((d: any) => (d.kind === 'Kustomization' && d.resources ? `Kustomization: ${d.resources.join(' ')}` : `${d.kind}/${d.metadata.name}`)) : [file.text.split('\n')[0]];
  }
  return files;
}

const names = (list: string[]) => list.map((x) => x.replace(/-[0-9a-f]{8}$/, '-<hash>'));

describe('deploy order', () => {
  test('a release comes after the releases it runs after, otherwise in declaration order', () => {
    expect(renderWith({}).releases.map((r) => r.name)).toEqual(['db', 'web', 'crd']);
  });

  test('unknown releases and cycles are errors naming the environment and releases', () => {
    expect(() => renderWith({ releases: { web: { package: App, runsAfter: ['dbb'] }, db: { package: App } } })).toThrow(
      'environment "prod": release "web" runs after "dbb", which is not a release of this environment (did you mean "db"?)',
    );
    expect(() => renderWith({ releases: { a: { package: App, runsAfter: ['b'] }, b: { package: App, runsAfter: ['a'] } } })).toThrow(
      "environment \"prod\": the releases' runsAfter form a cycle: a runs after b runs after a",
    );
    expect(() => renderWith({ releases: { a: { package: App, runsAfter: ['a'] } } })).toThrow('release "a" runs after itself');
  });
});

describe('layout for kubectl', () => {
  test('hooks and tests in stages of their own, CRDs first, notes beside', () => {
    const files = layout({});
    expect(Object.keys(files).sort()).toEqual([
      'crd.NOTES.md', 'crd.k8s.yaml', 'crds/crd.k8s.yaml', 'crds/kustomization.yaml', 'db.NOTES.md', 'db.k8s.yaml',
      'delete/db.k8s.yaml', 'delete/kustomization.yaml', 'delete/web.k8s.yaml',
      'kustomization.yaml', 'namespaces.yaml',
      'post/db.k8s.yaml', 'post/kustomization.yaml', 'post/web.k8s.yaml',
      'pre/db.k8s.yaml', 'pre/kustomization.yaml', 'pre/web.k8s.yaml',
      'tests/db.k8s.yaml', 'tests/kustomization.yaml', 'tests/web.k8s.yaml',
      'web.NOTES.md', 'web.k8s.yaml',
    ]);
    expect(files['kustomization.yaml']).toEqual(['Kustomization: namespaces.yaml db.k8s.yaml web.k8s.yaml crd.k8s.yaml']);
    expect(files['web.k8s.yaml']).toEqual(['ConfigMap/web-settings']);
    expect(names(files['pre/web.k8s.yaml'])).toEqual(['Job/web-migrate-<hash>']);
    expect(names(files['post/web.k8s.yaml'])).toEqual(['Job/web-warm-<hash>']);
    expect(names(files['delete/web.k8s.yaml'])).toEqual(['Job/web-cleanup-<hash>']);
    expect(names(files['tests/web.k8s.yaml'])).toEqual(['Job/web-smoke-<hash>']);
    expect(files['pre/kustomization.yaml']).toEqual(['Kustomization: db.k8s.yaml web.k8s.yaml']);
    expect(files['crds/crd.k8s.yaml']).toEqual(['CustomResourceDefinition/widgets.example.com']);
    expect(files['web.NOTES.md']).toEqual(['# web (prod)']);
  });
});

describe('layout and objects for Argo CD', () => {
  const gitops: GitOpsSettings = { tool: 'argocd', repoURL: REPO, revision: 'release', path: 'deploy/out' };

  test('a folder per stage; hooks and tests stay with their release, for Argo CD to run', () => {
    const files = layout({ gitops });
    expect(Object.keys(files).filter((f) => !f.endsWith('.NOTES.md')).sort()).toEqual([
      'argocd/applications.yaml', 'argocd/kustomization.yaml', 'crds/crd.k8s.yaml', 'crds/kustomization.yaml', 'kustomization.yaml',
      'namespaces/kustomization.yaml', 'namespaces/namespaces.yaml',
      'releases/crd/crd.k8s.yaml', 'releases/crd/kustomization.yaml', 'releases/db/db.k8s.yaml', 'releases/db/kustomization.yaml',
      'releases/web/kustomization.yaml', 'releases/web/web.k8s.yaml',
    ]);
    expect(names(files['releases/web/web.k8s.yaml'])).toEqual(['ConfigMap/web-settings', 'Job/web-migrate-<hash>', 'Job/web-warm-<hash>', 'Job/web-cleanup-<hash>', 'Job/web-smoke-<hash>']);
    expect(files['kustomization.yaml']).toEqual(['Kustomization: namespaces releases/db releases/web releases/crd']);
  });

  test('one Application per stage, in sync waves from the stage graph, with the sync options', () => {
    const apps = renderWith({ gitops }).gitops!.objects as any[];
    expect(apps.map((a) => [a.metadata.name, a.metadata.annotations['argocd.argoproj.io/sync-wave'], a.spec.source.path, a.spec.destination.namespace])).toEqual([
      ['prod-crds', '0', 'deploy/out/prod/crds', undefined],
      ['prod-namespaces', '0', 'deploy/out/prod/namespaces', undefined],
      ['prod-db', '1', 'deploy/out/prod/releases/db', 'data'],
      ['prod-web', '2', 'deploy/out/prod/releases/web', 'shop'],
      ['prod-crd', '1', 'deploy/out/prod/releases/crd', 'shop'],
    ]);
    expect(apps[3]).toMatchObject({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { namespace: 'argocd', finalizers: ['resources-finalizer.argocd.argoproj.io'] },
      spec: {
        project: 'default',
        source: { repoURL: REPO, targetRevision: 'release' },
        destination: { server: 'https://kubernetes.default.svc' },
        syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['ServerSideApply=true', 'CreateNamespace=false', 'PruneLast=true'] },
      },
    });
  });
});

describe('layout and objects for Flux', () => {
  const gitops: GitOpsSettings = { tool: 'flux', repoURL: REPO };

  test("a folder per stage, with each release's hook stages inside its folder", () => {
    const files = layout({ gitops });
    expect(Object.keys(files).filter((f) => f.startsWith('releases/web/') || f.startsWith('flux/')).sort()).toEqual([
      'flux/kustomization.yaml', 'flux/kustomizations.yaml',
      'releases/web/delete/kustomization.yaml', 'releases/web/delete/web.k8s.yaml',
      'releases/web/kustomization.yaml',
      'releases/web/post/kustomization.yaml', 'releases/web/post/web.k8s.yaml',
      'releases/web/pre/kustomization.yaml', 'releases/web/pre/web.k8s.yaml',
      'releases/web/tests/kustomization.yaml', 'releases/web/tests/web.k8s.yaml',
      'releases/web/web.k8s.yaml',
    ]);
    expect(files['releases/web/web.k8s.yaml']).toEqual(['ConfigMap/web-settings']);
  });

  test('a GitRepository and a Kustomization per stage, dependsOn from the stage graph, prune and wait', () => {
    const objects = renderWith({ gitops }).gitops!.objects as any[];
    expect(objects[0]).toEqual({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'chartwright-prod', namespace: 'flux-system', labels: { 'app.kubernetes.io/managed-by': 'chartwright', 'chartwright.dev/environment': 'prod' } },
      spec: { interval: '5m', url: REPO, ref: { branch: 'main' } },
    });
    const deps = Object.fromEntries(objects.slice(1).map((k) => [k.metadata.name, [k.spec.path, ...(k.spec.dependsOn ?? []).map((d: any) => d.name)]]));
    expect(deps).toEqual({
      'prod-crds': ['./dist/prod/crds'],
      'prod-namespaces': ['./dist/prod/namespaces'],
      'prod-db-pre': ['./dist/prod/releases/db/pre', 'prod-crds', 'prod-namespaces'],
      'prod-db': ['./dist/prod/releases/db', 'prod-crds', 'prod-namespaces', 'prod-db-pre'],
      'prod-db-post': ['./dist/prod/releases/db/post', 'prod-db'],
      'prod-web-pre': ['./dist/prod/releases/web/pre', 'prod-crds', 'prod-namespaces', 'prod-db'],
      'prod-web': ['./dist/prod/releases/web', 'prod-crds', 'prod-namespaces', 'prod-db', 'prod-web-pre'],
      'prod-web-post': ['./dist/prod/releases/web/post', 'prod-web'],
      'prod-crd': ['./dist/prod/releases/crd', 'prod-crds', 'prod-namespaces'],
    });
    expect(objects[1].spec).toMatchObject({ interval: '5m', prune: true, wait: true, timeout: '5m', sourceRef: { kind: 'GitRepository', name: 'chartwright-prod' } });
  });

  test('a release named like another stage is an error, not two objects of one name', () => {
    expect(() => renderWith({ gitops, releases: { namespaces: { package: App } } })).toThrow(
      'environment "prod": the GitOps stage "namespaces" is there twice: a release of that name and the stage of the same name would share their Argo CD Application or Flux Kustomization; rename the release',
    );
    expect(() => renderWith({ gitops, releases: { web: { package: App }, 'web-pre': { package: App } } })).toThrow('the GitOps stage "web-pre" is there twice');
  });

  test('an environment inherits its base\'s GitOps settings; each environment its own objects', () => {
    const platform = new Platform({
      environments: {
        base: { abstract: true, gitops, releases: { web: { package: App } } },
        staging: { extends: 'base', namespace: 'staging' },
        prod: { extends: 'base', namespace: 'prod', gitops: { ...gitops, revision: 'production' } },
      },
    });
    const source = (env: string) => (renderEnvironment(platform, env).gitops!.objects[0] as any).spec.ref.branch;
    expect([source('staging'), source('prod')]).toEqual(['main', 'production']);
    const web = renderEnvironment(platform, 'staging').gitops!.objects.find((o) => o.metadata.name === 'staging-web') as any;
    expect(web.spec.path).toBe('./dist/staging/releases/web');
  });
});

describe('GitOps objects are validated like everything else', () => {
  test('the objects synth writes pass', () => {
    for (const tool of ['argocd', 'flux'] as const) {
      const findings = validateEnvironment(renderWith({ gitops: { tool, repoURL: REPO } }), { profile: 'prod' });
      expect(findings.filter((f) => f.source?.construct?.startsWith('environment prod:'))).toEqual([]);
    }
  });

  test('the objects synth writes pass the real CustomResourceDefinitions of Argo CD 3.6 and Flux 2 (test/cluster/fixtures/gitops-crds)', () => {
    const crds = readManifests([path.join(__dirname, '..', 'cluster', 'fixtures', 'gitops-crds')]);
    expect(crds.objects.map((o) => (o.obj as any).metadata.name).sort()).toEqual(['applications.argoproj.io', 'gitrepositories.source.toolkit.fluxcd.io', 'kustomizations.kustomize.toolkit.fluxcd.io']);
    for (const tool of ['argocd', 'flux'] as const) {
      const objects = renderWith({ gitops: { tool, repoURL: REPO } }).gitops!.objects.map((obj, i) => ({ obj, source: { file: 'gitops', document: i } }));
      const findings = validateObjects([...crds.objects, ...objects] as any, { ignoreMissingSchemas: false });
      expect(findings.filter((f) => f.severity === 'error' || f.rule.startsWith('schema'))).toEqual([]);
    }
  });

  test('a wrong field of an Application, Kustomization or GitRepository is an error', () => {
    const yaml = `
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: { name: a, namespace: argocd }
spec:
  source: { repoURL: ${REPO}, path: dist/prod }
  destination: { namespace: shop }
  syncPolicy: { automated: { prune: "yes" } }
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: { name: k, namespace: flux-system }
spec: { interval: 5m, path: ./dist, sourceRef: { kind: GitRepo, name: s }, dependsOn: [{ namespace: x }] }
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata: { name: s, namespace: flux-system }
spec: { interval: 5m }
`;
    const objects = parseAllDocuments(yaml).map((d, i) => ({ obj: d.toJS(), source: { file: 'gitops.yaml', document: i } }));
    const errors = validateObjects(objects as any).filter((f) => f.severity === 'error').map((f) => `${f.path}: ${f.message}`);
    expect(errors.sort()).toEqual([
      'spec.dependsOn[0].name: required field "name" is missing',
      'spec.project: required field "project" is missing',
      'spec.prune: required field "prune" is missing',
      'spec.sourceRef.kind: "GitRepo" is not one of "OCIRepository", "GitRepository", "Bucket", "ExternalArtifact"',
      'spec.syncPolicy.automated.prune: expected a boolean, found the string "yes"',
      'spec.url: required field "url" is missing',
    ]);
  });
});
