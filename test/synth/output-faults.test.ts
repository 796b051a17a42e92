import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO, SAMPLE_PACKAGE, makeProject, readTree, samplePlatform, writeFiles } from '../support/project';

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

describe('synths into one output folder at once', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeProject({ 'apps/sample.ts': SAMPLE_PACKAGE, 'apps/main.ts': samplePlatform() });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs the command line without waiting, resolving with its exit code and stderr. */
  function start(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const proc = spawn(process.execPath, [path.join(REPO, 'bin', 'chartwright.js'), ...args], { cwd: dir });
      let stderr = '';
      proc.stderr.on('data', (d) => (stderr += d));
      proc.on('close', (code) => resolve({ code, stderr }));
    });
  }

  test('are serialized or refused: each exits 0 or says another synth is writing, and the output is entirely one run', async () => {
    const runs = await Promise.all([3, 4, 5].map((replicas) => start(['synth', '--release', 'web', '--set', `replicas=${replicas}`])));
    for (const run of runs) {
      if (run.code !== 0) expect(run.stderr).toMatch(/^error: another chartwright synth \(process \d+\) is writing to dist: wait for it to finish and run again/);
    }
    expect(runs.filter((r) => r.code === 0).length).toBeGreaterThan(0);
    const replicas = ['dev', 'prod'].map((env) => /replicas: (\d)/.exec(fs.readFileSync(path.join(dir, 'dist', env, 'web.k8s.yaml'), 'utf8'))![1]);
    expect(replicas[0]).toBe(replicas[1]);
    expect(fs.readdirSync(path.join(dir, 'dist', '.chartwright'))).toEqual(['manifest.json']);
    // three synth processes at once, each loading cdk8s and the app: minutes on a loaded 2-core machine
  }, 240_000);
});

/** Whether this machine lets a process mount a tmpfs in a user and mount namespace of its own (`unshare -r -m`). */
const canMount = spawnSync('unshare', ['-r', '-m', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$1"', 'sh', os.tmpdir()]).status === 0;

(canMount ? describe : describe.skip)('a full or read-only disk (a small tmpfs)', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeProject({ 'apps/sample.ts': SAMPLE_PACKAGE, 'apps/main.ts': samplePlatform() });
    fs.mkdirSync(path.join(dir, 'disk'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs a shell script in a mount namespace where disk/ is a tmpfs of `size`; `cw` runs chartwright. */
  function onSmallDisk(size: string, script: string) {
    const cw = `"${process.execPath}" "${path.join(REPO, 'bin', 'chartwright.js')}"`;
    return spawnSync('unshare', ['-r', '-m', 'sh', '-c', `mount -t tmpfs -o size=${size} tmpfs disk && cw() { ${cw} "$@"; } && ${script}`], { cwd: dir, encoding: 'utf8' });
  }

  test('synth on a full disk exits 1 naming the file and the cause; the previous output stays, and a run with space cleans up', () => {
    const result = onSmallDisk(
      '256k',
      `cw synth --out disk/dist >/dev/null && cp -r disk/dist before &&
       (dd if=/dev/zero of=disk/filler bs=4k 2>/dev/null; true) &&
       (cw synth --out disk/dist --release web --set replicas=7; echo "exit $?") &&
       diff -r before disk/dist && echo same &&
       rm disk/filler && cw synth --out disk/dist --release web --set replicas=7 >/dev/null && ls -A disk/dist/.chartwright && grep -c "replicas: 7" disk/dist/dev/web.k8s.yaml`,
    );
    expect(result.stderr).toMatch(/^error: cannot .*disk\/dist.*: no space left on the device: free some space and run again \(ENOSPC\)\n$/);
    expect(result.stdout).toBe('exit 1\nsame\nmanifest.json\n1\n');
  });

  test('values --docs --write on a full disk leaves the README whole', () => {
    writeFiles(dir, { 'apps/main.ts': samplePlatform('web: { package: Sample }') });
    const readme = `# notes\n<!-- values:begin -->\nold\n<!-- values:end -->\n${'hand-written text\n'.repeat(200)}`;
    writeFiles(dir, { 'README.src': readme });
    const result = onSmallDisk(
      '64k',
      `cp README.src disk/README.md && (dd if=/dev/zero of=disk/filler bs=1k 2>/dev/null; true) &&
       (cw values --env dev --docs --write disk/README.md; echo "exit $?") && cat disk/README.md`,
    );
    expect(result.stderr).toMatch(/^error: cannot write disk\/README\.md: no space left on the device/);
    expect(result.stdout).toBe(`exit 1\n${readme}`);
  });

  test('synth into a read-only file system exits 1 saying so', () => {
    const result = onSmallDisk('64k', `mount -o remount,ro disk && cw synth --out disk/dist; echo "exit $?"`);
    expect(result.stderr).toBe('error: cannot create the output folder disk/dist: the file system is read-only: choose a folder on a writable one (EROFS)\n');
    expect(result.stdout).toBe('exit 1\n');
  });
});
