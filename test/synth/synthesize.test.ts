import * as fs from 'fs';
import * as path from 'path';
import { synthesize } from '../../lib';
import { SAMPLE_PACKAGE, makeProject, readTree, runCli, samplePlatform, writeFiles } from '../support/project';

describe('synthesize', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeProject({ 'apps/sample.ts': SAMPLE_PACKAGE, 'apps/main.ts': samplePlatform() });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('is the pipeline `chartwright synth` runs, as a library function: the same files', () => {
    expect(runCli(dir, ['synth', '--out', 'by-cli']).code).toBe(0);
    const result = synthesize({ app: path.join(dir, 'apps/main.ts'), out: path.join(dir, 'by-library') });
    expect([...result.written]).toEqual([
      ['dev', path.join(dir, 'by-library', 'dev')],
      ['prod', path.join(dir, 'by-library', 'prod')],
    ]);
    expect(result.objects.get('dev')).toBe(15);
    expect(readTree(path.join(dir, 'by-library'))).toEqual(readTree(path.join(dir, 'by-cli')));
  });

  test('writes nothing when an environment fails', () => {
    const out = path.join(dir, 'out');
    expect(() => synthesize({ app: path.join(dir, 'apps/main.ts'), env: ['dev', 'nope'], out })).toThrow(/--env nope: no such environment/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("an app's process.exit fails the library call too, writes nothing, and process.exit is given back", () => {
    const exit = process.exit;
    writeFiles(dir, { 'apps/main.ts': samplePlatform().replace("import { Sample } from './sample';", "import { Sample } from './sample';\nprocess.exit(3);") });
    const out = path.join(dir, 'out');
    expect(() => synthesize({ app: path.join(dir, 'apps/main.ts'), out, timeout: 0 })).toThrow(/apps\/main\.ts:\d+:\d+: the app called process\.exit\(3\) while synthesizing/);
    expect(process.exit).toBe(exit);
    expect(fs.existsSync(out)).toBe(false);
  });
});
