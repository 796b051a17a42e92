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
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-test-'));
  try {
    const run = spawnSync(process.execPath, [BIN, 'synth', '--app', 'platform.ts', '--env', env, '--out', out, '--no-typecheck', ...flags], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const file = path.join(out, env, 'cache.k8s.yaml');
    const objects = fs.existsSync(file) ? parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS()).filter(Boolean) : [];
    return { code: run.status, stderr: run.stderr, objects };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

const named = (objects, kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);

test('prod: a leader and two followers replicating it, as the image user, with volumes of values.prod.yaml', () => {
  const { code, stderr, objects } = synth('prod');
  assert.equal(code, 0, stderr);
  const leader = named(objects, 'StatefulSet', 'cache-leader');
  const followers = named(objects, 'StatefulSet', 'cache-follower');
  assert.equal(leader.spec.replicas, 1);
  assert.equal(followers.spec.replicas, 2);
  assert.match(followers.spec.template.spec.containers[0].command[2], /--replicaof cache-leader 6379$/);
  for (const set of [leader, followers]) {
    assert.equal(set.spec.template.spec.securityContext.runAsUser, 999);
    assert.equal(set.spec.volumeClaimTemplates[0].spec.resources.requests.storage, '10Gi');
  }
});

test('only the clients reach the leader and the followers; the followers reach the leader', () => {
  const { objects } = synth('prod', '--set-json', 'clients={"app":"shop"}');
  const leader = named(objects, 'NetworkPolicy', 'cache-allow-leader');
  const followers = named(objects, 'NetworkPolicy', 'cache-allow-followers');
  assert.deepEqual(leader.spec.ingress[0].from[0], { podSelector: { matchLabels: { app: 'shop' } } });
  assert.equal(leader.spec.ingress[0].from.length, 2);
  assert.deepEqual(followers.spec.ingress[0].from, [{ podSelector: { matchLabels: { app: 'shop' } } }]);
});

test('dev: no followers, no follower policy; --set overrides a value', () => {
  const { code, stderr, objects } = synth('dev', '--set', 'storageSize=2Gi');
  assert.equal(code, 0, stderr);
  assert.deepEqual(objects.filter((o) => o.kind === 'StatefulSet').map((o) => o.metadata.name), ['cache-leader']);
  assert.equal(objects.filter((o) => o.kind === 'NetworkPolicy').length, 1);
  assert.equal(named(objects, 'StatefulSet', 'cache-leader').spec.volumeClaimTemplates[0].spec.resources.requests.storage, '2Gi');
});

test('a value outside the schema fails with its path, and nothing is written', () => {
  const { code, stderr, objects } = synth('dev', '--set', 'followers=11');
  assert.equal(code, 1);
  assert.match(stderr, /followers/);
  assert.deepEqual(objects, []);
});
