import * as path from 'path';
import { formatByRelease } from '../synth/validate';
import { SynthOptions, SynthResult, stageSynthesis } from '../synth/synthesize';
import { typeErrors } from '../synth/typecheck';
import { watchSynthesis } from '../synth/watch';
import { UsageError, UserError, messageOf } from '../errors';
import { Io, defineCommand } from './command';
import { APP_FLAG, TIMEOUT_FLAG, VALUES_FLAGS, profileFlag, timeoutFlag } from './flags';

/** `--jobs N`: a whole number of threads, 1 or more. */
function jobsFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const jobs = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isInteger(jobs) || jobs < 1) {
    throw new UsageError(`--jobs ${value}: give a whole number of threads, 1 or more, such as --jobs 2 (1: one environment after the other)`);
  }
  return jobs;
}

/**
 * `chartwright synth`: the library's synth pipeline (`synthesize`); its flags
 * are the pipeline's options one to one (`--env` → `env`, `--out` → `out`…).
 */
export const synthCommand = defineCommand({
  name: 'synth',
  summary: 'write manifests for each environment to `<out>/<env>/`',
  description: `
Writes the manifests of each environment to \`<out>/<env>/\`: \`namespaces.yaml\` with the environment's Namespaces, one \`<release>.k8s.yaml\` per release, in install order, and a \`kustomization.yaml\` listing them in that order; CustomResourceDefinitions go to \`crds/\`, a stage applied first, hooks and tests to \`pre/\`, \`post/\`, \`delete/\` and \`tests/\`, and each release's notes to \`<release>.NOTES.md\`. An environment with \`gitops\` gets a folder per stage and the Argo CD or Flux objects that deploy them (see [Concepts](concepts.md#what-synth-does-with-a-packages-objects) and [Deploying](deploying.md)).

While it builds, it type-checks the project (the platform entry and what it imports, with the project's \`tsconfig.json\`) in a worker thread, and a type error fails the synth before anything is written: a misspelled prop the compiler rejects is not built into the output. The check is incremental and cached in \`node_modules/.cache/chartwright/\`; \`--no-typecheck\` skips it (see [Performance](performance.md#synths-type-check) for what it costs).

It prints \`dist/<env>: N objects\` for each environment written, and the validation warnings of each on stderr, grouped by release.

### Output

Output is all or nothing, and only into a folder chartwright owns. \`<out>\` must be absent, empty, or an earlier output, marked by \`<out>/.chartwright/manifest.json\`, which lists every file synth wrote there; \`/\`, system folders (\`/etc\`, \`/var\`, anything under \`/proc\`, \`/sys\`, \`/dev\`…) and an empty \`--out\` are refused. An environment's folder that holds a file the manifest does not list (a \`.git\`, a file put there by hand) stops the synth with the file named: synth replaces the folder whole and never deletes what it did not write. An environment folder that is a symbolic link is refused for the same reason; \`<out>\` itself may be a link (to a GitOps checkout, say): the environments go into the folder it points to.

Each environment, once rendered and validated, is written to \`<out>/.chartwright/stage/\` and flushed to disk; when all of them succeeded, a journal is written and the environments are swapped into \`<out>/<env>/\` by rename. A failed synth removes the staging folder and leaves the previous output exactly as it was. A synth killed midway (a crash, \`kill -9\`, a power cut) is finished or undone by the next synth into the same folder: every environment then holds entirely the old or entirely the new content. A file whose bytes did not change is kept as it was (same inode and time). A second synth into the same \`<out>\` while one runs is refused (\`<out>/.chartwright/lock\`). Environments not named with \`--env\` are left alone. See [When things go wrong](troubleshooting.md).

### The app's code

The app runs in the synth process. If it calls \`process.exit\`, or leaves a promise rejected with no handler, synth fails (exit 1) and writes nothing. Timers and I/O the app started and left pending are waited for before the commit: a rejection or exception in them fails the synth the same way (see [When things go wrong](troubleshooting.md#the-apps-code)). If it has not finished after \`--timeout\` seconds (300 by default), synth stops it, prints the file and line where it was, and exits 1 without writing.

### Environments on every core

With several environments, synth builds, validates and writes them on as many threads as \`--jobs\` says (by default one per two cores, at most one per environment: one on a 2-core machine): the main thread and worker threads, each of which loads the platform entry itself, so the app's top-level code runs once per thread; a build should not depend on running once. The files are the same bytes whatever the number of threads. An error is the one \`--jobs 1\` reports: that of the first environment, in order, that fails. The app's code in a worker thread is guarded as in the main thread; when \`--timeout\` stops it there, synth names the environment the worker was on (\`--jobs 1\` says the line). See [Performance](performance.md#every-core).
### Watching

\`--watch\` keeps synth running: it writes the output once, then again each time a file of the app (the platform entry and the project files it imports) or a values file changes, and prints for each run the lines above and \`synth: apps/web/index.ts changed: written in 180 ms (CPU 90 ms)\`. The process stays warm (cdk8s, chartwright and the transpiler stay loaded; only the project's own modules are loaded again), so a run after a one-line edit takes a fraction of a second (see [Performance](performance.md#the-edit-loop-synth---watch)). A change of values files alone writes only the environments that read them. Each run is a synth as above, all or nothing: an app that throws, does not compile, exits or times out is reported as synth reports it, nothing of that run is written, the previous output stands, and the watcher goes on. The output folder is locked only while a run writes. The type check does not hold a run back: it runs after each run in a worker thread that keeps the program between checks, and prints \`type check: no errors\` or the type errors (the output was written regardless; synth without \`--watch\` refuses them). Watch does not flush the output to the device: a run cut short by a crash or a kill still leaves every environment entirely old or entirely new, but a power cut may not; run synth without \`--watch\` for the output you commit. Ctrl-C (SIGINT) or SIGTERM stops it with exit 0, the lock released.
`,
  flags: [
    APP_FLAG,
    { name: 'env', value: 'NAME', description: 'an environment to write', repeatable: true, default: 'every environment that is not abstract' },
    { name: 'out', value: 'DIR', description: 'the output folder', default: "`dist` in the project's root (the nearest folder up with a package.json), so synth works from any folder of the project" },
    {
      name: 'profile',
      value: 'NAME',
      description: 'the validation profile for every environment: `dev`, `prod` or `strict` (see [Validation](validation.md#profiles))',
      default: "each environment's `profile`, else `dev`",
    },
    {
      name: 'no-typecheck',
      description: 'do not type-check the project first (see [Performance](performance.md#synths-type-check)); `CHARTWRIGHT_TYPECHECK=0` in the environment does the same',
      default: 'type-check: a type error fails the synth and nothing is written',
    },
    TIMEOUT_FLAG,
    {
      name: 'jobs',
      value: 'N',
      description:
        'how many environments are built, validated and written at once, each on a thread of its own (the main thread and worker threads); `1`: one after the other in the main thread. The output is the same bytes whatever N (see [Performance](performance.md#every-core))',
      default: 'one per two cores (a synth thread keeps about 1.6 cores busy), at most the number of environments; unless `--jobs` is given, worker threads start only when the last output was large or the first 300 ms were not enough',
    },
    { name: 'timings', description: 'print on stderr where the time went: load, build, render, validate, yaml, write' },
    {
      name: 'watch',
      description:
        "keep running: synthesize again when a file of the app or a values file changes, printing the result of each run; the type check reports after each run and does not hold it back (see [Getting started](getting-started.md#the-edit-loop-synth---watch)); Ctrl-C stops",
    },
    ...VALUES_FLAGS,
    { name: 'release', value: 'NAME', description: 'a release `--values` and `--set` are for', repeatable: true, default: 'the only release' },
  ],
  examples: [
    { description: 'write every environment to dist/', command: 'chartwright synth' },
    { description: 'write only prod, validated as prod, into manifests/', command: 'chartwright synth --env prod --profile prod --out manifests' },
    { description: 'try a value in dev without editing a file', command: 'chartwright synth --env dev --release web --set replicas=3' },
    { description: 'write dev again on every change of the app or its values', command: 'chartwright synth --env dev --watch' },
  ],
  async run({ flags }, io) {
    if (flags.out !== undefined && flags.out.trim() === '') throw new UsageError('--out needs a folder name, such as --out dist');
    const options: SynthOptions = {
      app: flags.app,
      env: flags.env,
      out: flags.out,
      profile: profileFlag(flags.profile),
      values: flags.values,
      set: flags.set,
      setJson: flags['set-json'],
      setString: flags['set-string'],
      setFile: flags['set-file'],
      release: flags.release,
      timeout: timeoutFlag(flags.timeout),
      typecheck: !flags['no-typecheck'] && process.env.CHARTWRIGHT_TYPECHECK !== '0',
      jobs: jobsFlag(flags.jobs),
    };
    if (flags.watch) return watch(options, io, flags.timings === true);
    const staged = stageSynthesis(options);
    let result: SynthResult;
    try {
      // the app's pending timers, I/O and promises run now: a rejection or exception in them fails the synth before anything is committed
      await staged.settle();
      result = staged.commit();
    } finally {
      staged.close();
    }
    if (result.typecheckSkipped) io.err(`warning: no type check: ${result.typecheckSkipped}`);
    printResult(result, io, flags.timings === true);
    return 0;
  },
});

