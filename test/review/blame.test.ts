import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { makeProject, runCli, writeFiles } from '../support/project';

/**
 * Values blame through every layer: values.yaml, values.<base env>.yaml,
 * values.<env>.yaml, an environment's values in the platform entry, a
 * --values file and --set; a value the schema marks sensitive; a Secret's
 * value given with --set. Each data key of the ConfigMap comes from one value.
 */
const SHOP = `
import { Construct } from 'constructs';
import { ApiObject } from 'cdk8s';
import { z } from 'zod';
import { Package, PackageProps } from '{{lib}}';

const values = z.object({
  a: z.string().default('a0'), b: z.string().default('b0'), c: z.string().default('c0'),
  d: z.string().default('d0'), e: z.string().default('e0'), f: z.string().default('f0'),
  token: z.string().meta({ sensitive: true }).default('t0'),
  password: z.string().default('p0'),
  extra: z.boolean().default(false),
});

export class Shop extends Package<typeof values> {
  static readonly metadata = { name: 'shop', version: '1.0.0' };
  static readonly values = values;
  constructor(scope: Construct, id: string, props: PackageProps<typeof values> = {}) {
    super(scope, id, props);
    const v = this.values;
    new ApiObject(this, 'config', { apiVersion: 'v1', kind: 'ConfigMap', data: { a: v.a, b: v.b, c: v.c, d: v.d, e: v.e, f: v.f, both: v.a + '-' + v.f, token: v.token } });
    new ApiObject(this, 'credentials', { apiVersion: 'v1', kind: 'Secret', stringData: { password: v.password } });
    if (v.extra) new ApiObject(this, 'extra', { apiVersion: 'v1', kind: 'ConfigMap', data: {} });
  }
}
`;

const main = (d: string) => `
import { Platform, release } from '{{lib}}';
import { Shop } from './shop';
export default new Platform({
  environments: {
    base: { abstract: true, namespace: 'shop', releases: { shop: release(Shop, { valuesDir: 'shop' }) } },
    prod: { extends: 'base', releases: { shop: release(Shop, { valuesDir: 'shop', values: { d: '${d}' } }) } },
  },
});
`;

