import * as fs from 'fs';
import * as path from 'path';
import Module = require('module');
import { Platform } from '../package/platform';
import { entryFile, loadPlatform, projectRoot } from './load';
import { SynthOptions, SynthResult, StagedSynthesis, stageSynthesis } from './synthesize';
import { AsyncTypecheck } from './typecheck-async';
import { TypecheckResult } from './typecheck';

/*
 * `chartwright synth --watch`: one warm process that synthesizes again when
 * a file of the app or one of its values files changes.
 *
 * The speed comes from what stays loaded: cdk8s, cdk8s-plus-28, chartwright
 * and the transpiler are loaded once; before a run after a code change only
 * the project's own modules are dropped from the require cache (not
 * node_modules, not chartwright's library), so a re-synth costs the app's
 * own files, build, render, validate and write. A change of values files
 * only re-renders the environments that read them, with the platform as
 * loaded.
 *
 * Each run is an ordinary synth (stageSynthesis): the app's code runs under
 * the same guard (process.exit, unhandled rejections, pending work,
 * --timeout), the output is staged and committed all or nothing with the
 * output folder's lock and journal, and the lock is released after each
 * run. A failed run is reported and leaves the previous output as it was.
 *
 * The type check does not block: a run commits what the code builds, and
 * the check (incremental, in a worker thread) reports after it; see
 * ./typecheck-async.ts.
 *
 * Folders are watched one by one with fs.watch: Node 20's recursive
 * fs.watch on Linux walks the whole tree in JavaScript (node_modules
 * included) and, in a check here, reported a replaced file's rename but not
 * its later writes.
 */

/** Quiet time after the last change before a run starts: an editor's save is several events within a few milliseconds. */
export const DEBOUNCE_MS = 20;

/** Files whose change reloads the app's code. */
const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|cjs|mjs|json)$/;
/** Files whose change re-renders the environments that read them. */
const VALUES_FILE = /^values(\.[^.]+)?\.(yaml|yml)$/;

export interface WatchOptions extends SynthOptions {
  /** Milliseconds of quiet after a change before synthesizing. @default DEBOUNCE_MS */
  readonly debounce?: number;
  /**
   * Stop on SIGINT and SIGTERM (the output folder unlocked, a staged run
   * removed). While the app's code runs synchronously the signals keep
   * their default action, so Ctrl-C also stops an app in an endless loop at
   * once; the next synth takes over that run's lock and removes what it
   * staged, as after any interrupted synth.
   * @default false
   */
  readonly signals?: boolean;
}

/** One run of the watch loop. */
export interface WatchRun {
  /** The files whose change started the run, relative to the working folder; empty for the first run. */
  readonly changed: readonly string[];
  /** The environments synthesized, or undefined for every one selected. */
  readonly environments?: readonly string[];
  /** Milliseconds from the first change seen to the end of the commit (or the failure); from the start for the first run. */
  readonly ms: number;
  /** CPU milliseconds of the process during the run (all its threads), steadier than `ms` on a busy machine. */
  readonly cpuMs: number;
}

/** What the watch loop reports. */
export interface WatchEvents {
  /** A run committed its output. */
  onResult(result: SynthResult, run: WatchRun): void;
  /** A run failed: nothing of it was written; the previous output stands. */
  onError(error: unknown, run: WatchRun): void;
  /** The background type check of the code of the last run ended. @default - not checked */
  onTypecheck?(result: TypecheckResult, ms: number): void;
  /** The loop watches for changes again (after each run). */
  onIdle?(folders: readonly string[]): void;
  /**
   * The app's code threw, or left a promise rejected, between runs (from an
   * interval it started, say): the watcher goes on, the output stands.
   */
  onStrayError?(error: unknown): void;
}

export interface Watcher {
  /** Stops watching, removes a staged run, unlocks the output folder and stops the type check. Safe to call twice. */
  stop(): void;
  /** Resolves once stopped: with the signal that stopped it, if one did. */
  readonly stopped: Promise<NodeJS.Signals | undefined>;
}

/**
 * Synthesizes once, then again on each change of the app's files or values
 * files, until stopped. `options.typecheck` type-checks in the background
 * after each committed run; it never blocks a run.
 */
