'use strict';
// The package's own tests (`npm test`, after the type check and a synth of
// platform.ts): what each environment's output holds, from the rendered YAML.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseAllDocuments } = require('yaml');

const ROOT = path.join(__dirname, '..');
const BIN = path.join(path.dirname(require.resolve('chartwright/package.json')), 'bin', 'chartwright.js');

/** `chartwright synth` of platform.ts for one environment: its exit code, stderr and the release's objects. */
function synth(env, ...flags) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mysql-test-'));
  try {
    const run = spawnSync(process.execPath, [BIN, 'synth', '--app', 'platform.ts', '--env', env, '--out', out, '--no-typecheck', ...flags], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const file = path.join(out, env, 'db.k8s.yaml');
    const objects = fs.existsSync(file) ? parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS()).filter(Boolean) : [];
    return { code: run.status, stderr: run.stderr, objects };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

const one = (objects, kind) => {
  const found = objects.filter((o) => o.kind === kind);
  assert.equal(found.length, 1, `one ${kind}, found ${found.length}`);
  return found[0];
};

test('prod: one server as the image user, a volume of values.prod.yaml, nightly dumps to their own claim', () => {
  const { code, stderr, objects } = synth('prod');
  assert.equal(code, 0, stderr);
  const server = one(objects, 'StatefulSet');
  assert.equal(server.spec.replicas, 1);
  assert.equal(server.spec.template.spec.securityContext.runAsUser, 999);
  assert.equal(server.spec.volumeClaimTemplates[0].spec.resources.requests.storage, '50Gi');
  const backup = one(objects, 'CronJob');
  assert.equal(backup.spec.schedule, '30 2 * * *');
  assert.match(backup.spec.jobTemplate.spec.template.spec.containers[0].command[2], /tail -n \+15 /); // keep: 14
  assert.equal(one(objects, 'PersistentVolumeClaim').spec.resources.requests.storage, '100Gi');
});

test('the passwords come from the existing Secret, which the output does not contain', () => {
  const { objects } = synth('prod');
  const env = one(objects, 'StatefulSet').spec.template.spec.containers[0].env;
  const fromSecret = env.filter((e) => e.valueFrom).map((e) => `${e.name}=${e.valueFrom.secretKeyRef.name}/${e.valueFrom.secretKeyRef.key}`);
  assert.deepEqual(fromSecret.sort(), ['MYSQL_PASSWORD=mysql-credentials/password', 'MYSQL_ROOT_PASSWORD=mysql-credentials/root-password']);
  assert.equal(objects.filter((o) => o.kind === 'Secret').length, 0);
});

test('dev has no backup; --set overrides a value', () => {
  const { code, stderr, objects } = synth('dev', '--set', 'storageSize=20Gi');
  assert.equal(code, 0, stderr);
  assert.equal(objects.filter((o) => o.kind === 'CronJob').length, 0);
  assert.equal(one(objects, 'StatefulSet').spec.volumeClaimTemplates[0].spec.resources.requests.storage, '20Gi');
});

test('a value outside the schema fails with its path, and nothing is written', () => {
  const { code, stderr, objects } = synth('dev', '--set', 'storageSize=lots');
  assert.equal(code, 1);
  assert.match(stderr, /storageSize/);
  assert.deepEqual(objects, []);
});
