'use strict';
/**
 * `chartwright validate` on third-party input: N objects of the kinds and
 * sizes people apply (Deployments, Services, ConfigMaps, Secrets,
 * ServiceAccounts, RBAC; about 300 bytes each, as `helm template` writes them)
 * in files of 100 objects, read and validated in a fresh process.
 *
 *   node bench/validate-files.js N [runs]     median time (wall, CPU of the process and of its main
 *                                             thread, the main thread's wait for a CPU) and peak RSS
 *                                             of `validate` on N objects
 *   node bench/validate-files.js --worker DIR (one measurement; prints JSON)
 *   node --expose-gc bench/validate-files.js --heap N
 *                                             the heap after a full collection: once every file is
 *                                             checked, and at the end: what the records for the
 *                                             checks across objects take, and what the findings take
 *
 * Module loading is outside the timed part, as in bench/worker.js.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

/** Ten objects of one app, `i`, in namespace `ns`. */
function app(i, ns) {
  const name = `app-${i}`;
  const labels = (indent) => `${indent}app.kubernetes.io/name: ${name}\n${indent}app.kubernetes.io/instance: shop\n`;
  return [
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n  labels:\n${labels('    ')}spec:\n  replicas: 2\n  selector:\n    matchLabels:\n${labels('      ')}  template:\n    metadata:\n      labels:\n${labels('        ')}    spec:\n      serviceAccountName: ${name}\n      containers:\n        - name: app\n          image: ghcr.io/acme/${name}:1.4.2\n          ports:\n            - name: http\n              containerPort: 8080\n          envFrom:\n            - configMapRef:\n                name: ${name}-env\n          resources:\n            requests: {cpu: 100m, memory: 128Mi}\n            limits: {memory: 256Mi}\n`,
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n  selector:\n    app.kubernetes.io/name: ${name}\n    app.kubernetes.io/instance: shop\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n`,
    `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nautomountServiceAccountToken: false\n`,
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-env\n  namespace: ${ns}\ndata:\n  LOG_LEVEL: info\n  FEATURE_X: "on"\n`,
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-files\n  namespace: ${ns}\ndata:\n  app.conf: |\n    listen 8080\n    workers 4\n`,
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-flags\n  namespace: ${ns}\ndata: {beta: "false", ratio: "0.5"}\n`,
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}-token\n  namespace: ${ns}\ntype: Opaque\nstringData:\n  token: not-a-secret\n`,
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nrules:\n  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get, list, watch]\n`,
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: ${name}\nsubjects:\n  - kind: ServiceAccount\n    name: ${name}\n    namespace: ${ns}\n`,
    `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: ${name}\n`,
  ];
}

