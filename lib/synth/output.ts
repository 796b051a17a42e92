import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UserError } from '../errors';
import { fileError, fsyncPath, shownPath } from '../internal/files';
import { environmentFiles } from './layout';
import { RenderedEnvironment } from './render';
import { toYaml } from './yaml';

/**
 * chartwright's own folder inside an output folder: the manifest of what it
 * wrote (which marks the output folder as chartwright's), the lock of the
 * synth writing it, and while one runs its staging folder and journal.
 * Environment names are DNS labels, so no environment can take this name.
 */
export const STATE_DIR = '.chartwright';
/** In STATE_DIR: every file chartwright wrote, by environment, relative to the environment's folder. */
export const MANIFEST_FILE = 'manifest.json';
const LOCK_FILE = 'lock';
/** In STATE_DIR: written once a commit is decided; a run that finds it finishes the commit. */
const JOURNAL_FILE = 'journal.json';
const STAGE_DIR = 'stage';

/** The files written into each environment's folder, by environment. */
export interface OutputManifest {
  readonly environments: Record<string, readonly string[]>;
}

/** What the output folder is guarded against: for tests that crash a synth at each step of its commit. */
export interface StagedOutputOptions {
  /** Called at each step of the commit and of a recovery, with the step's name. @default - nothing */
  readonly onStep?: (step: string) => void;
  /**
   * Flush every file and folder to the device before the commit (`fsync`),
   * so that not even a power cut leaves an environment half written.
   * Without, the commit is still all or nothing for a crash or a kill of
   * the process (renames, the journal and the lock are the same), but not
   * for a power cut: `synth --watch` writes so, for the speed of the edit
   * loop (a flush costs 5–30 ms on a busy disk, and a commit makes ten).
   * @default true
   */
  readonly durable?: boolean;
}

/** Flushes a file or folder to the device, or (not durable) does nothing. */
type Flush = (file: string) => void;
const NO_FLUSH: Flush = () => {};

/**
 * Folders an output folder can never be: writing environments there could
 * only harm the system. Anything under /proc, /sys or /dev is refused too.
 */
const SYSTEM_FOLDERS = ['/', '/bin', '/boot', '/etc', '/home', '/lib', '/lib64', '/opt', '/root', '/run', '/sbin', '/srv', '/tmp', '/usr', '/var'];
const SYSTEM_TREES = ['/proc', '/sys', '/dev'];

/** How many unknown files an error lists before it counts the rest. */
const LISTED = 5;

/**
 * An output folder written all or nothing, and only where chartwright owns it.
 *
 * `open()` checks `outDir`: it must be absent, empty, or marked as a
 * chartwright output by `.chartwright/manifest.json`; never `/` or a system
 * folder. It takes `.chartwright/lock` (a second synth into the same folder
 * is refused while the first runs) and finishes or removes what a crashed
 * synth left. Each environment's folder must hold only files the manifest
 * lists: anything else (a `.git`, a file put there by hand) is refused,
 * never deleted.
 *
 * Each environment goes to `.chartwright/stage/new/<env>` as soon as it is
 * rendered and validated, in the layout ./layout.ts sets out. A file whose bytes equal the one it
 * replaces is the old file, hard-linked: unchanged files keep their inode
 * and time. `commit()` flushes every file and folder to the device, writes
 * a journal naming the environments (the commit is decided from then on),
 * swaps each environment's folder in by rename, puts the new manifest in
 * place and removes the journal. A crash before the journal leaves the old
 * output; a crash after it is finished by the next `open()`: every
 * environment then holds entirely the new content. Folders of environments
 * not written are left as they are.
 */
export class StagedOutput {
  private readonly outDir: string;
  /** outDir with links resolved, once open. */
  private root = '';
  private state = '';
  private stage: string | undefined;
  private manifest: OutputManifest = { environments: {} };
  private opened = false;
  private locked = false;
  private createdOutDir = false;
  private readonly written = new Map<string, string[]>();
  private readonly flush: Flush;

  constructor(private readonly given: string, private readonly options: StagedOutputOptions = {}) {
    this.outDir = path.resolve(given);
    this.flush = options.durable === false ? NO_FLUSH : fsyncPath;
  }

