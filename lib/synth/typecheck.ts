import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type * as TS from 'typescript';
import { UserError } from '../errors';

/*
 * Synth's type check of the project. Synth runs the project's TypeScript
 * transpiled without types, so a prop the compiler rejects (TS2561 for
 * `replica: 4`) would still be built. The check runs in a worker thread
 * while the main thread loads and builds, and synth writes nothing until it
 * has passed.
 *
 * It checks the program of the platform entry (the entry and what it
 * imports, with the project's tsconfig.json), not every file the tsconfig
 * includes: tests are `npm test`'s business. It is incremental: TypeScript's
 * build info is kept in node_modules/.cache/chartwright/, so a second run
 * checks only the files that changed and what depends on them (see
 * docs/performance.md for what it costs).
 */

/** At most this many diagnostics are listed; the count says how many more. */
const SHOWN = 20;

/** Why a project without TypeScript is not type-checked. */
export const NO_TYPESCRIPT = 'the project has no "typescript" package: install it (npm install --save-dev typescript) to have synth type-check';

/** The result of a type check. */
export interface TypecheckResult {
  /** The diagnostics, formatted `file:line:col - error TSnnnn: message`, relative to the working directory. */
  readonly errors: readonly string[];
  /** Why the check did not run (no TypeScript installed), or undefined when it ran. */
  readonly skipped?: string;
}

/**
 * Type-checks the program of the platform entry `entry`, incrementally
 * (synchronously, in this thread). The compiler comes from the project (its
 * `typescript` package), else from chartwright's own dependencies.
 */
export function typecheck(entry: string, cwd = process.cwd()): TypecheckResult {
  const compiler = projectCompiler(entry);
  if (!compiler) return { errors: [], skipped: NO_TYPESCRIPT };
  const configFile = findUp(path.dirname(entry), 'tsconfig.json');
  const projectDir = configFile ? path.dirname(configFile) : path.dirname(entry);
  const cacheBase = cacheFile(projectDir, entry, configFile);
  const stampFile = `${cacheBase}.stamp.json`;
  // the stamp holds while the compiler and the tsconfig are the same (checked before loading the compiler, which takes a while)
  const key = JSON.stringify([compiler, ...[path.join(path.dirname(compiler), '..', 'package.json'), configFile].map((f) => (f ? stat(f) : null))]);
  const cached = readStamp(stampFile, key);
  if (cached) return cached;

  const ts: typeof TS = require(compiler);
  const { options: base, configErrors } = checkOptions(ts, configFile);
  const options: TS.CompilerOptions = { ...base, incremental: true, tsBuildInfoFile: `${cacheBase}.tsbuildinfo` };
  const program = ts.createIncrementalProgram({ rootNames: [entry], options, configFileParsingDiagnostics: configErrors });
  const result = { errors: errorMessages(ts, program, cwd) };
  program.emit(); // with noEmit, writes only the build info: the next run's cache
  writeStamp(stampFile, key, program.getSourceFiles().map((f) => f.fileName), result);
  return result;
}

/*
 * The stamp: every file of the last checked program with its size and
 * modification time, and the result. When none changed, the result stands
 * without starting the compiler (which, even incremental, reads and binds
 * every declaration file of the libraries first). A changed import changes
 * the importing file, so a file added to the program is noticed too.
 */
interface Stamp {
  readonly key: string;
  readonly files: readonly (readonly [string, number, number])[];
  readonly result: TypecheckResult;
}

function stat(file: string): readonly [string, number, number] | undefined {
  try {
    const s = fs.statSync(file);
    return [file, s.size, s.mtimeMs];
  } catch {
    return undefined;
  }
}

function readStamp(file: string, key: string): TypecheckResult | undefined {
  let stamp: Stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(file, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
  if (stamp.key !== key) return undefined;
  for (const [name, size, mtime] of stamp.files) {
    const now = stat(name);
    if (!now || now[1] !== size || now[2] !== mtime) return undefined;
  }
  return stamp.result;
}

function writeStamp(file: string, key: string, files: readonly string[], result: TypecheckResult): void {
  const stats = files.map(stat).filter((s) => s !== undefined);
  if (stats.length !== files.length) return;
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ key, files: stats, result } satisfies Stamp));
    fs.renameSync(tmp, file);
  } catch {
    // a read-only or full disk only costs speed
  }
}

/** The TypeScript compiler of the project of `entry` (its `typescript` package, else chartwright's), or undefined when there is none. */
export function projectCompiler(entry: string): string | undefined {
  try {
    return require.resolve('typescript', { paths: [path.dirname(entry), __dirname] });
  } catch {
    return undefined;
  }
}

/** The compiler options of the check: the project's tsconfig.json (or defaults), with nothing emitted. */
export function checkOptions(ts: typeof TS, configFile: string | undefined): { options: TS.CompilerOptions; configErrors: readonly TS.Diagnostic[] } {
  const config = configFile ? ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined }) : undefined;
  const base: TS.CompilerOptions = config?.options ?? {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
  };
  return { options: { ...base, noEmit: true, composite: false, declaration: false }, configErrors: config?.errors ?? [] };
}

