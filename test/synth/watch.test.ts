import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { SAMPLE_PACKAGE, makeProject, readTree, samplePlatform, writeFiles } from '../support/project';

/*
 * `chartwright synth --watch` in a child process, on a project in a
 * temporary folder: each test edits real files and waits for the lines the
 * watcher prints (with a time limit, never a fixed sleep), then reads the
 * output folder.
 */

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'chartwright.js');
/** How long a line may take: seconds, tens of them on a busy shared machine. */
const WAIT_MS = 60000;
jest.setTimeout(240000);

interface Watch {
  readonly proc: ChildProcess;
  /** Resolves with the first line of stderr from now on matching `pattern`. */
  next(pattern: RegExp, ms?: number): Promise<string>;
  /** Everything printed so far. */
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Stops it with `signal`; its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

function watch(dir: string, args: string[] = [], env: NodeJS.ProcessEnv = process.env): Watch {
  const proc = spawn(process.execPath, [BIN, 'synth', '--watch', ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let pending = '';
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  proc.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    pending += d;
    let at: number;
    while ((at = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, at);
      pending = pending.slice(at + 1);
      for (const w of [...waiting]) {
        if (w.pattern.test(line)) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    stdout: () => stdout,
    stderr: () => stderr,
    next(pattern, ms = WAIT_MS) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${ms} ms; stderr:\n${stderr}`)), ms);
        waiting.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      });
    },
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null) proc.kill(signal);
      return exited;
    },
  };
}

/** The line a run that committed prints, for the files that started it. */
const written = (changed: string) => new RegExp(`^synth: ${changed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} changed: (.* )?written in \\d+ ms \\(CPU \\d+ ms\\)$`);
const failed = /^synth: .* changed: failed, nothing written; the previous output stands$/;
const idle = /^synth: watching for changes/;

describe('synth --watch', () => {
  let dir: string;
  let watcher: Watch | undefined;
  beforeEach(() => {
    dir = makeProject({ 'apps/sample.ts': SAMPLE_PACKAGE, 'apps/main.ts': samplePlatform(), 'apps/api/values.yaml': 'replicas: 2\n' });
  });
  afterEach(async () => {
    await watcher?.stop('SIGKILL');
    watcher = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the watcher and waits for its first synth to be committed. */
  async function started(args: string[] = [], env?: NodeJS.ProcessEnv): Promise<Watch> {
    watcher = watch(dir, args, env);
    const first = watcher.next(/^synth: first synth: written in \d+ ms \(CPU \d+ ms\)$/);
    const ready = watcher.next(idle);
    await first;
    await ready;
    return watcher;
  }

  const out = (file: string) => fs.readFileSync(path.join(dir, 'dist', file), 'utf8');

  test('writes the output first, then again after an edit of a file the app imports; SIGTERM stops it, exit 0, the lock released', async () => {
    const w = await started();
    expect(w.stdout()).toBe('dist/dev: 15 objects\ndist/prod: 15 objects\n');
    expect(out('dev/web.k8s.yaml')).toContain('image: example/app:2.0.0');
    const run = w.next(written('apps/sample.ts'));
    writeFiles(dir, { 'apps/sample.ts': SAMPLE_PACKAGE.replace('example/app:2.0.0', 'example/app:2.0.1') });
    await run;
    expect(out('dev/web.k8s.yaml')).toContain('image: example/app:2.0.1');
    expect(out('prod/api.k8s.yaml')).toContain('image: example/app:2.0.1');
    expect(w.stdout()).toBe('dist/dev: 15 objects\ndist/prod: 15 objects\n'.repeat(2));
    const stopped = w.next(/^synth: stopped \(SIGTERM\)$/);
    expect(await w.stop('SIGTERM')).toBe(0);
    await stopped;
    expect(fs.readdirSync(path.join(dir, 'dist', '.chartwright'))).toEqual(['manifest.json']);
  });

  test('an app that throws is reported as synth reports it, the output stays as it was, and the fixed app is written', async () => {
    const w = await started();
    const before = readTree(path.join(dir, 'dist'));
    const failure = w.next(failed);
    writeFiles(dir, { 'apps/sample.ts': SAMPLE_PACKAGE.replace('super(scope, id, props);', 'super(scope, id, props);\n    throw new Error("no database configured");') });
    await failure;
    expect(w.stderr()).toMatch(/^error: .*no database configured/m);
    expect(w.stderr()).not.toMatch(/internal error|    at /);
    expect(readTree(path.join(dir, 'dist'))).toEqual(before);
    expect(fs.existsSync(path.join(dir, 'dist', '.chartwright', 'lock'))).toBe(false);

    const fixed = w.next(written('apps/sample.ts'));
    writeFiles(dir, { 'apps/sample.ts': SAMPLE_PACKAGE.replace('example/app:2.0.0', 'example/app:3.0.0') });
    await fixed;
    expect(out('dev/web.k8s.yaml')).toContain('image: example/app:3.0.0');
  });

  test('a syntax error and a process.exit are reported, the watcher keeps going', async () => {
    const w = await started();
    const before = readTree(path.join(dir, 'dist'));
    const syntax = w.next(failed);
    writeFiles(dir, { 'apps/main.ts': samplePlatform().replace('export default new Platform({', 'export default new Platform({{') });
    await syntax;
    expect(w.stderr()).toMatch(/^error: apps\/main\.ts failed to load: apps\/main\.ts:\d+:\d+: syntax error/m);

    const exit = w.next(failed);
    writeFiles(dir, { 'apps/main.ts': `${samplePlatform()}\nprocess.exit(3);\n` });
    await exit;
    expect(w.stderr()).toContain('the app called process.exit(3) while synthesizing: chartwright stops and writes nothing');
    expect(readTree(path.join(dir, 'dist'))).toEqual(before);

    const fixed = w.next(written('apps/main.ts'));
    writeFiles(dir, { 'apps/main.ts': samplePlatform(`web: { package: Sample, values: { replicas: 7 } }, api: { package: Sample }`) });
    await fixed;
    expect(out('prod/web.k8s.yaml')).toContain('replicas: 7');
  });

  test("an edit of an environment's values file writes that environment alone; the others keep their files untouched", async () => {
    const w = await started();
    const prodFile = path.join(dir, 'dist', 'prod', 'api.k8s.yaml');
    const prodBefore = fs.statSync(prodFile);
    const run = w.next(written('apps/api/values.dev.yaml'));
    writeFiles(dir, { 'apps/api/values.dev.yaml': 'replicas: 5\n' });
    expect(await run).toMatch(/: dev written in/);
    expect(out('dev/api.k8s.yaml')).toContain('replicas: 5');
    expect(out('prod/api.k8s.yaml')).toContain('replicas: 2');
    expect(fs.statSync(prodFile).ino).toBe(prodBefore.ino);

    // values.yaml is read by every environment
    const both = w.next(written('apps/api/values.yaml'));
    writeFiles(dir, { 'apps/api/values.yaml': 'replicas: 3\n' });
    expect(await both).toMatch(/: dev, prod written in/);
    expect(out('prod/api.k8s.yaml')).toContain('replicas: 3');
    expect(out('dev/api.k8s.yaml')).toContain('replicas: 5');
  });

  test('a values file with an error is reported with its file and line, and the output stands', async () => {
    const w = await started();
    const before = readTree(path.join(dir, 'dist'));
    const failure = w.next(failed);
    writeFiles(dir, { 'apps/api/values.dev.yaml': 'replicas: [1\n' });
    await failure;
    expect(w.stderr()).toMatch(/^error: .*apps\/api\/values\.dev\.yaml:\d+:\d+/m);
    expect(readTree(path.join(dir, 'dist'))).toEqual(before);
  });

  test('a burst of edits makes one run with the last content', async () => {
    const w = await started();
    const run = w.next(written('apps/sample.ts'));
    const after = w.next(idle);
    for (const version of ['4.0.1', '4.0.2', '4.0.3']) writeFiles(dir, { 'apps/sample.ts': SAMPLE_PACKAGE.replace('example/app:2.0.0', `example/app:${version}`) });
    await run;
    await after;
    expect(out('dev/web.k8s.yaml')).toContain('image: example/app:4.0.3');
    expect(w.stderr().match(/changed: /g)).toHaveLength(1);
  });

  test('a type error is reported after the run by the background check, which does not hold the output back', async () => {
    const w = await started([], { ...process.env, CHARTWRIGHT_TYPECHECK: '1' });
    await w.next(/^type check: no errors \(\d+\.\d s\)$/, 150000);
    const run = w.next(written('apps/main.ts'));
    const check = w.next(/^error: the project has 1 type error \(the output was written from the code as it runs/, 150000);
    writeFiles(dir, { 'apps/main.ts': `${samplePlatform()}\nexport const port: number = 'http';\n` });
    await run;
    await check;
    expect(w.stderr()).toMatch(/^ {2}apps\/main\.ts:\d+:\d+ - error TS2322: Type 'string' is not assignable to type 'number'\.$/m);
  }, 320000);
});
