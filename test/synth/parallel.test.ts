import * as fs from 'fs';
import * as path from 'path';
import { synthesize } from '../../lib';
import { RunResult, SAMPLE_PACKAGE, makeProject, runCli, writeFiles } from '../support/project';

/**
 * Called first in each package of these tests: with WAIT_FOR_WORKER set (a
 * file's path), the main thread waits at its first environment until a
 * worker thread has taken one (the worker makes the file), so that worker
 * threads are sure to build some of the environments, however slowly they
 * start on a busy machine.
 */
const MEET_WORKER = `
import * as meetFs from 'fs';
import { isMainThread } from 'worker_threads';
function meetWorker(): void {
  const file = process.env.WAIT_FOR_WORKER;
  if (!file) return;
  if (!isMainThread) return meetFs.writeFileSync(file, '');
  const until = Date.now() + 60000;
  while (!meetFs.existsSync(file) && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
}
`;

/** The tests' sample package, meeting a worker thread first. */
const SAMPLE = MEET_WORKER + SAMPLE_PACKAGE.replace('super(scope, id, props);', 'super(scope, id, props);\n    meetWorker();');

/** Runs `fn` with WAIT_FOR_WORKER set: some environments are sure to be built by a worker thread. */
function withWorker<T>(dir: string, fn: () => T): T {
  const file = path.join(dir, `worker-started-${Math.random().toString(36).slice(2)}`);
  process.env.WAIT_FOR_WORKER = file;
  try {
    return fn();
  } finally {
    delete process.env.WAIT_FOR_WORKER;
  }
}

/** A platform of four environments with different values; `extra` is added to the environment named by `where`. */
function platform(values: Record<string, string> = {}): string {
  const env = (name: string, replicas: number) =>
    `${name}: { namespace: '${name}', releases: { web: { package: Sample, values: { replicas: ${replicas}${values[name] ? `, ${values[name]}` : ''} } }, api: { package: Sample } } },`;
  return `
import { Platform } from '{{lib}}';
import { Sample } from './sample';

export default new Platform({
  environments: {
    ${env('dev', 1)}
    ${env('test', 2)}
    ${env('staging', 3)}
    ${env('prod', 4)}
  },
});
`;
}

/** Every file below `dir`, relative path → bytes. */
function bytesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), fs.readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

/** The first line of what synth threw, or of what the command printed. */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('did not throw');
}

