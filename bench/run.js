'use strict';
/**
 * npm run bench: chartwright against plain cdk8s on a generated fleet of N
 * web services (4N objects), each measured in a fresh process, the two
 * tools alternating so both see the same machine load; then the cold start.
 * Times are medians; the ratio is the median of the ratios of each pair of
 * runs (chartwright, then cdk8s), which a change of load between pairs
 * moves less than a ratio of medians.
 *
 *   node bench/run.js [--runs 3] [--sizes 250,625,1000,2500]   (services; 4 objects each)
 *
 * The ratio at 1,000 objects (250 services; chartwright's output also holds
 * the environment's Namespace) gets its own JSON line, `ratio_1k`: there
 * fixed costs weigh most. Then the realistic fleet, the example catalog's
 * apps at about 10,000 objects (bench/run-catalog.js: a line and a JSON line
 * with `catalog_ratio`).
 *
 * Then `chartwright diff` of two 10,000-object outputs (bench/diff.js: a
 * line and its own JSON line with `diff_ms_10k`), `synth --watch`'s edit
 * loop (bench/watch.js: a line and its JSON line with `watch_ms`), and `chartwright validate`
 * on third-party input (bench/validate-files.js): 10,000 objects (medians of
 * the runs) and 100,000 (one run).
 * Then `tsc --noEmit` of the `init app` project against a cdk8s app of the
 * same size (bench/typecheck.js: `typecheck_ms`, `cdk8s_typecheck_ms`, and
 * `cdk8s_zod_typecheck_ms` for the cdk8s app with the same zod values schema).
 *
 * The last lines are JSON objects: the diff figure, the watch figures, the
 * synth figures at the largest size, then the validate figures, then those
 * of environments on every core and of 100,000 objects (bench/parallel.js:
 * `parallel_speedup`, `split_speedup`, `ms_10k`, `ms_100k`, `rss_100k_mb`…).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { cold, median } = require('./cold');
const { catalog } = require('./run-catalog');
const validateFiles = require('./validate-files');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const runs = Number(option('runs', process.env.BENCH_RUNS || 3));
// 625 services are the 2,500 objects that linear growth is measured from
const sizes = option('sizes', '250,625,1000,2500').split(',').map(Number);

function measure(tool, n) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `chartwright-bench-${tool}-`));
  try {
    const result = spawnSync(process.execPath, [path.join(__dirname, 'worker.js'), tool, String(n), out], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} ${n} failed:\n${result.stderr}`);
    return JSON.parse(result.stdout.trim().split('\n').pop());
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

const rows = [];
for (const n of sizes) {
  const samples = { chartwright: [], cdk8s: [] };
  for (let r = 0; r < runs; r++) {
    for (const tool of ['chartwright', 'cdk8s']) samples[tool].push(measure(tool, n));
  }
  const row = { services: n, objects: samples.chartwright[0].objects };
  for (const tool of ['chartwright', 'cdk8s']) {
    row[`${tool}_ms`] = median(samples[tool].map((s) => s.ms));
    row[`${tool}_rss_mb`] = Math.max(...samples[tool].map((s) => s.rss_mb));
  }
  // each run of chartwright is paired with the run of cdk8s right after it, under the same load
  row.ratio = median(samples.chartwright.map((s, i) => s.ms / samples.cdk8s[i].ms));
  rows.push(row);
  console.log(
    `${String(row.objects).padStart(6)} objects: chartwright ${row.chartwright_ms.toFixed(0).padStart(6)} ms ` +
      `(${Math.round(row.objects / (row.chartwright_ms / 1000))} objects/s, ${row.chartwright_rss_mb.toFixed(0)} MB)  ` +
      `cdk8s ${row.cdk8s_ms.toFixed(0).padStart(6)} ms (${Math.round(row.objects / (row.cdk8s_ms / 1000))} objects/s, ${row.cdk8s_rss_mb.toFixed(0)} MB)  ` +
      `ratio ${row.ratio.toFixed(3)}  [medians of ${runs}; the ratio is the median of the ${runs} pairs' ratios]`,
  );
}

const largest = rows[rows.length - 1];
const base = rows.find((r) => r.objects * 4 === largest.objects) ?? (rows.length > 1 ? rows[0] : undefined);
if (base) {
  const growth = largest.chartwright_ms / base.chartwright_ms;
  console.log(`growth ${base.objects} → ${largest.objects} objects: ${growth.toFixed(2)}x the time for ${(largest.objects / base.objects).toFixed(1)}x the objects`);
}

// 1,000 objects: 250 services of 4 objects each
const at1k = rows.find((r) => r.services === 250);
if (at1k) console.log(JSON.stringify({ ratio_1k: +at1k.ratio.toFixed(3), objects_1k: at1k.objects, chartwright_ms_1k: Math.round(at1k.chartwright_ms), cdk8s_ms_1k: Math.round(at1k.cdk8s_ms) }));

const cat = catalog(runs);
console.log(`catalog fleet, ${cat.copies} copies of the example apps (${cat.objects} objects): chartwright ${cat.chartwright_ms.toFixed(0)} ms (${cat.chartwright_rss_mb.toFixed(0)} MB)  ` +
  `cdk8s-plus-28 ${cat.cdk8s_ms.toFixed(0)} ms (${cat.cdk8s_rss_mb.toFixed(0)} MB)  ratio ${cat.ratio.toFixed(3)}  [medians of ${runs}]`);
console.log(JSON.stringify({ catalog_objects: cat.objects, catalog_chartwright_ms: Math.round(cat.chartwright_ms), catalog_cdk8s_ms: Math.round(cat.cdk8s_ms), catalog_ratio: +cat.ratio.toFixed(3) }));

const c = cold(Math.max(runs, 5));
console.log(`cold start (median of ${c.runs}): node -e "require('cdk8s-plus-28')" ${c.baseline_ms.toFixed(0)} ms, ` +
  `chartwright synth ${c.synth_ms.toFixed(0)} ms (${c.cold_ratio.toFixed(2)}x; ${c.uncached_ratio.toFixed(2)}x without the transpile cache), npx chartwright synth ${c.npx_ms.toFixed(0)} ms (${c.npx_ratio.toFixed(2)}x)`);

// chartwright diff on two 10,000-object outputs, in a fresh process; its own JSON line
const diff = spawnSync(process.execPath, [path.join(__dirname, 'diff.js'), String(runs)], { encoding: 'utf8' });
if (diff.status !== 0) throw new Error(`bench/diff.js failed:\n${diff.stderr}`);
process.stdout.write(diff.stdout);

// synth --watch: a one-line edit of examples/guestbook to committed output, in a watcher of its own; its own JSON line
const watch = spawnSync(process.execPath, [path.join(__dirname, 'watch.js'), String(Math.max(runs, 5))], { encoding: 'utf8' });
if (watch.status !== 0) throw new Error(`bench/watch.js failed:\n${watch.stderr}${watch.stdout}`);
process.stdout.write(watch.stdout);

console.log(JSON.stringify({
  objects: largest.objects,
  chartwright_ms: Math.round(largest.chartwright_ms),
  cdk8s_ms: Math.round(largest.cdk8s_ms),
  ratio: +largest.ratio.toFixed(3),
  rss_mb: Math.round(largest.chartwright_rss_mb),
  cold_ratio: +c.cold_ratio.toFixed(2),
}));

const v10k = validateFiles.measure(10000, runs);
const v100k = validateFiles.measure(100000, 1);
console.log(`validate, third-party input: ${v10k.objects} objects (${(v10k.bytes / 1048576).toFixed(1)} MB) ${v10k.ms.toFixed(0)} ms (CPU ${v10k.cpu_ms.toFixed(0)} ms), peak RSS ${v10k.rss_mb.toFixed(0)} MB; ` +
  `${v100k.objects} objects ${v100k.ms.toFixed(0)} ms (CPU ${v100k.cpu_ms.toFixed(0)} ms, ${(v100k.ms / v10k.ms).toFixed(1)}x), peak RSS ${v100k.rss_mb.toFixed(0)} MB`);
console.log(JSON.stringify({
  validate_ms_10k: Math.round(v10k.ms),
  validate_rss_mb_10k: Math.round(v10k.rss_mb),
  validate_ms_100k: Math.round(v100k.ms),
  validate_cpu_ms_10k: Math.round(v10k.cpu_ms),
  validate_cpu_ms_100k: Math.round(v100k.cpu_ms),
  validate_rss_mb_100k: Math.round(v100k.rss_mb),
}));

// tsc --noEmit of the `init app` project against a cdk8s app of the same size (bench/typecheck.js); its own JSON line
const typecheck = require('./typecheck');
typecheck.report(typecheck.typecheck(Math.max(runs, 5)));
// environments on every core, and 100,000 objects, in fresh processes; its own JSON line
const parallel = spawnSync(process.execPath, [path.join(__dirname, 'parallel.js'), String(runs)], { encoding: 'utf8' });
if (parallel.status !== 0) throw new Error(`bench/parallel.js failed:\n${parallel.stderr}`);
process.stdout.write(parallel.stdout);
