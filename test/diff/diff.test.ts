import { DiffObject, DiffReport, ObjectChange, ReleaseObjects, RiskLevel, diffOutputs, formatJson, formatMarkdown, formatText } from '../../lib/diff';
import { IDENTIFIER_KEY, formatPath } from '../../lib/internal/json-path';

const out = (objects: DiffObject[], release = 'web', environment = 'prod'): ReleaseObjects[] => [{ environment, release, objects }];
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

/** The one change of a diff of one object before and after an edit. */
function changeOf(before: DiffObject, edit: (o: any) => void): ObjectChange {
  const after = clone(before);
  edit(after);
  const report = diffOutputs(out([before]), out([after]));
  expect(report.changes).toHaveLength(1);
  return report.changes[0];
}
const levels = (c: ObjectChange): RiskLevel[] => [...new Set(c.risks.map((r) => r.level))];
const paths = (c: ObjectChange) => c.fields.map((f) => formatPath(f.path, IDENTIFIER_KEY));

const podTemplate = () => ({
  metadata: { labels: { app: 'web' } },
  spec: {
    securityContext: { runAsNonRoot: true },
    containers: [{ name: 'main', image: 'web:1', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
    volumes: [{ name: 'config', configMap: { name: 'web-config' } }],
  },
});
const workload = (kind: string, spec: Record<string, unknown> = {}): DiffObject => ({
  apiVersion: kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1',
  kind,
  metadata: { name: 'web', namespace: 'shop' },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: podTemplate(), ...spec },
});
const core = (kind: string, rest: Record<string, unknown>): DiffObject => ({ apiVersion: 'v1', kind, metadata: { name: 'web', namespace: 'shop' }, ...rest });

describe('matching and fields', () => {
  test('objects match by API group, kind, namespace and name; changed fields come with before and after', () => {
    const a = [core('ConfigMap', { data: { a: '1' } }), { ...core('ConfigMap', { data: {} }), metadata: { name: 'web', namespace: 'other' } }];
    const b = [core('ConfigMap', { data: { a: '2', b: 'x' } }), { apiVersion: 'example.com/v1', kind: 'ConfigMap', metadata: { name: 'web', namespace: 'shop' } }];
    const report = diffOutputs(out(a), out(b));
    expect(report.changes.map((c) => [c.change, c.apiVersion, c.namespace])).toEqual([
      ['changed', 'v1', 'shop'],
      ['added', 'example.com/v1', 'shop'],
      ['removed', 'v1', 'other'],
    ]);
    expect(report.changes[0].fields).toEqual([
      { path: ['data', 'a'], before: '1', after: '2' },
      { path: ['data', 'b'], before: undefined, after: 'x' },
    ]);
  });

  test('the same object in two environments is two objects; equal outputs give no change', () => {
    const cm = core('ConfigMap', { data: { a: '1' } });
    expect(diffOutputs(out([cm], 'web', 'dev'), out([cm], 'web', 'prod')).changes.map((c) => `${c.change} ${c.environment}`)).toEqual(['added prod', 'removed dev']);
    expect(diffOutputs(out([cm]), out([clone(cm)])).changes).toEqual([]);
  });
});

describe('Secrets are never printed', () => {
  const SECRET = 'hunter2-do-not-print';
  const encoded = Buffer.from(SECRET).toString('base64');
  const before = core('Secret', { data: { password: Buffer.from('old-value').toString('base64') } });
  const after = core('Secret', { data: { password: encoded, token: encoded }, stringData: { raw: SECRET } });

  test('a changed key is named, its values left out of the report', () => {
    const [c] = diffOutputs(out([before]), out([after])).changes;
    expect(c.fields).toEqual([
      { path: ['data', 'password'], hidden: true },
      { path: ['data', 'token'], hidden: true },
      { path: ['stringData', 'raw'], hidden: true },
    ]);
  });

  test.each([
    ['text', (r: DiffReport) => formatText(r)],
    ['markdown', (r: DiffReport) => formatMarkdown(r)],
    ['json', (r: DiffReport) => formatJson(r)],
  ])('%s output does not contain the value', (_, format) => {
    for (const [a, b] of [[before, after], [[], after], [before, []]] as const) {
      const text = format(diffOutputs(out([a].flat() as DiffObject[]), out([b].flat() as DiffObject[])));
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(encoded);
      expect(text).not.toContain('old-value');
    }
    expect(format(diffOutputs(out([before]), out([after])))).toContain('password');
  });
});

describe('breaking: immutable fields, each with its fix', () => {
  const breaking = (c: ObjectChange) => c.risks.filter((r) => r.level === 'breaking');
  test.each(['Deployment', 'ReplicaSet', 'DaemonSet'])('%s selector', (kind) => {
    const c = changeOf(workload(kind), (o) => (o.spec.selector.matchLabels.tier = 'front'));
    expect(breaking(c).map((r) => r.why)).toEqual(['spec.selector is immutable: kubectl apply refuses the change of spec.selector']);
    expect(breaking(c)[0].fix).toMatch(/delete it and apply again|new name/);
  });

  test.each([
    ['selector', (o: any) => (o.spec.selector.matchLabels.tier = 'x')],
    ['serviceName', (o: any) => (o.spec.serviceName = 'other')],
    ['volumeClaimTemplates', (o: any) => (o.spec.volumeClaimTemplates = [{ metadata: { name: 'data' } }])],
    ['podManagementPolicy', (o: any) => (o.spec.podManagementPolicy = 'Parallel')],
    ['revisionHistoryLimit', (o: any) => (o.spec.revisionHistoryLimit = 3)],
  ])('StatefulSet %s', (field, edit) => {
    const c = changeOf(workload('StatefulSet'), edit);
    expect(breaking(c).map((r) => r.why)).toEqual([`spec.${field} is immutable: kubectl apply refuses the change of spec.${field}`]);
    expect(breaking(c)[0].fix).toContain('--cascade=orphan');
  });

  test.each([
    ['replicas', (o: any) => (o.spec.replicas = 5)],
    ['template', (o: any) => (o.spec.template.spec.containers[0].image = 'web:2')],
    ['updateStrategy', (o: any) => (o.spec.updateStrategy = { type: 'OnDelete' })],
    ['minReadySeconds', (o: any) => (o.spec.minReadySeconds = 10)],
    ['persistentVolumeClaimRetentionPolicy', (o: any) => (o.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Delete' })],
    ['ordinals', (o: any) => (o.spec.ordinals = { start: 1 })],
  ])('StatefulSet %s may change', (_, edit) => {
    expect(levels(changeOf(workload('StatefulSet'), edit))).not.toContain('breaking');
  });

  test.each([
    ['template', (o: any) => (o.spec.template.spec.containers[0].image = 'web:2')],
    ['selector', (o: any) => (o.spec.selector = { matchLabels: { x: 'y' } })],
    ['completionMode', (o: any) => (o.spec.completionMode = 'Indexed')],
  ])("a Job's %s", (field, edit) => {
    const c = changeOf(workload('Job'), edit);
    expect(breaking(c).map((r) => r.why)).toEqual([`spec.${field} is immutable: kubectl apply refuses the change of spec.${field}`]);
    expect(breaking(c)[0].fix).toContain('new name');
  });

  const pvc = core('PersistentVolumeClaim', { spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: '1Gi' } } } });
  test.each([
    ['accessModes', (o: any) => (o.spec.accessModes = ['ReadWriteMany'])],
    ['storageClassName', (o: any) => (o.spec.storageClassName = 'slow')],
    ['resources', (o: any) => (o.spec.resources.requests.storage = '512Mi')],
  ])("a PersistentVolumeClaim's %s", (field, edit) => {
    expect(breaking(changeOf(pvc, edit)).map((r) => r.why)).toEqual([`spec.${field} is immutable: kubectl apply refuses the change of spec.${field}`]);
  });
  test('a PersistentVolumeClaim may grow, and change its volumeAttributesClassName', () => {
    expect(levels(changeOf(pvc, (o) => (o.spec.resources.requests.storage = '2Gi')))).toEqual(['in-place']);
    expect(levels(changeOf(pvc, (o) => (o.spec.volumeAttributesClassName = 'gold')))).toEqual(['in-place']);
  });

  test("a Service's clusterIP (leaving it out is fine)", () => {
    const svc = core('Service', { spec: { clusterIP: '10.0.0.1', selector: { app: 'web' } } });
    expect(breaking(changeOf(svc, (o) => (o.spec.clusterIP = '10.0.0.2')))[0].why).toBe('spec.clusterIP is immutable: kubectl apply refuses the change of spec.clusterIP');
    expect(breaking(changeOf(svc, (o) => delete o.spec.clusterIP))).toEqual([]);
  });

  test.each(['RoleBinding', 'ClusterRoleBinding'])("a %s's roleRef", (kind) => {
    const binding = { apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata: { name: 'web' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [] };
    expect(breaking(changeOf(binding, (o) => (o.roleRef.name = 'edit')))[0].why).toBe('roleRef is immutable: kubectl apply refuses the change of roleRef');
  });

  test.each(['ConfigMap', 'Secret'])('an immutable %s, and only an immutable one', (kind) => {
    const obj = core(kind, { immutable: true, data: { a: 'MQ==' } });
    expect(breaking(changeOf(obj, (o) => (o.data.a = 'Mg==')))[0].why).toBe(`${kind} is immutable: kubectl apply refuses the change of data`);
    expect(levels(changeOf({ ...obj, immutable: false }, (o) => (o.data.a = 'Mg==')))).toEqual(['in-place']);
  });
});

describe('destructive: removals that lose data', () => {
  test.each([
    ['v1', 'PersistentVolumeClaim'],
    ['v1', 'PersistentVolume'],
    ['apps/v1', 'StatefulSet'],
    ['v1', 'Namespace'],
    ['apiextensions.k8s.io/v1', 'CustomResourceDefinition'],
  ])('a removed %s %s', (apiVersion, kind) => {
    const [c] = diffOutputs(out([{ apiVersion, kind, metadata: { name: 'x' } }]), out([])).changes;
    expect(c.change).toBe('removed');
    expect(c.risks[0].level).toBe('destructive');
    expect(c.risks[0].fix).toBeDefined();
  });
  test('a removed ConfigMap is not destructive', () => {
    expect(diffOutputs(out([core('ConfigMap', {})]), out([])).changes[0].risks[0].level).toBe('in-place');
  });
});

describe('disruptive', () => {
  test('a pod template change rolls the pods, naming the ConfigMap whose checksum moved it', () => {
    const deploy = workload('Deployment');
    (deploy.spec as any).template.metadata.annotations = { 'checksum/config': 'aaa' };
    const after = clone(deploy);
    after.spec.template.metadata.annotations['checksum/config'] = 'bbb';
    const cm = core('ConfigMap', { metadata: { name: 'web-config', namespace: 'shop' }, data: { a: '1' } });
    const report = diffOutputs(out([cm, deploy]), out([{ ...cm, data: { a: '2' } }, after]));
    const c = report.changes.find((x) => x.kind === 'Deployment')!;
    expect(c.risks).toEqual([{ level: 'disruptive', why: 'pods roll: the content of ConfigMap web-config changed (checksum/config)' }]);
  });
  test('an image change rolls the pods; fewer replicas; more replicas is in place', () => {
    expect(changeOf(workload('Deployment'), (o) => (o.spec.template.spec.containers[0].image = 'web:2')).risks).toEqual([{ level: 'disruptive', why: 'pods roll: the pod template changed' }]);
    expect(changeOf(workload('Deployment'), (o) => (o.spec.replicas = 1)).risks).toEqual([{ level: 'disruptive', why: 'fewer replicas (3 → 1)' }]);
    expect(levels(changeOf(workload('Deployment'), (o) => (o.spec.replicas = 5)))).toEqual(['in-place']);
  });
  test("a Service's type or selector; an Ingress's hosts or TLS", () => {
    const svc = core('Service', { spec: { type: 'ClusterIP', selector: { app: 'web' } } });
    expect(changeOf(svc, (o) => (o.spec.type = 'NodePort')).risks[0].why).toBe('the Service type changes (ClusterIP → NodePort)');
    expect(changeOf(svc, (o) => (o.spec.selector.color = 'green')).risks[0].why).toBe('the Service selects other pods: traffic moves');
    const ingress = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' }, spec: { rules: [{ host: 'a.example.com' }], tls: [{ hosts: ['a.example.com'], secretName: 'a' }] } };
    expect(changeOf(ingress, (o) => (o.spec.rules[0].host = 'b.example.com')).risks.map((r) => r.why)).toEqual(['the Ingress answers for other hosts (a.example.com → b.example.com)']);
    expect(changeOf(ingress, (o) => (o.spec.tls[0].secretName = 'b')).risks.map((r) => r.why)).toEqual(['the Ingress TLS settings change']);
  });
});

describe('security', () => {
  const why = (c: ObjectChange) => c.risks.filter((r) => r.level === 'security').map((r) => r.why);
  test('containers made privileged, root, with capabilities; host paths and host network', () => {
    const c0 = (o: any) => o.spec.template.spec.containers[0];
    expect(why(changeOf(workload('Deployment'), (o) => (c0(o).securityContext.privileged = true)))).toEqual(['container main is privileged']);
    expect(why(changeOf(workload('Deployment'), (o) => (c0(o).securityContext.runAsUser = 0)))).toEqual(['container main may run as root (runAsNonRoot is not true, or runAsUser is 0)']);
    expect(why(changeOf(workload('Deployment'), (o) => delete o.spec.template.spec.securityContext.runAsNonRoot))).toEqual(['container main may run as root (runAsNonRoot is not true, or runAsUser is 0)']);
    expect(why(changeOf(workload('Deployment'), (o) => (c0(o).securityContext.capabilities.add = ['NET_ADMIN'])))).toEqual(['container main adds the capability NET_ADMIN']);
    expect(why(changeOf(workload('DaemonSet'), (o) => o.spec.template.spec.volumes.push({ name: 'root', hostPath: { path: '/' } })))).toEqual(['a hostPath volume mounts / of the node']);
    expect(why(changeOf(workload('DaemonSet'), (o) => (o.spec.template.spec.hostNetwork = true)))).toEqual(["the pods use the node's network namespace (hostNetwork)"]);
    expect(levels(changeOf(workload('DaemonSet'), (o) => (o.spec.template.spec.hostNetwork = true)))).toEqual(['security', 'disruptive']);
  });
  test('RBAC widened: more verbs, resources or subjects; narrowed is not', () => {
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'web', namespace: 'shop' }, rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }] };
    expect(why(changeOf(role, (o) => o.rules[0].verbs.push('delete')))).toEqual(['RBAC widened: the Role now grants delete configmaps']);
    expect(why(changeOf(role, (o) => (o.rules = [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }])))).toEqual(['RBAC widened: the Role now grants * */*']);
    expect(why(changeOf(role, (o) => o.rules[0].verbs.pop()))).toEqual([]);
    const binding = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'web' }, roleRef: { kind: 'Role', name: 'web' }, subjects: [{ kind: 'ServiceAccount', name: 'web', namespace: 'shop' }] };
    expect(why(changeOf(binding, (o) => o.subjects.push({ kind: 'Group', name: 'system:authenticated' })))).toEqual(['RBAC widened: Role web is bound to Group system:authenticated']);
  });
  test('a NetworkPolicy loosened: a rule added, a policy type dropped, removed', () => {
    const np = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'web' }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [] } };
    expect(why(changeOf(np, (o) => o.spec.ingress.push({ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] })))).toEqual(['NetworkPolicy loosened: 1 ingress rule added or widened']);
    expect(why(changeOf(np, (o) => (o.spec.policyTypes = ['Ingress'])))).toEqual(['NetworkPolicy loosened: it no longer restricts Egress']);
    expect(diffOutputs(out([np]), out([])).changes[0].risks[0].level).toBe('security');
  });
});

