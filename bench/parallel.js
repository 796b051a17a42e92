'use strict';
/**
 * Environments on every core, and a platform ten times the 10,000 objects.
 *
 *   node bench/parallel.js [runs] [--skip-100k]
 *
 * 1. A platform of 4 environments × 10,000 objects (the benchmark fleet,
 *    bench/fleet.ts), synthesized with `jobs: 1` (one environment after the
 *    other) and with one thread per core, alternating, each
 *    run a fresh process: `parallel_speedup` is the median of the
 *    sequential times over the median of the parallel ones. The parallel
 *    runs name their jobs (one per core), so the worker threads start at
 *    once, as they do by default when the last output shows large
 *    environments. Both outputs are
 *    compared byte for byte once. The CPU time of each (all threads) says
 *    what the second thread costs: on a machine whose cores are busy with
 *    other work, the wall-time speedup is bounded by the CPU share the
 *    process gets, not by its threads.
 * 2. One environment of 10,000 objects (`ms_10k`, medians of the runs) and
 *    10 environments × 10,000 = 100,000 objects (`ms_100k`, one run), with
 *    the default jobs; `rss_100k_mb` is the peak RSS of that process, its
 *    worker threads included (threads share the process: getrusage's
 *    maxrss counts them all). `linear_ratio_100k` is ms_100k / ms_10k (at
 *    most 11 is linear). The same 100,000 objects with `jobs: 1` too
 *    (`ms_100k_jobs1`, `rss_100k_jobs1_mb`), so the ratio is also known
 *    without the second core.
 *
 * 3. The ceiling, in the same run: the 4 environments split over two
 *    separate processes of 2 environments each, started together
 *    (`split_speedup`: the sequential time over the slower of the two).
 *
 * Each measurement is `synthesize()` from call to return, the library
 * loaded before (as bench/worker.js does); worker threads load the project
 * inside the timed part. Prints a line per figure, then one JSON line.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const SERVICES = 2500; // 4 objects each: 10,000 objects per environment

if (process.argv[2] === '--child') {
  // one measurement: --child SERVICES ENVIRONMENTS JOBS OUT
  const [services, environments, jobs, out] = process.argv.slice(3);
  require('../bin/register').register();
  require('cdk8s-plus-28');
  const { synthesize } = require('../lib/synth/synthesize.ts');
  process.env.CHARTWRIGHT_BENCH_SERVICES = services;
  process.env.CHARTWRIGHT_BENCH_ENVIRONMENTS = environments;
  const app = path.join(__dirname, 'fleet-entry.ts');
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = synthesize({ app, out, jobs: jobs === 'default' ? undefined : Number(jobs), timeout: 0 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  const objects = [...result.objects.values()].reduce((a, b) => a + b, 0);
  process.stdout.write(JSON.stringify({ ms, cpu_ms: (used.user + used.system) / 1000, objects, rss_mb: process.resourceUsage().maxRSS / 1024 }) + '\n');
  process.exit(0);
}

const { median } = require('./cold');

/** One measurement in a fresh process (which may run beside another): resolves with its figures. */
function measure(environments, jobs, out) {
  fs.rmSync(out, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, '--child', String(SERVICES), String(environments), String(jobs), out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0) reject(new Error(`${environments} environments, jobs ${jobs} failed:\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop()));
    });
  });
}

/**
 * The ceiling for `parallel_speedup` on this machine, measured in the same
 * run: the 4 environments split over two separate processes of 2
 * environments each, run at the same time (no thread to start, nothing
 * shared). `split_speedup` is the sequential time over the slower of the
 * two; no split of the work over threads can do better than it.
 */
async function splitAcrossProcesses(base) {
  const [a, b] = await Promise.all([measure(2, 1, path.join(base, 'split-a')), measure(2, 1, path.join(base, 'split-b'))]);
  return Math.max(a.ms, b.ms);
}

/** Every file below `dir`, relative path → bytes. */
function tree(dir, prefix = '', into = new Map()) {
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) tree(dir, rel, into);
    else into.set(rel, fs.readFileSync(path.join(dir, rel)));
  }
  return into;
}

function sameTrees(a, b) {
  const ta = tree(a);
  const tb = tree(b);
  if (ta.size !== tb.size) return false;
  for (const [file, bytes] of ta) {
    if (file.startsWith('.chartwright')) continue;
    if (!tb.has(file) || !bytes.equals(tb.get(file))) return false;
  }
  return true;
}

async function main() {
  const runs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? process.env.BENCH_RUNS ?? 3);
  const skip100k = process.argv.includes('--skip-100k');
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-bench-parallel-'));
  try {
    const seq = path.join(base, 'sequential');
    const par = path.join(base, 'parallel');
    const samples = { sequential: [], parallel: [], split: [] };
    for (let r = 0; r < runs; r++) {
      samples.sequential.push(await measure(4, 1, seq));
      samples.parallel.push(await measure(4, Math.min(cores, 4), par));
      samples.split.push(await splitAcrossProcesses(base));
    }
    const identical = sameTrees(seq, par);
    const seqMs = median(samples.sequential.map((s) => s.ms));
    const parMs = median(samples.parallel.map((s) => s.ms));
    const speedup = seqMs / parMs;
    const splitMs = median(samples.split);
    const splitSpeedup = seqMs / splitMs;
    const seqCpu = median(samples.sequential.map((s) => s.cpu_ms));
    const parCpu = median(samples.parallel.map((s) => s.cpu_ms));
    console.log(
      `4 environments × 10,000 objects: jobs 1 ${seqMs.toFixed(0)} ms (${Math.max(...samples.sequential.map((s) => s.rss_mb)).toFixed(0)} MB), ` +
        `jobs ${Math.min(cores, 4)} ${parMs.toFixed(0)} ms (${Math.max(...samples.parallel.map((s) => s.rss_mb)).toFixed(0)} MB): ${speedup.toFixed(2)}x on ${cores} cores; ` +
        `outputs ${identical ? 'byte-identical' : 'DIFFER'}; CPU time ${seqCpu.toFixed(0)} ms and ${parCpu.toFixed(0)} ms (load average ${os.loadavg()[0].toFixed(1)})  [medians of ${runs}, alternating]`,
    );
    console.log(
      `the same 4 environments split over two processes of 2, run at the same time: ${splitMs.toFixed(0)} ms, ${splitSpeedup.toFixed(2)}x ` +
        `(the ceiling for threads on this machine: nothing shared, nothing to start)  [median of ${runs}]`,
    );
    if (!identical) throw new Error('the parallel output differs from the sequential one');

    const out = path.join(base, 'size');
    const tenK = [];
    for (let r = 0; r < runs; r++) tenK.push(await measure(1, 'default', out));
    const ms10k = median(tenK.map((s) => s.ms));
    const figures = {
      parallel_speedup: +speedup.toFixed(2),
      sequential_ms: Math.round(seqMs),
      parallel_ms: Math.round(parMs),
      sequential_cpu_ms: Math.round(seqCpu),
      parallel_cpu_ms: Math.round(parCpu),
      ms_10k: Math.round(ms10k),
      split_speedup: +splitSpeedup.toFixed(2),
      split_ms: Math.round(splitMs),
    };
    console.log(`1 environment × 10,000 objects: ${ms10k.toFixed(0)} ms, ${Math.max(...tenK.map((s) => s.rss_mb)).toFixed(0)} MB  [median of ${runs}]`);
    if (!skip100k) {
      const big = await measure(10, Math.min(cores, 10), out);
      const bigSeq = await measure(10, 1, out);
      console.log(
        `10 environments × 10,000 = ${big.objects} objects: jobs ${Math.min(cores, 10)} ${big.ms.toFixed(0)} ms (${(big.ms / ms10k).toFixed(1)}x the 10,000-object time), peak RSS ${big.rss_mb.toFixed(0)} MB; ` +
          `jobs 1 ${bigSeq.ms.toFixed(0)} ms (${(bigSeq.ms / ms10k).toFixed(1)}x), peak RSS ${bigSeq.rss_mb.toFixed(0)} MB  [one run each]`,
      );
      Object.assign(figures, {
        ms_100k: Math.round(big.ms),
        rss_100k_mb: Math.round(big.rss_mb),
        linear_ratio_100k: +(big.ms / ms10k).toFixed(2),
        ms_100k_jobs1: Math.round(bigSeq.ms),
        rss_100k_jobs1_mb: Math.round(bigSeq.rss_mb),
        linear_ratio_100k_jobs1: +(bigSeq.ms / ms10k).toFixed(2),
      });
    }
    console.log(JSON.stringify(figures));
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
