'use strict';
/**
 * A throw-away Kubernetes control plane on 127.0.0.1 for the cluster tests:
 * etcd, kube-apiserver (with the PodSecurity, NamespaceLifecycle,
 * LimitRanger, ServiceAccount and ResourceQuota admission plugins) and
 * kube-controller-manager, on ports chosen at run time, with a generated
 * service-account key and a kubeconfig. There is no scheduler and no kubelet:
 * pods are created and admitted, then stay Pending, which is what admission
 * tests need. Everything it starts is stopped by `stop()`, and on exit.
 */
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const https = require('https');
const net = require('net');
const os = require('os');
const path = require('path');

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET `url` with the bearer token; resolves to the status code, or 0 when nothing answers. */
function probe(url, token) {
  return new Promise((resolve) => {
    const req = https.get(url, { rejectUnauthorized: false, headers: { authorization: `Bearer ${token}` }, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/**
 * Starts the control plane. `tools` holds the folders of the binaries:
 * { kubernetes, etcd } (see scripts/cluster-tools.sh).
 * Resolves to { kubeconfig, dir, stop(), startMs }.
 */
async function startCluster(tools, { timeoutMs = 60000, log = () => {} } = {}) {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-cluster-'));
  const children = [];
  let stopping;

  // One stop, however many ask for it (an interrupt and the end of the run both do): the
  // controller manager first, etcd last, each given 5 s before it is killed.
  const stop = () =>
    (stopping ??= (async () => {
      for (const child of [...children].reverse()) {
        if (child.exitCode !== null || child.signalCode !== null) continue;
        child.kill('SIGTERM');
        const done = await Promise.race([new Promise((r) => child.once('exit', () => r(true))), sleep(5000).then(() => false)]);
        if (!done) child.kill('SIGKILL');
      }
      fs.rmSync(dir, { recursive: true, force: true });
      process.removeListener('exit', stopNow);
    })());
  // On an exit before the stop finished there is no time to wait: kill what is left at once.
  const stopNow = () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stopNow);

  const run = (name, binary, args) => {
    const out = fs.openSync(path.join(dir, `${name}.log`), 'a');
    const child = spawn(binary, args, { stdio: ['ignore', out, out] });
    fs.closeSync(out);
    child.on('error', (error) => log(`${name}: ${error.message}`));
    children.push(child);
    return child;
  };
  const logTail = (name) => {
    try {
      return fs.readFileSync(path.join(dir, `${name}.log`), 'utf8').split('\n').slice(-25).join('\n');
    } catch {
      return '';
    }
  };

  try {
    const [etcdClient, etcdPeer, apiPort, kcmPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const token = crypto.randomBytes(24).toString('hex');

    // etcd, without fsync: the data is thrown away with the folder
    run('etcd', path.join(tools.etcd, 'etcd'), [
      '--name=default',
      `--data-dir=${path.join(dir, 'etcd')}`,
      `--listen-client-urls=http://127.0.0.1:${etcdClient}`,
      `--advertise-client-urls=http://127.0.0.1:${etcdClient}`,
      `--listen-peer-urls=http://127.0.0.1:${etcdPeer}`,
      `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPeer}`,
      `--initial-cluster=default=http://127.0.0.1:${etcdPeer}`,
      '--unsafe-no-fsync',
      '--log-level=warn',
    ]);

    // the service-account signing key, and one admin token (group system:masters)
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const saKey = path.join(dir, 'sa.key');
    const saPub = path.join(dir, 'sa.pub');
    fs.writeFileSync(saKey, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    fs.writeFileSync(saPub, publicKey.export({ type: 'spki', format: 'pem' }));
    const tokens = path.join(dir, 'tokens.csv');
    fs.writeFileSync(tokens, `${token},admin,admin,"system:masters"\n`);

    const certDir = path.join(dir, 'apiserver-certs');
    run('kube-apiserver', path.join(tools.kubernetes, 'kube-apiserver'), [
      `--etcd-servers=http://127.0.0.1:${etcdClient}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      // the kubernetes Service's endpoints may not be a loopback address; nothing here needs them
      '--endpoint-reconciler-type=none',
      `--secure-port=${apiPort}`,
      `--cert-dir=${certDir}`,
      `--token-auth-file=${tokens}`,
      '--authorization-mode=RBAC',
      // as kubeadm and managed clusters run it: Pod Security admission, not this flag, refuses privileged pods
      '--allow-privileged=true',
      '--enable-admission-plugins=PodSecurity,NamespaceLifecycle,LimitRanger,ServiceAccount,ResourceQuota',
      '--service-cluster-ip-range=10.96.0.0/16',
      '--service-account-issuer=https://kubernetes.default.svc',
      `--service-account-key-file=${saPub}`,
      `--service-account-signing-key-file=${saKey}`,
      '--api-audiences=https://kubernetes.default.svc',
      '--storage-media-type=application/json',
      '--v=0',
    ]);

    const kubeconfig = path.join(dir, 'kubeconfig');
    fs.writeFileSync(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        '- name: local',
        '  cluster:',
        `    server: https://127.0.0.1:${apiPort}`,
        '    insecure-skip-tls-verify: true',
        'users:',
        '- name: admin',
        '  user:',
        `    token: ${token}`,
        'contexts:',
        '- name: local',
        '  context: {cluster: local, user: admin}',
        'current-context: local',
        '',
      ].join('\n'),
      { mode: 0o600 },
    );

    const deadline = started + timeoutMs;
    const waitFor = async (what, check) => {
      while (!(await check())) {
        for (const [i, name] of ['etcd', 'kube-apiserver', 'kube-controller-manager'].entries()) {
          const child = children[i];
          if (child && child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}:\n${logTail(name)}`);
        }
        if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs / 1000} s:\n${logTail('kube-apiserver')}`);
        await sleep(250);
      }
    };
    await waitFor('kube-apiserver', async () => (await probe(`https://127.0.0.1:${apiPort}/readyz`, token)) === 200);

    run('kube-controller-manager', path.join(tools.kubernetes, 'kube-controller-manager'), [
      `--kubeconfig=${kubeconfig}`,
      `--authentication-kubeconfig=${kubeconfig}`,
      `--authorization-kubeconfig=${kubeconfig}`,
      '--bind-address=127.0.0.1',
      `--secure-port=${kcmPort}`,
      `--cert-dir=${path.join(dir, 'kcm-certs')}`,
      '--leader-elect=false',
      `--service-account-private-key-file=${saKey}`,
      `--root-ca-file=${path.join(certDir, 'apiserver.crt')}`,
      '--use-service-account-credentials=false',
      '--controllers=*',
      '--v=0',
    ]);
    await waitFor('kube-controller-manager', async () => (await probe(`https://127.0.0.1:${kcmPort}/healthz`, token)) === 200);

    return { kubeconfig, dir, stop, startMs: Date.now() - started };
  } catch (error) {
    await stop();
    throw error;
  }
}

module.exports = { startCluster, freePort };
