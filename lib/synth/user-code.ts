import * as fs from 'fs';
import * as path from 'path';
import { createHook, executionAsyncId } from 'async_hooks';
import { Worker } from 'worker_threads';
import { UserError, messageOf, userCodeLocation } from '../errors';

/** How long user code (the app, its packages) may run in one synth when no `timeout` is given, in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 300;

/**
 * The function the watchdog ends the process with, on the paused main
 * thread. Its stderr is closed first: the watchdog has printed its message,
 * and Node would add "Waiting for the debugger to disconnect..." for the
 * watchdog's inspector session.
 */
const WATCHDOG_EXIT = Symbol.for('chartwright.watchdogExit');

/**
 * The watchdog, run in a worker thread: if the main thread is still in user
 * code when the time is up, it pauses it through the inspector (as a
 * debugger pauses an endless loop), prints where it was, and ends the
 * process with exit 1. A main thread that does not pause within a few
 * seconds (blocked in a system call) is killed. The shared state decides
 * between the two threads: 0 running, 1 finished in time, 2 timed out, 3
 * stood down (the main thread keeps the time itself).
 */
const WATCHDOG = `
const { workerData } = require('worker_threads');
const fs = require('fs');
const path = require('path');
const state = new Int32Array(workerData.state);
const { seconds, cwd, library } = workerData;
const shown = (url) => {
  const file = url.startsWith('file://') ? decodeURIComponent(url.slice(7)) : url;
  return path.isAbsolute(file) ? path.relative(cwd, file) || file : file;
};
const userFrame = (f) => f.url && !f.url.includes('/node_modules/') && !f.url.startsWith('node:') && !shown(f.url).startsWith('..') && !(f.url.replace('file://', '') + '').startsWith(library);
setTimeout(() => {
  if (Atomics.compareExchange(state, 0, 0, 2) !== 0) return;
  const head = 'error: synth did not finish within ' + seconds + ' s (--timeout)';
  const tail = ': an endless loop, or work that waits forever? If it is only slow, raise --timeout (0: no limit)\\n';
  setTimeout(() => {
    fs.writeSync(2, head + '; the app could not be stopped where it was' + tail);
    process.kill(process.pid, 'SIGKILL');
  }, 5000);
  const session = new (require('inspector').Session)();
  session.connectToMainThread();
  const urls = new Map();
  session.on('Debugger.scriptParsed', ({ params }) => urls.set(params.scriptId, params.url));
  session.on('Debugger.paused', ({ params }) => {
    const frames = params.callFrames.map((f) => ({ ...f, url: f.url || urls.get(f.location.scriptId) || '' }));
    const at = (f) => shown(f.url) + ':' + (f.location.lineNumber + 1) + ':' + (f.location.columnNumber + 1) + (f.functionName ? ' (' + f.functionName + ')' : '');
    const user = frames.find(userFrame);
    const where = user ? '; it was at ' + at(user) : frames.length > 0 ? '; it was at ' + at(frames[0]) : '';
    fs.writeSync(2, head + where + tail);
    session.post('Runtime.evaluate', { expression: 'globalThis[Symbol.for("chartwright.watchdogExit")]()' });
  });
  session.post('Debugger.enable', () => session.post('Debugger.pause'));
}, seconds * 1000);
`;

/** What runs user code is guarded against, while it runs. */
export interface UserCodeGuard {
  /**
   * Throws a UserError if user code called `process.exit`, left a promise
   * rejected with no handler, or ran out of time; else disarms the
   * watchdog. Call it when user code is done, before anything is committed.
   */
  check(): void;
  /**
   * Waits until the timers and I/O requests user code started (and those
   * they started in turn) have run, so that a promise rejected or an
   * exception thrown in them is recorded before `check`; at the timeout it
   * stops waiting and `check` fails. Call it when user code has returned.
   */
  settle(): Promise<void>;
  /**
   * Stands the watchdog down for good: this thread runs no more user code
   * synchronously but waits for user code elsewhere (worker threads,
   * ./parallel.ts), keeping the time with `expired`. Pausing it would show
   * where chartwright waits, not where the app is.
   */
  standDown(): void;
  /** Whether the time is up (and the watchdog is not already stopping the process): the caller reports it. */
  expired(): boolean;
  /** Puts `process.exit` back and stops listening; safe to call twice. */
  release(): void;
}

/** How user code is guarded besides its time. */
export interface GuardOptions {
  /**
   * Whether a watchdog stops the process when the time is up. A worker
   * thread has none: its inspector cannot pause it from another thread, so
   * the main thread, waiting for it, reports the timeout (see `expired`).
   * @default true
   */
  readonly watchdog?: boolean;
}

/**
 * Guards a synth's user code: `process.exit` from the app is an error
 * (not an exit 0 with nothing written); a promise it rejects with no
 * handler is recorded and fails the synth; and after `timeoutSeconds`
 * (0: no limit) a watchdog stops the process, saying where the app was.
 */
