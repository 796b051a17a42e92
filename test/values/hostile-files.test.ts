import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UserError } from '../../lib';
import { readValuesFile } from '../../lib/values/layers';
import { MAX_LISTED_PROBLEMS, resolveValues } from '../../lib/values/resolve';
import { Shop } from './fixtures';

/**
 * Values files a user should not write, or an attacker might: each gives a
 * clear UserError with file, line and column (or a value read right), in
 * bounded time and memory — never a hang, a stack trace or a silent change.
 */
describe('hostile values files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-hostile-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string | Buffer) => {
    fs.writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  };
  const read = (name: string, content: string | Buffer) => readValuesFile(write(name, content), name)!;
  const error = (fn: () => unknown): string => {
    try {
      fn();
    } catch (err) {
      if (!UserError.isUserError(err)) throw err;
      return err.message;
    }
    throw new Error('expected a UserError');
  };

  test('a duplicate key among 80,000 is found, with its line (linear time: the old check took minutes)', () => {
    const keys = Array.from({ length: 80_000 }, (_, i) => `k${i}: 1\n`).join('');
    expect(error(() => read('dup.yaml', keys + 'k5: 2\n'))).toBe('dup.yaml:80001:1: the key "k5" appears twice in this mapping');
    // keys that read the same as object keys are the same key: 1 and "1" would silently overwrite each other
    expect(error(() => read('dup2.yaml', 'a:\n  1: x\n  "1": y\n'))).toBe('dup2.yaml:3:3: the key "1" appears twice in this mapping');
  });

  test('20,000 unknown keys make an error of a few lines, with a count of the rest', () => {
    const layer = read('unknown.yaml', 'image: { tag: "1" }\n' + Array.from({ length: 20_000 }, (_, i) => `junk${i}: 1\n`).join(''));
    let err: UserError | undefined;
    try {
      resolveValues(Shop, [layer]);
    } catch (e) {
      err = e as UserError;
    }
    const lines = err!.message.split('\n');
    expect(lines).toHaveLength(1 + MAX_LISTED_PROBLEMS + 1);
    expect(lines[1]).toMatch(/^ {2}junk0: unknown key; .* \(from unknown\.yaml:2:1\)$/);
    expect(lines[lines.length - 1]).toBe(`  … and ${(20_000 - MAX_LISTED_PROBLEMS).toLocaleString('en-US')} more problems of the same values`);
    expect(err!.problems).toHaveLength(MAX_LISTED_PROBLEMS);
  });

  test('a List of 150 objects sharing one anchor is read; an alias bomb is refused at its line', () => {
    const items = ['items:', '- {name: c0, labels: &l {app: x, tier: web}, data: &d {k: v}}'];
    for (let i = 1; i < 150; i++) items.push(`- {name: c${i}, labels: *l, data: *d}`);
    const list = read('list.yaml', items.join('\n') + '\n');
    expect((list.data.items as unknown[])[149]).toEqual({ name: 'c149', labels: { app: 'x', tier: 'web' }, data: { k: 'v' } });

    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) bomb.push(`${letter(i)}: &${letter(i)} [${Array(10).fill(`*${letter(i - 1)}`).join(', ')}]`);
    expect(error(() => read('bomb.yaml', bomb.join('\n') + '\n'))).toMatch(/^bomb\.yaml:6:\d+: aliases repeat more than 1,000,000 nodes in all \(an alias bomb\?\)/);
  });

  test('an undefined alias names its line', () => {
    expect(error(() => read('undef.yaml', 'a: 1\nb: *nope\n'))).toMatch(/^undef\.yaml:2:\d+: /);
  });

  test('several documents: the message says so, at the second one', () => {
    expect(error(() => read('multi.yaml', 'a: 1\n---\nb: 2\n'))).toBe(
      'multi.yaml:2:1: a values file holds one document, and this is a second one (after "---"); put the values in one map, or in two files given as --values A --values B',
    );
  });

  test('UTF-16 (with or without a byte-order mark) is read; bytes that are not UTF-8 are an error, never U+FFFD', () => {
    const text = 'greeting: héllo ✓\n';
    expect(read('le.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).data).toEqual({ greeting: 'héllo ✓' });
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(read('be.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), be])).data).toEqual({ greeting: 'héllo ✓' });
    expect(read('nobom.yaml', Buffer.from(text, 'utf16le')).data).toEqual({ greeting: 'héllo ✓' });
    expect(read('bom8.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).data).toEqual({ greeting: 'héllo ✓' });
    expect(error(() => read('latin1.yaml', Buffer.from('a: 1\nb: h\xe9llo\n', 'latin1')))).toBe(
      'values file latin1.yaml cannot be read: line 2 holds bytes that are not UTF-8 (byte 10: 0xe9); save the file as UTF-8',
    );
  });

  test('a file over 4 MiB is refused before it is parsed', () => {
    const file = write('big.yaml', `a: "${'x'.repeat(4 * 1024 * 1024)}"\n`);
    expect(error(() => readValuesFile(file, 'big.yaml'))).toBe('values file big.yaml cannot be read: it is 4.0 MiB, and files of more than 4.0 MiB are refused');
  });

  test('a device, a FIFO and a folder are refused, not read (they would never end or block)', () => {
    expect(error(() => readValuesFile('/dev/zero'))).toBe('values file /dev/zero cannot be read: it is a device, not a regular file');
    expect(error(() => readValuesFile(dir, 'dir'))).toBe('values file dir cannot be read: it is a folder, not a regular file');
    const fifo = path.join(dir, 'fifo.yaml');
    if (spawnSync('mkfifo', [fifo]).status === 0) {
      expect(error(() => readValuesFile(fifo, 'fifo.yaml'))).toBe('values file fifo.yaml cannot be read: it is a FIFO (named pipe), not a regular file');
    }
  });

  test('a symlink loop says so, not "no such file"', () => {
    fs.symlinkSync(path.join(dir, 'loop-b.yaml'), path.join(dir, 'loop-a.yaml'));
    fs.symlinkSync(path.join(dir, 'loop-a.yaml'), path.join(dir, 'loop-b.yaml'));
    expect(error(() => readValuesFile(path.join(dir, 'loop-a.yaml'), 'loop-a.yaml'))).toBe('values file loop-a.yaml cannot be read: its path is a loop of symbolic links');
  });
});

function letter(i: number): string {
  return String.fromCharCode(97 + i);
}
