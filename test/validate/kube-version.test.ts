import * as fs from 'fs';
import * as path from 'path';
import { kubeMinor, kubeVersions, newestKubeVersion, validateObjects } from '../../lib/validate';
import { KubeSchema, kubeRelease } from '../../lib/validate/schema';
import { REPO, makeProject, runCli } from '../support/project';

/**
 * Validation against each Kubernetes minor from 1.28 to the newest bundled:
 * fields a minor does not have yet, apiVersions a newer minor removes, and
 * the schemas themselves (generated from each release's OpenAPI spec).
 */
function findings(obj: Record<string, unknown>, kubeVersion?: string): string[][] {
  return validateObjects([{ obj: JSON.parse(JSON.stringify(obj)), source: {} }], { kubeVersion, external: ['Deployment/web'] })
    .filter((f) => f.rule.startsWith('schema') || f.rule.startsWith('deprecated'))
    .map((f) => [f.rule, f.path, f.message]);
}

const meta = { name: 'web', namespace: 'shop' };
const container = (extra: Record<string, unknown> = {}) => ({ name: 'app', image: 'nginx:1.27.3', ...extra });
const pod = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: { containers: [container()], ...spec } });

/** Fields added after 1.28: [what, object, path, the first minor that has it]. */
const ADDED: Array<[string, Record<string, unknown>, string, string]> = [
  ['a Service\'s trafficDistribution', { apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { selector: { app: 'web' }, ports: [{ port: 80 }], trafficDistribution: 'PreferClose' } }, 'spec.trafficDistribution', '1.30'],
  ['a container\'s sleep lifecycle action', pod({ containers: [container({ lifecycle: { preStop: { sleep: { seconds: 5 } } } })] }), 'spec.containers[0].lifecycle.preStop.sleep', '1.29'],
  ['securityContext.appArmorProfile', pod({ securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }), 'spec.securityContext.appArmorProfile', '1.30'],
  ['a Job\'s successPolicy', { apiVersion: 'batch/v1', kind: 'Job', metadata: meta, spec: { completionMode: 'Indexed', completions: 2, successPolicy: { rules: [{ succeededCount: 1 }] }, template: { spec: { restartPolicy: 'Never', containers: [container()] } } } }, 'spec.successPolicy', '1.30'],
  ['pod-level resources', pod({ resources: { limits: { cpu: '1' } } }), 'spec.resources', '1.32'],
];

describe.each(ADDED)('%s', (_what, obj, at, since) => {
  const before = kubeVersions()[kubeVersions().indexOf(since) - 1];

  test(`is valid from Kubernetes ${since}, and by default`, () => {
    expect(findings(obj, since)).toEqual([]);
    expect(findings(obj, newestKubeVersion())).toEqual([]);
    expect(findings(obj)).toEqual([]);
  });

  test('is an unknown field before, with the version that brings it', () => {
    const field = at.slice(at.lastIndexOf('.') + 1);
    const expected = [['schema-unknown-field', at, `field "${field}" is not available before Kubernetes ${since}`]];
    expect(findings(obj, before)).toEqual(expected);
    expect(findings(obj, '1.28')).toEqual(expected);
  });
});

describe('apiVersions across minors', () => {
  const flowSchema = (apiVersion: string) => ({ apiVersion, kind: 'FlowSchema', metadata: { name: 'f' }, spec: { priorityLevelConfiguration: { name: 'low' } } });

  test('one that a newer minor removes is deprecated-api, with its replacement and the version it goes away', () => {
    const [f] = validateObjects([{ obj: flowSchema('flowcontrol.apiserver.k8s.io/v1beta3'), source: {} }], { kubeVersion: '1.29' });
    expect([f.rule, f.severity, f.path, f.message, f.fix]).toEqual([
      'deprecated-api', 'warning', 'apiVersion', 'flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is removed in Kubernetes 1.32', 'use apiVersion: flowcontrol.apiserver.k8s.io/v1',
    ]);
    expect(validateObjects([{ obj: flowSchema('flowcontrol.apiserver.k8s.io/v1beta3'), source: {} }], { kubeVersion: '1.29', profile: 'prod' })[0].severity).toBe('error');
  });

  test('once removed, it is not served: schema-kind says since when', () => {
    expect(findings(flowSchema('flowcontrol.apiserver.k8s.io/v1beta3'))).toEqual([
      ['schema-kind', 'apiVersion', 'FlowSchema is not served as flowcontrol.apiserver.k8s.io/v1beta3 in Kubernetes ' + newestKubeVersion() + ' (it was removed after 1.31)'],
    ]);
  });

  test('the replacement passes in every minor that serves it', () => {
    for (const v of ['1.29', '1.32', newestKubeVersion()]) expect(findings(flowSchema('flowcontrol.apiserver.k8s.io/v1'), v)).toEqual([]);
  });

  test('a deprecated field is deprecated-field, with what the API says instead', () => {
    expect(findings(pod({ serviceAccount: 'web' }))).toEqual([
      ['deprecated-field', 'spec.serviceAccount', 'field "serviceAccount" is deprecated: Use serviceAccountName instead'],
    ]);
  });
});