test('metadata only; an added object is created', () => {
  expect(changeOf(core('ConfigMap', { data: {} }), (o) => (o.metadata.labels = { team: 'a' })).risks).toEqual([{ level: 'metadata', why: 'only metadata changed (labels, annotations)' }]);
  expect(diffOutputs(out([]), out([core('ConfigMap', {})])).changes[0].risks).toEqual([{ level: 'in-place', why: 'created' }]);
});

describe('formats', () => {
  const report = diffOutputs(out([workload('StatefulSet')]), out([{ ...workload('StatefulSet'), spec: { ...workload('StatefulSet').spec, serviceName: 'x', replicas: 1 } }]));
  test('text: marks, fields, risks with their fix and a summary; colour only when asked', () => {
    const text = formatText(report);
    expect(text).toBe(
      [
        'environment prod, release web',
        '  ~ apps/StatefulSet shop/web  [breaking]',
        '      spec.replicas: 3 → 1',
        '      spec.serviceName: (none) → "x"',
        '      breaking: spec.serviceName is immutable: kubectl apply refuses the change of spec.serviceName',
        '        fix: delete the StatefulSet with `kubectl delete statefulset NAME --cascade=orphan` (its pods and claims stay) and apply again',
        '      disruptive: fewer replicas (3 → 1)',
        '',
        '1 changed, 0 added, 0 removed: 1 breaking',
      ].join('\n'),
    );
    expect(text).not.toContain('\x1b[');
    expect(formatText(report, { colour: true })).toContain('\x1b[31m[breaking]\x1b[0m');
    expect(formatText({ changes: [] })).toBe('no changes');
  });
  test('markdown lists breaking changes first, then a table per object', () => {
    const md = formatMarkdown(report);
    expect(md).toContain('**Breaking or destructive:**\n\n- `apps/StatefulSet shop/web` (prod, web) — **breaking**');
    expect(md).toContain('| `spec.serviceName` | `(none) → "x"` |  |');
  });
  test('json carries the fields, risks and a summary', () => {
    const json = JSON.parse(formatJson(report));
    expect(json.summary).toEqual({ added: 0, removed: 0, changed: 1, risks: { breaking: 1, destructive: 0, security: 0, disruptive: 0, metadata: 0, 'in-place': 0 } });
    expect(json.changes[0].fields[1]).toEqual({ field: 'spec.serviceName', path: ['spec', 'serviceName'], after: 'x' });
  });
});
