'use strict';
/**
 * `npm run test:cluster [-- jest options]`: builds (or reuses) the cluster
 * tools, starts a control plane on 127.0.0.1 (scripts/cluster.js), runs the
 * tests of test/cluster/ against it with jest, and stops everything it
 * started, also when a test fails or the run is interrupted.
 *
 * Without Go the tools cannot be built: on a user's machine the suite is
 * skipped with that message; under CI=true it fails.
 */
const { spawn, spawnSync } = require('child_process');
const path = require('path');
const { startCluster } = require('./cluster');

const REPO = path.resolve(__dirname, '..');
const ci = process.env.CI === 'true';

function tools() {
  const result = spawnSync('bash', [path.join(__dirname, 'cluster-tools.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) return undefined;
  const [kubernetes, etcd, helm] = result.stdout.trim().split('\n');
  return { kubernetes, etcd, helm };
}

async function main() {
  const found = tools();
  if (!found) {
    if (ci) {
      console.error('test:cluster: the cluster tools did not build (see above); under CI=true this fails');
      return 1;
    }
    console.error('test:cluster: skipped: the cluster tools could not be built (see above)');
    return 0;
  }
  const cluster = await startCluster(found, { log: (line) => console.error(line) });
  console.error(`test:cluster: control plane ready in ${(cluster.startMs / 1000).toFixed(1)} s`);
  let jest;
  const interrupt = async (signal) => {
    if (jest) jest.kill(signal);
    await cluster.stop();
    process.exit(130);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    jest = spawn(process.execPath, [require.resolve('jest/bin/jest'), '-c', 'jest.cluster.config.js', ...process.argv.slice(2)], {
      cwd: REPO,
      stdio: 'inherit',
      env: {
        ...process.env,
        KUBECONFIG: cluster.kubeconfig,
        CHARTWRIGHT_KUBECTL: path.join(found.kubernetes, 'kubectl'),
        CHARTWRIGHT_HELM: path.join(found.helm, 'helm'),
      },
    });
    return await new Promise((resolve) => jest.on('exit', (code) => resolve(code ?? 1)));
  } finally {
    await cluster.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`test:cluster: ${error.message}`);
    process.exit(1);
  },
);