describe('the bundled schemas', () => {
  test('every minor from 1.28 to the newest, each from a recorded release', () => {
    const versions = kubeVersions();
    expect(versions[0]).toBe('1.28');
    expect(versions[versions.length - 1]).toBe(newestKubeVersion());
    versions.forEach((v, i) => {
      if (i > 0) expect(Number(v.split('.')[1])).toBe(Number(versions[i - 1].split('.')[1]) + 1);
      expect(kubeRelease(v)).toMatch(new RegExp(`^v${v.replace('.', '\\.')}\\.\\d+$`));
    });
  });

  test.each(kubeVersions())('every kind of %s compiles: no definition is missing', (v) => {
    const schema = KubeSchema.of(v);
    const kinds = schema.allKinds();
    expect(kinds.length).toBeGreaterThan(50);
    for (const kind of kinds) for (const apiVersion of schema.apiVersionsOf(kind)) expect(schema.kind(apiVersion, kind)).toBeDefined();
  });

  test('the package carries the newest minor whole and each older one as a difference, about 400 KB in all', () => {
    const dir = path.join(REPO, 'lib', 'validate', 'schemas');
    const files = fs.readdirSync(dir).filter((f) => f.startsWith('k8s-'));
    expect(files).toHaveLength(kubeVersions().length);
    const total = files.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
    expect(total).toBeLessThan(500_000);
    expect(JSON.parse(fs.readFileSync(path.join(dir, `k8s-${newestKubeVersion()}.json`), 'utf8')).base).toBeUndefined();
  });

  test('a version names its minor', () => {
    expect(kubeMinor('1.30')).toBe('1.30');
    expect(kubeMinor('v1.30.14')).toBe('1.30');
    expect(kubeMinor('1.27')).toBeUndefined();
    expect(kubeMinor('latest')).toBeUndefined();
  });
});

test('validate --kube-version', () => {
  const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'chartwright-kube-version-'));
  try {
    const file = path.join(dir, 'pod.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  resources: {limits: {cpu: "1"}}\n  containers: [{name: app, image: "nginx:1.27.3"}]\n');
    const old = runCli(REPO, ['validate', '--kube-version', '1.31', file]);
    expect(old.code).toBe(1);
    expect(old.stdout).toContain('pod.yaml:5 (document 1): Pod web at spec.resources: field "resources" is not available before Kubernetes 1.32');
    expect(runCli(REPO, ['validate', '--kube-version', 'v1.32.4', file]).code).toBe(0);
    const usage = runCli(REPO, ['validate', '--kube-version', '1.20', file]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain(`--kube-version 1.20: use a Kubernetes version from 1.28 to ${newestKubeVersion()}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('synth validates each environment against its kubeVersion', () => {
  const dir = makeProject({
    'apps/main.ts': `
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { Package, PackageProps, Platform } from '{{lib}}';
class Web extends Package {
  static readonly metadata = { name: 'web', version: '1.0.0' };
  constructor(scope: Construct, id: string, props: PackageProps = {}) {
    super(scope, id, props);
    new ApiObject(this, 'svc', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }], trafficDistribution: 'PreferClose' } });
  }
}
export default new Platform({ environments: { old: { kubeVersion: '1.29', releases: { web: { package: Web } } }, current: { releases: { web: { package: Web } } } } });
`,
  });
  try {
    const old = runCli(dir, ['synth', '--env', 'old']);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain('field "trafficDistribution" is not available before Kubernetes 1.30');
    expect(runCli(dir, ['synth', '--env', 'current']).code).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
