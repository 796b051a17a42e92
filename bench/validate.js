'use strict';
/**
 * What validation adds to synth: `chartwright synth --timings` of the
 * benchmark fleet (2,500 web services: 10,000 objects) in fresh processes;
 * the validate phase against every other phase of the same run (load,
 * build, render, YAML, write). Prints medians of several runs; the target is
 * at most 25%.
 *
 *   node bench/validate.js [runs]
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { median } = require('./cold');

const ROOT = path.resolve(__dirname, '..');
const runs = Number(process.argv[2]) || 5;
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-validate-'));
const samples = [];
try {
  for (let i = 0; i < runs; i++) {
    const result = spawnSync(process.execPath, ['bin/chartwright.js', 'synth', '--app', 'bench/fleet-entry.ts', '--out', out, '--profile', 'prod', '--timings'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CHARTWRIGHT_BENCH_SERVICES: '2500' },
    });
    if (result.status !== 0) throw new Error(result.stderr);
    const line = result.stderr.split('\n').find((l) => l.startsWith('timings: '));
    const phases = Object.fromEntries([...line.matchAll(/(\w+) (\d+) ms/g)].map((m) => [m[1], Number(m[2])]));
    const total = Object.values(phases).reduce((a, b) => a + b, 0);
    samples.push({ validate: phases.validate, rest: total - phases.validate, phases });
  }
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
const validate = median(samples.map((s) => s.validate));
const rest = median(samples.map((s) => s.rest));
const overhead = median(samples.map((s) => s.validate / s.rest));
console.log(`10000 objects, median of ${runs} runs of chartwright synth --profile prod:`);
console.log(`  synth without validation  ${rest.toFixed(0)} ms`);
console.log(`  validation                ${validate.toFixed(0)} ms  (+${(overhead * 100).toFixed(1)}%; target <= 25%)`);
console.log(JSON.stringify({ objects: 10000, synth_ms: rest, validate_ms: validate, overhead: +overhead.toFixed(3) }));
