import { UsageError } from '../../lib/errors';
import { Command, defineCommand, parseCommandLine, synopsis } from '../../lib/cli/command';

const command: Command = defineCommand({
  name: 'try',
  summary: 'a command to parse with',
  flags: [
    { name: 'out', value: 'DIR', description: 'a folder' },
    { name: 'values', short: 'f', value: 'FILE', description: 'a file', repeatable: true },
    { name: 'dry-run', description: 'a switch' },
    { name: 'must', value: 'X', description: 'a required flag', required: true },
  ],
  args: [{ name: 'FILE', description: 'files', repeatable: true }],
  examples: [],
  run: () => 0,
});

const parse = (...argv: string[]) => parseCommandLine(command, argv);
const usage = (...argv: string[]) => {
  try {
    parse(...argv);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('no usage error');
};

describe('parseCommandLine', () => {
  test('every way to write a flag', () => {
    expect(parse('--must', 'x', '--out', 'a', '-f', 'v1', '-fv2', '-f=v3', '--values=v4', '--dry-run', 'one', '--', '--two')).toEqual({
      flags: { must: 'x', out: 'a', values: ['v1', 'v2', 'v3', 'v4'], 'dry-run': true },
      args: ['one', '--two'],
    });
    expect(parse('--must=', '-').flags).toEqual({ must: '' });
    expect(parse('--must', 'x', '--out=--dash').flags.out).toBe('--dash');
  });

  test('mistakes are usage errors that say what to write', () => {
    expect(usage('--must', 'x', '--outt', 'a')).toBe('try: unknown flag --outt (did you mean "--out"?)');
    expect(usage('--must', 'x', '-g')).toBe('try: unknown flag -g');
    expect(usage('--must', 'x', '-dry-run')).toBe('try: unknown flag -dry-run (did you mean "--dry-run"?)');
    expect(usage('--must', 'x', '--out')).toBe('--out needs a value: --out DIR');
    expect(usage('--must', 'x', '--out', '--dry-run')).toBe('--out needs a value, not the flag-like "--dry-run"; write --out=--dry-run if that is the value');
    expect(usage('--must', 'x', '--out', 'a', '--out', 'b')).toBe('--out is given twice; give it once');
    expect(usage('--must', 'x', '--dry-run=yes')).toBe('--dry-run is a switch: it takes no value');
    expect(usage('--out', 'a')).toBe('try: --must X is required');
  });

  test('the synopsis: arguments, then flags; optional ones in brackets', () => {
    expect(synopsis(command)).toBe('[FILE ...] [--out DIR] [--values FILE ...] [--dry-run] --must X');
  });
});
