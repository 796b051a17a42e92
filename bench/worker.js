'use strict';
/**
 * One benchmark measurement in a fresh process:
 *   node bench/worker.js chartwright|cdk8s N OUTDIR [fleet|catalog]
 * N is the fleet's web services (./fleet.ts), or the copies of the example
 * catalog (./catalog.ts).
 * Prints {"ms": synth time, "cpu_ms": CPU time of the process meanwhile (all
 * threads, GC helpers included), "objects": n, "rss_mb": peak RSS} as JSON.
 * Module loading is outside the timed part for both tools.
 */
const path = require('path');
require('../bin/register').register();

const [tool, nArg, out, kind = 'fleet'] = process.argv.slice(2);
const n = Number(nArg);
require('cdk8s-plus-28');
const catalog = kind === 'catalog';
const fleet = require(catalog ? './catalog.ts' : './fleet.ts');
let objects;
let start;
let cpu;
if (tool === 'cdk8s') {
  cpu = process.cpuUsage();
  start = process.hrtime.bigint();
  objects = catalog ? fleet.plainCatalogSynth(n, out) : fleet.plainCdk8sSynth(n, out);
} else {
  const { synthesize } = require('../lib/synth/synthesize.ts');
  process.env[catalog ? 'CHARTWRIGHT_BENCH_COPIES' : 'CHARTWRIGHT_BENCH_SERVICES'] = String(n);
  const entry = path.join(__dirname, catalog ? 'catalog-entry.ts' : 'fleet-entry.ts');
  require(entry); // load outside the timed part, as for cdk8s
  cpu = process.cpuUsage();
  start = process.hrtime.bigint();
  const result = synthesize({ app: entry, out, ...(catalog ? { env: ['prod'] } : {}) });
  objects = [...result.objects.values()].reduce((a, b) => a + b, 0);
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const used = process.cpuUsage(cpu);
const cpu_ms = (used.user + used.system) / 1000;
const rss_mb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ tool, n, objects, ms, cpu_ms, rss_mb }) + '\n');
