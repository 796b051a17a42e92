import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeOutput } from '../lib/synth/output';

describe('writeOutput', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-output-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes each file as the concatenation of its parts, across chunks and with multi-byte characters', () => {
    const parts: string[] = [];
    for (let i = 0; i < 3000; i++) parts.push(`---\nname: é-${i}-名前-🚀\n`);
    parts.push('x'.repeat(200_000)); // one part larger than a chunk
    parts.push('', 'end: ü\n');
    writeOutput(dir, new Map([['dev', new Map([['app.k8s.yaml', parts], ['empty.yaml', []]])]]));
    expect(fs.readFileSync(path.join(dir, 'dev', 'app.k8s.yaml'), 'utf8')).toBe(parts.join(''));
    expect(fs.readFileSync(path.join(dir, 'dev', 'empty.yaml'), 'utf8')).toBe('');
    expect(fs.readdirSync(dir)).toEqual(['dev']);
  });

  test('replaces the folders of the environments given and leaves the others', () => {
    writeOutput(dir, new Map([['dev', new Map([['a.yaml', ['a: 1\n']]])], ['prod', new Map([['a.yaml', ['a: 2\n']]])]]));
    writeOutput(dir, new Map([['dev', new Map([['b.yaml', ['b: 1\n']]])]]));
    expect(fs.readdirSync(path.join(dir, 'dev'))).toEqual(['b.yaml']);
    expect(fs.readFileSync(path.join(dir, 'prod', 'a.yaml'), 'utf8')).toBe('a: 2\n');
  });
});
