'use strict';
/**
 * The realistic fleet: the example catalog's apps (bench/catalog.ts), copies
 * of each up to about 10,000 objects, with chartwright against the same
 * apps written with cdk8s-plus-28 (bench/catalog-plain.ts). As for the
 * synthetic fleet, each measurement is a fresh process (bench/worker.js),
 * the two tools alternate, times are medians and the ratio is the median of
 * the pairs' ratios. Prints a line, then a JSON line with `catalog_ratio`.
 *
 *   node bench/run-catalog.js [runs] [copies]   (71 objects a copy; 141 copies: 10,011 objects)
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { median } = require('./cold');

function measure(tool, copies) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `chartwright-catalog-${tool}-`));
  try {
    const result = spawnSync(process.execPath, [path.join(__dirname, 'worker.js'), tool, String(copies), out, 'catalog'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`catalog ${tool} ${copies} failed:\n${result.stderr}`);
    return JSON.parse(result.stdout.trim().split('\n').pop());
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

function catalog(runs = 3, copies = 141) {
  const samples = { chartwright: [], cdk8s: [] };
  for (let r = 0; r < runs; r++) {
    for (const tool of ['chartwright', 'cdk8s']) samples[tool].push(measure(tool, copies));
  }
  return {
    copies,
    objects: samples.cdk8s[0].objects,
    chartwright_ms: median(samples.chartwright.map((s) => s.ms)),
    cdk8s_ms: median(samples.cdk8s.map((s) => s.ms)),
    chartwright_cpu_ms: median(samples.chartwright.map((s) => s.cpu_ms)),
    cdk8s_cpu_ms: median(samples.cdk8s.map((s) => s.cpu_ms)),
    chartwright_rss_mb: Math.max(...samples.chartwright.map((s) => s.rss_mb)),
    cdk8s_rss_mb: Math.max(...samples.cdk8s.map((s) => s.rss_mb)),
    ratio: median(samples.chartwright.map((s, i) => s.ms / samples.cdk8s[i].ms)),
    runs,
  };
}

if (require.main === module) {
  const c = catalog(Number(process.argv[2] || 3), Number(process.argv[3] || 141));
  console.log(
    `catalog fleet, ${c.copies} copies of the example apps (${c.objects} objects; chartwright adds their 2 Namespaces): ` +
      `chartwright ${c.chartwright_ms.toFixed(0)} ms (CPU ${c.chartwright_cpu_ms.toFixed(0)} ms, ${c.chartwright_rss_mb.toFixed(0)} MB)  ` +
      `cdk8s-plus-28 ${c.cdk8s_ms.toFixed(0)} ms (CPU ${c.cdk8s_cpu_ms.toFixed(0)} ms, ${c.cdk8s_rss_mb.toFixed(0)} MB)  ratio ${c.ratio.toFixed(3)}  [medians of ${c.runs}]`,
  );
  console.log(JSON.stringify({ catalog_objects: c.objects, catalog_chartwright_ms: Math.round(c.chartwright_ms), catalog_cdk8s_ms: Math.round(c.cdk8s_ms), catalog_ratio: +c.ratio.toFixed(3) }));
}

module.exports = { catalog };
