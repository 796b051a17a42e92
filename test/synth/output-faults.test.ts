import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO, readTree } from '../support/project';

/**
 * Fault injection: a child process writes the environments through
 * StagedOutput and is killed (SIGKILL, nothing cleans up) at one step of
 * the commit; the test checks what a reader of the output folder sees then,
 * and after the next run. Each step of the commit is a kill point, between
 * the two renames of each environment included.
 */
const ENVIRONMENTS = ['dev', 'staging', 'prod'];

/** The child: writes every environment at `version` into `out`, killing itself at step number `killAt` (-1: never); `steps` prints the steps. */
const CHILD = `
require(${JSON.stringify(path.join(REPO, 'bin', 'register.js'))}).register();
const { StagedOutput } = require(${JSON.stringify(path.join(REPO, 'lib', 'synth', 'output.ts'))});
const [out, version, killAt, mode] = process.argv.slice(1);
let step = 0;
const steps = [];
const output = new StagedOutput(out, {
  onStep: (name) => {
    steps.push(name);
    if (step++ === Number(killAt)) process.kill(process.pid, 'SIGKILL');
  },
});
try {
  if (mode === 'recover') output.open();
  else {
    for (const env of ${JSON.stringify(ENVIRONMENTS)}) {
      const objects = (release) => [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: release }, data: { version, env } }];
      output.writeEnvironment({ name: env, namespaces: [], warnings: [], releases: version === 'old' ? [{ name: 'web', objects: objects('web') }, { name: 'gone', objects: objects('gone') }] : [{ name: 'web', objects: objects('web') }, { name: 'api', objects: objects('api') }] });
    }
    output.commit();
  }
} finally {
  output.close();
}
process.stdout.write(JSON.stringify(steps));
`;

function child(out: string, version: 'old' | 'new', killAt = -1, mode = 'write') {
  return spawnSync(process.execPath, ['-e', CHILD, out, version, String(killAt), mode], { encoding: 'utf8' });
}

describe('the commit survives a kill at every step', () => {
  let root: string;
  let reference: Record<'old' | 'new', Record<string, Record<string, string>>>;
  let steps: string[];
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-faults-'));
    reference = { old: {}, new: {} };
    for (const version of ['old', 'new'] as const) {
      const out = path.join(root, `reference-${version}`);
      const run = child(out, version);
      expect(run.stderr).toBe('');
      if (version === 'new') steps = JSON.parse(run.stdout);
      for (const env of ENVIRONMENTS) reference[version][env] = readTree(path.join(out, env));
    }
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  test('the steps cover the journal and both renames of each environment', () => {
    expect(steps).toEqual([
      'staged',
      'journal',
      ...ENVIRONMENTS.flatMap((env) => [`swap ${env}: old out`, `swap ${env}: new in`]),
      'manifest',
      'journal removed',
      'done',
    ]);
  });

  /** Which version each environment folder holds entirely: 'old', 'new', or 'missing'; a mixed or torn folder fails the test. */
  function versions(out: string): Record<string, string> {
    const found: Record<string, string> = {};
    for (const env of ENVIRONMENTS) {
      const tree = readTree(path.join(out, env));
      if (!fs.existsSync(path.join(out, env))) found[env] = 'missing';
      else if (JSON.stringify(tree) === JSON.stringify(reference.old[env])) found[env] = 'old';
      else if (JSON.stringify(tree) === JSON.stringify(reference.new[env])) found[env] = 'new';
      else throw new Error(`${env} is neither the old nor the new content: ${JSON.stringify(tree)}`);
    }
    return found;
  }

  /** The manifest lists exactly the files in the environment folders, and nothing but it is left in .chartwright/. */
  function expectClean(out: string): void {
    expect(fs.readdirSync(path.join(out, '.chartwright'))).toEqual(['manifest.json']);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, '.chartwright', 'manifest.json'), 'utf8'));
    for (const env of ENVIRONMENTS) expect(manifest.environments[env]).toEqual(Object.keys(readTree(path.join(out, env))).sort());
  }

  test.each([...Array(11).keys()])('killed at step %i: each environment is entirely old or entirely new, and the next run finishes or undoes it', (at) => {
    const out = path.join(root, `kill-${at}`);
    expect(child(out, 'old').status).toBe(0);
    const killed = child(out, 'new', at);
    expect(killed.signal).toBe('SIGKILL');
    const step = steps[at];
    const seen = versions(out);
    const decided = at >= steps.indexOf('journal'); // the step 'journal' comes once the journal is written: the commit is decided
    // an environment is missing only between its two renames, with the journal there to finish it
    for (const env of ENVIRONMENTS) {
      if (seen[env] === 'missing') expect(step).toBe(`swap ${env}: new in`);
    }
    if (!decided) expect(Object.values(seen)).toEqual(ENVIRONMENTS.map(() => 'old'));

    const recovered = child(out, 'old', -1, 'recover');
    expect(recovered.stderr).toBe('');
    expect(versions(out)).toEqual(Object.fromEntries(ENVIRONMENTS.map((env) => [env, decided ? 'new' : 'old'])));
    expectClean(out);
  });

  test('a recovery killed halfway is finished by the next one', () => {
    const out = path.join(root, 'double');
    expect(child(out, 'old').status).toBe(0);
    expect(child(out, 'new', steps.indexOf('swap staging: old out')).signal).toBe('SIGKILL');
    expect(versions(out)).toEqual({ dev: 'new', staging: 'old', prod: 'old' });
    // the recovery's own steps: staging's two renames, prod's, then the manifest…
    expect(child(out, 'old', 1, 'recover').signal).toBe('SIGKILL');
    expect(versions(out)).toEqual({ dev: 'new', staging: 'missing', prod: 'old' });
    expect(child(out, 'old', -1, 'recover').stderr).toBe('');
    expect(versions(out)).toEqual({ dev: 'new', staging: 'new', prod: 'new' });
    expectClean(out);
  });

  test('a synth after a crash before the journal removes the staging folder and writes its own output', () => {
    const out = path.join(root, 'after');
    expect(child(out, 'old').status).toBe(0);
    expect(child(out, 'new', 0).signal).toBe('SIGKILL');
    expect(fs.existsSync(path.join(out, '.chartwright', 'stage'))).toBe(true);
    expect(fs.existsSync(path.join(out, '.chartwright', 'lock'))).toBe(true);
    expect(child(out, 'new').status).toBe(0);
    expect(versions(out)).toEqual({ dev: 'new', staging: 'new', prod: 'new' });
    expectClean(out);
  });
});
