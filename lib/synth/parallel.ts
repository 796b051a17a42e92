import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from 'worker_threads';
import { UserError, UserErrorDetails, messageOf } from '../errors';
import { Platform } from '../package/platform';
import { ProfileName } from '../validate';
import { StageEnvironmentOptions, StagedEnvironment, stageEnvironment } from './environment';
import { ReleaseOptions, loadProject } from './load';
import { EnvironmentTarget } from './output';
import { Timings } from './timings';
import { UserCodeGuard, guardUserCode } from './user-code';

/*
 * Environments on every core. A synth of several environments stages them
 * on `jobs` threads: this one and `jobs - 1` worker threads, each of which
 * loads the project itself (the platform entry, required as the main thread
 * requires it, TypeScript through bin/register.js) and takes the next
 * environment from a queue in shared memory until none is left. An
 * environment is rendered, validated and written to its staging folder by
 * whichever thread took it (./environment.ts), and only its object count,
 * warnings and file names come back; the commit stays in the main thread
 * (./output.ts), so the output is all old or all new as before, and the
 * files are the same bytes whichever thread wrote them.
 *
 * Errors are those of a sequential synth: the environments run in the
 * order given, the first that fails stops the queue (no environment after
 * it is started), and the error reported is that of the first failing
 * environment, once every environment before it has succeeded. A worker's
 * user code is guarded as the main thread's (./user-code.ts): process.exit,
 * a promise rejected with no handler, an exception in a timer fail the
 * synth; the timers and I/O it left pending are waited for. Its timeout is
 * kept by the main thread, which names the environment the worker was on
 * (a worker cannot be paused from another thread to say the line).
 *
 * The main thread waits for the workers without an event loop (Atomics.wait
 * on the queue, messages read with receiveMessageOnPort), so the pipeline
 * stays one synchronous function.
 */

/**
 * How many threads stage environments when the caller does not say: one
 * per two cores, at most one per environment. One synth thread keeps about
 * 1.6 cores busy (V8 compiles and collects garbage on threads of its own
 * beside it), so on two cores a second thread only competes with the first
 * (docs/performance.md "Every core" measured it 0.7× as fast).
 */
export function defaultJobs(environments: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(Math.floor(cores / 2), environments));
}

/** What staging environments on several threads needs besides each environment's target. */
export interface StageEnvironmentsOptions extends StageEnvironmentOptions {
  /** Threads, this one included; 1 stages the environments one after the other in this thread. */
  readonly jobs: number;
  /** How the workers load the project: the options the main thread loaded it with. */
  readonly project: ReleaseOptions;
  /** The seconds user code may run (see guardUserCode); 0: no limit. */
  readonly timeout: number;
  /** The main thread's guard: its `expired()` ends the wait for the workers. */
  readonly guard: UserCodeGuard;
  /**
   * Start the worker threads at once, while this thread stages the first
   * environment: for environments known to be large. Else they start once
   * this thread has spent LAZY_MS on environments and some are left.
   * @default false
   */
  readonly eager?: boolean;
}

/** The queue in shared memory: next index, first index not to start, messages posted, cancelled; then each worker's phase. */
const NEXT = 0;
const STOP = 1;
const POSTED = 2;
const CANCELLED = 3;
const PHASES = 4;
/** A worker's phase: writing to the staging folder, which the main thread waits out before it may remove the folder. */
const WRITING = 1;

/**
 * Stages every environment of `targets`, in order on one thread or on
 * `jobs` threads; returns them in the order given. Throws the error of the
 * first environment that fails, as a sequential run would.
 */
export function stageEnvironments(platform: Platform, targets: readonly EnvironmentTarget[], options: StageEnvironmentsOptions): StagedEnvironment[] {
  const jobs = Math.min(options.jobs, targets.length);
  if (jobs <= 1) return targets.map((target) => stageEnvironment(platform, target, options));
  const control = new Int32Array(new SharedArrayBuffer(4 * (PHASES + jobs - 1)));
  control[STOP] = targets.length;
  const pool = new WorkerPool(control, targets, options);
  const begun = performance.now();
  if (options.eager) pool.start(jobs - 1);
  try {
    // this thread takes environments from the same queue while the workers load the project
    for (let i = take(control); i !== undefined; i = take(control)) {
      try {
        pool.staged(i, stageEnvironment(platform, targets[i], options));
      } catch (err) {
        pool.failed(i, err);
      }
      pool.drain();
      if (pool.decided() !== undefined) break;
      const left = Atomics.load(control, NEXT) < Atomics.load(control, STOP);
      if (left && performance.now() - begun >= LAZY_MS) pool.start(jobs - 1);
    }
    return pool.finish();
  } finally {
    pool.stop();
  }
}

/**
 * When worker threads are not started at once (`eager`), the time this
 * thread spends on environments before it starts them: about what a worker
 * costs to load chartwright, cdk8s and the app. A platform done sooner pays
 * nothing for threads it would not have used.
 */
const LAZY_MS = 300;

/** The next environment to start, if there is one and none before it failed. */
function take(control: Int32Array): number | undefined {
  const i = Atomics.add(control, NEXT, 1);
  return i < Atomics.load(control, STOP) ? i : undefined;
}

