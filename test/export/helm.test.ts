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
    expect(parameterized).toEqual(['metrics', 'port']);
    expect(warnings).toEqual([
      'origins: a list; it stays as environment "dev" sets it',
      // a hook Job's name carries a hash of its template (Job templates are immutable): a template cannot recompute it
      expect.stringMatching(/^version: Job shop-migrate-[0-9a-f]{8} metadata.name; Job shop-smoke-[0-9a-f]{8} metadata.name follow it in a way a template cannot; they stay as they are$/),
      'shout: ConfigMap shop-settings data.loud follow it in a way a template cannot; they stay as they are',
    ]);
    const settings = template(chart, 'configmap', 'shop-settings');
    expect(settings).toContain('name: {{ printf "%v%v" $.Release.Name "-settings" | toJson }}');
    expect(settings).toContain('namespace: {{ $.Release.Namespace | toJson }}');
    expect(settings).toContain('url: {{ printf "%v%v%v%v" "http://" $.Release.Name ":" (index $.Values "port") | toJson }}');
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
    expect(ok.stdout).toContain('2 values parameterized, 3 warnings');
    expect(ok.stderr).toContain('warning: origins: a list');
  });
});
