'use strict';
/**
 * node bench/watch.js [edits]: the edit loop of `chartwright synth --watch`.
 * A copy of examples/guestbook (three environments, 47 objects) in a
 * temporary project is watched by `chartwright synth --watch` in a child
 * process; the benchmark then makes one-line edits, one at a time, and
 * times each from just before the file is written to the moment the
 * watcher prints that the run was committed (`synth: … written in N ms`,
 * printed after the output is in place), reading the output to check that
 * the edit is in it:
 *
 * - code: the frontend's access log format in index.ts, combined ↔ common
 *   (the project's modules are loaded again, every environment re-rendered);
 * - values: `replicas` in values.dev.yaml, 1 ↔ 2 (dev alone re-rendered).
 *
 * The type check is off (`--no-typecheck`): in watch mode it runs after the
 * commit in a worker thread and does not hold the output back.
 *
 * WATCH_TIMINGS=1 passes --timings to the watcher and prints its lines on
 * stderr. The watcher's line also says the CPU time of the run (the process's, all
 * threads), steadier than wall time on a busy machine.
 *
 * Then, for comparison, `chartwright synth` of the same project in a new
 * process each time (what a run costs without the watcher).
 *
 * The last line is one JSON object: {"watch_ms", "watch_cpu_ms",
 * "watch_values_ms", "watch_values_cpu_ms", "watch_ms_runs",
 * "watch_values_ms_runs", "first_ms", "synth_process_ms"}, medians in ms.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { median } = require('./cold');

const REPO = path.resolve(__dirname, '..');
const WAIT_MS = 60000;

/** A temporary project holding examples/guestbook (and the redis package it uses) under apps/, importing this checkout's lib/. */
function makeProject() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-bench-watch-'));
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const lib = JSON.stringify(path.join(REPO, 'lib'));
  // the guestbook and the redis package it imports (../redis/src), each importing this checkout's lib/
  for (const sub of ['guestbook', path.join('redis', 'src')]) {
    const from = path.join(REPO, 'examples', sub);
    const to = path.join(dir, 'apps', sub);
    fs.mkdirSync(to, { recursive: true });
    for (const name of fs.readdirSync(from)) {
      if (name.endsWith('.md') || !fs.statSync(path.join(from, name)).isFile()) continue;
      const text = fs.readFileSync(path.join(from, name), 'utf8');
      fs.writeFileSync(path.join(to, name), text.split("'../../lib'").join(lib).split("from 'chartwright'").join(`from ${lib}`));
    }
  }
  return dir;
}

