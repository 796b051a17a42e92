import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { exportHelmChart } from '../../lib/export';
import { makeProject, runCli } from '../support/project';
import { MAIN, SHOP } from './fixture';

describe('export helm', () => {
  let dir: string;
  let cwd: string;
  beforeAll(() => {
    dir = makeProject({ 'apps/shop.ts': SHOP, 'apps/main.ts': MAIN });
    cwd = process.cwd();
    process.chdir(dir);
  });
  afterAll(() => {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const read = (chart: string, file: string) => fs.readFileSync(path.join(chart, file), 'utf8');
  const template = (chart: string, kind: string, name: string) => {
    const file = fs.readdirSync(path.join(chart, 'templates')).find((f) => f.endsWith(`-${kind}-${name}.yaml`));
    if (!file) throw new Error(`no template for ${kind} ${name} in ${fs.readdirSync(path.join(chart, 'templates')).join(', ')}`);
    return read(chart, path.join('templates', file));
  };

  test('writes the chart files from the package and the environment', () => {
    const { chart } = exportHelmChart({ release: 'shop', env: 'dev', out: 'charts' });
    expect(chart).toBe(path.join(fs.realpathSync(dir), 'charts', 'shop'));
    expect(read(chart, 'Chart.yaml')).toContain('apiVersion: v2\nname: shop\nversion: 2.1.0\nappVersion: "9.9"\ndescription: A shop.\n');
    expect(read(chart, 'values.yaml')).toContain('# The version to run.\nversion: 1.0.0\n# Whether the metrics settings exist.\nmetrics: true\n');
    expect(JSON.parse(read(chart, 'values.schema.json')).properties.port).toMatchObject({ type: 'integer', default: 8080 });
    expect(read(chart, 'README.md')).toContain('| `version` |');
    expect(read(chart, 'templates/NOTES.txt')).toContain('shop');
  });

  test('values, release name and namespace become expressions; a gated object an if; what cannot follow is named', () => {
    const { chart, parameterized, warnings } = exportHelmChart({ release: 'shop', env: 'dev', out: 'charts' });
    expect(parameterized).toEqual(['metrics', 'port', 'payment.token']);
    expect(warnings).toEqual([
      'origins: a list; it stays as environment "dev" sets it',
      // a hook Job's name carries a hash of its template (Job templates are immutable): a template cannot recompute it
      expect.stringMatching(/^version: Job shop-migrate-[0-9a-f]{8} metadata.name; Job shop-smoke-[0-9a-f]{8} metadata.name follow it in a way a template cannot; they stay as they are$/),
      'shout: ConfigMap shop-settings data.loud follow it in a way a template cannot; they stay as they are',
    ]);
    const settings = template(chart, 'configmap', 'shop-settings');
    expect(settings).toContain('name: {{ printf "%v%v" $.Release.Name "-settings" | toJson }}');
    expect(settings).toContain('namespace: {{ $.Release.Namespace | toJson }}');
    // an integer of the schema goes through int64: Helm would print a float64 of a million as 1e+06
    expect(settings).toContain('url: {{ printf "%v%v%v%v" "http://" $.Release.Name ":" ((index $.Values "port") | int64) | toJson }}');
    expect(settings).toContain('loud: HI');
    // literal braces are not read as a template
    expect(settings).toContain('braces: {{ "{{ not a template }}" | toJson }}');
    expect(template(chart, 'configmap', 'shop-metrics')).toMatch(/^\{\{- if \(index \$\.Values "metrics"\) \}\}\n[^]*\{\{- end \}\}\n$/);
  });

  test('hooks and tests keep their helm.sh/hook annotations', () => {
    const { chart } = exportHelmChart({ release: 'shop', env: 'dev', out: 'charts' });
    const files = fs.readdirSync(path.join(chart, 'templates')).filter((f) => f.includes('-job-'));
    const annotations = files.map((f) => parseAllDocuments(read(chart, path.join('templates', f)).replace(/\{\{[^}]*\}\}/g, 'x'))[0].toJS().metadata.annotations['helm.sh/hook']);
    expect(annotations.sort()).toEqual(['pre-install,pre-upgrade', 'test']);
  });

  test('an object the chosen environment turns off is left out, with a warning', () => {
    const { chart, warnings } = exportHelmChart({ release: 'shop', env: 'prod', out: 'charts' });
    expect(fs.readdirSync(path.join(chart, 'templates')).some((f) => f.includes('metrics'))).toBe(false);
    expect(warnings).toContain('metrics: an object at /metrics/Resource that exists only with other values follow it in a way a template cannot; they stay as they are');
  });

  test('the command: usage errors exit 2, a missing environment choice exits 1', () => {
    expect(runCli(dir, ['export', 'helm']).code).toBe(2);
    expect(runCli(dir, ['export', 'yaml', '--release', 'shop']).code).toBe(2);
    const many = runCli(dir, ['export', 'helm', '--release', 'shop']);
    expect(many.code).toBe(1);
    expect(many.stderr).toContain('name the one whose values become the chart\'s defaults with --env');
    const ok = runCli(dir, ['export', 'helm', '--release', 'shop', '--env', 'dev', '--out', 'out']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('3 values parameterized, 3 warnings');
    expect(ok.stderr).toContain('warning: origins: a list');
  });

  test("Chart.yaml's kubeVersion is the environment's Kubernetes version as a Helm constraint that admits providers' builds", () => {
    const prod = exportHelmChart({ release: 'shop', env: 'prod', out: 'charts' }).chart;
    expect(read(prod, 'Chart.yaml')).toContain('kubeVersion: ">=1.30.0-0"\n');
    // an environment that names none: the oldest Kubernetes version chartwright targets
    const dev = exportHelmChart({ release: 'shop', env: 'dev', out: 'charts' }).chart;
    expect(read(dev, 'Chart.yaml')).toContain('kubeVersion: ">=1.28.0-0"\n');
  });

  test('a sensitive value the environment sets is in no file of the chart; values.yaml says how to give it, and the template requires it', () => {
    const { chart } = exportHelmChart({ release: 'shop', env: 'dev', out: 'charts' });
    const files = fs.readdirSync(chart, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(fs.readFileSync(path.join(file.parentPath, file.name), 'utf8')).not.toContain('tok-dev-s3cret');
    const values = read(chart, 'values.yaml');
    expect(values).toContain('payment:\n  {}\n  # token: sensitive, left out; set it with --set payment.token=… or a values file kept secret (-f); the templates require it\n');
    expect(template(chart, 'secret', 'shop-payment')).toContain(
      // a Secret's data: the template encodes the value it requires
      'token: {{ printf "%v" (required "payment.token is sensitive and not in the chart\'s values.yaml: set it with --set payment.token=… or a values file kept secret (-f)" (index $.Values "payment" "token")) | b64enc | toJson }}',
    );
    // the package's own default is published with the package: it stays
    const prod = exportHelmChart({ release: 'shop', env: 'prod', out: 'charts' }).chart;
    expect(read(prod, 'values.yaml')).toContain('payment:\n  # Token of the payment provider.\n  token: none\n');
  });

  test('a sensitive value a template cannot compute stops the export, naming the value and the field, never the value itself', () => {
    const leaky = makeProject({
      'apps/main.ts': `
import { Construct } from 'constructs';
import { z } from 'zod';
import { ConfigMap, Package, PackageProps, Platform } from '{{lib}}';
const values = z.object({ pin: z.string().default('0000').meta({ sensitive: true }).describe('A PIN.') });
class Vault extends Package<typeof values> {
  static readonly metadata = { name: 'vault', version: '1.0.0' };
  static readonly values = values;
  constructor(scope: Construct, id: string, props: PackageProps<typeof values> = {}) {
    super(scope, id, props);
    new ConfigMap(this, 'hint', { data: { reversed: this.values.pin.split('').reverse().join('') } });
  }
}
export default new Platform({ environments: { dev: { namespace: 'vault', releases: { vault: { package: Vault, values: { pin: '4711' } } } } } });
`,
    });
    try {
      const result = runCli(leaky, ['export', 'helm', '--release', 'vault', '--out', 'charts']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('pin: ConfigMap vault-hint data.reversed follow it in a way a template cannot; it is sensitive and environment "dev" sets it, so the chart would carry its value');
      expect(result.stderr).not.toMatch(/4711|1174/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(fs.existsSync(path.join(leaky, 'charts'))).toBe(false);
    } finally {
      fs.rmSync(leaky, { recursive: true, force: true });
    }
  });

  /** A package with a value that has no default. */
  const REQUIRED = `import { z } from 'zod';
import { Package } from '{{lib}}';
const values = z.object({ host: z.string().describe('Host.'), replicas: z.number().default(1) });
export class NeedsHost extends Package<typeof values> {
  static readonly metadata = { name: 'needs-host', version: '1.0.0' };
  static readonly values = values;
}
`;

  test('--package exports a package project without a platform: its own defaults, the release name and namespace from Helm', () => {
    const project = makeProject({ 'src/shop.ts': SHOP, 'src/index.ts': "export { Shop } from './shop';\nexport const unrelated = 1;\n", 'src/two.ts': "export { Shop } from './shop';\nexport { Shop as Other } from './shop';\n", 'src/required.ts': REQUIRED });
    try {
      const ok = runCli(project, ['export', 'helm', '--package', 'src/index.ts', '--out', 'charts']);
      expect(ok.stderr).toContain("warning: origins: a list; it stays as the package's defaults set it");
      expect(ok.code).toBe(0);
      const chart = path.join(project, 'charts', 'shop');
      expect(read(chart, 'Chart.yaml')).toContain('name: shop\nversion: 2.1.0\n');
      expect(read(chart, 'values.yaml')).toContain('payment:\n  # Token of the payment provider.\n  token: none\n');
      const settings = template(chart, 'configmap', 'shop-settings');
      expect(settings).toContain('name: {{ printf "%v%v" $.Release.Name "-settings" | toJson }}');
      expect(settings).toContain('namespace: {{ $.Release.Namespace | toJson }}');

      const picked = runCli(project, ['export', 'helm', '--package', 'src/two.ts#Other', '--out', 'picked']);
      expect(picked.code).toBe(0);
      const two = runCli(project, ['export', 'helm', '--package', 'src/two.ts']);
      expect(two.code).toBe(1);
      expect(two.stderr).toContain('src/two.ts exports 2 package classes (Shop, Other): name one as src/two.ts#Shop');
      const missing = runCli(project, ['export', 'helm', '--package', 'src/nope.ts']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('package module src/nope.ts not found');
      const none = runCli(project, ['export', 'helm', '--package', 'src/two.ts#Third']);
      expect(none.code).toBe(1);
      expect(none.stderr).toContain('src/two.ts exports no package class "Third"');
      const required = runCli(project, ['export', 'helm', '--package', 'src/required.ts', '--out', 'required']);
      expect(required.code).toBe(1);
      expect(required.stderr).toMatch(/^error: --package src\/required.ts: package needs-host has values without a default, and a chart's values.yaml needs one for each: host: a value is required/);
      expect(required.stderr).toContain('give them defaults');
      expect(required.stderr).not.toContain('"package"');
      expect(fs.existsSync(path.join(project, 'required'))).toBe(false);
      const both = runCli(project, ['export', 'helm', '--package', 'src/index.ts', '--release', 'shop']);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('leave out --release');
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });

  test("an environment's patches are in the templates, applied to the same object under any release name", () => {
    const { chart, warnings } = exportHelmChart({ release: 'shop', env: 'prod', out: 'charts' });
    const settings = template(chart, 'configmap', 'shop-settings');
    expect(settings).toContain('patched: "yes"');
    expect(settings).toContain('name: {{ printf "%v%v" $.Release.Name "-settings" | toJson }}');
    expect(warnings.filter((w) => w.startsWith('the release name'))).toEqual([]);
  });

  test('NOTES.txt names the objects with Helm\'s release name and namespace', () => {
    const { chart } = exportHelmChart({ release: 'shop', env: 'dev', out: 'charts' });
    const notes = read(chart, 'templates/NOTES.txt');
    expect(notes).toContain('in namespace `{{ .Release.Namespace }}`');
    expect(notes).toContain('- ConfigMap `{{ .Release.Namespace }}/{{ .Release.Name }}-settings`');
    expect(notes).toContain('`helm test {{ .Release.Name }}`');
    expect(notes).not.toContain('shop-dev');
  });
});