describe('chartwright diff: values blame', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeProject({ 'apps/main.ts': main('d1'), 'apps/shop/index.ts': SHOP, 'apps/shop/values.yaml': 'a: a1\n', 'apps/shop/values.base.yaml': 'c: c1\n', 'apps/shop/values.prod.yaml': 'b: b1\n' });
    const synth = runCli(dir, ['synth', '--out', 'base']);
    expect(synth.stderr).toBe('');
    writeFiles(dir, {
      'apps/main.ts': main('d2'),
      'apps/shop/values.yaml': '# the first line\na: a2\n',
      'apps/shop/values.base.yaml': 'c: c2\n',
      'apps/shop/values.prod.yaml': 'b: b2\n\ntoken: sensitive-token-value\nextra: true\n',
      'extra.yaml': 'e: e2\n',
    });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('each changed field names the value and the layer that set it', () => {
    const r = runCli(dir, ['diff', '--base-dir', 'base', '--values', 'extra.yaml', '--set', 'f=f2', '--set', 'password=hunter2-secret', '--output', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const changes = JSON.parse(r.stdout).changes;
    const config = changes.find((c: any) => c.name === 'shop-config');
    const blame = Object.fromEntries(config.fields.map((f: any) => [f.field, (f.blame ?? []).map((b: any) => `${b.source} ${b.path}`)]));
    expect(blame).toEqual({
      'data.a': [`${path.join('apps', 'shop', 'values.yaml')}:2 a`],
      'data.b': [`${path.join('apps', 'shop', 'values.prod.yaml')}:1 b`],
      'data.both': [`${path.join('apps', 'shop', 'values.yaml')}:2 a`, '--set f=f2 f'],
      'data.c': [`${path.join('apps', 'shop', 'values.base.yaml')}:1 c`],
      'data.d': [`environment "prod" in ${path.join('apps', 'main.ts')} d`],
      'data.e': ['extra.yaml:1 e'],
      'data.f': ['--set f=f2 f'],
      'data.token': [`${path.join('apps', 'shop', 'values.prod.yaml')}:3 token`],
    });
    // the sensitive value's field is hidden
    expect(config.fields.find((f: any) => f.field === 'data.token')).toEqual({ field: 'data.token', path: ['data', 'token'], hidden: true, blame: expect.any(Array) });
    const extra = changes.find((c: any) => c.name === 'shop-extra');
    expect([extra.change, extra.blame]).toEqual(['added', [{ path: 'extra', source: `${path.join('apps', 'shop', 'values.prod.yaml')}:4` }]]);
    const secret = changes.find((c: any) => c.kind === 'Secret');
    expect(secret.fields).toEqual([{ field: 'stringData.password', path: ['stringData', 'password'], hidden: true, blame: [{ path: 'password', source: '--set password=(hidden)' }] }]);
  });

  test.each(['text', 'markdown', 'json'])('no secret or sensitive value in the %s output', (format) => {
    const r = runCli(dir, ['diff', '--base-dir', 'base', '--set', 'password=hunter2-secret', '--output', format]);
    expect(r.code).toBe(1);
    for (const text of [r.stdout, r.stderr]) {
      expect(text).not.toContain('hunter2-secret');
      expect(text).not.toContain('sensitive-token-value');
    }
    expect(r.stdout).toContain('password');
  });

  test('--no-blame leaves blame out, and still hides what a sensitive value reaches', () => {
    const r = runCli(dir, ['diff', '--base-dir', 'base', '--no-blame', '--output', 'json']);
    expect(r.stdout).not.toContain('"blame"');
    expect(r.stdout).not.toContain('sensitive-token-value');
    expect(r.stdout).toContain('"field": "data.a"');
  });
});

describe('chartwright diff --base REF', () => {
  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return r.stdout.trim();
  };

  test('renders the revision in a temporary worktree and compares; the worktree is gone after, also on failure', () => {
    const dir = makeProject({ 'apps/main.ts': main('d1'), 'apps/shop/index.ts': SHOP, 'apps/shop/values.yaml': 'a: a1\n', '.gitignore': 'node_modules\n' });
    try {
      git(dir, 'init', '-q', '-b', 'main');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', 'first');
      writeFiles(dir, { 'apps/shop/values.yaml': 'a: a2\n' });
      const r = runCli(dir, ['diff', '--base', 'main']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`      data.a: "a1" → "a2"  ← ${path.join('apps', 'shop', 'values.yaml')}:1 a`);
      expect(r.stdout).toContain('environment prod, release shop');
      expect(git(dir, 'worktree', 'list').split('\n')).toHaveLength(1);
      // the same working tree against itself
      git(dir, 'commit', '-qam', 'second');
      expect(runCli(dir, ['diff', '--base', 'HEAD'])).toMatchObject({ code: 0, stdout: 'no changes\n' });
      const bad = runCli(dir, ['diff', '--base', 'no-such-branch']);
      expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('--base no-such-branch: no such revision')]);
      // a revision whose values are invalid: the error names the revision and the file
      writeFiles(dir, { 'apps/shop/values.yaml': 'a: [unclosed\n' });
      git(dir, 'commit', '-qam', 'broken');
      writeFiles(dir, { 'apps/shop/values.yaml': 'a: a2\n' });
      const broken = runCli(dir, ['diff', '--base', 'HEAD']);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toMatch(/^error: --base HEAD: the revision does not render: .*values\.yaml:\d+:\d+/);
      expect(git(dir, 'worktree', 'list').split('\n')).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('outside a git repository --base is an error that says what to do', () => {
    const dir = makeProject({ 'apps/main.ts': main('d1'), 'apps/shop/index.ts': SHOP });
    try {
      const r = runCli(dir, ['diff', '--base', 'main']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/is not in a git repository; compare with a folder instead \(--base-dir DIR\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the rollout steps of docs/rollouts.md, reviewed with chartwright diff', () => {
  const REPO = path.resolve(__dirname, '..', '..');
  let out: string;
  beforeAll(() => {
    out = fs.mkdtempSync(path.join(require('os').tmpdir(), 'chartwright-rollout-'));
    expect(runCli(REPO, ['synth', '--env', 'prod', '--out', out]).code).toBe(0);
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test('blue/green release: only the Services change, traffic moves, and the --set is named', () => {
    const r = runCli(REPO, ['diff', '--base-dir', out, '--env', 'prod', '--release', 'hello', '--set', 'rollout.blueGreen.activeColor=green', '--output', 'json']);
    expect(r.code).toBe(1);
    const changes = JSON.parse(r.stdout).changes;
    expect(changes.map((c: any) => `${c.kind}/${c.name}`)).toEqual(['Service/hello-server', 'Service/hello-server-preview']);
    for (const c of changes) {
      expect(c.risks).toEqual([{ level: 'disruptive', why: 'the Service selects other pods: traffic moves' }]);
      expect(c.fields).toEqual([
        { field: 'spec.selector["chartwright.dev/color"]', path: ['spec', 'selector', 'chartwright.dev/color'], before: expect.any(String), after: expect.any(String), blame: [{ path: 'rollout.blueGreen.activeColor', source: '--set rollout.blueGreen.activeColor=green' }] },
      ]);
    }
  });

  test('fewer replicas with --set replicas=2: disruptive on both colours', () => {
    const r = runCli(REPO, ['diff', '--base-dir', out, '--env', 'prod', '--release', 'hello', '--set', 'replicas=2']);
    expect(r.stdout).toContain('spec.replicas: 3 → 2  ← --set replicas=2');
    expect(r.stdout).toContain('disruptive: fewer replicas (3 → 2)');
  });
});