/** A diagnostic as `file:line:col - error TSnnnn: message`, relative to `cwd`. */
/** The errors of a program, of its configuration and of its files, each as `formatDiagnostic()` writes it. */
export function errorMessages(ts: typeof TS, program: TS.BuilderProgram, cwd: string): string[] {
  return [
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...program.getSemanticDiagnostics(),
  ]
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => formatDiagnostic(ts, d, cwd));
}

export function formatDiagnostic(ts: typeof TS, d: TS.Diagnostic, cwd: string): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n    ');
  if (!d.file || d.start === undefined) return `error TS${d.code}: ${message}`;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${path.relative(cwd, d.file.fileName) || d.file.fileName}:${line + 1}:${character + 1} - error TS${d.code}: ${message}`;
}

/** The first `name` in `dir` or a folder above it. */
export function findUp(dir: string, name: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const file = path.join(d, name);
    if (fs.existsSync(file)) return file;
    if (path.dirname(d) === d) return undefined;
  }
}

/** Where the cache of one entry lives (without extension): the project's node_modules/.cache, else the system's temporary folder. */
function cacheFile(projectDir: string, entry: string, configFile: string | undefined): string {
  const modules = path.join(projectDir, 'node_modules');
  const base = fs.existsSync(modules) ? path.join(modules, '.cache') : os.tmpdir();
  const key = crypto.createHash('sha1').update(entry).update('\0').update(configFile ?? '').digest('hex').slice(0, 16);
  const dir = path.join(base, 'chartwright', 'typecheck');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, key);
}

/**
 * The error synth fails with when the project has type errors; `synth
 * --watch`, whose check does not hold the output back, reports them with
 * `watch`.
 */
export function typeErrors(errors: readonly string[], mode: 'synth' | 'watch' = 'synth'): UserError {
  const shown = errors.slice(0, SHOWN).map((e) => `  ${e}`);
  const more = errors.length > SHOWN ? [`  … and ${errors.length - SHOWN} more`] : [];
  const consequence =
    mode === 'watch'
      ? ' (the output was written from the code as it runs, types aside; fix them: synth without --watch writes nothing with them)'
      : ', so synth wrote nothing (fix them, or pass --no-typecheck to synth anyway)';
  return new UserError(`the project has ${errors.length} type error${errors.length === 1 ? '' : 's'}${consequence}:\n${[...shown, ...more].join('\n')}`, {
    problems: errors.map((message) => ({ message })),
  });
}

/**
 * A type check running in a worker thread; `wait()` blocks until it is done.
 * The result comes back through shared memory, so the synchronous pipeline
 * can wait for it without an event loop.
 */
export class BackgroundTypecheck {
  private readonly state = new Int32Array(new SharedArrayBuffer(8)); // [done, result length]
  private readonly result = new SharedArrayBuffer(1 << 20);
  private readonly worker: Worker;

  constructor(entry: string, cwd = process.cwd()) {
    const ts = __filename.endsWith('.ts');
    // a worker that cannot even load the check says so through the state (2), so wait() never hangs
    const code = `
      const { workerData } = require('worker_threads');
      try {
        if (workerData.register) require(workerData.register).register();
        require(workerData.module).runTypecheckWorker(workerData);
      } catch (err) {
        Atomics.store(workerData.state, 0, 2);
        Atomics.notify(workerData.state, 0);
      }
    `;
    this.worker = new Worker(code, {
      eval: true,
      workerData: {
        entry,
        cwd,
        module: __filename,
        register: ts ? path.resolve(__dirname, '..', '..', 'bin', 'register.js') : undefined,
        state: this.state,
        result: this.result,
      },
      stdout: true,
      stderr: true,
    });
    this.worker.unref();
  }

  /** Blocks until the check is done; its result. */
  wait(): TypecheckResult {
    while (Atomics.load(this.state, 0) === 0) Atomics.wait(this.state, 0, 0, 1000);
    if (Atomics.load(this.state, 0) === 2) return { errors: [], skipped: 'the type check could not start' };
    const length = Atomics.load(this.state, 1);
    const text = Buffer.from(this.result, 0, length).toString('utf8');
    void this.worker.terminate();
    return JSON.parse(text) as TypecheckResult;
  }

  /** Stops the check (when synth failed before it needed the result). */
  stop(): void {
    void this.worker.terminate();
  }
}

/** The worker's side of {@link BackgroundTypecheck}. @internal */
export function runTypecheckWorker(data: { entry: string; cwd: string; state: Int32Array; result: SharedArrayBuffer }): void {
  let result: TypecheckResult;
  try {
    result = typecheck(data.entry, data.cwd);
  } catch (err) {
    result = { errors: [], skipped: `the type check failed: ${err instanceof Error ? err.message : String(err)}` };
  }
  let bytes = Buffer.from(JSON.stringify(result), 'utf8');
  if (bytes.length > data.result.byteLength) {
    bytes = Buffer.from(JSON.stringify({ errors: result.errors.slice(0, SHOWN) }), 'utf8');
  }
  Buffer.from(data.result).set(bytes);
  Atomics.store(data.state, 1, bytes.length);
  Atomics.store(data.state, 0, 1);
  Atomics.notify(data.state, 0);
}
