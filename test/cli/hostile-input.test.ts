import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO, makeProject, runCli } from '../support/project';

/**
 * Hostile input through the command line (issue 20): each case ends with a
 * clear message and exit 1 or 2, never a stack trace, a hang or a secret
 * printed. The values-file cases in detail are test/values/hostile-files.test.ts.
 */

const VALUES_PACKAGE = `
import { ApiObject } from 'cdk8s';
import { z } from 'zod';
import { Package } from '{{lib}}';

export const values = z.object({
  replicas: z.number().int().min(1).default(1),
  dbPassword: z.string().min(12).optional(),
  port: z.number().int().default(8080),
});

export class App extends Package<typeof values> {
  static readonly metadata = { name: 'app', version: '1.0.0' };
  static readonly values = values;
  constructor(scope: any, id: string, props: any) {
    super(scope, id, props);
    new ApiObject(this, 'config', { apiVersion: 'v1', kind: 'ConfigMap', data: { replicas: String(this.values.replicas) } });
  }
}
`;
const MAIN = `
import { Platform, release } from '{{lib}}';
import { App } from './app';
export default new Platform({ environments: { dev: { releases: { app: release(App) } } } });
`;

/** No stack trace: no "    at file:line" frame, no "Error:" of a throw nobody caught. */
function expectClean(result: { code: number; stderr: string }, code = 1): void {
  expect(result.code).toBe(code);
  expect(result.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
  expect(result.stderr).not.toContain('internal error');
}

describe('hostile input on the command line', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeProject({ 'apps/app.ts': VALUES_PACKAGE, 'apps/main.ts': MAIN });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('--values /dev/zero and a FIFO are refused at once, not read without end', () => {
    const zero = runCli(dir, ['values', '--values', '/dev/zero']);
    expectClean(zero);
    expect(zero.stderr).toContain('values file /dev/zero cannot be read: it is a device, not a regular file');
    const fifo = path.join(dir, 'pipe.yaml');
    if (spawnSync('mkfifo', [fifo]).status === 0) {
      const result = runCli(dir, ['values', '--values', 'pipe.yaml']);
      expectClean(result);
      expect(result.stderr).toContain('values file pipe.yaml cannot be read: it is a FIFO (named pipe), not a regular file');
    }
  });

  test('a --set of a secret is never echoed, and a 100,000-character value makes a short message', () => {
    const result = runCli(dir, ['values', '--set', 'dbPassword=S3cr3t!']);
    expectClean(result);
    expect(result.stderr).not.toContain('S3cr3t');
    expect(result.stderr).toContain('dbPassword: expected string to have >=12 characters, got a string (not shown: a secret\'s value) (from --set dbPassword=…)');
    const long = runCli(dir, ['values', '--set', `port=${'9'.repeat(100_000)}x`]);
    expectClean(long);
    expect(long.stderr.length).toBeLessThan(1000);
    const unclosed = runCli(dir, ['values', '--set', `replicas={1,2`]);
    expectClean(unclosed);
    expect(unclosed.stderr).toContain('--set replicas=…: the list is not closed');
  });

  test('a values file with several documents says so', () => {
    fs.writeFileSync(path.join(dir, 'multi.yaml'), 'replicas: 2\n---\nport: 1\n');
    const result = runCli(dir, ['values', '--values', 'multi.yaml']);
    expectClean(result);
    expect(result.stderr).toContain('multi.yaml:2:1: a values file holds one document');
    expect(result.stderr).not.toContain('parseAllDocuments');
  });

  test('a TypeScript syntax error names the user file and line, not the loader', () => {
    const broken = makeProject({ 'apps/app.ts': 'export const x = {\n  a: 1,\n  b: = 2,\n};\n', 'apps/main.ts': MAIN });
    try {
      const result = runCli(broken, ['synth']);
      expectClean(result);
      expect(result.stderr).toContain('apps/main.ts failed to load: apps/app.ts:3:6: syntax error: Unexpected token');
      expect(result.stderr).not.toContain('register.js');
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });
});

describe('validate: hostile and tricky manifests', () => {
  test('the order of files, and so which duplicate is reported, does not depend on the locale', () => {
    const dir = makeProject({
      'm/I.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: same}\n',
      'm/i.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: same}\n',
      'm/ı.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: same}\n',
      'm/Z.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: same}\n',
    });
    try {
      const run = (locale: string) =>
        spawnSync(process.execPath, [path.join(REPO, 'bin', 'chartwright.js'), 'validate', '--output', 'json', 'm'], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, LC_ALL: locale, LANG: locale },
        }).stdout;
      const c = run('C');
      expect(run('tr_TR.UTF-8')).toBe(c);
      expect(run('en_US.UTF-8')).toBe(c);
      // code order: upper case first, dotless ı last; the first file is the one the others duplicate
      const findings = JSON.parse(c).findings as Array<{ file: string; message: string }>;
      expect(findings.map((f) => f.file)).toEqual(['m/Z.yaml', 'm/i.yaml', 'm/ı.yaml']);
      expect(findings.every((f) => f.message.endsWith('comes first, at m/I.yaml (document 1)'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a symlink loop says so, not "no such file" (exit 2: unreadable input)', () => {
    const dir = makeProject({});
    try {
      fs.symlinkSync(path.join(dir, 'b.yaml'), path.join(dir, 'a.yaml'));
      fs.symlinkSync(path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml'));
      const result = runCli(dir, ['validate', 'a.yaml']);
      expectClean(result, 2);
      expect(result.stderr).toContain('a.yaml: its path is a loop of symbolic links');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a custom resource of a version its CRD does not serve says so, not "CRD not in the input"', () => {
    const crd = [
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata: {name: widgets.example.com}',
      'spec:',
      '  group: example.com',
      '  scope: Namespaced',
      '  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}',
      '  versions:',
      '  - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}',
      '  - {name: v1alpha1, served: false, storage: false, schema: {openAPIV3Schema: {type: object}}}',
      '---',
      'apiVersion: example.com/v2',
      'kind: Widget',
      'metadata: {name: w, namespace: default}',
      '---',
      'apiVersion: example.com/v1alpha1',
      'kind: Widget',
      'metadata: {name: old, namespace: default}',
    ].join('\n');
    const dir = makeProject({ 'crd.yaml': crd });
    try {
      const result = runCli(dir, ['validate', 'crd.yaml']);
      expectClean(result);
      expect(result.stdout).toContain('the CustomResourceDefinition of Widget in the input does not serve example.com/v2; it serves example.com/v1');
      expect(result.stdout).toContain('does not serve example.com/v1alpha1; it serves example.com/v1');
      expect(result.stdout).not.toContain('is not in the input');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