  /**
   * Checks the output folder and each environment's folder in it, takes the
   * lock, and finishes or removes what a crashed synth left. Throws a
   * UserError, writing nothing, when the folder is not chartwright's.
   */
  open(environments: readonly string[] = []): void {
    if (!this.opened) {
      const real = checkOutDir(this.given);
      this.root = real;
      this.state = path.join(real, STATE_DIR);
      try {
        if (!fs.existsSync(real)) {
          makeFolders(real);
          this.createdOutDir = true;
        }
        checkOwned(real, this.outDir);
        fs.mkdirSync(this.state, { recursive: true });
      } catch (err) {
        throw fileError(err, 'create the output folder', this.outDir);
      }
      try {
        this.locked = takeLock(this.state, this.outDir);
      } catch (err) {
        if (this.createdOutDir) removeIfEmpty(this.state, real); // made just now; another synth may have taken it meanwhile
        throw err;
      }
      this.opened = true;
      recover(real, this.state, this.options.onStep);
      this.manifest = readManifest(this.state);
    }
    for (const env of environments) checkEnvironmentFolder(this.envDir(env), env, this.manifest);
  }

  /** Writes one environment's files (./layout.ts says which) to the staging folder. */
  writeEnvironment(env: RenderedEnvironment): void {
    this.addEnvironment(env.name, writeStagedEnvironment(this.target(env.name), env));
  }

  /**
   * Where one environment's files are staged, and what they replace: what
   * writeStagedEnvironment() takes, also in a worker thread (see
   * ./parallel.ts). The environment's folder is checked first.
   */
  target(env: string): EnvironmentTarget {
    this.open([env]);
    const staged = path.join(this.staging(), 'new');
    fs.mkdirSync(staged, { recursive: true });
    return { name: env, dir: path.join(staged, env), current: this.envDir(env), owned: this.manifest.environments[env] ?? [], durable: this.flush !== NO_FLUSH };
  }

  /** The bytes of the files an earlier synth wrote for `env` (0 when none): how large the environment was. */
  previousBytes(env: string): number {
    this.open([env]);
    let bytes = 0;
    for (const file of this.manifest.environments[env] ?? []) {
      try {
        bytes += fs.statSync(path.join(this.envDir(env), file)).size;
      } catch {
        // gone since: counts nothing
      }
    }
    return bytes;
  }

  /**
   * Records an environment staged at its target(): committed with the
   * others. `undefined` (nothing changed, see writeStagedEnvironment()):
   * its folder stays as it is and is not swapped at the commit.
   */
  addEnvironment(env: string, files: readonly string[] | undefined): void {
    if (files === undefined) this.written.delete(env);
    else this.written.set(env, [...files]);
  }

  /** Puts the environments written in place of their folders in `outDir`: all of them, or on failure none. */
  commit(): void {
    if (this.stage === undefined || this.written.size === 0) return;
    const stage = this.stage;
    const environments = [...this.written.keys()];
    const step = this.options.onStep ?? (() => {});
    // the environments' folders must still hold only what the manifest lists
    for (const env of environments) checkEnvironmentFolder(this.envDir(env), env, this.manifest);
    try {
      const manifest: OutputManifest = { environments: { ...this.manifest.environments, ...Object.fromEntries(this.written) } };
      writeDurably(path.join(stage, MANIFEST_FILE), JSON.stringify(sortedManifest(manifest), null, 2) + '\n', this.flush);
      fs.mkdirSync(path.join(stage, 'old'));
      for (const env of environments) fsyncTree(path.join(stage, 'new', env), this.written.get(env)!, this.flush);
      this.flush(path.join(stage, 'new'));
      this.flush(stage);
      step('staged');
      writeDurably(path.join(this.state, JOURNAL_FILE), JSON.stringify({ environments }) + '\n', this.flush);
      this.flush(this.state);
    } catch (err) {
      throw fileError(err, 'write the output to', stage);
    }
    step('journal');
    try {
      for (const env of environments) {
        swapEnvironment(this.root, stage, env, step);
      }
    } catch (err) {
      // put back what was already swapped, each folder as it was; then the commit is undone
      try {
        for (const env of [...environments].reverse()) unswapEnvironment(this.root, stage, env);
        fs.rmSync(path.join(this.state, JOURNAL_FILE));
      } catch {
        // the journal stays: the next run finishes the commit
      }
      throw fileError(err, 'put the output in place in', this.outDir);
    }
    finishCommit(this.root, this.state, step, this.flush);
    this.manifest = readManifest(this.state);
    this.createdOutDir = false;
  }

