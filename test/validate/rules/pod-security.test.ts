import { parseManifests, validateObjects } from '../../../lib/validate';
import { podSecurity as rule, podSecurityViolations } from '../../../lib/validate/rules/pod-security';
import { podTemplateOf } from '../../../lib/validate/objects';
import { findingsOf, pinned } from '../../support/rules';

const namespace = (labels: Record<string, string>) =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n  labels: ${JSON.stringify(labels)}\n---\n`;

const deployment = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
${spec.replace(/^/gm, '      ')}
`;

/** A pod that meets `restricted`, as chartwright's defaults make it. */
const RESTRICTED_POD = `securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
containers:
  - name: app
    image: nginx:1.27.3
    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}`;

test('pod-security: a privileged container in a namespace enforcing baseline is an error even under the dev profile', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'pod-security', path: 'spec.containers[0].securityContext.privileged', message: 'namespace "web" enforces Pod Security "baseline": privileged (container "app" must not set securityContext.privileged=true)' },
  ]);
  expect(findingsOf(rule, rule.example.fails, 'dev').map((f) => f.severity)).toEqual(['error']);
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});

test('pod-security: hostPath, root and added capabilities in a restricted namespace, each worded as admission words it (the restricted capabilities check replaces the baseline one)', () => {
  const yaml = namespace({ 'pod-security.kubernetes.io/enforce': 'restricted' }) + deployment(`securityContext: {runAsUser: 0}
containers:
  - name: app
    image: redis:7.4.1
    securityContext: {capabilities: {add: [NET_ADMIN]}}
volumes:
  - name: data
    hostPath: {path: /var/lib/redis}`);
  expect(pinned(rule, yaml).map((f) => f.message.replace('namespace "web" enforces Pod Security ', ''))).toEqual([
    '"restricted": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)',
    '"restricted": unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]; container "app" must not include "NET_ADMIN" in securityContext.capabilities.add)',
    '"restricted": restricted volume types (volume "data" uses restricted volume type "hostPath")',
    '"restricted": runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true)',
    '"restricted": runAsUser=0 (pod must not set runAsUser=0)',
    '"restricted": seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
  ]);
});

test('pod-security: chartwright\'s secure defaults meet restricted', () => {
  const yaml = namespace({ 'pod-security.kubernetes.io/enforce': 'restricted' }) + deployment(RESTRICTED_POD);
  expect(findingsOf(rule, yaml)).toEqual([]);
});

test('pod-security: a namespace that only warns gives best-practice findings (warning in dev, error in prod), which an annotation may waive', () => {
  const yaml = namespace({ 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'restricted' }) + deployment('containers: [{name: app, image: nginx:1.27.3}]');
  const dev = findingsOf(rule, yaml, 'dev');
  expect(dev.length).toBeGreaterThan(0);
  expect(new Set(dev.map((f) => f.severity))).toEqual(new Set(['warning']));
  expect(dev[0].message).toMatch(/^namespace "web" warns about Pod Security "restricted": /);
  expect(new Set(findingsOf(rule, yaml, 'prod').map((f) => f.severity))).toEqual(new Set(['error']));
  const waived = yaml.replace('metadata: {name: web, namespace: web}', 'metadata: {name: web, namespace: web, annotations: {chartwright.dev/ignore-pod-security: "legacy image"}}');
  expect(findingsOf(rule, waived)).toEqual([]);
});

test('pod-security: what the namespace enforces cannot be waived by annotation', () => {
  const waived = rule.example.fails.replace('  namespace: web\n', '  namespace: web\n  annotations: {chartwright.dev/ignore-pod-security: "we know"}\n');
  expect(findingsOf(rule, waived).map((f) => f.severity)).toEqual(['error']);
});

test('pod-security: no Namespace, no label, or privileged: nothing to check', () => {
  const pod = deployment('containers: [{name: app, image: nginx:1.27.3, securityContext: {privileged: true}}]');
  expect(findingsOf(rule, pod)).toEqual([]);
  expect(findingsOf(rule, namespace({}) + pod)).toEqual([]);
  expect(findingsOf(rule, namespace({ 'pod-security.kubernetes.io/enforce': 'privileged' }) + pod)).toEqual([]);
});

test('pod-security: a namespace declared outside the input (ValidateOptions.podSecurity) is checked too', () => {
  const parsed = parseManifests('x.yaml', deployment('containers: [{name: app, image: nginx:1.27.3}]\nhostNetwork: true'));
  const findings = validateObjects(parsed.objects, { podSecurity: { web: { enforce: 'baseline' } } }).filter((f) => f.rule === 'pod-security');
  expect(findings.map((f) => [f.severity, f.path, f.message])).toEqual([
    ['error', 'spec.template.spec.hostNetwork', 'namespace "web" enforces Pod Security "baseline": host namespaces (hostNetwork=true)'],
  ]);
});