/** What synth prints for a result: a line per environment written, its warnings on stderr, the timings if asked. */
function printResult(result: SynthResult, io: Io, timings: boolean): void {
  for (const [env, dir] of result.written) {
    io.out(`${path.relative(process.cwd(), dir) || dir}: ${result.objects.get(env)} objects`);
    const warnings = result.warnings.get(env) ?? [];
    if (warnings.length > 0) {
      io.err(`warning: environment "${env}": ${warnings.length} validation warning${warnings.length === 1 ? '' : 's'}\n${formatByRelease(warnings)}`);
    }
  }
  if (timings) io.err(`timings: ${result.timings}`);
}

/**
 * `synth --watch`: each run prints what synth prints, then a line saying what
 * started it and how long it took; a failed run prints its error as synth
 * would and the loop goes on. Ends (exit 0) on SIGINT or SIGTERM.
 */
async function watch(options: SynthOptions, io: Io, timings: boolean): Promise<number> {
  const why = (changed: readonly string[]) => (changed.length === 0 ? 'first synth' : `${changed.join(', ')} changed`);
  const watcher = watchSynthesis(
    { ...options, signals: true },
    {
      onResult(result, run) {
        printResult(result, io, timings);
        io.err(`synth: ${why(run.changed)}: ${run.environments ? `${run.environments.join(', ')} written` : 'written'} in ${run.ms.toFixed(0)} ms (CPU ${run.cpuMs.toFixed(0)} ms)`);
      },
      onError(err, run) {
        // as the command line prints it (lib/cli/main.ts), and the previous output stands
        if (UserError.isUserError(err)) io.err(`error: ${err.message}`);
        else io.err(`chartwright: internal error: ${messageOf(err)}\n${err instanceof Error ? err.stack : ''}`);
        io.err(`synth: ${why(run.changed)}: failed, nothing written; the previous output stands`);
      },
      onTypecheck(result, ms) {
        if (result.skipped) io.err(`warning: no type check: ${result.skipped}`);
        else if (result.errors.length > 0) io.err(`error: ${typeErrors(result.errors, 'watch').message}`);
        else io.err(`type check: no errors (${(ms / 1000).toFixed(1)} s)`);
      },
      onIdle() {
        io.err('synth: watching for changes (Ctrl-C to stop)');
      },
      onStrayError(err) {
        io.err(`error: the app's code failed between runs (from a timer or interval it left running): ${messageOf(err)}; the output stands`);
      },
    },
  );
  const signal = await watcher.stopped;
  io.err(`synth: stopped${signal ? ` (${signal})` : ''}`);
  // the app's own timers and intervals would keep the process alive: watch ends here
  if (signal) process.exit(0);
  return 0;
}
