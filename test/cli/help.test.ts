import * as fs from 'fs';
import * as path from 'path';
import { plain } from '../../lib/cli/help';
import { COMMANDS } from '../../lib/cli/commands';
import { REPO } from '../support/project';
import { run } from './support';

describe('chartwright <command> --help', () => {
  test.each(COMMANDS.map((c) => [c.name, c] as const))('%s: its usage, every flag and every example', (name, command) => {
    const help = run(name, '--help');
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toContain(`Usage: chartwright ${name} `);
    for (const flag of command.flags) {
      expect(help.stdout).toContain(`--${flag.name}${flag.value ? ` ${flag.value}` : ''}`);
      if (flag.short) expect(help.stdout).toContain(`-${flag.short}, --${flag.name}`);
    }
    for (const arg of command.args ?? []) expect(help.stdout).toContain(arg.name);
    expect(command.examples.length).toBeGreaterThan(0);
    for (const example of command.examples) {
      expect(help.stdout).toContain(`  # ${plain(example.description)}\n  ${example.command}\n`);
    }
    expect(help.stdout).toContain('-h, --help');
    expect(help.stdout).toContain('Exit codes: ');
  });

  test('-h, --help anywhere before --, and help <command>, print the same text', () => {
    const help = run('synth', '--help').stdout;
    expect(run('synth', '-h').stdout).toBe(help);
    expect(run('synth', '--env', 'dev', '--help').stdout).toBe(help);
    expect(run('synth', '--bogus', '-h').stdout).toBe(help);
    expect(run('help', 'synth')).toEqual({ code: 0, stdout: help, stderr: '' });
  });

  test('help is plain text: no Markdown links or code spans', () => {
    for (const command of COMMANDS) {
      const help = run(command.name, '--help').stdout;
      expect(help).not.toMatch(/\]\(|`/);
      for (const line of help.split('\n')) {
        if (!line.startsWith('Usage: ')) expect(line.length).toBeLessThanOrEqual(100);
      }
    }
  });

  test('validate states its own exit codes', () => {
    expect(run('validate', '--help').stdout).toContain('Exit codes: 0 valid (warnings allowed), 1 errors, 2 usage error or a file that cannot be read.');
  });
});

describe('chartwright --help, help, --version', () => {
  test('--help and help list every command with its summary', () => {
    const help = run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: chartwright <command> [options]');
    for (const command of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${command.name} +${plain(command.summary).slice(0, 20)}`, 'm'));
    expect(run('help').stdout).toBe(help.stdout);
    expect(run('-h').stdout).toBe(help.stdout);
  });

  test('no command: the help on stderr, exit 2', () => {
    const none = run();
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Usage: chartwright <command> [options]');
  });

  test('help of an unknown command is a usage error with a suggestion', () => {
    const result = run('help', 'valdiate');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "valdiate" (did you mean "validate"?)');
  });

  test('--version prints the package version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    expect(run('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