/** Lines of a child's stream, as they come; `next(pattern)` resolves with the first line from now on that matches. */
function lines(stream) {
  let buffer = '';
  const waiting = [];
  const seen = [];
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffer += chunk;
    let at;
    while ((at = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      seen.push(line);
      if (process.env.WATCH_TIMINGS && /^(timings|synth:.*written)/.test(line)) console.error(line);
      for (const w of [...waiting]) {
        if (w.pattern.test(line)) {
          waiting.splice(waiting.indexOf(w), 1);
          clearTimeout(w.timer);
          w.resolve({ line, at: performance.now() });
        }
      }
    }
  });
  return {
    seen,
    next(pattern) {
      return new Promise((resolve, reject) => {
        const w = { pattern, resolve };
        w.timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${WAIT_MS} ms; the watcher printed:\n${seen.join('\n')}`)), WAIT_MS);
        waiting.push(w);
      });
    },
  };
}

async function main() {
  const edits = Number(process.argv[2] ?? 7);
  const dir = makeProject();
  const child = spawn(process.execPath, [path.join(REPO, 'bin', 'chartwright.js'), 'synth', '--app', 'apps/guestbook/platform.ts', '--watch', '--no-typecheck', ...(process.env.WATCH_TIMINGS ? ['--timings'] : [])], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const err = lines(child.stderr);
  lines(child.stdout);
  try {
    const started = performance.now();
    const firstRun = err.next(/^synth: first synth: written in/);
    const watching = err.next(/^synth: watching for changes/);
    const first = await firstRun;
    await watching;
    const index = path.join(dir, 'apps', 'guestbook', 'index.ts');
    const devValues = path.join(dir, 'apps', 'guestbook', 'values.dev.yaml');
    const code = [];
    const values = [];
    for (let i = 0; i < edits; i++) {
      // code: the frontend's access log format, in a ConfigMap of every environment
      const format = i % 2 === 0 ? 'common' : 'combined';
      code.push(await edit(err, index, /CustomLog \/dev\/stdout (common|combined)'/, `CustomLog /dev/stdout ${format}'`, path.join(dir, 'dist', 'prod', 'guestbook.k8s.yaml'), `CustomLog /dev/stdout ${format}\n`));
      const devReplicas = i % 2 === 0 ? 2 : 1;
      values.push(await edit(err, devValues, /replicas: [12]\n/, `replicas: ${devReplicas}\n`, path.join(dir, 'dist', 'dev', 'guestbook.k8s.yaml'), `replicas: ${devReplicas}\n`));
    }
    // what the watcher saves: a synth in a new process after the same edit (the transpile cache warm), the watcher idle meanwhile
    const fresh = [];
    for (let i = 0; i < Math.min(edits, 5); i++) {
      const start = performance.now();
      const run = spawnSync(process.execPath, [path.join(REPO, 'bin', 'chartwright.js'), 'synth', '--app', 'apps/guestbook/platform.ts', '--no-typecheck', '--out', 'dist-fresh'], { cwd: dir, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`chartwright synth failed:\n${run.stderr}`);
      fresh.push(performance.now() - start);
    }
    const result = {
      watch_ms: Math.round(median(code.map((r) => r.ms))),
      watch_cpu_ms: Math.round(median(code.map((r) => r.cpu))),
      watch_values_ms: Math.round(median(values.map((r) => r.ms))),
      watch_values_cpu_ms: Math.round(median(values.map((r) => r.cpu))),
      watch_ms_runs: code.map((r) => Math.round(r.ms)),
      watch_values_ms_runs: values.map((r) => Math.round(r.ms)),
      first_ms: Math.round(first.at - started),
      synth_process_ms: Math.round(median(fresh)),
    };
    console.log(
      `synth --watch, examples/guestbook (3 environments, 47 objects): a one-line code edit to committed output ${result.watch_ms} ms (CPU ${result.watch_cpu_ms} ms), ` +
        `a values edit ${result.watch_values_ms} ms (CPU ${result.watch_values_cpu_ms} ms) (medians of ${edits}; start and first synth ${result.first_ms} ms); ` +
        `chartwright synth in a new process ${result.synth_process_ms} ms (median of ${fresh.length})`,
    );
    console.log(JSON.stringify(result));
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve)));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Replaces `pattern` in `file`, waits for the commit, checks the output holds `expected`; the milliseconds from the write to the commit. */
async function edit(err, file, pattern, replacement, output, expected) {
  const text = fs.readFileSync(file, 'utf8');
  if (!pattern.test(text)) throw new Error(`${file} has no ${pattern}`);
  const committed = err.next(/^synth: .* changed: (.* )?written in/);
  const idle = committed.then(() => undefined);
  const watching = err.next(/^synth: watching for changes/);
  const start = performance.now();
  fs.writeFileSync(file, text.replace(pattern, replacement));
  const { at, line } = await committed;
  if (!fs.readFileSync(output, 'utf8').includes(expected)) throw new Error(`${output} does not hold "${expected.trim()}" after the edit of ${file}`);
  await idle;
  await watching;
  return { ms: at - start, cpu: Number(/\(CPU (\d+) ms\)/.exec(line)[1]) };
}

main().catch((err) => {
  console.error(err.message);
  process.exitCode = 1;
});