export function guardUserCode(timeoutSeconds: number = DEFAULT_TIMEOUT_SECONDS, options: GuardOptions = {}): UserCodeGuard {
  if (!(timeoutSeconds >= 0) || !Number.isFinite(timeoutSeconds)) {
    throw new UserError(`the timeout is ${timeoutSeconds}: give a number of seconds, 0 for no limit`);
  }
  const realExit = process.exit;
  let problem: UserError | undefined;
  (globalThis as Record<symbol, unknown>)[WATCHDOG_EXIT] = () => {
    fs.closeSync(2);
    (process as unknown as { reallyExit(code: number): never }).reallyExit(1);
  };
  process.exit = ((code?: number | string | null) => {
    const location = userCodeLocation(new Error());
    problem ??= new UserError(
      `${location ? `${location}: ` : ''}the app called process.exit(${code ?? ''}) while synthesizing: chartwright stops and writes nothing; throw an Error to fail the synth`,
    );
    throw problem;
  }) as typeof process.exit;
  const onRejection = (reason: unknown) => {
    const location = userCodeLocation(reason);
    problem ??= new UserError(
      `a promise was rejected with no handler while synthesizing: ${messageOf(reason)}${location ? `\n  at ${location}` : ''}\n` +
        'chartwright writes nothing: synth runs apps synchronously; handle the rejection, or throw from the constructor',
      { cause: reason },
    );
  };
  process.on('unhandledRejection', onRejection);
  const onException = (err: unknown) => {
    const location = userCodeLocation(err);
    problem ??= new UserError(
      `the app threw outside its constructor while synthesizing: ${messageOf(err)}${location ? `\n  at ${location}` : ''}\n` +
        'chartwright writes nothing: synth runs apps synchronously; throw from the constructor, or catch it',
      { cause: err },
    );
  };
  process.on('uncaughtException', onException);
  const started = Date.now();
  const pending = trackPending();

  let state: Int32Array | undefined;
  let worker: Worker | undefined;
  if (timeoutSeconds > 0 && options.watchdog !== false) {
    state = new Int32Array(new SharedArrayBuffer(4));
    worker = new Worker(WATCHDOG, {
      eval: true,
      workerData: { state: state.buffer, seconds: timeoutSeconds, cwd: process.cwd(), library: path.resolve(__dirname, '..') + path.sep },
      // its own streams, unread: it writes to fd 2 itself, and piping them to the process's costs the main thread some milliseconds
      stdout: true,
      stderr: true,
    });
    worker.unref();
  }

  let released = false;
  return {
    async settle() {
      pending.stopTrackingAll();
      // one turn of the event loop first: a promise rejected with no handler is reported after the microtasks ran
      await new Promise((resolve) => setImmediate(resolve));
      const deadline = timeoutSeconds > 0 ? started + timeoutSeconds * 1000 : Infinity;
      // a poll every few milliseconds: the app's timers run meanwhile, and the poll's own timers are not the app's
      while (pending.count() > 0 && !problem) {
        if (Date.now() >= deadline) {
          // the watchdog stands down (it would pause the idle loop, not the app); check reports the timeout
          if (state && Atomics.compareExchange(state, 0, 0, 2) === 2) return;
          problem = new UserError(
            `synth did not finish within ${timeoutSeconds} s (--timeout): the app still had timers or I/O pending (${pending.count()}); ` +
              'synth runs apps synchronously: do that work before, or raise --timeout (0: no limit)',
          );
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    standDown() {
      if (state) Atomics.compareExchange(state, 0, 0, 3);
    },
    expired() {
      if (!(timeoutSeconds > 0) || Date.now() < started + timeoutSeconds * 1000) return false;
      return !state || Atomics.compareExchange(state, 0, 0, 2) !== 2;
    },
    check() {
      if (problem) throw problem;
      // the watchdog is disarmed from here; if it fired first, it is stopping the process: nothing may be committed meanwhile
      if (state && Atomics.compareExchange(state, 0, 0, 1) === 2) throw new UserError(`synth did not finish within ${timeoutSeconds} s (--timeout)`);
    },
    release() {
      if (released) return;
      released = true;
      process.exit = realExit;
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
      pending.stop();
      if (state) Atomics.compareExchange(state, 0, 0, 1);
      void worker?.terminate();
    },
  };
}

/**
 * One-shot work that ends by itself: timers (not intervals), immediates and
 * I/O requests. Handles that may stay open (servers, sockets, intervals)
 * are not waited for: they would keep synth waiting forever.
 */
const ONE_SHOT = new Set([
  'Timeout',
  'Immediate',
  'FSREQCALLBACK',
  'FSREQPROMISE',
  'GETADDRINFOREQWRAP',
  'GETNAMEINFOREQWRAP',
  'QUERYWRAP',
  'TCPCONNECTWRAP',
  'PIPECONNECTWRAP',
  'WRITEWRAP',
  'SHUTDOWNWRAP',
]);

/**
 * Tracks the async work user code starts, through async_hooks: while user
 * code runs (synchronously) every resource is the app's; afterwards only
 * those created from the app's resources (a timer its timer set, the
 * promise chain after its file read), so chartwright's own waiting is not
 * counted. `count` is how many one-shot resources are still pending.
 */
function trackPending(): { count(): number; stopTrackingAll(): void; stop(): void } {
  const users = new Set<number>();
  const open = new Set<number>();
  let all = true;
  const hook = createHook({
    init(id, type, trigger, resource) {
      if (!all && !users.has(trigger) && !users.has(executionAsyncId())) return;
      users.add(id);
      const repeating = type === 'Timeout' && (resource as { _repeat?: unknown })._repeat != null;
      if (ONE_SHOT.has(type) && !repeating) open.add(id);
    },
    // a timer is done once its callback ran; it is destroyed soon after
    after(id) {
      open.delete(id);
    },
    destroy(id) {
      open.delete(id);
      users.delete(id);
    },
  });
  hook.enable();
  return {
    count: () => open.size,
    stopTrackingAll: () => {
      all = false;
    },
    stop: () => hook.disable(),
  };
}
