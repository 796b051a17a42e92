import { REPO, runCli } from '../support/project';
import { run } from './support';

describe('usage errors: exit 2, what is wrong, the closest known word, the usage, no stack trace', () => {
  test('an unknown flag, with the closest flag of that command', () => {
    const result = run('synth', '--evn', 'dev');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^chartwright: synth: unknown flag --evn \(did you mean "--env"\?\)\n\nUsage: chartwright synth /);
    expect(result.stderr).toContain("Run 'chartwright synth --help' for its options and examples.");
    expect(run('validate', '--ouptut', 'json', 'x.yaml').stderr).toContain('unknown flag --ouptut (did you mean "--output"?)');
    expect(run('values', '--schmea').stderr).toContain('unknown flag --schmea (did you mean "--schema"?)');
  });

  test('an unknown flag far from every flag has no suggestion', () => {
    const result = run('synth', '--frobnicate');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('chartwright: synth: unknown flag --frobnicate\n');
  });

  test('an unknown command, with the closest command', () => {
    const result = run('sytnh');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "sytnh" (did you mean "synth"?); the commands are: synth, diff, values, validate, init, help');
    expect(run('--env', 'dev').stderr).toContain('unknown command "--env" (the flags come after a command)');
  });

  test('arguments: missing, extra, not a flag value', () => {
    expect(run('validate').stderr).toContain('validate: name at least one FILE or DIR');
    expect(run('init').stderr).toContain('init: name the KIND: app or package');
    expect(run('init', 'app', 'a', 'b').stderr).toContain('init: unexpected argument "b"; it takes app|package [DIR]');
    expect(run('synth', 'dev').stderr).toContain('synth: unexpected argument "dev"; it takes flags only');
    expect(run('synth', '--out').stderr).toContain('--out needs a value: --out DIR');
    expect(run('values', '--release', 'a', '--release', 'b').stderr).toContain('--release is given twice; give it once');
    for (const args of [['validate'], ['init'], ['init', 'app', 'a', 'b'], ['synth', 'dev'], ['synth', '--out']]) expect(run(...args).code).toBe(2);
  });

  test('through the executable: the message, exit 2, no stack trace', () => {
    const result = runCli(REPO, ['synth', '--evn', 'dev']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown flag --evn (did you mean "--env"?)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
