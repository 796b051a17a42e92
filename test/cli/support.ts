import { main } from '../../lib/cli/main';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command line in-process, capturing what it prints. */
export function run(...argv: string[]): Run {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n') });
  if (typeof code !== 'number') throw new Error(`chartwright ${argv.join(' ')} runs asynchronously: run it with runCli`);
  return { code, stdout, stderr };
}