  /** Removes the staging folder and the lock (and `outDir`, when this made it and nothing was committed). */
  close(): void {
    if (!this.locked) return;
    // a journal left by a commit that could not be undone: the staging folder is what the next run finishes it with
    const decided = fs.existsSync(path.join(this.state, JOURNAL_FILE));
    if (this.stage !== undefined && !decided) fs.rmSync(this.stage, { recursive: true, force: true });
    this.stage = undefined;
    fs.rmSync(path.join(this.state, LOCK_FILE), { force: true });
    this.locked = false;
    // nothing ever committed here: no trace is left
    if (!decided && !fs.existsSync(path.join(this.state, MANIFEST_FILE))) fs.rmSync(this.state, { recursive: true, force: true });
    if (this.createdOutDir && fs.existsSync(this.root) && fs.readdirSync(this.root).length === 0) fs.rmdirSync(this.root);
  }

  private envDir(env: string): string {
    return path.join(this.root, env);
  }

  private staging(): string {
    if (this.stage === undefined) {
      this.stage = path.join(this.state, STAGE_DIR);
      fs.mkdirSync(this.stage);
    }
    return this.stage;
  }
}

/** Where one environment is staged (StagedOutput.target()): plain data, so a worker thread can write it. */
export interface EnvironmentTarget {
  /** The environment's name. */
  readonly name: string;
  /** The staging folder its files go to. */
  readonly dir: string;
  /** Its folder in the output folder, whose unchanged files are kept. */
  readonly current: string;
  /** The files of `current` the manifest lists. */
  readonly owned: readonly string[];
  /** Flush the files written to the device (StagedOutputOptions.durable). */
  readonly durable: boolean;
}

/**
 * Writes a rendered environment's files to its staging folder, each YAML
 * file document by document; files whose bytes did not change become hard
 * links to the ones they replace. Returns the files written, sorted, or
 * `undefined` when every file is unchanged and none is added or removed
 * (the staging folder is then removed: there is nothing to swap).
 * `beforeFile` runs before each file (a worker thread told to stop throws there).
 */
export function writeStagedEnvironment(target: EnvironmentTarget, env: RenderedEnvironment, beforeFile?: () => void): string[] | undefined {
  const dir = target.dir;
  try {
    beforeFile?.();
    // not recursive: the staging folder exists (StagedOutput.target() made it) unless the synth was stopped and it was removed
    fs.rmSync(dir, { recursive: true, force: true }); // staged before in this synth: replaced
    fs.mkdirSync(dir);
    const written = new Set<string>();
    for (const file of environmentFiles(env)) {
      beforeFile?.();
      const out = path.join(dir, ...file.path.split('/'));
      fs.mkdirSync(path.dirname(out), { recursive: true });
      if ('docs' in file) writeYamlStream(out, file.docs, false);
      else fs.writeFileSync(out, file.text);
      written.add(file.path);
    }
    // the manifest lists what is in the folder: the folder was made empty above and holds what was written, so it is not read back
    const files = [...written].sort();
    const kept = keepUnchanged(target.current, dir, files, target.owned);
    // an unchanged file is the old one, already on the device: only new bytes are flushed
    if (target.durable) for (const file of files) if (!kept.has(file)) fsyncPath(path.join(dir, file));
    // nothing changed: the environment's folder stays as it is
    if (kept.size === files.length && sameList(files, target.owned)) {
      fs.rmSync(dir, { recursive: true });
      return undefined;
    }
    return files;
  } catch (err) {
    throw fileError(err, `write environment "${env.name}" to`, dir);
  }
}

/**
 * Refuses an output folder that can never be chartwright's: an empty name,
 * `/`, a system folder, anything under /proc, /sys or /dev, a path through
 * a file, a dangling link. Returns the folder with links resolved (the
 * folder an output link points to is the output folder).
 */
