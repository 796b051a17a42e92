'use strict';
/**
 * Cold start: `chartwright synth` of the example apps against
 * `node -e "require('cdk8s-plus-28')"`, run alternately so both see the same
 * machine load. Prints medians and their ratio.
 *
 *   node bench/cold.js [runs]
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

function time(cmd, args, options) {
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function cold(runs = 7) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-cold-'));
  const samples = { baseline: [], synth: [], uncached: [], npx: [] };
  const noCache = { env: { ...process.env, CHARTWRIGHT_TRANSPILE_CACHE: '0' } };
  try {
    for (let i = 0; i < runs; i++) {
      samples.baseline.push(time(process.execPath, ['-e', "require('cdk8s-plus-28')"]));
      samples.synth.push(time(process.execPath, ['bin/chartwright.js', 'synth', '--out', out]));
      samples.uncached.push(time(process.execPath, ['bin/chartwright.js', 'synth', '--out', out], noCache));
      samples.npx.push(time('npx', ['--no-install', 'chartwright', 'synth', '--out', out]));
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
  const baseline = median(samples.baseline);
  const synth = median(samples.synth);
  const uncached = median(samples.uncached);
  const npx = median(samples.npx);
  return {
    runs,
    baseline_ms: baseline,
    synth_ms: synth,
    uncached_ms: uncached,
    npx_ms: npx,
    cold_ratio: synth / baseline,
    uncached_ratio: uncached / baseline,
    npx_ratio: npx / baseline,
  };
}

module.exports = { cold, median, time };

if (require.main === module) {
  const r = cold(Number(process.argv[2]) || 7);
  const f = (n) => n.toFixed(0).padStart(5);
  console.log(`cold start, median of ${r.runs} alternating runs:`);
  console.log(`  node -e "require('cdk8s-plus-28')"   ${f(r.baseline_ms)} ms`);
  console.log(`  node bin/chartwright.js synth        ${f(r.synth_ms)} ms  (${r.cold_ratio.toFixed(2)}x)`);
  console.log(`    without the transpile cache        ${f(r.uncached_ms)} ms  (${r.uncached_ratio.toFixed(2)}x)`);
  console.log(`  npx chartwright synth                ${f(r.npx_ms)} ms  (${r.npx_ratio.toFixed(2)}x, npx's own start-up included)`);
  console.log(JSON.stringify({
    baseline_ms: Math.round(r.baseline_ms),
    synth_ms: Math.round(r.synth_ms),
    uncached_ms: Math.round(r.uncached_ms),
    npx_ms: Math.round(r.npx_ms),
    cold_ratio: +r.cold_ratio.toFixed(2),
    uncached_ratio: +r.uncached_ratio.toFixed(2),
    npx_ratio: +r.npx_ratio.toFixed(2),
  }));
}
