import * as path from 'path';
import { UserError } from '../errors';
import { StagedOutput } from './output';
import { defaultJobs, stageEnvironments } from './parallel';
import { Timings } from './timings';
import { DEFAULT_TIMEOUT_SECONDS, guardUserCode } from './user-code';
import { Finding, ProfileName } from '../validate';
import { ReleaseOptions, checkReleases, entryFile, loadProject, projectRoot, selectEnvironments } from './load';
import { BackgroundTypecheck, typeErrors } from './typecheck';

/** Output of this size from the last synth (about 2,000 objects) makes worker threads start at once: they will have work. */
const EAGER_BYTES = 2 << 20;

export interface SynthOptions extends ReleaseOptions {
  /** The environments to synthesize. @default - all */
  readonly env?: readonly string[];
  /** The output folder. @default 'dist' */
  readonly out?: string;
  /** The validation profile for every environment. @default - each environment's `profile`, else 'dev' */
  readonly profile?: ProfileName;
  /**
   * The seconds the app's code may run; when they are up, synth stops the process, saying where the app was, and commits nothing. 0: no limit.
   * @default 300
   */
  readonly timeout?: number;
  /**
   * Type-check the project (the platform entry and what it imports) while
   * building, and write nothing if it has a type error. Incremental and
   * cached in node_modules/.cache/chartwright/ (see ./typecheck.ts).
   * `chartwright synth` checks unless given `--no-typecheck`.
   * @default false
   */
  readonly typecheck?: boolean;
  /**
   * How many threads stage environments at once, this one included: the
   * others are worker threads that each load the project and take the next
   * environment until none is left (see ./parallel.ts). The output is the
   * same bytes whatever the number; 1 stages them one after the other here.
   * Given, the worker threads start at once; by default they start at once
   * when the last output shows large environments (2 MiB), else once this
   * thread has spent 300 ms on environments and some are left, so a small
   * platform pays nothing for threads it would not use.
   * @default - one per two cores, at most one per environment
   */
  readonly jobs?: number;
  /**
   * Flush the output to the device before the commit (see StagedOutputOptions.durable);
   * `synth --watch` does not.
   * @default true
   */
  readonly durable?: boolean;
}

export interface SynthResult {
  /** The folder each environment was written to, by environment. */
  readonly written: ReadonlyMap<string, string>;
  /** Object count per environment. */
  readonly objects: ReadonlyMap<string, number>;
  /** Warnings per environment: validation findings below error level, and what constructs recorded (errors fail the synth). */
  readonly warnings: ReadonlyMap<string, readonly Finding[]>;
  /** Time spent per phase. */
  readonly timings: Timings;
  /** Why the type check asked for did not run (no TypeScript in the project). @default - it ran, or was not asked for */
  readonly typecheckSkipped?: string;
}

/**
 * The synth pipeline: load the platform entry, then for each environment
 * build its releases, render them, validate them and stage the files; then
 * commit every environment at once. Errors fail before anything is put in
 * place (all or nothing); warnings are returned. `chartwright synth` calls it.
 *
 *     const result = synthesize({ app: 'apps/main.ts', env: ['prod'], out: 'dist' });
 */
export function synthesize(options: SynthOptions = {}): SynthResult {
  const staged = stageSynthesis(options);
  try {
    return staged.commit();
  } finally {
    staged.close();
  }
}

/** A synth whose environments are staged and not yet put in place. */
export interface StagedSynthesis {
  /** Waits for the timers and I/O the app's code left pending (see UserCodeGuard.settle); call it before commit. */
  settle(): Promise<void>;
  /** Checks that the app's code ended well (see guardUserCode), then puts every environment in place. */
  commit(): SynthResult;
  /** Removes what was staged and not committed, and unlocks the output folder. */
  close(): void;
}

/**
 * The synth pipeline up to the commit: the app's code runs guarded (a
 * `process.exit`, a rejected promise, an uncaught exception or the timeout
 * fail the synth). The command line awaits `settle` between the two: the
 * timers and I/O the app left pending run to their end, so a promise they
 * reject or an exception they throw still stops the commit.
 */
export function stageSynthesis(options: SynthOptions = {}): StagedSynthesis {
  const timings = new Timings();
  const guard = guardUserCode(options.timeout);
  const check = options.typecheck ? new BackgroundTypecheck(entryFile(options.app)) : undefined;
  let output: StagedOutput | undefined;
  try {
    const { platform, sources } = timings.measure('load', () => loadProject(options));
    const selected = selectEnvironments(platform, options.env);
    checkReleases(platform, selected, options.release);
    // without --out, dist/ of the project, wherever in it synth runs
    const out = options.out ?? path.join(projectRoot(), 'dist');
    const outDir = path.resolve(out);
    output = new StagedOutput(out, { durable: options.durable });
    // the output folder is checked (and locked) before any environment is rendered
    output.open(selected);
    const jobs = options.jobs ?? defaultJobs(selected.length);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UserError(`jobs is ${jobs}: give a whole number of threads, 1 or more`);
    const targets = selected.map((env) => output!.target(env));
    const staged = stageEnvironments(platform, targets, {
      values: sources,
      profile: options.profile,
      timings,
      jobs,
      project: projectOptions(options),
      timeout: options.timeout ?? DEFAULT_TIMEOUT_SECONDS,
      guard,
      // worker threads start at once when asked for, or when the last output shows large environments
      // (its files are measured only when there are worker threads to start)
      eager: options.jobs !== undefined || (jobs > 1 && selected.reduce((n, env) => n + output!.previousBytes(env), 0) >= EAGER_BYTES),
    });
    const objects = new Map<string, number>();
    const warnings = new Map<string, readonly Finding[]>();
    for (const env of staged) {
      output.addEnvironment(env.name, env.files);
      objects.set(env.name, env.objects);
      warnings.set(env.name, env.warnings);
    }
    let typecheckSkipped: string | undefined;
    if (check) {
      const result = timings.measure('typecheck', () => check.wait());
      if (result.errors.length > 0) throw typeErrors(result.errors);
      typecheckSkipped = result.skipped;
    }
    const done = output;
    return {
      settle: () => guard.settle(),
      commit() {
        guard.check();
        timings.measure('write', () => done.commit());
        return { timings, written: new Map(selected.map((env) => [env, path.join(outDir, env)])), objects, warnings, ...(typecheckSkipped ? { typecheckSkipped } : {}) };
      },
      close() {
        guard.release();
        done.close();
      },
    };
  } catch (err) {
    guard.release();
    output?.close();
    // a type error is the likelier cause of a failed build, and the clearer message
    const result = check?.wait();
    if (result && result.errors.length > 0) throw typeErrors(result.errors);
    throw err;
  } finally {
    check?.stop();
  }
}

/** The options a worker thread loads the project with: those of loadProject(), nothing else. */
function projectOptions(options: SynthOptions): ReleaseOptions {
  const { app, values, set, setJson, setString, setFile, release } = options;
  return { app, values, set, setJson, setString, setFile, release };
}