export function checkOutDir(given: string): string {
  if (given.trim() === '') throw new UserError('the output folder is an empty name: give a folder such as dist');
  const outDir = path.resolve(given);
  const shown = shownPath(outDir);
  let real: string;
  try {
    real = fs.realpathSync(outDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw fileError(err, 'use the output folder', outDir);
    if (isDanglingLink(outDir)) {
      throw new UserError(`the output folder ${shown} is a symbolic link to ${fs.readlinkSync(outDir)}, which does not exist: create that folder or remove the link`);
    }
    real = path.join(fs.realpathSync(existingAncestor(outDir)), path.relative(existingAncestor(outDir), outDir));
  }
  if (SYSTEM_FOLDERS.includes(real) || real === os.homedir() || SYSTEM_TREES.some((t) => real === t || real.startsWith(t + '/'))) {
    throw new UserError(`the output folder ${shown}${real !== outDir ? ` (${real})` : ''} is a system folder: chartwright writes only into a folder of its own, such as dist`);
  }
  const ancestor = existingAncestor(real);
  if (ancestor === real) return real;
  if (isDanglingLink(ancestor)) {
    throw new UserError(`the output folder ${shown} cannot be made: ${shownPath(ancestor)} is a symbolic link to ${fs.readlinkSync(ancestor)}, which does not exist`);
  }
  if (!fs.statSync(ancestor).isDirectory()) {
    throw new UserError(`the output folder ${shown} cannot be made: ${shownPath(ancestor)} is a file, not a folder`);
  }
  // names are checked before anything is made: a name too long would fail only after its parents were created
  for (const part of path.relative(ancestor, real).split(path.sep)) {
    if (Buffer.byteLength(part) > 255) throw new UserError(`the output folder ${shown} cannot be made: the name "${part.slice(0, 40)}…" is longer than 255 bytes`);
  }
  return real;
}

/** Removes each folder, in order, that is empty. */
function removeIfEmpty(...dirs: string[]): void {
  for (const dir of dirs) {
    try {
      fs.rmdirSync(dir);
    } catch {
      return; // not empty (or gone): what is in it is not this run's to remove
    }
  }
}

/** mkdir -p, one folder at a time: a recursive mkdirSync reports ENOENT where the cause is EROFS or EACCES. */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !fs.existsSync(d); d = path.dirname(d)) missing.unshift(d);
  for (const d of missing) fs.mkdirSync(d);
}

function existingAncestor(file: string): string {
  let dir = file;
  while (!fs.existsSync(dir) && !isDanglingLink(dir) && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return dir;
}

function isDanglingLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink() && !fs.existsSync(file);
  } catch {
    return false;
  }
}

/** Refuses an existing output folder that is not a folder, or holds files and no manifest. */
function checkOwned(real: string, outDir: string): void {
  const shown = shownPath(outDir);
  if (!fs.statSync(real).isDirectory()) throw new UserError(`the output folder ${shown} is a file, not a folder: choose another --out`);
  if (fs.existsSync(path.join(real, STATE_DIR, MANIFEST_FILE))) return;
  const entries = fs.readdirSync(real).filter((e) => e !== STATE_DIR).sort();
  if (entries.length === 0) return;
  throw new UserError(
    `the output folder ${shown} holds files chartwright did not write (${listed(entries)}) and no ${STATE_DIR}/${MANIFEST_FILE} marking it as a chartwright output: ` +
      'choose an empty or new folder with --out; if it is an output of an earlier chartwright version, remove it and run again',
  );
}

/** Up to LISTED names, and how many more. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, LISTED).join(', ');
  return names.length > LISTED ? `${shown} and ${names.length - LISTED} more` : shown;
}

/**
 * Refuses an environment's folder that holds anything the manifest does not
 * list: replacing the folder would delete it. A symbolic link is refused
 * too: the folder is replaced whole, and writing through the link would
 * replace the link by a folder, so what it points to would never update.
 */
function checkEnvironmentFolder(dir: string, env: string, manifest: OutputManifest): void {
  const shown = shownPath(dir);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw fileError(err, 'read', dir);
  }
  if (stat.isSymbolicLink()) {
    throw new UserError(
      `${shown} is a symbolic link to ${fs.readlinkSync(dir)}: chartwright replaces an environment's folder whole and does not write through links; ` +
        `remove the link, and to write into another checkout point --out at the folder that should hold the environments`,
    );
  }
  if (!stat.isDirectory()) throw new UserError(`${shown} is a file chartwright did not write, where environment "${env}" goes: move it away and run again`);
  const known = new Set(manifest.environments[env] ?? []);
  const unknown = listFiles(dir).filter((f) => !known.has(f));
  if (unknown.length > 0) {
    throw new UserError(
      `${shown} holds files chartwright did not write: ${listed(unknown)}; synth replaces the folder whole, so move them elsewhere (or choose another --out) and run again`,
    );
  }
}

/** Every entry below `dir` that is not a folder, relative to it, in order. */
function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)]));
}