export function watchSynthesis(options: WatchOptions, events: WatchEvents): Watcher {
  const entry = entryFile(options.app);
  const root = projectRoot();
  const debounce = options.debounce ?? DEBOUNCE_MS;
  const loaded = recordLoadedFiles();
  const watchers = new Map<string, fs.FSWatcher>();
  const pendingCode = new Set<string>();
  const pendingValues = new Set<string>();
  const commandLineValues = new Set((options.values ?? []).map((f) => path.resolve(f)));
  const check = options.typecheck ? new AsyncTypecheck(entry) : undefined;
  let platform: Platform | undefined;
  let timer: NodeJS.Timeout | undefined;
  let firstChange = 0;
  let running: StagedSynthesis | undefined;
  let busy = false;
  let stopped = false;
  let resolveStopped!: (signal: NodeJS.Signals | undefined) => void;
  const stoppedPromise = new Promise<NodeJS.Signals | undefined>((resolve) => (resolveStopped = resolve));
  const onSignal = (signal: NodeJS.Signals) => stop(signal);
  // between runs nothing guards the app's code (each run has its guard): what it throws then must not end the watcher
  const onStray = (err: unknown) => {
    if (!busy) events.onStrayError?.(err);
  };
  process.on('uncaughtException', onStray);
  process.on('unhandledRejection', onStray);
  /** Signals are handled while the loop waits, and keep their default action while the app's code runs synchronously (see `signals`). */
  const handleSignals = (on: boolean) => {
    if (!options.signals) return;
    for (const signal of SIGNALS) {
      process.off(signal, onSignal);
      if (on && !stopped) process.on(signal, onSignal);
    }
  };

  const isProjectFile = (file: string) =>
    path.isAbsolute(file) && !file.includes(`${path.sep}node_modules${path.sep}`) && !file.startsWith(LIBRARY) && (isInside(file, root) || isInside(file, path.dirname(entry)));

  function onChange(dir: string, name: string | null) {
    if (stopped || !name) return;
    const file = path.join(dir, name);
    const base = path.basename(file);
    if (commandLineValues.has(file) || VALUES_FILE.test(base)) pendingValues.add(file);
    else if (SOURCE_FILE.test(base) && !base.startsWith('.')) pendingCode.add(file);
    else return;
    if (firstChange === 0) firstChange = performance.now();
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void runChanged();
    }, debounce);
  }

  async function runChanged() {
    if (busy || stopped) return; // the run in progress picks the changes up when it ends
    const code = [...pendingCode];
    const values = [...pendingValues];
    pendingCode.clear();
    pendingValues.clear();
    const started = firstChange;
    firstChange = 0;
    if (code.length > 0) {
      unload(isProjectFile);
      platform = undefined;
    }
    // only values files changed: the environments that read them, with the platform as loaded
    const environments = code.length === 0 && platform ? affectedEnvironments(platform, options.env, values, commandLineValues, path.dirname(entry)) : undefined;
    await run([...code, ...values].map((f) => path.relative(process.cwd(), f)), environments, started);
  }

  async function run(changed: string[], environments: string[] | undefined, started: number) {
    busy = true;
    const cpu = process.cpuUsage();
    check?.cancel();
    let result: SynthResult | undefined;
    let failure: unknown;
    let failed = false;
    try {
      handleSignals(false);
      running = stageSynthesis({ ...options, env: environments ?? options.env, typecheck: false, durable: false, jobs: 1 });
      handleSignals(true);
      await running.settle();
      if (stopped) return;
      handleSignals(false);
      result = running.commit();
    } catch (err) {
      failed = true;
      failure = err;
    } finally {
      running?.close();
      running = undefined;
      handleSignals(true);
    }
    if (stopped) return;
    const used = process.cpuUsage(cpu);
    const report: WatchRun = { changed, ...(environments ? { environments } : {}), ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
    if (failed) {
      events.onError(failure, report);
    } else {
      events.onResult(result!, report);
      platform ??= tryLoad(entry);
    }
    if (check) check.start((checked, ms) => events.onTypecheck?.(checked, ms));
    busy = false;
    watchFolders();
    events.onIdle?.([...watchers.keys()]);
    // changes made while it ran
    if (pendingCode.size > 0 || pendingValues.size > 0) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void runChanged();
      }, debounce);
    }
  }

  /** The folders of the app's files, of its releases' values files and of the `--values` files; each watched once. */
  function watchFolders() {
    const folders = new Set<string>([path.dirname(entry)]);
    for (const file of loaded.files) if (isProjectFile(file)) folders.add(path.dirname(file));
    for (const file of commandLineValues) folders.add(path.dirname(file));
    if (platform) for (const dir of valuesFolders(platform, path.dirname(entry))) folders.add(dir);
    for (const dir of folders) {
      if (watchers.has(dir) || !fs.existsSync(dir)) continue;
      try {
        const watcher = fs.watch(dir, { persistent: true }, (_event, name) => onChange(dir, name));
        watcher.on('error', () => {
          // the folder was removed: watched again if it comes back with the next run
          watcher.close();
          watchers.delete(dir);
        });
        watchers.set(dir, watcher);
      } catch {
        // a folder that cannot be watched (removed meanwhile): the next run tries again
      }
    }
  }

  function stop(signal?: NodeJS.Signals) {
    if (stopped) return;
    stopped = true;
    handleSignals(false);
    if (timer) clearTimeout(timer);
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
    running?.close();
    running = undefined;
    check?.stop();
    loaded.restore();
    process.off('uncaughtException', onStray);
    process.off('unhandledRejection', onStray);
    resolveStopped(signal);
  }

  // the entry's folder from the start: an edit during the first run makes a second one
  watchFolders();
  void run([], undefined, performance.now());
  return { stop: () => stop(), stopped: stoppedPromise };
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/** chartwright's own modules: they stay loaded (the speed of a re-synth), and the app's instances of Platform and the constructs stay the library's. */
const LIBRARY = path.resolve(__dirname, '..') + path.sep;

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Drops the modules `unloaded` picks from the require cache, and from the
 * children of the modules that stay (the module of chartwright that
 * required the platform entry would otherwise keep every earlier version).
 */