/** No environment from `index` on is started: one before it failed. */
function stopAt(control: Int32Array, index: number): void {
  for (let stop = Atomics.load(control, STOP); index < stop; stop = Atomics.load(control, STOP)) {
    if (Atomics.compareExchange(control, STOP, stop, index) === stop) return;
  }
}

/** An error as it crosses threads: a UserError stays one, with its message and fields. */
interface WireError {
  readonly user: boolean;
  readonly message: string;
  readonly details?: Omit<UserErrorDetails, 'cause'>;
  readonly stack?: string;
}

type WorkerMessage =
  | { readonly type: 'start'; readonly index: number }
  | { readonly type: 'staged'; readonly index: number; readonly staged: StagedEnvironment }
  | { readonly type: 'failed'; readonly index: number; readonly error: WireError }
  | { readonly type: 'done'; readonly timings: Array<[string, number]>; readonly problem?: WireError };

interface PoolWorker {
  readonly worker: Worker;
  readonly port: MessagePort;
  /** The environment it is staging. */
  current?: number;
  /** Whether it took an environment: then its user code's pending work is waited for. */
  started: boolean;
  done: boolean;
}

/** The worker threads of one synth, and what they and the main thread staged. */
class WorkerPool {
  private readonly workers: PoolWorker[] = [];
  private readonly results: Array<StagedEnvironment | undefined>;
  private readonly errors = new Map<number, unknown>();
  private readonly problems: unknown[] = [];

  constructor(
    private readonly control: Int32Array,
    private readonly targets: readonly EnvironmentTarget[],
    private readonly options: StageEnvironmentsOptions,
  ) {
    this.results = new Array(targets.length).fill(undefined);
  }

  /** Starts `count` worker threads, once. */
  start(count: number): void {
    if (this.workers.length > 0) return;
    for (let w = 0; w < count; w++) {
      const { port1, port2 } = new MessageChannel();
      const workerData = {
        module: __filename,
        register: registerFile(),
        control: this.control,
        phase: PHASES + w,
        targets: this.targets,
        project: this.options.project,
        profile: this.options.profile,
        timeout: this.options.timeout,
        port: port2,
      };
      // the environment as this thread sees it now (a host that gives code its own process.env, as jest does, included)
      const worker = new Worker(BOOTSTRAP, { eval: true, env: { ...process.env }, workerData, transferList: [port2], stdout: false, stderr: false });
      worker.unref();
      this.workers.push({ worker, port: port1, started: false, done: false });
    }
  }

  staged(index: number, staged: StagedEnvironment): void {
    this.results[index] = staged;
  }

  failed(index: number, err: unknown): void {
    this.errors.set(index, err);
    stopAt(this.control, index);
  }

  /** Reads what the workers posted, without waiting. */
  drain(): void {
    for (const w of this.workers) {
      for (let m = receiveMessageOnPort(w.port); m !== undefined; m = receiveMessageOnPort(w.port)) this.receive(w, m.message as WorkerMessage);
    }
  }

  /** The failed environment whose error is the synth's: the first that failed, once every one before it is staged. */
  decided(): number | undefined {
    if (this.errors.size === 0) return undefined;
    const first = Math.min(...this.errors.keys());
    for (let i = 0; i < first; i++) if (this.results[i] === undefined) return undefined;
    return first;
  }

  /** Waits for the workers; the environments staged, in order, or the synth's error. */
  finish(): StagedEnvironment[] {
    // from here this thread only waits: the time is kept here, and a timeout names the environment a worker is on
    this.options.guard.standDown();
    for (;;) {
      const posted = Atomics.load(this.control, POSTED);
      this.drain();
      const failed = this.decided();
      if (failed !== undefined) throw this.errors.get(failed);
      // a worker that started no environment (still loading when the others were through) has nothing to wait for
      if (this.results.every((r) => r !== undefined) && this.workers.every((w) => w.done || !w.started)) break;
      if (this.options.guard.expired()) throw this.timedOut();
      Atomics.wait(this.control, POSTED, posted, 100);
    }
    if (this.problems.length > 0) throw this.problems[0];
    return this.results as StagedEnvironment[];
  }

  /**
   * Stops the workers. A worker writing to the staging folder finishes the
   * file it is on and stops (it checks CANCELLED between files); this waits
   * for that, so nothing is written once the caller removes the folder.
   */
  stop(): void {
    Atomics.store(this.control, CANCELLED, 1);
    Atomics.store(this.control, STOP, 0);
    for (let phase = PHASES; phase < this.control.length; phase++) {
      while (Atomics.load(this.control, phase) === WRITING) Atomics.wait(this.control, phase, WRITING, 100);
    }
    for (const w of this.workers) void w.worker.terminate();
  }

  private receive(w: PoolWorker, message: WorkerMessage): void {
    switch (message.type) {
      case 'start':
        w.current = message.index;
        w.started = true;
        break;
      case 'staged':
        w.current = undefined;
        this.results[message.index] = message.staged;
        break;
      case 'failed':
        w.current = undefined;
        this.failed(message.index, fromWire(message.error));
        break;
      case 'done':
        w.done = true;
        this.options.timings.add(message.timings);
        if (message.problem) this.problems.push(fromWire(message.problem));
        break;
    }
  }

