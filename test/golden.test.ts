import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { REPO, readTree } from './support/project';

/**
 * The golden output: every environment of the example apps and a fleet of
 * web services, synthesized and compared byte for byte with test/golden/.
 * A change to what synth writes shows here; when the change is meant,
 * regenerate with `UPDATE_GOLDEN=1 npx jest test/golden.test.ts` and review
 * the diff of test/golden/ in the commit.
 */
const GOLDEN = path.join(REPO, 'test', 'golden');
const CASES: ReadonlyArray<{ name: string; app: string; env?: Record<string, string> }> = [
  { name: 'apps', app: 'apps/main.ts' },
  { name: 'fleet', app: 'bench/fleet-entry.ts', env: { CHARTWRIGHT_BENCH_SERVICES: '40' } },
];

describe.each(CASES)('golden output of $name', ({ name, app, env }) => {
  test('synth writes exactly the committed files', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-golden-'));
    try {
      const result = spawnSync(process.execPath, ['bin/chartwright.js', 'synth', '--app', app, '--out', out], {
        cwd: REPO,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const actual = readTree(out);
      const expectedDir = path.join(GOLDEN, name);
      if (process.env.UPDATE_GOLDEN === '1') {
        fs.rmSync(expectedDir, { recursive: true, force: true });
        fs.cpSync(out, expectedDir, { recursive: true });
      }
      const expected = readTree(expectedDir);
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
      for (const file of Object.keys(expected)) {
        expect({ file, content: actual[file] }).toEqual({ file, content: expected[file] });
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
