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
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'postgres-test-'));
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

test('dev: the password from an existing Secret, the data in a subfolder of a 1Gi volume', () => {
  const { code, stderr, objects } = synth('dev');
  assert.equal(code, 0, stderr);
  const server = one(objects, 'StatefulSet');
  const env = Object.fromEntries(server.spec.template.spec.containers[0].env.map((e) => [e.name, e.value ?? e.valueFrom.secretKeyRef]));
  assert.deepEqual(env.POSTGRES_PASSWORD, { name: 'postgres-credentials', key: 'password' });
  assert.equal(env.PGDATA, '/var/lib/postgresql/data/pgdata');
  assert.equal(server.spec.volumeClaimTemplates[0].spec.resources.requests.storage, '1Gi');
  assert.equal(objects.filter((o) => o.kind === 'ExternalSecret').length, 0);
});

test('prod: an ExternalSecret makes the Secret from the vault path', () => {
  const { code, stderr, objects } = synth('prod');
  assert.equal(code, 0, stderr);
  const secret = one(objects, 'ExternalSecret');
  assert.equal(secret.spec.data[0].remoteRef.key, 'prod/postgres');
  const password = one(objects, 'StatefulSet').spec.template.spec.containers[0].env.find((e) => e.name === 'POSTGRES_PASSWORD');
  assert.equal(password.valueFrom.secretKeyRef.name, secret.spec.target?.name ?? secret.metadata.name);
});

test('only the clients of the values reach the database', () => {
  const { objects } = synth('dev', '--set-json', 'clients={"app":"shop"}');
  const policy = one(objects, 'NetworkPolicy');
  assert.deepEqual(policy.spec.ingress[0].from, [{ podSelector: { matchLabels: { app: 'shop' } } }]);
});

test('a value outside the schema fails with its path, and nothing is written', () => {
  const { code, stderr, objects } = synth('dev', '--set', 'database=Not-A-Name');
  assert.equal(code, 1);
  assert.match(stderr, /database/);
  assert.deepEqual(objects, []);
});
