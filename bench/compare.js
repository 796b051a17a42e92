'use strict';
/**
 * Two checkouts of chartwright side by side: the same bench/worker.js
 * measurement (a fresh process, a fresh output folder) of each, alternating,
 * and with --cdk8s plain cdk8s in the same rounds.
 *
 *   node bench/compare.js BASE_DIR [--runs 5] [--n 250] [--kind fleet|catalog] [--cdk8s]
 *
 * BASE_DIR is another checkout with its node_modules (a git worktree of
 * main, say). Prints one JSON line: medians of wall time (`ms`) and CPU time
 * of the process (`cpu_ms`, V8's helper threads included) of each, and the
 * median of the pairs' ratios (this checkout over the base), which a change
 * of the machine's load between pairs moves little.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { median } = require('./cold');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const base = process.argv[2];
if (!base || base.startsWith('--') || !fs.existsSync(path.join(base, 'bench', 'worker.js'))) {
  console.error('usage: node bench/compare.js BASE_DIR [--runs 5] [--n 250] [--kind fleet|catalog] [--cdk8s]  (BASE_DIR: another checkout with bench/worker.js)');
  process.exit(2);
}
const runs = Number(arg('runs', '5'));
const n = arg('n', '250');
const kind = arg('kind', 'fleet');
const sides = [
  ['base', path.resolve(base), 'chartwright'],
  ['head', path.resolve(__dirname, '..'), 'chartwright'],
  ...(process.argv.includes('--cdk8s') ? [['cdk8s', path.resolve(__dirname, '..'), 'cdk8s']] : []),
];

function measure(root, tool) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-compare-'));
  try {
    const run = spawnSync(process.execPath, [path.join(root, 'bench', 'worker.js'), tool, n, out, kind], { cwd: root, encoding: 'utf8', timeout: 600_000 });
    if (run.status !== 0) throw new Error(`${root}: bench/worker.js ${tool} failed: ${(run.stderr || run.error?.message || '').slice(0, 500)}`);
    return JSON.parse(run.stdout.trim().split('\n').pop());
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

const samples = Object.fromEntries(sides.map(([name]) => [name, []]));
for (let r = 0; r < runs; r++) {
  // the order alternates, so neither side always runs first after the other
  for (const [name, root, tool] of r % 2 === 0 ? sides : [...sides].reverse()) {
    const s = measure(root, tool);
    samples[name].push(s);
    console.log(`${name.padEnd(5)} ${s.objects} objects: ${s.ms.toFixed(0)} ms, CPU ${s.cpu_ms.toFixed(0)} ms, ${s.rss_mb.toFixed(0)} MB`);
  }
}
const result = { n: Number(n), kind, runs, objects: samples.head[0].objects };
for (const [name] of sides) {
  result[`${name}_ms`] = Math.round(median(samples[name].map((s) => s.ms)));
  result[`${name}_cpu_ms`] = Math.round(median(samples[name].map((s) => s.cpu_ms)));
  result[`${name}_rss_mb`] = Math.round(median(samples[name].map((s) => s.rss_mb)));
}
const ratio = (a, b, key) => +median(samples[a].map((s, i) => s[key] / samples[b][i][key])).toFixed(3);
result.head_over_base = ratio('head', 'base', 'ms');
result.head_over_base_cpu = ratio('head', 'base', 'cpu_ms');
if (samples.cdk8s) {
  result.base_over_cdk8s = ratio('base', 'cdk8s', 'ms');
  result.head_over_cdk8s = ratio('head', 'cdk8s', 'ms');
}
console.log(JSON.stringify(result));
