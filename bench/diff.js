'use strict';
/**
 * node bench/diff.js [runs] [services]: what `chartwright diff` costs on
 * two 10,000-object outputs (2,500 web services of bench/fleet.ts, 4 objects
 * each), in a fresh process. The new output is the fleet rendered; the old
 * one a copy with a change of the kinds a release makes: 5% of the images
 * (a rollout), 5% of the ConfigMaps, 1% fewer replicas, 50 objects more and
 * 50 fewer. It times diffOutputs() alone (the two outputs parsed), the text
 * and JSON formats (medians of `runs`), and reading both back from their
 * folders once (YAML parsing: what --base-dir and --base add), wall and CPU time.
 *
 * The last line is one JSON object: {"objects", "changes", "diff_ms_10k",
 * "diff_cpu_ms_10k", "format_ms", "read_ms", "read_cpu_ms"}.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
require('../bin/register').register();

const runs = Number(process.argv[2] ?? 5);
const services = Number(process.argv[3] ?? 2500);
const { renderEnvironment } = require('../lib/synth/render.ts');
const { StagedOutput } = require('../lib/synth/output.ts');
const { fleetPlatform } = require('./fleet.ts');
const { diffOutputs, formatText, formatJson } = require('../lib/diff/index.ts');
const { readOutput } = require('../lib/review/read-output.ts');
const { median } = require('./cold');

const platform = fleetPlatform(services);
const env = platform.environmentNames()[0];
const rendered = renderEnvironment(platform, env);
const head = rendered.releases.map((r) => ({ environment: env, release: r.name, objects: r.objects }));

// the old output: a copy with a release's worth of changes
const base = JSON.parse(JSON.stringify(head));
let nth = 0;
for (const release of base) {
  const kept = [];
  for (const obj of release.objects) {
    nth++;
    if (nth % 200 === 0) continue; // 50 objects the new output adds
    if (obj.kind === 'Deployment' && nth % 20 === 1) obj.spec.template.spec.containers[0].image += '-old';
    if (obj.kind === 'Deployment' && nth % 100 === 1) obj.spec.replicas = (obj.spec.replicas ?? 1) + 1;
    if (obj.kind === 'ConfigMap' && nth % 20 === 0) obj.data = { ...obj.data, old: 'yes' };
    kept.push(obj);
    if (nth % 200 === 100) kept.push({ ...obj, metadata: { ...obj.metadata, name: `${obj.metadata.name}-gone` } }); // 50 it removes
  }
  release.objects = kept;
}
const objects = head.reduce((n, r) => n + r.objects.length, 0);

/** Medians of wall and CPU time (CPU time is steadier on a busy machine). */
function time(fn, times = runs) {
  const wall = [];
  const cpu = [];
  let result;
  for (let i = 0; i < times; i++) {
    const usage = process.cpuUsage();
    const start = process.hrtime.bigint();
    result = fn();
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(wall), cpu_ms: median(cpu), result };
}

const diff = time(() => diffOutputs(base, head));
const format = time(() => formatText(diff.result).length + formatJson(diff.result).length);

// both outputs written as synth writes them, then read back
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-bench-diff-'));
try {
  for (const [name, outputs] of [['old', base], ['new', head]]) {
    const out = new StagedOutput(path.join(dir, name));
    out.writeEnvironment({ name: env, releases: outputs.map((r) => ({ name: r.release, objects: r.objects, paths: [], package: { name: 'fleet', version: '1.0.0' } })), namespaces: [], warnings: [] });
    out.commit();
    out.close();
  }
  // reading is slow enough to be measured once
  const read = time(() => [readOutput(path.join(dir, 'old')), readOutput(path.join(dir, 'new'))], 1);
  console.log(
    `diff of two ${objects.toLocaleString('en')}-object outputs (${diff.result.changes.length} changes): ${diff.ms.toFixed(0)} ms (${diff.cpu_ms.toFixed(0)} ms CPU); ` +
      `text and JSON formats ${format.ms.toFixed(0)} ms; reading both folders ${read.ms.toFixed(0)} ms (${read.cpu_ms.toFixed(0)} ms CPU)  [medians of ${runs}; reading once]`,
  );
  console.log(
    JSON.stringify({
      objects,
      changes: diff.result.changes.length,
      diff_ms_10k: Math.round(diff.ms),
      diff_cpu_ms_10k: Math.round(diff.cpu_ms),
      format_ms: Math.round(format.ms),
      read_ms: Math.round(read.ms),
      read_cpu_ms: Math.round(read.cpu_ms),
    }),
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
