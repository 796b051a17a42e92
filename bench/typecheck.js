'use strict';
/**
 * Type-check time of a user's project: `tsc --noEmit` of the project
 * `chartwright init app` makes, against the same check of a minimal cdk8s
 * app of the same size (bench/cdk8s-app.ts: App, Chart, cdk8s-plus-28
 * Deployment, Service and Ingress) with the same tsconfig.json. Each check is
 * a fresh `node node_modules/typescript/bin/tsc` process; the two alternate,
 * so both see the same machine load. Times are medians; the ratio is the
 * median of the ratios of each pair. A third project, the cdk8s app with the
 * init app's zod values schema (bench/cdk8s-zod-app.ts), takes its turn in
 * the same rounds: it tells how much of the difference is the values schema
 * (zod's declarations and the inference of the user's schema), which the
 * plain cdk8s app does not have.
 *
 *   node bench/typecheck.js [runs] [--no-build]
 *
 * chartwright comes from this repository's build (`npm run build` first,
 * unless --no-build), linked into the project's node_modules as an installed
 * package would be; the other packages are links to this repository's
 * node_modules, so no registry is needed. The last line is JSON:
 * `typecheck_ms`, `cdk8s_typecheck_ms`, `typecheck_ratio`, and the CPU time of
 * each (`typecheck_cpu_ms`, `cdk8s_typecheck_cpu_ms`), steadier on a busy machine;
 * then the same for the cdk8s app with zod values (`cdk8s_zod_typecheck_ms`,
 * `typecheck_zod_ratio`, `cdk8s_zod_typecheck_cpu_ms`).
 */
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { median } = require('./cold');

const ROOT = path.resolve(__dirname, '..');
const MODULES = ['cdk8s', 'cdk8s-plus-28', 'constructs', 'zod', 'typescript', '@types/node'];

function link(project, name, target) {
  const at = path.join(project, 'node_modules', name);
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.symlinkSync(target, at, 'dir');
}

/** A cdk8s project in `dir` with `source` as its apps/main.ts and the init app's tsconfig.json. */
function makeCdk8sProject(dir, app, source) {
  fs.mkdirSync(path.join(dir, 'apps'), { recursive: true });
  fs.copyFileSync(path.join(app, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  fs.copyFileSync(path.join(__dirname, source), path.join(dir, 'apps', 'main.ts'));
  return dir;
}

/** The init app project, the cdk8s project and the cdk8s project with zod values, in `dir`. */
function makeProjects(dir) {
  const app = path.join(dir, 'app');
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'chartwright.js'), 'init', 'app', app, '--name', 'bench'], { stdio: 'pipe' });
  link(app, 'chartwright', ROOT);
  const projects = {
    chartwright: app,
    cdk8s: makeCdk8sProject(path.join(dir, 'cdk8s'), app, 'cdk8s-app.ts'),
    cdk8s_zod: makeCdk8sProject(path.join(dir, 'cdk8s-zod'), app, 'cdk8s-zod-app.ts'),
  };
  for (const project of Object.values(projects)) {
    for (const name of MODULES) link(project, name, path.join(ROOT, 'node_modules', name));
  }
  return projects;
}

/** Runs tsc (argv[1]) with the arguments after it, and prints the process's CPU time to stderr as it exits. */
const CPU_WRAPPER = `
  const tsc = process.argv[1];
  process.argv = [process.argv[0], tsc, ...process.argv.slice(2)];
  process.on('exit', () => { const c = process.cpuUsage(); process.stderr.write('\\n' + JSON.stringify({ cpu_ms: (c.user + c.system) / 1000 }) + '\\n'); });
  require(tsc);
`;