/** Writes N objects (a multiple of 10) into DIR, 100 to a file, as `helm template` would; returns the bytes written. */
function writeInput(dir, n) {
  let bytes = 0;
  for (let file = 0; file * 100 < n; file++) {
    const docs = [];
    for (let i = file * 10; i < Math.min(file * 10 + 10, n / 10); i++) {
      for (const doc of app(i, `team-${i % 20}`)) docs.push(`---\n# Source: shop/templates/app-${i}.yaml\n${doc}`);
    }
    const text = docs.join('');
    fs.writeFileSync(path.join(dir, `part-${String(file).padStart(4, '0')}.yaml`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

/**
 * The main thread's time on a CPU and waiting for one, in ms (Linux's
 * /proc/thread-self/schedstat; zeros elsewhere). On a busy machine most of
 * the wall time beyond the CPU time is this wait for a CPU.
 */
function mainThread() {
  try {
    const [run, wait] = fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return { run: run / 1e6, wait: wait / 1e6 };
  } catch {
    return { run: 0, wait: 0 };
  }
}

function worker(dir) {
  require('../bin/register').register();
  const { validateFiles, formatText } = require('../lib/cli/validate.ts');
  require('../lib/validate/index.ts');
  const cpu = process.cpuUsage();
  const thread = mainThread();
  const start = process.hrtime.bigint();
  const result = validateFiles([dir]);
  formatText(result);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  const after = mainThread();
  process.stdout.write(JSON.stringify({
    objects: result.objects, errors: result.errors, warnings: result.warnings, ms,
    // the whole process: V8's compiler and garbage collector threads too
    cpu_ms: (used.user + used.system) / 1000,
    main_cpu_ms: after.run - thread.run,
    wait_ms: after.wait - thread.wait,
    rss_mb: process.resourceUsage().maxRSS / 1024,
  }) + '\n');
}

/**
 * What validate keeps, in MB of heap after a full collection (node
 * --expose-gc): once every file is checked and dropped (the records of
 * lib/validate/entries.ts and the findings so far), and at the end, split
 * into the records and the findings. It does what validateFiles
 * (lib/validate/files.ts) does, step by step; the schemas, which a process
 * compiles once, are loaded before the first measure.
 */
function heap(dir) {
  require('../bin/register').register();
  const { Validation, collectCustomResourceDefinitions } = require('../lib/validate/validation.ts');
  const { Reread, expandInputs, parseFile, readInput, scanFiles } = require('../lib/validate/input.ts');
  const used = () => {
    global.gc();
    global.gc();
    return process.memoryUsage().heapUsed / 1048576;
  };
  const files = expandInputs([dir]);
  // the schemas of the kinds, compiled when first needed and kept for the process, are not what validate keeps: loaded first
  const warm = new Validation({}, new Map(), false);
  for (const o of parseFile(files[0], readInput(files[0])).objects) warm.check(o);
  warm.finish();
  const base = used();
  const scan = scanFiles(files);
  let validation = new Validation({}, collectCustomResourceDefinitions(scan.customResourceDefinitions), scan.podSecurity);
  const reread = new Reread();
  let objects = 0;
  for (const file of files) {
    const parsed = parseFile(file, readInput(file), reread);
    for (const o of parsed.objects) validation.check(o);
    objects += parsed.objects.length;
  }
  const checked = used() - base;
  const findings = validation.finish();
  const end = used() - base;
  validation = undefined; // the records go; the findings stay
  const alone = used() - base;
  return { objects, findings: findings.length, checked_mb: checked, end_mb: end, findings_mb: alone, records_mb: end - alone };
}

/** Median time and peak RSS of `runs` fresh-process validations of N generated objects. */
function measure(n, runs) {
  const { median } = require('./cold');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-validate-input-'));
  try {
    const bytes = writeInput(dir, n);
    const samples = [];
    for (let r = 0; r < runs; r++) {
      const out = spawnSync(process.execPath, [__filename, '--worker', dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (out.status !== 0) throw new Error(out.stderr);
      samples.push(JSON.parse(out.stdout.trim().split('\n').pop()));
    }
    const mid = (key) => median(samples.map((s) => s[key]));
    return { objects: samples[0].objects, bytes, ms: mid('ms'), cpu_ms: mid('cpu_ms'), main_cpu_ms: mid('main_cpu_ms'), wait_ms: mid('wait_ms'), rss_mb: Math.max(...samples.map((s) => s.rss_mb)), findings: samples[0].errors + samples[0].warnings };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { measure, writeInput };

if (require.main === module) {
  if (process.argv[2] === '--worker') {
    worker(process.argv[3]);
  } else if (process.argv[2] === '--heap') {
    if (typeof global.gc !== 'function') throw new Error('run it as node --expose-gc bench/validate-files.js --heap N');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-validate-input-'));
    try {
      writeInput(dir, Number(process.argv[3]) || 10000);
      const h = heap(dir);
      console.log(`validate ${h.objects} objects: heap after a full collection ${h.checked_mb.toFixed(1)} MB once every file is checked, ${h.end_mb.toFixed(1)} MB with the ${h.findings} findings at the end: ` +
        `the records of the checks across objects ${h.records_mb.toFixed(1)} MB, the findings ${h.findings_mb.toFixed(1)} MB`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } else {
    const n = Number(process.argv[2]) || 10000;
    const m = measure(n, Number(process.argv[3]) || 3);
    console.log(`validate ${m.objects} objects (${(m.bytes / 1048576).toFixed(1)} MB, ${m.findings} findings): ${m.ms.toFixed(0)} ms (CPU ${m.cpu_ms.toFixed(0)} ms, of which the main thread ${m.main_cpu_ms.toFixed(0)} ms; the main thread waited ${m.wait_ms.toFixed(0)} ms for a CPU), peak RSS ${m.rss_mb.toFixed(0)} MB`);
  }
}