function readManifest(state: string): OutputManifest {
  const file = path.join(state, MANIFEST_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { environments: {} };
    throw fileError(err, 'read', file);
  }
  try {
    const parsed = JSON.parse(text);
    const environments = parsed?.environments;
    if (typeof environments !== 'object' || environments === null || Object.values(environments).some((f) => !Array.isArray(f) || f.some((x) => typeof x !== 'string'))) {
      throw new Error('no "environments" with a list of files for each');
    }
    return { environments };
  } catch (err) {
    throw new UserError(`${shownPath(file)} is not a manifest chartwright wrote (${(err as Error).message}): remove the output folder and run again`);
  }
}

function sortedManifest(manifest: OutputManifest): object {
  const environments = Object.fromEntries(Object.keys(manifest.environments).sort().map((e) => [e, manifest.environments[e]]));
  return { about: 'The files chartwright wrote in this folder, by environment; synth replaces only these.', environments };
}

/**
 * The lock of one synth into an output folder: a file made only if it does
 * not exist, holding the process id and host. A lock whose process is gone
 * (a synth killed) is taken over; a live one is refused with its process id.
 */
function takeLock(state: string, outDir: string): boolean {
  const file = path.join(state, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname() });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx' });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        fs.rmSync(file, { force: true }); // made, then its content could not be written (a full disk)
        throw fileError(err, 'lock the output folder', outDir);
      }
    }
    const holder = readLock(file);
    if (holder === undefined) continue; // released meanwhile
    if (isAlive(holder)) {
      throw new UserError(
        `another chartwright synth (process ${holder.pid}${holder.host !== os.hostname() ? ` on ${holder.host}` : ''}) is writing to ${shownPath(outDir)}: ` +
          `wait for it to finish and run again; if no such process runs, remove ${shownPath(file)}`,
      );
    }
    // stale: move it aside and check that what was moved is the stale lock, not one taken meanwhile
    const aside = `${file}.${process.pid}`;
    try {
      fs.renameSync(file, aside);
    } catch {
      continue;
    }
    const moved = fs.readFileSync(aside, 'utf8');
    if (moved === holder.text) fs.rmSync(aside);
    else fs.renameSync(aside, file);
  }
  throw new UserError(`cannot lock ${shownPath(outDir)}: other synths keep taking it; run again`);
}

function readLock(file: string): { pid: number; host: string; text: string } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const { pid, host } = JSON.parse(text);
    return { pid: Number(pid), host: String(host), text };
  } catch {
    return { pid: 0, host: os.hostname(), text }; // a lock cut short by a crash while it was written
  }
}

function isAlive(holder: { pid: number; host: string }): boolean {
  if (holder.host !== os.hostname()) return true; // cannot tell: assume it runs
  if (!(holder.pid > 0)) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * What a crashed synth left: with a journal, the commit was decided, so it
 * is finished (each environment still in the staging folder is swapped in);
 * without one, the staging folder is removed and the output stays as it was.
 */
function recover(outDir: string, state: string, onStep: ((step: string) => void) | undefined): void {
  const step = onStep ?? (() => {});
  const journal = path.join(state, JOURNAL_FILE);
  const stage = path.join(state, STAGE_DIR);
  try {
    if (fs.existsSync(journal)) {
      let environments: string[] = [];
      try {
        environments = JSON.parse(fs.readFileSync(journal, 'utf8')).environments;
      } catch {
        // a journal is flushed before it is put in place: one that does not parse was never in place
      }
      for (const env of environments) {
        if (fs.existsSync(path.join(stage, 'new', env))) swapEnvironment(outDir, stage, env, step);
      }
      finishCommit(outDir, state, step, fsyncPath);
    }
    fs.rmSync(stage, { recursive: true, force: true });
    for (const entry of fs.readdirSync(state)) if (entry.endsWith('.tmp')) fs.rmSync(path.join(state, entry), { force: true });
  } catch (err) {
    throw fileError(err, 'recover the output left by an interrupted synth in', outDir);
  }
}

/** Swaps one environment in: its folder (if any) to stage/old, the staged one in its place. Repeatable after a crash at any point. */
function swapEnvironment(outDir: string, stage: string, env: string, step: (name: string) => void): void {
  const target = path.join(outDir, env);
  const old = path.join(stage, 'old', env);
  step(`swap ${env}: old out`);
  if (fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(old), { recursive: true });
    fs.rmSync(old, { recursive: true, force: true });
    fs.renameSync(target, old);
  }
  step(`swap ${env}: new in`);
  fs.renameSync(path.join(stage, 'new', env), target);
}