  private timedOut(): UserError {
    const seconds = this.options.timeout;
    const busy = this.workers.find((w) => w.current !== undefined);
    if (busy === undefined) {
      return new UserError(
        `synth did not finish within ${seconds} s (--timeout): the app still had timers or I/O pending in a worker thread; ` +
          'synth runs apps synchronously: do that work before, or raise --timeout (0: no limit)',
      );
    }
    return new UserError(
      `synth did not finish within ${seconds} s (--timeout); it was building environment "${this.targets[busy.current!].name}" in a worker thread ` +
        '(--jobs 1 builds it in the main thread, which says the line): an endless loop, or work that waits forever? If it is only slow, raise --timeout (0: no limit)',
    );
  }
}

/**
 * The worker's first code: the TypeScript loader (the user's app is
 * TypeScript whether chartwright runs from source or from its build), then
 * this module. A worker that cannot even start says so as its result, so
 * the main thread never waits for it in vain.
 */
const BOOTSTRAP = `
const { workerData } = require('worker_threads');
try {
  require(workerData.register).register();
  require(workerData.module).runSynthWorker(workerData);
} catch (err) {
  workerData.port.postMessage({ type: 'done', timings: [], problem: { user: false, message: 'a worker thread could not start: ' + (err && err.message || err), stack: err && err.stack } });
  Atomics.add(workerData.control, ${POSTED}, 1);
  Atomics.notify(workerData.control, ${POSTED});
}
`;

/** bin/register.js, from lib/synth/ in a checkout or build/lib/synth/ in a package. */
function registerFile(): string {
  const candidates = [path.resolve(__dirname, '..', '..', 'bin', 'register.js'), path.resolve(__dirname, '..', '..', '..', 'bin', 'register.js')];
  return candidates.find((f) => fs.existsSync(f)) ?? candidates[0];
}

interface WorkerData {
  readonly control: Int32Array;
  readonly phase: number;
  readonly targets: readonly EnvironmentTarget[];
  readonly project: ReleaseOptions;
  readonly profile?: ProfileName;
  readonly timeout: number;
  readonly port: MessagePort;
}

/** Thrown in a worker that is told to stop while it writes. */
class Cancelled extends Error {}

/** The worker's side of {@link stageEnvironments}. @internal */
export async function runSynthWorker(data: WorkerData): Promise<void> {
  const { control, port } = data;
  const post = (message: WorkerMessage) => {
    try {
      port.postMessage(message);
    } catch {
      // a value that cannot cross threads (a function given as a field's value): the message stays
      if (message.type === 'failed') port.postMessage({ ...message, error: { ...message.error, details: undefined } });
      else if (message.type === 'done' && message.problem) port.postMessage({ ...message, problem: { ...message.problem, details: undefined } });
      else throw new Error(`cannot send ${message.type} to the main thread`);
    }
    Atomics.add(control, POSTED, 1);
    Atomics.notify(control, POSTED);
  };
  const timings = new Timings();
  const guard = guardUserCode(data.timeout, { watchdog: false });
  let problem: WireError | undefined;
  try {
    const { platform, sources } = timings.measure('load', () => loadProject(data.project));
    const writing = {
      enter() {
        Atomics.store(control, data.phase, WRITING);
        if (Atomics.load(control, CANCELLED) === 1) throw new Cancelled();
      },
      leave() {
        Atomics.store(control, data.phase, 0);
        Atomics.notify(control, data.phase);
      },
    };
    for (let i = take(control); i !== undefined; i = take(control)) {
      post({ type: 'start', index: i });
      try {
        const staged = stageEnvironment(platform, data.targets[i], { values: sources, profile: data.profile, timings, writing });
        post({ type: 'staged', index: i, staged });
      } catch (err) {
        if (err instanceof Cancelled) break;
        stopAt(control, i);
        post({ type: 'failed', index: i, error: toWire(err) });
      }
    }
    if (Atomics.load(control, CANCELLED) === 0) {
      await guard.settle();
      guard.check();
    }
  } catch (err) {
    problem = toWire(err);
  } finally {
    guard.release();
  }
  post({ type: 'done', timings: timings.entries(), ...(problem ? { problem } : {}) });
}

const FIELDS = ['path', 'field', 'given', 'expected', 'source', 'environment', 'release', 'problems'] as const;

function toWire(err: unknown): WireError {
  if (!UserError.isUserError(err)) return { user: false, message: messageOf(err), stack: err instanceof Error ? err.stack : undefined };
  const details: Record<string, unknown> = {};
  for (const key of FIELDS) if (err[key] !== undefined) details[key] = err[key];
  return { user: true, message: err.message, details };
}

function fromWire(wire: WireError): Error {
  if (wire.user) return new UserError(wire.message, wire.details ?? {});
  const err = new Error(wire.message);
  if (wire.stack) err.stack = wire.stack;
  return err;
}