describe('synth on several threads (jobs)', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeProject({ 'apps/sample.ts': SAMPLE, 'apps/main.ts': platform() });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const app = () => path.join(dir, 'apps/main.ts');
  /** The command, with some environments sure to be built by a worker thread. */
  const runWithWorker = (args: string[]): RunResult => withWorker(dir, () => runCli(dir, args, { ...process.env }));

  test('writes the same bytes on worker threads as one environment after the other, and returns the same result', () => {
    const sequential = synthesize({ app: app(), out: path.join(dir, 'one'), jobs: 1 });
    const parallel = withWorker(dir, () => synthesize({ app: app(), out: path.join(dir, 'four'), jobs: 4 }));
    const one = bytesOf(path.join(dir, 'one'));
    const four = bytesOf(path.join(dir, 'four'));
    expect([...four.keys()].sort()).toEqual([...one.keys()].sort());
    expect([...one.keys()].filter((f) => f.endsWith('.k8s.yaml')).length).toBe(8);
    for (const [file, bytes] of one) expect(four.get(file)!.equals(bytes)).toBe(true);
    expect([...parallel.objects]).toEqual([...sequential.objects]);
    expect([...parallel.warnings]).toEqual([...sequential.warnings]);
    expect([...parallel.written.keys()]).toEqual(['dev', 'test', 'staging', 'prod']);
    // a second run over the output keeps the files that did not change (the same inode), whichever thread wrote them
    const before = fs.statSync(path.join(dir, 'four', 'prod', 'web.k8s.yaml')).ino;
    synthesize({ app: app(), out: path.join(dir, 'four'), jobs: 3 });
    expect(fs.statSync(path.join(dir, 'four', 'prod', 'web.k8s.yaml')).ino).toBe(before);
    expect(fs.readdirSync(path.join(dir, 'four', '.chartwright')).sort()).toEqual(['manifest.json']);
  });

  test("an environment's error is the one a sequential synth reports: the first environment that fails, and nothing is written", () => {
    writeFiles(dir, { 'apps/main.ts': platform({ staging: "fail: 'staging is broken'", prod: "fail: 'prod is broken'" }) });
    const out = path.join(dir, 'out');
    const sequential = errorOf(() => synthesize({ app: app(), out, jobs: 1 }));
    expect(sequential).toMatch(/^environment "staging", release "web" \(package sample\): staging is broken/);
    for (const jobs of [2, 4]) expect(withWorker(dir, () => errorOf(() => synthesize({ app: app(), out, jobs })))).toBe(sequential);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('the command reports a worker thread\'s error as it reports its own: exit 1, no stack trace, the previous output kept', () => {
    expect(runWithWorker(['synth', '--jobs', '4']).code).toBe(0);
    const before = bytesOf(path.join(dir, 'dist'));
    writeFiles(dir, { 'apps/main.ts': platform({ prod: "fail: 'prod is broken'" }) });
    const sequential = runCli(dir, ['synth', '--jobs', '1']);
    const parallel = runWithWorker(['synth', '--jobs', '4']);
    expect(parallel.code).toBe(1);
    expect(parallel.stderr).toBe(sequential.stderr);
    expect(parallel.stderr).toMatch(/^error: environment "prod", release "web" \(package sample\): prod is broken\n  at apps\/sample\.ts:\d+:\d+\n$/);
    const after = bytesOf(path.join(dir, 'dist'));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, bytes] of before) expect(after.get(file)!.equals(bytes)).toBe(true);
  });

  test("the app's process.exit and a promise it rejects fail the synth in a worker thread as in the main thread", () => {
    const guarded = (body: string) => `${MEET_WORKER}
import { Platform, Package } from '{{lib}}';
class Odd extends Package<{ odd?: boolean }> {
  static readonly metadata = { name: 'odd', version: '1.0.0' };
  constructor(scope: any, id: string, props: any) {
    super(scope, id, props);
    meetWorker();
    if (this.values.odd) { ${body} }
  }
}
const env = (odd: boolean) => ({ releases: { web: { package: Odd, values: { odd } } } });
export default new Platform({ environments: { a: env(false), b: env(false), c: env(true), d: env(true) } });
`;
    writeFiles(dir, { 'apps/main.ts': guarded('process.exit(3);') });
    const out = path.join(dir, 'out');
    const exit = process.exit;
    const sequential = errorOf(() => synthesize({ app: app(), out, jobs: 1, timeout: 0 }));
    expect(sequential).toMatch(/^environment "c", release "web" \(package odd\): \S*apps\/main\.ts:\d+:\d+: the app called process\.exit\(3\) while synthesizing/);
    expect(withWorker(dir, () => errorOf(() => synthesize({ app: app(), out, jobs: 4, timeout: 0 })))).toBe(sequential);
    expect(process.exit).toBe(exit);
    expect(fs.existsSync(out)).toBe(false);

    writeFiles(dir, { 'apps/main.ts': guarded('(async () => { await new Promise((r) => setTimeout(r, 50)); throw new Error("late failure"); })();') });
    const one = runCli(dir, ['synth', '--out', 'out', '--jobs', '1']);
    const four = runWithWorker(['synth', '--out', 'out', '--jobs', '4']);
    expect(one.stderr).toMatch(/^error: a promise was rejected with no handler while synthesizing: late failure\n  at apps\/main\.ts:\d+:\d+\nchartwright writes nothing/);
    expect(four.stderr).toBe(one.stderr);
    expect(four.code).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('an endless loop in a worker thread is stopped at --timeout, naming the environment; nothing is written', () => {
    writeFiles(dir, {
      'apps/main.ts': `${MEET_WORKER}
import { Platform, Package } from '{{lib}}';
class Spin extends Package {
  static readonly metadata = { name: 'spin', version: '1.0.0' };
  constructor(scope: any, id: string, props: any) {
    super(scope, id, props);
    meetWorker();
    while (!isMainThread) { /* forever, in a worker thread */ }
  }
}
export default new Platform({ environments: { a: { releases: { web: { package: Spin } } }, b: { releases: { web: { package: Spin } } } } });
`,
    });
    const result = runWithWorker(['synth', '--jobs', '2', '--timeout', '20']);
    expect(result.stderr).toBe(
      'error: synth did not finish within 20 s (--timeout); it was building environment "b" in a worker thread (--jobs 1 builds it in the main thread, which says the line): ' +
        'an endless loop, or work that waits forever? If it is only slow, raise --timeout (0: no limit)\n',
    );
    expect(result.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('--jobs takes a whole number of 1 or more; anything else is a usage error', () => {
    for (const bad of ['0', 'two', '1.5', '=-1']) {
      const result = runCli(dir, ['synth', bad.startsWith('=') ? `--jobs${bad}` : '--jobs', ...(bad.startsWith('=') ? [] : [bad])]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--jobs ${bad.replace(/^=/, '')}: give a whole number of threads, 1 or more`);
    }
  });
});
