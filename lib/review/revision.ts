import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UserError } from '../errors';
import { ReleaseObjects } from '../diff';
import { ReleaseOptions } from '../synth/load';
import { readOutput } from './read-output';

function git(cwd: string, args: readonly string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.error) throw new UserError(`--base needs git, which cannot be run: ${r.error.message}`);
  return { ok: r.status === 0, out: (r.stdout ?? '').trim(), err: (r.stderr ?? '').trim() };
}

/** chartwright's own executable, which synthesizes the revision with the same flags. */
function executable(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const bin = path.join(dir, 'bin', 'chartwright.js');
    if (fs.existsSync(bin) && fs.existsSync(path.join(dir, 'package.json'))) return bin;
  }
  throw new Error('chartwright: bin/chartwright.js not found above lib/');
}

export interface RevisionOptions extends ReleaseOptions {
  /** The environments to synthesize. @default - all */
  readonly env?: readonly string[];
}

/**
 * Synthesizes a git revision of the project (`--base <ref>`): checks it out
 * in a temporary worktree beside nothing of the working tree, links the
 * project's node_modules into it, runs `chartwright synth` there with the
 * same flags (`--values` files are the same files, not the revision's) into
 * a temporary folder and reads that output. The worktree is removed after,
 * also on failure.
 */
export function synthRevision(ref: string, options: RevisionOptions, cwd = process.cwd()): ReleaseObjects[] {
  const top = git(cwd, ['rev-parse', '--show-toplevel']);
  if (!top.ok) throw new UserError(`--base ${ref}: ${path.resolve(cwd)} is not in a git repository; compare with a folder instead (--base-dir DIR)`);
  const commit = git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (!commit.ok) throw new UserError(`--base ${ref}: no such revision in ${top.out} (a branch, tag or commit, such as main or HEAD~1)`);
  const prefix = git(cwd, ['rev-parse', '--show-prefix']).out;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-base-'));
  const tree = path.join(tmp, 'tree');
  try {
    const added = git(top.out, ['worktree', 'add', '--detach', '--quiet', tree, commit.out]);
    if (!added.ok) throw new UserError(`--base ${ref}: cannot check the revision out: ${added.err}`);
    const at = path.join(tree, prefix);
    if (!fs.existsSync(at)) throw new UserError(`--base ${ref}: the revision has no ${prefix.replace(/\/$/, '')}`);
    // the revision runs with the project's installed packages
    for (const [from, to] of [[top.out, tree], [cwd, at]]) {
      const modules = path.join(from, 'node_modules');
      if (fs.existsSync(modules) && !fs.existsSync(path.join(to, 'node_modules'))) fs.symlinkSync(modules, path.join(to, 'node_modules'), 'dir');
    }
    const out = path.join(tmp, 'out');
    const args = ['synth', '--out', out];
    if (options.app) args.push('--app', options.app);
    for (const env of options.env ?? []) args.push('--env', env);
    for (const file of options.values ?? []) args.push('--values', path.resolve(cwd, file));
    for (const set of options.set ?? []) args.push('--set', set);
    for (const release of options.release ?? []) args.push('--release', release);
    const run = spawnSync(process.execPath, [executable(), ...args], { cwd: at, encoding: 'utf8' });
    if (run.status !== 0) {
      const message = (run.stderr || run.stdout || String(run.error ?? '')).trim().replace(/^error: /, '');
      throw new UserError(`--base ${ref}: the revision does not synthesize: ${message}`);
    }
    return readOutput(out);
  } finally {
    git(top.out, ['worktree', 'remove', '--force', tree]);
    fs.rmSync(tmp, { recursive: true, force: true });
    git(top.out, ['worktree', 'prune']);
  }
}
