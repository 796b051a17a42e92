import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { makeProject, runCli, writeFiles } from '../support/project';

const PACKAGE = `
import { ApiObject } from 'cdk8s';
import { z } from 'zod';
import { Package } from '{{lib}}';

export const values = z.object({
  replicas: z.number().int().min(1).default(1).describe('Pods to run.'),
  mode: z.string().default('0644').describe('File mode, a string.'),
  from: z.record(z.string(), z.string()).default({}).describe('Which layer set what.'),
  list: z.array(z.string()).default(['default']),
});

export class Layered extends Package<typeof values> {
  static readonly metadata = { name: 'layered', version: '1.0.0' };
  static readonly values = values;
  constructor(scope: any, id: string, props: any) {
    super(scope, id, props);
    new ApiObject(this, 'config', { apiVersion: 'v1', kind: 'ConfigMap', data: { replicas: String(this.values.replicas), mode: this.values.mode } });
  }
}
`;

const MAIN = `
import { Platform, release } from '{{lib}}';
import { Layered } from './layered';
export default new Platform({
  environments: {
    base: { abstract: true, releases: { web: release(Layered, { values: { from: { env: 'base', envBase: 'base' } } }) } },
    prod: { extends: 'base', releases: { web: { values: { from: { env: 'prod' } } }, other: release(Layered) } },
    solo: { releases: { only: release(Layered, { valuesDir: 'web' }) } },
  },
});
`;

describe('values from every layer, through the command line', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeProject({
      'apps/layered.ts': PACKAGE,
      'apps/main.ts': MAIN,
      'apps/web/values.yaml': 'from: { file: values.yaml, yaml: values.yaml, base: values.yaml, prod: values.yaml }\nlist: [a, b]\n',
      'apps/web/values.base.yaml': 'from: { base: values.base.yaml, prod: values.base.yaml }\n',
      'apps/web/values.prod.yaml': 'from: { prod: values.prod.yaml, env: values.prod.yaml, envBase: values.prod.yaml }\n',
      'override.yaml': 'from: { cli: override.yaml, set: override.yaml }\nlist: [c]\n',
    });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('defaults < values.yaml < values.<base>.yaml < values.<env>.yaml < environment < --values < --set', () => {
    const result = runCli(dir, ['values', '--env', 'prod', '--release', 'web', '--values', 'override.yaml', '--set', 'from.set=set,replicas=3,mode=0777']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(parse(result.stdout)).toEqual({
      replicas: 3,
      mode: '0777',
      from: {
        file: 'values.yaml',
        yaml: 'values.yaml',
        base: 'values.base.yaml',
        prod: 'values.prod.yaml',
        env: 'prod',
        envBase: 'base',
        cli: 'override.yaml',
        set: 'set',
      },
      list: ['c'],
    });
  });

  test('synth applies --set to the named release only', () => {
    const result = runCli(dir, ['synth', '--env', 'prod', '--release', 'web', '--set', 'replicas=5']);
    expect(result.code).toBe(0);
    const web = parse(fs.readFileSync(path.join(dir, 'dist/prod/web.k8s.yaml'), 'utf8'));
    const other = parse(fs.readFileSync(path.join(dir, 'dist/prod/other.k8s.yaml'), 'utf8'));
    expect(web.data.replicas).toBe('5');
    expect(other.data.replicas).toBe('1');
  });

  test('--set without --release is an error when an environment has several releases', () => {
    const result = runCli(dir, ['synth', '--env', 'prod', '--set', 'replicas=5']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('environment "prod" has 2: web, other; name the ones they are for with --release NAME');
    expect(runCli(dir, ['synth', '--env', 'solo', '--set', 'replicas=5']).code).toBe(0);
    const unknown = runCli(dir, ['synth', '--env', 'prod', '--release', 'wbe', '--set', 'replicas=5']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--release wbe: no such release in prod (did you mean "web"?)');
  });

  test('a bad value in a values file beside the app fails synth with release, file, line and column, and writes nothing', () => {
    writeFiles(dir, { 'apps/web/values.prod.yaml': 'replicas: 0\n' });
    const result = runCli(dir, ['synth']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: environment "prod", release "web" (package layered): invalid values for package layered 1.0.0:\n' +
        '  replicas: expected number to be >=1, got number 0 (from apps/web/values.prod.yaml:1:11)\n',
    );
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('a YAML syntax error in a --values file names the file, line and column', () => {
    writeFiles(dir, { 'broken.yaml': 'a: [1,\n' });
    const result = runCli(dir, ['synth', '--values', 'broken.yaml', '--release', 'web']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: broken\.yaml:\d+:\d+: /);
  });

  test('values needs --env and --release when there is a choice', () => {
    expect(runCli(dir, ['values']).stderr).toContain('values: name an environment with --env; the environments are: prod, solo');
    expect(runCli(dir, ['values', '--env', 'prod']).stderr).toContain('values: name a release with --release; environment "prod" has: web, other');
    expect(runCli(dir, ['values', '--env', 'solo']).code).toBe(0);
  });

  test('--schema prints the JSON Schema: defaults optional, unknown keys rejected, global allowed', () => {
    const result = runCli(dir, ['values', '--env', 'solo', '--schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required ?? []).toEqual([]);
    expect(schema.properties.replicas).toMatchObject({ type: 'integer', minimum: 1, default: 1, description: 'Pods to run.' });
    expect(schema.properties.global.type).toBe('object');
  });

  test('--docs prints the values table and --write puts it into a README', () => {
    const docs = runCli(dir, ['values', '--env', 'solo', '--docs']);
    expect(docs.stdout).toContain('| `replicas` | integer (≥ 1) | `1` | Pods to run. |');
    expect(docs.stdout).toContain('| `mode` | string | `"0644"` | File mode, a string. |');
    writeFiles(dir, { 'README.md': '# x\n<!-- values:begin -->\nold\n<!-- values:end -->\nafter\n' });
    expect(runCli(dir, ['values', '--env', 'solo', '--docs', '--write', 'README.md']).code).toBe(0);
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(readme).toBe(`# x\n<!-- values:begin -->\n${docs.stdout}<!-- values:end -->\nafter\n`);
    writeFiles(dir, { 'NOMARKERS.md': '# x\n' });
    expect(runCli(dir, ['values', '--env', 'solo', '--docs', '--write', 'NOMARKERS.md']).stderr).toContain('needs the lines <!-- values:begin --> and <!-- values:end -->');
    expect(runCli(dir, ['values', '--schema', '--docs']).code).toBe(2);
  });

  test('--write replaces the README by rename: a linked README stays a link, its mode is kept, no temporary file is left', () => {
    writeFiles(dir, { 'docs/README.md': '# x\n<!-- values:begin -->\nold\n<!-- values:end -->\nafter\n' });
    fs.chmodSync(path.join(dir, 'docs/README.md'), 0o640);
    fs.symlinkSync('docs/README.md', path.join(dir, 'README.md'));
    expect(runCli(dir, ['values', '--env', 'solo', '--docs', '--write', 'README.md']).code).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'README.md')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'docs/README.md'), 'utf8')).toContain('| `replicas` |');
    expect(fs.statSync(path.join(dir, 'docs/README.md')).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(path.join(dir, 'docs'))).toEqual(['README.md']);
  });

  test('--write into a path that is a folder is a clear error, exit 1', () => {
    fs.mkdirSync(path.join(dir, 'folder'));
    const result = runCli(dir, ['values', '--env', 'solo', '--docs', '--write', 'folder']);
    expect(result.stderr).toBe('error: cannot read folder: it is a folder, not a file (EISDIR)\n');
    expect(result.code).toBe(1);
  });
});