describe('podSecurityViolations: the admission plugin\'s checks', () => {
  const violations = (spec: object, level: 'baseline' | 'restricted', annotations: object = {}) =>
    podSecurityViolations(podTemplateOf({ kind: 'Pod', metadata: { annotations }, spec })!, level).map((v) => `${v.reason} (${v.detail})`);
  const c = (securityContext: object, extra: object = {}) => ({ name: 'app', image: 'x:1', securityContext, ...extra });

  test('baseline', () => {
    expect(violations({ containers: [c({ capabilities: { add: ['CHOWN', 'SYS_ADMIN', 'NET_RAW'] } })] }, 'baseline')).toEqual(['non-default capabilities (container "app" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add)']);
    expect(violations({ hostPID: true, hostIPC: true, containers: [c({})] }, 'baseline')).toEqual(['host namespaces (hostPID=true, hostIPC=true)']);
    expect(violations({ containers: [c({}, { ports: [{ containerPort: 80, hostPort: 8080 }] }), { ...c({}), name: 'b', ports: [{ containerPort: 1, hostPort: 81 }] }] }, 'baseline')).toEqual(['hostPort (containers "app", "b" use hostPorts 8080, 81)']);
    expect(violations({ containers: [c({}, { readinessProbe: { httpGet: { host: 'example.com', port: 80 } } })] }, 'baseline')).toEqual(['probe or lifecycle host (container "app" uses probe or lifecycle host "example.com")']);
    expect(violations({ containers: [c({ procMount: 'Unmasked' })] }, 'baseline')).toEqual(['procMount (container "app" must not set securityContext.procMount to "Unmasked")']);
    expect(violations({ hostUsers: false, containers: [c({ procMount: 'Unmasked' })] }, 'baseline')).toEqual([]);
    expect(violations({ securityContext: { seLinuxOptions: { type: 'spc_t', user: 'root' } }, containers: [c({})] }, 'baseline')).toEqual(['seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "spc_t"; user may not be set)']);
    expect(violations({ securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [c({})] }, 'baseline')).toEqual(['seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")']);
    expect(violations({ securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '1' }, { name: 'net.ipv4.tcp_syncookies', value: '1' }] }, containers: [c({})] }, 'baseline')).toEqual(['forbidden sysctls (kernel.msgmax)']);
    expect(violations({ containers: [c({ appArmorProfile: { type: 'Unconfined' } })] }, 'baseline')).toEqual(['forbidden AppArmor profile (container "app" must not set AppArmor profile type to "Unconfined")']);
    expect(violations({ containers: [c({})] }, 'baseline', { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' })).toEqual(['forbidden AppArmor profile (annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/app="unconfined"")']);
    expect(violations({ containers: [c({ windowsOptions: { hostProcess: true } })] }, 'baseline')).toEqual(['hostProcess (container "app" must not set securityContext.windowsOptions.hostProcess=true)']);
  });

  test('restricted', () => {
    const ok = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } };
    const pod = { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } };
    expect(violations({ ...pod, containers: [c(ok)] }, 'restricted')).toEqual([]);
    expect(violations({ ...pod, containers: [c({ ...ok, runAsNonRoot: false })] }, 'restricted')).toEqual(['runAsNonRoot != true (container "app" must not set securityContext.runAsNonRoot=false)']);
    expect(violations({ ...pod, hostUsers: false, containers: [c({ ...ok, runAsNonRoot: false, runAsUser: 0 })] }, 'restricted')).toEqual([]);
    expect(violations({ ...pod, volumes: [{ name: 'a', nfs: { server: 's', path: '/' } }, { name: 'b', emptyDir: {} }, { name: 'c', gitRepo: { repository: 'r' } }], containers: [c(ok)] }, 'restricted')).toEqual(['restricted volume types (volumes "a", "c" use restricted volume types "gitRepo", "nfs")']);
    expect(violations({ securityContext: { runAsNonRoot: true }, containers: [c({ ...ok, seccompProfile: { type: 'Localhost', localhostProfile: 'p' } }), { ...c(ok), name: 'b' }] }, 'restricted')).toEqual(['seccompProfile (pod or container "b" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")']);
    expect(violations({ ...pod, os: { name: 'windows' }, containers: [c({})] }, 'restricted')).toEqual([]);
  });
});