/** Undoes swapEnvironment, also one that stopped halfway: the staged folder back to stage/new, the old one back in place. */
function unswapEnvironment(outDir: string, stage: string, env: string): void {
  const target = path.join(outDir, env);
  const old = path.join(stage, 'old', env);
  const staged = path.join(stage, 'new', env);
  if (!fs.existsSync(staged) && fs.existsSync(target)) fs.renameSync(target, staged);
  if (fs.existsSync(old)) fs.renameSync(old, target);
}

/** After the swaps: flushed, the new manifest put in place, the journal removed (the commit is done). */
function finishCommit(outDir: string, state: string, step: (name: string) => void, flush: Flush): void {
  flush(outDir);
  const staged = path.join(state, STAGE_DIR, MANIFEST_FILE);
  step('manifest');
  if (fs.existsSync(staged)) fs.renameSync(staged, path.join(state, MANIFEST_FILE));
  flush(state);
  step('journal removed');
  fs.rmSync(path.join(state, JOURNAL_FILE), { force: true });
  flush(state);
  step('done');
}

/** A small file written, flushed, then renamed into place. */
function writeDurably(file: string, text: string, flush: Flush): void {
  const temp = `${file}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeFileSync(fd, text);
    if (flush !== NO_FLUSH) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

/**
 * Flushes `dir` and the folders below it that hold `files` (files are
 * flushed as they are written), deepest first, without reading the folders:
 * the files are what writeStagedEnvironment() wrote there.
 */
function fsyncTree(dir: string, files: readonly string[], flush: Flush): void {
  if (flush === NO_FLUSH) return;
  const folders = new Set<string>();
  for (const file of files) for (let d = path.posix.dirname(file); d !== '.'; d = path.posix.dirname(d)) folders.add(d);
  const deepestFirst = [...folders].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
  for (const folder of deepestFirst) flush(path.join(dir, ...folder.split('/')));
  flush(dir);
}

/**
 * Where a staged file has the same bytes as the file it replaces (one the
 * manifest lists), the staged file becomes a hard link to the old one: a
 * re-run with nothing changed leaves every file's inode and time as they were.
 */
function keepUnchanged(current: string, staged: string, files: readonly string[], owned: readonly string[]): Set<string> {
  const ours = new Set(owned);
  const kept = new Set<string>();
  for (const file of files) {
    if (!ours.has(file)) continue;
    const before = path.join(current, file);
    const after = path.join(staged, file);
    if (!sameBytes(before, after)) continue;
    const temp = `${after}.link`;
    try {
      fs.linkSync(before, temp);
    } catch {
      continue; // a file system without hard links: the new copy stays
    }
    fs.renameSync(temp, after);
    kept.add(file);
  }
  return kept;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameBytes(a: string, b: string): boolean {
  let statA: fs.Stats;
  try {
    statA = fs.lstatSync(a);
  } catch {
    return false;
  }
  if (!statA.isFile() || statA.size !== fs.statSync(b).size) return false;
  return fs.readFileSync(a).equals(fs.readFileSync(b));
}

/** Characters of YAML text written at a time: some tens of KiB, so the stream is never one large string. */
const CHUNK_CHARS = 32 * 1024;

/**
 * Writes a YAML stream document by document, in chunks, and flushes it to
 * the device unless told not to (`flush`: false, when the caller flushes it
 * only if it is kept): the documents' text is gathered into a chunk, written
 * once it holds CHUNK_CHARS. One string of the whole stream would be built,
 * kept and encoded into one large buffer, all in memory touched for the
 * first time.
 */
export function writeYamlStream(file: string, docs: readonly unknown[], flush = true): void {
  const fd = fs.openSync(file, 'w');
  try {
    let chunk = '';
    for (let i = 0; i < docs.length; i++) {
      chunk += i > 0 ? '---\n' + toYaml(docs[i]) : toYaml(docs[i]);
      if (chunk.length >= CHUNK_CHARS) {
        writeText(fd, chunk);
        chunk = '';
      }
    }
    writeText(fd, chunk);
    if (flush) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function writeText(fd: number, text: string): void {
  if (text === '') return;
  const written = fs.writeSync(fd, text);
  const size = Buffer.byteLength(text);
  if (written === size) return;
  const bytes = Buffer.from(text); // a short write: the rest from where it stopped
  for (let at = written; at < size; ) at += fs.writeSync(fd, bytes, at);
}
