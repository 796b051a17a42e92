import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../lib/cli/main';
import { toYaml } from '../../lib/synth/yaml';
import { run } from './support';

const statefulSet = (serviceName: string, replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db', namespace: 'shop' },
  spec: { serviceName, replicas, selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'db:1' }] } } },
});
const claim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'shop' }, spec: { resources: { requests: { storage: '1Gi' } } } };
const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } };

/** An output folder as synth writes it: `<env>/namespaces.yaml`, `<env>/<release>.k8s.yaml`, a kustomization. */
function output(root: string, name: string, releases: Record<string, object[]>): string {
  const dir = path.join(root, name, 'prod');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'namespaces.yaml'), toYaml(namespace));
  for (const [release, objects] of Object.entries(releases)) fs.writeFileSync(path.join(dir, `${release}.k8s.yaml`), objects.map((o) => toYaml(o)).join('---\n'));
  fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources: []\n');
  return path.join(root, name);
}

describe('chartwright diff on two folders', () => {
  let root: string;
  let base: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-diff-'));
    base = output(root, 'base', { db: [claim, statefulSet('db', 3)] });
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  test('no change exits 0', () => {
    expect(run('diff', '--base-dir', base, '--head-dir', output(root, 'same', { db: [claim, statefulSet('db', 3)] }))).toEqual({ code: 0, stdout: 'no changes\n', stderr: '' });
  });

  test('changes exit 1; --fail-on breaking exits 3 and names the objects', () => {
    const head = output(root, 'head', { db: [statefulSet('db-headless', 2)] });
    const changed = run('diff', '--base-dir', base, '--head-dir', head);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('  - PersistentVolumeClaim shop/data  [destructive]');
    expect(changed.stdout).toContain('  ~ apps/StatefulSet shop/db  [breaking]');
    expect(changed.stdout.trim().split('\n').pop()).toBe('1 changed, 0 added, 1 removed: 1 breaking, 1 destructive');
    const failed = run('diff', '--base-dir', base, '--head-dir', head, '--fail-on', 'breaking');
    expect(failed.code).toBe(3);
    expect(failed.stderr).toBe(
      'error: 2 changes at --fail-on breaking (breaking, destructive):\n' +
        '  apps/StatefulSet shop/db (environment prod, release db): breaking: spec.serviceName is immutable: kubectl apply refuses the change of spec.serviceName\n' +
        "  PersistentVolumeClaim shop/data (environment prod, release db): destructive: deleting the claim deletes its volume's data when the reclaim policy is Delete (the default of dynamic provisioning)\n",
    );
    // only a rollout: --fail-on breaking passes with 1, --fail-on disruptive fails
    const rollout = output(root, 'rollout', { db: [claim, { ...statefulSet('db', 3), spec: { ...statefulSet('db', 3).spec, template: { ...statefulSet('db', 3).spec.template, metadata: { labels: { app: 'db', v: '2' } } } } }] });
    expect(run('diff', '--base-dir', base, '--head-dir', rollout, '--fail-on', 'breaking').code).toBe(1);
    expect(run('diff', '--base-dir', base, '--head-dir', rollout, '--fail-on', 'disruptive').code).toBe(3);
  });

  test("objects in stage folders (crds/, pre/, releases/<r>/) are read under their release; synth's own .chartwright/ is skipped", () => {
    const head = output(root, 'staged', { db: [claim, statefulSet('db', 3)] });
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'db-migrate', namespace: 'shop' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'db:1' }] } } } };
    fs.mkdirSync(path.join(head, 'prod', 'pre'));
    fs.writeFileSync(path.join(head, 'prod', 'pre', 'db.k8s.yaml'), toYaml(job));
    fs.mkdirSync(path.join(head, '.chartwright'));
    fs.writeFileSync(path.join(head, '.chartwright', 'manifest.json'), '{"environments":{}}');
    const changed = run('diff', '--base-dir', base, '--head-dir', head, '-o', 'json');
    expect(changed.code).toBe(1);
    const report = JSON.parse(changed.stdout);
    expect(JSON.stringify(report)).toContain('db-migrate');
    expect(changed.stdout).not.toContain('manifest');
  });

  test('--output markdown and json; one environment folder read as that environment', () => {
    const head = output(root, 'md', { db: [claim, statefulSet('db', 2)] });
    const md = run('diff', '--base-dir', base, '--head-dir', head, '--output', 'markdown');
    expect(md.stdout).toContain('#### prod / db');
    expect(md.stdout).toContain('| `spec.replicas` | `3 → 2` |  |');
    const json = JSON.parse(run('diff', '--base-dir', path.join(base, 'prod'), '--head-dir', path.join(head, 'prod'), '-o', 'json').stdout);
    expect(json.changes.map((c: any) => [c.environment, c.release, c.kind, c.risks[0].why])).toEqual([['prod', 'db', 'StatefulSet', 'fewer replicas (3 → 2)']]);
  });

  test('colour only on a terminal', () => {
    const head = output(root, 'colour', { db: [claim, statefulSet('db', 2)] });
    let terminal = '';
    expect(main(['diff', '--base-dir', base, '--head-dir', head], { out: (t) => (terminal += t), err: () => undefined, isTerminal: true })).toBe(1);
    expect(terminal).toContain('\x1b[33m[disruptive]\x1b[0m');
    expect(run('diff', '--base-dir', base, '--head-dir', head).stdout).not.toContain('\x1b[');
  });

  test.each([
    [[], 'give what to compare with: --base REF (a git revision) or --base-dir DIR (an output folder), one of them'],
    [['--base', 'main', '--base-dir', 'dist'], 'give what to compare with'],
    [['--base-dir', 'dist', '--output', 'yaml'], '--output yaml: use text, markdown, json'],
    [['--base-dir', 'dist', '--fail-on', 'everything'], '--fail-on everything: use breaking, security, disruptive'],
    [['--base-dir', 'a', '--head-dir', 'b', '--set', 'x=1'], 'with --head-dir nothing is rendered'],
  ])('usage error %j exits 2', (args, message) => {
    const r = run('diff', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  test('a missing folder is an input error', () => {
    const r = run('diff', '--base-dir', path.join(root, 'nope'), '--head-dir', base);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no such output folder');
  });
});