function unload(unloaded: (file: string) => boolean): void {
  const dropped = new Set<NodeModule>();
  for (const [file, module] of Object.entries(require.cache)) {
    if (!module || !unloaded(file)) continue;
    dropped.add(module);
    delete require.cache[file];
  }
  if (dropped.size === 0) return;
  for (const module of Object.values(require.cache)) {
    if (module && module.children.some((child) => dropped.has(child))) module.children = module.children.filter((child) => !dropped.has(child));
  }
}

function tryLoad(entry: string): Platform | undefined {
  try {
    return loadPlatform(entry);
  } catch {
    return undefined;
  }
}

/** The folders the releases of every environment read values files from. */
function valuesFolders(platform: Platform, root: string): string[] {
  const dirs = new Set<string>();
  for (const env of platform.environmentNames()) {
    try {
      for (const release of platform.environment(env).releases) dirs.add(path.resolve(root, release.valuesDir));
    } catch {
      // an environment that does not resolve fails the run, which says why
    }
  }
  return [...dirs];
}

/**
 * The environments (of those selected) that read one of the values files
 * changed: `values.yaml` of a release's values folder, `values.<env>.yaml`
 * of an environment of the chain. Undefined, for every environment, when a
 * file is read by none (a new or misnamed file: the run's check of the
 * values folders says what is wrong with it) or is a `--values` file.
 */
export function affectedEnvironments(
  platform: Platform,
  selected: readonly string[] | undefined,
  changed: readonly string[],
  commandLineValues: ReadonlySet<string>,
  root: string,
): string[] | undefined {
  if (changed.some((file) => commandLineValues.has(file))) return undefined;
  const names = selected && selected.length > 0 ? selected : platform.environmentNames();
  const affected = new Set<string>();
  for (const file of changed) {
    let reader = false;
    for (const env of names) {
      let resolved;
      try {
        resolved = platform.environment(env);
      } catch {
        return undefined;
      }
      const read = new Set(['values.yaml', ...resolved.chain.map((e) => `values.${e}.yaml`)]);
      if (!read.has(path.basename(file))) continue;
      if (resolved.releases.some((r) => path.resolve(root, r.valuesDir) === path.dirname(file))) {
        affected.add(env);
        reader = true;
      }
    }
    if (!reader) return undefined;
  }
  return names.filter((env) => affected.has(env));
}

/**
 * Records every file Node loads (also one whose loading throws, which Node
 * drops from the require cache): the folders to watch after a run that
 * failed while loading.
 */
function recordLoadedFiles(): { readonly files: ReadonlySet<string>; restore(): void } {
  const files = new Set<string>();
  const extensions = (Module as unknown as { _extensions: Record<string, (module: NodeModule, filename: string) => void> })._extensions;
  const originals = { ...extensions };
  for (const [ext, load] of Object.entries(originals)) {
    extensions[ext] = function recordLoaded(module: NodeModule, filename: string) {
      files.add(filename);
      return load.call(this, module, filename);
    };
  }
  return {
    files,
    restore() {
      for (const [ext, load] of Object.entries(originals)) extensions[ext] = load;
    },
  };
}
