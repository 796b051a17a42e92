import * as fs from 'fs';
import * as path from 'path';
import { SAMPLE_PACKAGE, makeProject, readTree, runCli, samplePlatform, writeFiles } from '../support/project';

/** An app whose one package runs `body` in its constructor. */
function appRunning(body: string): string {
  return `
import { Platform, Package } from '{{lib}}';
class Odd extends Package {
  static readonly metadata = { name: 'odd', version: '1.0.0' };
  constructor(scope: any, id: string, props: any) {
    super(scope, id, props);
    ${body}
  }
}
export default new Platform({ environments: { dev: { releases: { web: { package: Odd } } } } });
`;
}

describe("synth guards against the app's code", () => {
  let dir: string;
  let before: Record<string, string>;
  beforeEach(() => {
    dir = makeProject({ 'apps/sample.ts': SAMPLE_PACKAGE, 'apps/main.ts': samplePlatform() });
    expect(runCli(dir, ['synth']).code).toBe(0);
    before = readTree(path.join(dir, 'dist'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The previous output is as it was, and the next good synth leaves no lock or staging behind. */
  function expectOutputKeptAndRecoverable(): void {
    const now = readTree(path.join(dir, 'dist'));
    for (const [file, text] of Object.entries(before)) expect(now[file]).toBe(text);
    writeFiles(dir, { 'apps/main.ts': samplePlatform() });
    expect(runCli(dir, ['synth']).code).toBe(0);
    expect(readTree(path.join(dir, 'dist'))).toEqual(before);
  }

  test('an endless loop is stopped after --timeout, exit 1, with where the app was; nothing is committed', () => {
    writeFiles(dir, { 'apps/main.ts': appRunning('let turns = 0;\n    while (this.node.id !== "") turns++;') });
    const result = runCli(dir, ['synth', '--timeout', '8']);
    expect(result.stderr).toMatch(
      /^error: synth did not finish within 8 s \(--timeout\); it was at apps\/main\.ts:8:\d+ \(Odd\): an endless loop, or work that waits forever\? If it is only slow, raise --timeout \(0: no limit\)\n$/,
    );
    expect(result.code).toBe(1);
    expectOutputKeptAndRecoverable();
  });

  test('process.exit(0) from the app is an error, exit 1, naming where; nothing is committed', () => {
    writeFiles(dir, { 'apps/main.ts': appRunning('process.exit(0);') });
    const result = runCli(dir, ['synth']);
    expect(result.stderr).toContain('apps/main.ts:7:13: the app called process.exit(0) while synthesizing: chartwright stops and writes nothing');
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(1);
    expectOutputKeptAndRecoverable();
  });

  test('a promise the app rejects after an await fails the synth before the commit, exit 1', () => {
    writeFiles(dir, { 'apps/main.ts': appRunning('(async () => { await null; throw new Error("late failure"); })();') });
    const result = runCli(dir, ['synth', '--env', 'dev']);
    expect(result.stderr).toMatch(/^error: a promise was rejected with no handler while synthesizing: late failure\n  at apps\/main\.ts:7:\d+\nchartwright writes nothing/);
    expect(result.code).toBe(1);
    expectOutputKeptAndRecoverable();
  });

  test('a promise the app rejects after a timer fails the synth before the commit, exit 1', () => {
    writeFiles(dir, { 'apps/main.ts': appRunning('(async () => { await new Promise((r) => setTimeout(r, 200)); throw new Error("after a timer"); })();') });
    const result = runCli(dir, ['synth', '--env', 'dev']);
    expect(result.stderr).toMatch(/^error: a promise was rejected with no handler while synthesizing: after a timer\n  at apps\/main\.ts:7:\d+\nchartwright writes nothing/);
    expect(result.code).toBe(1);
    expectOutputKeptAndRecoverable();
  });

  test('a promise the app rejects after file I/O and a chain of timers fails the synth, exit 1', () => {
    writeFiles(dir, {
      'apps/main.ts': appRunning(
        'setTimeout(() => require("fs").readFile(__filename, () => setTimeout(() => Promise.reject(new Error("after I/O")), 50)), 50);',
      ),
    });
    const result = runCli(dir, ['synth', '--env', 'dev']);
    expect(result.stderr).toMatch(/^error: a promise was rejected with no handler while synthesizing: after I\/O\n/);
    expect(result.code).toBe(1);
    expectOutputKeptAndRecoverable();
  });

  test('an exception thrown in a timer callback of the app fails the synth, exit 1, naming where; nothing is committed', () => {
    writeFiles(dir, { 'apps/main.ts': appRunning('setTimeout(() => { throw new Error("thrown in a timer"); }, 100);') });
    const result = runCli(dir, ['synth', '--env', 'dev']);
    expect(result.stderr).toMatch(/^error: the app threw outside its constructor while synthesizing: thrown in a timer\n  at apps\/main\.ts:7:\d+\nchartwright writes nothing/);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(1);
    expectOutputKeptAndRecoverable();
  });

  test('pending timers of the app that outlast --timeout fail the synth, exit 1; nothing is committed', () => {
    writeFiles(dir, { 'apps/main.ts': appRunning('setTimeout(() => undefined, 60_000);') });
    const result = runCli(dir, ['synth', '--env', 'dev', '--timeout', '2']);
    expect(result.stderr).toMatch(/^error: synth did not finish within 2 s \(--timeout\): the app still had timers or I\/O pending/);
    expect(result.code).toBe(1);
    expectOutputKeptAndRecoverable();
  });

  test('timers of the app that end well are waited for, and the synth succeeds', () => {
    writeFiles(dir, { 'apps/main.ts': appRunning('setTimeout(() => Promise.resolve().then(() => undefined), 100);') });
    const result = runCli(dir, ['synth', '--env', 'dev']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  test('--timeout takes seconds, 0 for none; anything else is a usage error', () => {
    expect(runCli(dir, ['synth', '--timeout', '0', '--env', 'dev']).code).toBe(0);
    const bad = runCli(dir, ['synth', '--timeout', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--timeout soon: give a number of seconds');
  });
});

describe("values guards against the app's code as synth does", () => {
  let dir: string;
  beforeEach(() => {
    dir = makeProject({ 'apps/sample.ts': SAMPLE_PACKAGE, 'apps/main.ts': samplePlatform() });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The sample platform, with `body` run when the entry loads. */
  const loading = (body: string) => samplePlatform() + `\n${body}\n`;

  test('process.exit(0) from the app is an error, exit 1, and no values are printed', () => {
    writeFiles(dir, { 'apps/main.ts': loading('process.exit(0);') });
    const result = runCli(dir, ['values', '--env', 'dev', '--release', 'web']);
    expect(result.stderr).toContain('the app called process.exit(0) while synthesizing');
    expect(result.stdout).toBe('');
    expect(result.code).toBe(1);
  });

  test('a promise the app rejects after a timer is an error, exit 1, and no values are printed', () => {
    writeFiles(dir, { 'apps/main.ts': loading('setTimeout(() => Promise.reject(new Error("late in values")), 100);') });
    const result = runCli(dir, ['values', '--env', 'dev', '--release', 'web']);
    expect(result.stderr).toMatch(/^error: a promise was rejected with no handler while synthesizing: late in values\n/);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(1);
  });

  test('an endless loop is stopped after --timeout, exit 1, with where the app was', () => {
    writeFiles(dir, { 'apps/main.ts': loading('let turns = 0;\nwhile (process.argv.length > 0) turns++;') });
    const result = runCli(dir, ['values', '--env', 'dev', '--release', 'web', '--timeout', '4']);
    expect(result.stderr).toMatch(/^error: synth did not finish within 4 s \(--timeout\); it was at apps\/main\.ts:\d+:\d+/);
    expect(result.code).toBe(1);
  });

  test('a healthy app prints its values', () => {
    const result = runCli(dir, ['values', '--env', 'dev', '--release', 'web', '--timeout', '0']);
    expect(result.stdout).toContain('replicas: 2');
    expect(result.code).toBe(0);
  });
});
