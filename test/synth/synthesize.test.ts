import * as fs from 'fs';
import * as path from 'path';
import { synthesize } from '../../lib';
import { SAMPLE_PACKAGE, makeProject, readTree, runCli, samplePlatform } from '../support/project';

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
});
