import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UserError } from '../errors';
import { ReleaseObjects } from '../diff';
import { ReleaseOptions } from '../synth/load';

function git(cwd: string, args: readonly string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.error) throw new UserError(`--base needs git, which cannot be run: ${r.error.message}`);
  return { ok: r.status === 0, out: (r.stdout ?? '').trim(), err: (r.stderr ?? '').trim() };
}

/** chartwright's TypeScript loader (bin/register.js), which the revision's platform entry needs. */
function loader(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const register = path.join(dir, 'bin', 'register.js');
    if (fs.existsSync(register) && fs.existsSync(path.join(dir, 'package.json'))) return register;
  }
  throw new Error('chartwright: bin/register.js not found above lib/');
}

/**
 * What the child process runs: renders the project in its folder (./render)
 * and writes the outputs as JSON to a file — JSON, not YAML, since parsing
 * YAML back costs far more than rendering (see docs/performance.md).
 */
const CHILD = `
const [register, render, options, out] = process.argv.slice(1);
require(register).register();
const { renderOutputs } = require(render);
try {
  require('fs').writeFileSync(out, JSON.stringify(renderOutputs(JSON.parse(options)).outputs));
} catch (err) {
  process.stderr.write((err && err.message) || String(err));
  process.exitCode = 1;
}
`;

export interface RevisionOptions extends ReleaseOptions {
  /** The environments to synthesize. @default - all */
  readonly env?: readonly string[];
}

/**
 * Renders a git revision of the project (`--base <ref>`): checks it out in
 * a temporary worktree, links the project's node_modules into it, and renders
 * it there in a child process with the same flags (`--values` files are the
 * same files, not the revision's), as synth would but without validating or
 * writing YAML. The worktree is removed after, also on failure.
 */
export function renderRevision(ref: string, options: RevisionOptions, cwd = process.cwd()): ReleaseObjects[] {
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
    const out = path.join(tmp, 'outputs.json');
    const childOptions: RevisionOptions = {
      app: options.app,
      env: options.env,
      values: options.values?.map((file) => path.resolve(cwd, file)),
      set: options.set,
      release: options.release,
    };
    const run = spawnSync(process.execPath, ['-e', CHILD, loader(), path.join(__dirname, 'render'), JSON.stringify(childOptions), out], { cwd: at, encoding: 'utf8' });
    if (run.status !== 0) {
      const message = (run.stderr || run.stdout || String(run.error ?? '')).trim();
      throw new UserError(`--base ${ref}: the revision does not render: ${message}`);
    }
    return JSON.parse(fs.readFileSync(out, 'utf8')) as ReleaseObjects[];
  } finally {
    git(top.out, ['worktree', 'remove', '--force', tree]);
    fs.rmSync(tmp, { recursive: true, force: true });
    git(top.out, ['worktree', 'prune']);
  }
}
