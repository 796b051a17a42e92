import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { podTemplateOf } from '../../lib/validate/objects';
import { forbiddenDetail, podSecurityViolations } from '../../lib/validate/rules/pod-security';
import { describeCluster, eventually, kubectl, kubectlOk, scratch } from './kube';

/**
 * The control check of the workload tests: in a namespace labelled
 * `restricted`, Pod Security admission refuses a privileged pod, and the
 * refusal shows as the FailedCreate event the example apps are checked for.
 */
describeCluster('Pod Security admission', () => {
  test('a privileged pod in a restricted namespace is refused, as a FailedCreate event of its ReplicaSet', async () => {
    const { dir, remove } = scratch();
    try {
      const file = path.join(dir, 'bad.yaml');
      fs.writeFileSync(
        file,
        [
          'apiVersion: v1',
          'kind: Namespace',
          'metadata: {name: admission-check, labels: {pod-security.kubernetes.io/enforce: restricted}}',
          '---',
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata: {name: privileged, namespace: admission-check}',
          'spec:',
          '  selector: {matchLabels: {app: privileged}}',
          '  template:',
          '    metadata: {labels: {app: privileged}}',
          '    spec:',
          '      containers: [{name: app, image: busybox:1.36, securityContext: {privileged: true}}]',
          '',
        ].join('\n'),
      );
      kubectlOk(['apply', '--server-side', '-f', file]);
      const events = await eventually('a FailedCreate event', () => {
        const items = JSON.parse(kubectlOk(['get', 'events', '-n', 'admission-check', '--field-selector', 'reason=FailedCreate', '-o', 'json'])).items;
        return items.length > 0 ? items : undefined;
      });
      expect(events[0].message).toContain('violates PodSecurity "restricted:latest"');
    } finally {
      remove();
    }
  });
});

/**
 * Pods that each trip one or more Pod Security checks (and some that pass),
 * all valid for the API server otherwise, so that admission is what answers.
 */
const SECURE = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
const SECURE_POD = { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } };
const container = (securityContext: object = SECURE, extra: object = {}) => ({ name: 'app', image: 'busybox:1.36', securityContext, ...extra });
const CORPUS: Record<string, { spec: object; annotations?: Record<string, string> }> = {
  'restricted-ok': { spec: { securityContext: SECURE_POD, containers: [container()] } },
  'restricted-ok-bind': { spec: { securityContext: SECURE_POD, containers: [container({ ...SECURE, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } })] } },
  'bare': { spec: { containers: [container({})] } },
  'root': { spec: { securityContext: { ...SECURE_POD, runAsUser: 0 }, containers: [container({ ...SECURE, runAsNonRoot: false })] } },
  'caps': { spec: { securityContext: SECURE_POD, containers: [container({ ...SECURE, capabilities: { add: ['NET_ADMIN', 'CHOWN'] } }), { ...container({}), name: 'side' }] } },
  'caps-default': { spec: { containers: [container({ capabilities: { add: ['CHOWN', 'KILL'] } })] } },
  'privileged': { spec: { securityContext: SECURE_POD, initContainers: [{ ...container({ privileged: true }), name: 'init' }], containers: [container()] } },
  'host-ns': { spec: { hostNetwork: true, hostPID: true, hostIPC: true, securityContext: SECURE_POD, containers: [container()] } },
  'host-path': { spec: { securityContext: SECURE_POD, containers: [container()], volumes: [{ name: 'logs', hostPath: { path: '/var/log' } }, { name: 'tmp', emptyDir: {} }] } },
  'volumes': { spec: { securityContext: SECURE_POD, containers: [container()], volumes: [{ name: 'nfs', nfs: { server: 'nfs.example', path: '/' } }, { name: 'git', gitRepo: { repository: 'https://example.com/r.git' } }] } },
  'host-port': { spec: { containers: [container({}, { ports: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 81, hostPort: 8081 }] })] } },
  'probe-host': { spec: { securityContext: SECURE_POD, containers: [container(SECURE, { readinessProbe: { httpGet: { host: 'example.com', port: 80 } }, livenessProbe: { tcpSocket: { host: '10.0.0.1', port: 80 } } })] } },
  'selinux': { spec: { securityContext: { ...SECURE_POD, seLinuxOptions: { type: 'spc_t', role: 'sysadm_r' } }, containers: [container()] } },
  'seccomp': { spec: { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'Unconfined' } }, containers: [container()] } },
  'seccomp-missing': { spec: { securityContext: { runAsNonRoot: true }, containers: [container({ ...SECURE, seccompProfile: { type: 'RuntimeDefault' } }), { ...container(), name: 'side' }] } },
  'sysctls': { spec: { securityContext: { ...SECURE_POD, sysctls: [{ name: 'kernel.msgmax', value: '65536' }, { name: 'net.ipv4.tcp_syncookies', value: '1' }] }, containers: [container()] } },
  'apparmor': { spec: { securityContext: { ...SECURE_POD, appArmorProfile: { type: 'Unconfined' } }, containers: [container()] } },
  'escalation': { spec: { securityContext: SECURE_POD, containers: [container({ capabilities: { drop: ['ALL'] } })] } },
  'user-namespace': { spec: { hostUsers: false, securityContext: { seccompProfile: { type: 'RuntimeDefault' }, runAsUser: 0 }, containers: [container()] } },
};

describeCluster('the pod-security rule agrees with Pod Security admission', () => {
  test.each(['baseline', 'restricted'] as const)('every pod of the corpus, in a namespace enforcing %s: refused with the same reasons, or admitted', (level) => {
    const { dir, remove } = scratch();
    const namespace = `pss-${level}`;
    try {
      kubectlOk(['create', 'namespace', namespace]);
      kubectlOk(['label', 'namespace', namespace, `pod-security.kubernetes.io/enforce=${level}`]);
      const admission = new Map<string, string>();
      for (const [name, { spec, annotations }] of Object.entries(CORPUS)) {
        const file = path.join(dir, `${name}.yaml`);
        fs.writeFileSync(file, stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, annotations }, spec }));
        const result = kubectl(['create', '--dry-run=server', '-f', file]);
        const refusal = new RegExp(`violates PodSecurity "${level}:latest": (.*)$`, 'm').exec(result.stderr);
        // anything but admitted or refused by Pod Security means the corpus pod is invalid: fix the corpus
        if (result.code !== 0 && !refusal) throw new Error(`pod ${name}: ${result.stderr}`);
        admission.set(name, refusal ? refusal[1] : '');
      }
      const ours = new Map(Object.entries(CORPUS).map(([name, { spec, annotations }]) => [name, forbiddenDetail(podSecurityViolations(podTemplateOf({ kind: 'Pod', metadata: { annotations }, spec })!, level))]));
      expect(ours).toEqual(admission);
      // the corpus exercises both verdicts
      expect([...admission.values()].filter((v) => v === '').length).toBeGreaterThan(0);
      expect([...admission.values()].filter((v) => v !== '').length).toBeGreaterThan(5);
    } finally {
      kubectl(['delete', 'namespace', namespace, '--wait=false']);
      remove();
    }
  });
});