/** One `tsc --noEmit` of `project`: its wall time, and tsc's own figures with `extended`. */
function check(project, extended = false) {
  const tsc = path.join(project, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = ['--noEmit', '-p', project, ...(extended ? ['--extendedDiagnostics'] : [])];
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-e', CPU_WRAPPER, tsc, ...args], { cwd: project, encoding: 'utf8', timeout: 300000 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`tsc --noEmit of ${project} failed:\n${result.stdout}${result.stderr}`);
  const cpu = JSON.parse(result.stderr.trim().split('\n').pop());
  const figures = {};
  for (const line of result.stdout.split('\n')) {
    const m = /^([A-Za-z ]+):\s+([\d.]+)(s|K)?$/.exec(line.trim());
    if (m) figures[m[1]] = Number(m[2]);
  }
  return { ms, cpu_ms: cpu.cpu_ms, figures };
}

function typecheck(runs = 5, { build = true } = {}) {
  if (build) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-typecheck-'));
  try {
    const projects = makeProjects(dir);
    const tools = Object.keys(projects);
    const details = {};
    // one untimed round with tsc's own figures (also warms the disk cache for both)
    for (const tool of tools) details[tool] = check(projects[tool], true).figures;
    const samples = Object.fromEntries(tools.map((tool) => [tool, []]));
    for (let i = 0; i < runs; i++) {
      // alternate which goes first, so neither always follows the other
      for (const tool of i % 2 ? [...tools].reverse() : tools) samples[tool].push(check(projects[tool]));
    }
    const ms = (tool) => samples[tool].map((s) => s.ms);
    const cpu = (tool) => median(samples[tool].map((s) => s.cpu_ms));
    return {
      runs,
      typecheck_ms: median(ms('chartwright')),
      cdk8s_typecheck_ms: median(ms('cdk8s')),
      ratio: median(ms('chartwright').map((t, i) => t / ms('cdk8s')[i])),
      typecheck_cpu_ms: cpu('chartwright'),
      cdk8s_typecheck_cpu_ms: cpu('cdk8s'),
      cdk8s_zod_typecheck_ms: median(ms('cdk8s_zod')),
      zod_ratio: median(ms('chartwright').map((t, i) => t / ms('cdk8s_zod')[i])),
      cdk8s_zod_typecheck_cpu_ms: cpu('cdk8s_zod'),
      details,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function report(r) {
  const d = (f) => `${f.Files} files, ${f['Lines of Definitions'] + f['Lines of Library'] + f['Lines of TypeScript']} lines, ${f.Types} types, check ${f['Check time']} s of ${f['Total time']} s`;
  console.log(
    `tsc --noEmit (median of ${r.runs} alternating runs): chartwright init app ${r.typecheck_ms.toFixed(0)} ms, ` +
      `the same app with cdk8s-plus-28 ${r.cdk8s_typecheck_ms.toFixed(0)} ms, ratio ${r.ratio.toFixed(2)} ` +
      `(CPU ${r.typecheck_cpu_ms.toFixed(0)} ms against ${r.cdk8s_typecheck_cpu_ms.toFixed(0)} ms); ` +
      `with the same zod values schema the cdk8s app takes ${r.cdk8s_zod_typecheck_ms.toFixed(0)} ms, ratio ${r.zod_ratio.toFixed(2)} ` +
      `(CPU ${r.cdk8s_zod_typecheck_cpu_ms.toFixed(0)} ms)  ` +
      `[chartwright: ${d(r.details.chartwright)}; cdk8s: ${d(r.details.cdk8s)}; cdk8s with zod: ${d(r.details.cdk8s_zod)}]`,
  );
  console.log(JSON.stringify({
    typecheck_ms: Math.round(r.typecheck_ms),
    cdk8s_typecheck_ms: Math.round(r.cdk8s_typecheck_ms),
    typecheck_ratio: +r.ratio.toFixed(2),
    typecheck_cpu_ms: Math.round(r.typecheck_cpu_ms),
    cdk8s_typecheck_cpu_ms: Math.round(r.cdk8s_typecheck_cpu_ms),
    cdk8s_zod_typecheck_ms: Math.round(r.cdk8s_zod_typecheck_ms),
    typecheck_zod_ratio: +r.zod_ratio.toFixed(2),
    cdk8s_zod_typecheck_cpu_ms: Math.round(r.cdk8s_zod_typecheck_cpu_ms),
  }));
}

module.exports = { typecheck, report };

if (require.main === module) {
  const runs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a))) || 5;
  report(typecheck(runs, { build: !process.argv.includes('--no-build') }));
}
