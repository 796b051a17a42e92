import { spawnSync } from 'child_process';
import * as path from 'path';

/**
 * npm and the chartwright command in throw-away projects, for the tests that
 * install packed tarballs (starters, published packages). chartwright and the
 * packages under test come from tarballs only, never from the registry; the
 * third-party packages (cdk8s, zod, typescript…) from the npm cache
 * (`--prefer-offline`), so the tests run offline once they are cached; a
 * first run fetches what the cache lacks from the registry.
 */
export const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error'];

export interface Outcome {
  readonly code: number;
  readonly output: string;
}

/** Runs a command in `cwd`, at most 300 s, without the npm_config_* of the `npm run` that started jest (they would steer an inner npm). */
export function attempt(cwd: string, command: string, args: readonly string[]): Outcome & { stdout: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env, timeout: 300_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  return { code: result.status ?? -1, output, stdout: result.stdout ?? '' };
}

/** Runs a command and fails the test with its output unless it exits 0; its stdout. */
export function run(cwd: string, command: string, args: readonly string[]): string {
  const result = attempt(cwd, command, args);
  if (result.code !== 0) {
    const hint = /ENOTCACHED|EAI_AGAIN|ENOTFOUND|ETIMEDOUT|ECONNREFUSED/.test(result.output) ? '\n(a third-party package is neither in the npm cache nor reachable on the registry: run `npm install` once online)' : '';
    throw new Error(`${command} ${args.join(' ')} in ${cwd} exited ${result.code}:\n${result.output}${hint}`);
  }
  return result.stdout;
}

export const npm = (cwd: string, ...args: string[]): string => run(cwd, 'npm', args);

/** The chartwright command installed in the project `cwd`. */
export const chartwright = (cwd: string, ...args: string[]): string => run(cwd, process.execPath, [chartwrightBin(cwd), ...args]);

export const chartwrightBin = (cwd: string): string => path.join(cwd, 'node_modules', 'chartwright', 'bin', 'chartwright.js');
