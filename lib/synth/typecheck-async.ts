import * as fs from 'fs';
import * as path from 'path';
import { MessagePort, Worker } from 'worker_threads';
import type * as TS from 'typescript';
import { NO_TYPESCRIPT, TypecheckResult, checkOptions, errorMessages, findUp, projectCompiler } from './typecheck';

/*
 * The type check of `synth --watch`: a worker thread that keeps the
 * project's program between checks. A check after an edit parses only the
 * files that changed (every other source file, the libraries' declarations
 * above all, is the one parsed before) and re-checks only what the change
 * can affect (TypeScript's builder program); one `synth` without --watch
 * starts from the declarations each time (see ./typecheck.ts).
 *
 * It never blocks a run: `start()` asks for a check of the files as they
 * are now, and the result comes to the callback when it is done. A check
 * asked for while one runs is made after it, and only its result is
 * reported (the earlier one is of code already replaced).
 */
export class AsyncTypecheck {
  private worker: Worker | undefined;
  private running = false;
  private again = false;
  private startedAt = 0;
  private report: ((result: TypecheckResult, ms: number) => void) | undefined;

  constructor(private readonly entry: string, private readonly cwd = process.cwd()) {}

  /** Checks the project as it is now; `report` gets the result, unless another check is asked for first. */
  start(report: (result: TypecheckResult, ms: number) => void): void {
    this.report = report;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.startedAt = performance.now();
    this.spawn().postMessage('check');
  }

  /** A check in progress is not reported (a run started; its own check follows it). */
  cancel(): void {
    this.report = undefined;
    this.again = false;
  }

  /** Ends the worker. */
  stop(): void {
    this.cancel();
    void this.worker?.terminate();
    this.worker = undefined;
    this.running = false;
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const ts = __filename.endsWith('.ts');
    const code = `
      const { parentPort, workerData } = require('worker_threads');
      try {
        if (workerData.register) require(workerData.register).register();
        require(workerData.module).runWarmTypecheck(workerData, parentPort);
      } catch (err) {
        parentPort.on('message', () => parentPort.postMessage({ errors: [], skipped: 'the type check could not start: ' + (err && err.message) }));
      }
    `;
    const worker = new Worker(code, {
      eval: true,
      workerData: { entry: this.entry, cwd: this.cwd, module: __filename, register: ts ? path.resolve(__dirname, '..', '..', 'bin', 'register.js') : undefined },
      stdout: true,
      stderr: true,
    });
    worker.unref();
    worker.on('message', (result: TypecheckResult) => {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.running = true;
        this.startedAt = performance.now();
        worker.postMessage('check');
        return;
      }
      this.report?.(result, performance.now() - this.startedAt);
    });
    worker.on('error', (err) => {
      this.running = false;
      this.worker = undefined;
      this.report?.({ errors: [], skipped: `the type check failed: ${err.message}` }, performance.now() - this.startedAt);
    });
    this.worker = worker;
    return worker;
  }
}

/** A source file the program holds, with what it was parsed from. */
interface Parsed {
  readonly size: number;
  readonly mtime: number;
  readonly file: TS.SourceFile;
}

/** The worker's side of {@link AsyncTypecheck}: a check per message, the program kept between them. @internal */
export function runWarmTypecheck(data: { entry: string; cwd: string }, port: MessagePort): void {
  const compiler = projectCompiler(data.entry);
  if (!compiler) {
    port.on('message', () => port.postMessage({ errors: [], skipped: NO_TYPESCRIPT } satisfies TypecheckResult));
    return;
  }
  const ts: typeof TS = require(compiler);
  const { options, configErrors } = checkOptions(ts, findUp(path.dirname(data.entry), 'tsconfig.json'));
  const parsed = new Map<string, Parsed>();
  let previous: TS.SemanticDiagnosticsBuilderProgram | undefined;
  port.on('message', () => {
    let result: TypecheckResult;
    try {
      const host = ts.createCompilerHost(options);
      const parse = host.getSourceFile;
      // a file whose size and time did not change is the one parsed before: the builder sees the same version and reuses what it knew
      host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
        const stat = fs.statSync(name, { throwIfNoEntry: false });
        const known = parsed.get(name);
        if (known && stat && known.size === stat.size && known.mtime === stat.mtimeMs) return known.file;
        const file = parse.call(host, name, languageVersion, onError, shouldCreate);
        if (file && stat) {
          (file as { version?: string }).version = `${stat.size}:${stat.mtimeMs}`;
          parsed.set(name, { size: stat.size, mtime: stat.mtimeMs, file });
        }
        return file;
      };
      const program = ts.createSemanticDiagnosticsBuilderProgram([data.entry], options, host, previous, configErrors);
      previous = program;
      result = { errors: errorMessages(ts, program, data.cwd) };
    } catch (err) {
      result = { errors: [], skipped: `the type check failed: ${err instanceof Error ? err.message : String(err)}` };
    }
    port.postMessage(result);
  });
}
