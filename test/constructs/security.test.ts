import {
  ClusterRole, ClusterRoleBinding, ContainerSecurityProps, LimitRange, LimitRangeProps, Namespace, Pod, PodSecurityProps, PriorityClass, ResourceQuota, Role, RoleBinding, ServiceAccount,
} from '../../lib';
import { find, render, userError } from '../support/render';

/** A run-to-completion Pod (no probes needed) with the given security settings. */
const pod = (podSecurity?: PodSecurityProps, security?: ContainerSecurityProps, init?: ContainerSecurityProps) => () =>
  render((p) =>
    new Pod(p, 'pod', {
      restartPolicy: 'Never',
      podSecurity,
      containers: [{ image: 'tool:1.0.0', security }],
      initContainers: init ? [{ image: 'setup:1.0.0', security: init }] : undefined,
    }),
  );
const spec = (build: () => ReturnType<typeof render>) => find(build(), 'Pod').spec;

describe('pod security context', () => {
  test('a Localhost seccomp profile names its file', () => {
    expect(spec(pod({ seccompProfile: 'Localhost', seccompLocalhostProfile: 'profiles/audit.json' })).securityContext).toEqual({
      runAsNonRoot: true,
      seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' },
    });
  });

  test('Unconfined turns seccomp off; users, groups and supplemental groups pass through', () => {
    expect(spec(pod({ seccompProfile: 'Unconfined', runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, supplementalGroups: [4000] })).securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 3000,
      fsGroup: 2000,
      supplementalGroups: [4000],
      seccompProfile: { type: 'Unconfined' },
    });
  });

  test('root is allowed once runAsNonRoot is off', () => {
    expect(spec(pod({ runAsNonRoot: false, runAsUser: 0 })).securityContext).toEqual({ runAsNonRoot: false, runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } });
  });
});

describe('container security context', () => {
  test('privileged implies allowPrivilegeEscalation', () => {
    expect(spec(pod(undefined, { privileged: true })).containers[0].securityContext).toEqual({
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: true,
      privileged: true,
      capabilities: { drop: ['ALL'] },
    });
  });

  test('allowPrivilegeEscalation alone, ids, and no capabilities at all', () => {
    expect(spec(pod(undefined, { allowPrivilegeEscalation: true, runAsUser: 1000, runAsGroup: 1000, dropCapabilities: [] })).containers[0].securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: true,
      privileged: false,
    });
  });

  test('init containers get the same secure defaults', () => {
    expect(spec(pod(undefined, undefined, {})).initContainers[0].securityContext).toEqual({
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      privileged: false,
      capabilities: { drop: ['ALL'] },
    });
  });
});

describe('security context errors', () => {
  test.each<[string, () => unknown, string]>([
    ['Localhost without a profile', pod({ seccompProfile: 'Localhost' }), 'shop/pod: podSecurity.seccompProfile is Localhost but seccompLocalhostProfile is not set: name the profile file'],
    ['seccompProfile', pod({ seccompProfile: 'runtimedefault' as any }), 'shop/pod: podSecurity.seccompProfile "runtimedefault" is not valid: expected one of RuntimeDefault, Localhost, Unconfined (did you mean "RuntimeDefault"?)'],
    ['pod root', pod({ runAsUser: 0 }), 'shop/pod: podSecurity.runAsUser is 0 (root) while runAsNonRoot is true: use a non-zero UID, or set podSecurity.runAsNonRoot: false to run as root'],
    ['pod runAsUser', pod({ runAsUser: -1 }), 'shop/pod: podSecurity.runAsUser -1 is not valid: expected a whole number of 0 or more'],
    ['pod runAsGroup', pod({ runAsGroup: 1.5 }), 'shop/pod: podSecurity.runAsGroup 1.5 is not valid: expected a whole number of 0 or more'],
    ['fsGroup', pod({ fsGroup: -1 }), 'shop/pod: podSecurity.fsGroup -1 is not valid: expected a whole number of 0 or more'],
    ['privileged without escalation', pod(undefined, { privileged: true, allowPrivilegeEscalation: false }), 'shop/pod: containers[0].security: privileged is true and allowPrivilegeEscalation is false, which Kubernetes rejects: leave allowPrivilegeEscalation unset'],
    ['init container privileged without escalation', pod(undefined, undefined, { privileged: true, allowPrivilegeEscalation: false }), 'shop/pod: initContainers[0].security: privileged is true and allowPrivilegeEscalation is false, which Kubernetes rejects: leave allowPrivilegeEscalation unset'],
    ['container root', pod({ runAsNonRoot: false }, { runAsUser: 0 }), 'shop/pod: containers[0].security.runAsUser is 0 (root) while runAsNonRoot is true: use a non-zero UID, or set containers[0].security.runAsNonRoot: false to run as root'],
    ['container runAsUser', pod(undefined, { runAsUser: -5 }), 'shop/pod: containers[0].security.runAsUser -5 is not valid: expected a whole number of 0 or more'],
    ['container runAsGroup', pod(undefined, { runAsGroup: -1 }), 'shop/pod: containers[0].security.runAsGroup -1 is not valid: expected a whole number of 0 or more'],
  ])('%s', (_, build, message) => {
    expect(userError(build)).toBe(message);
  });
});

describe('RBAC', () => {
  test('a ClusterRole with non-resource URLs, and bindings to API subjects', () => {
    const objects = render((p) => {
      const health = new ClusterRole(p, 'health', { rules: [{ nonResourceURLs: ['/healthz'], verbs: ['get'] }] });
      const reader = new Role(p, 'reader', { rules: [{ apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['shop-web'], verbs: ['get'] }] });
      new RoleBinding(p, 'ops', { role: reader, subjects: [{ kind: 'Group', name: 'ops', apiGroup: 'rbac.authorization.k8s.io' }] });
      new ClusterRoleBinding(p, 'probe', { role: health, subjects: [{ name: 'prober', namespace: 'monitoring' }] });
    });
    expect(find(objects, 'ClusterRole').rules).toEqual([{ verbs: ['get'], nonResourceURLs: ['/healthz'] }]);
    expect(find(objects, 'Role').rules).toEqual([{ apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['shop-web'], verbs: ['get'] }]);
    expect(find(objects, 'RoleBinding')).toMatchObject({
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'shop-reader' },
      subjects: [{ kind: 'Group', name: 'ops', apiGroup: 'rbac.authorization.k8s.io' }],
    });
    const crb = find(objects, 'ClusterRoleBinding');
    expect(crb.metadata.namespace).toBeUndefined();
    expect(crb.subjects).toEqual([{ kind: 'ServiceAccount', name: 'prober', namespace: 'monitoring' }]);
  });

  test('a ServiceAccount can keep its token off despite rules, and lists pull secrets', () => {
    const sa = find(render((p) => new ServiceAccount(p, 'sa', { automountToken: false, rules: [{ resources: ['pods'], verbs: ['get'] }], imagePullSecrets: ['registry'] })), 'ServiceAccount');
    expect(sa.automountServiceAccountToken).toBe(false);
    expect(sa.imagePullSecrets).toEqual([{ name: 'registry' }]);
  });

  const role = (rules: any[]) => () => render((p) => new Role(p, 'r', { rules }));
  test.each<[string, () => unknown, string]>([
    ['no rules', role([]), 'shop/r: rules is required: list what the role may do, such as { resources: ["configmaps"], verbs: ["get"] }'],
    ['no verbs', role([{ resources: ['pods'], verbs: [] }]), 'shop/r: rules[0].verbs is required, such as ["get", "list", "watch"]'],
    ['verb', role([{ resources: ['pods'], verbs: ['gets'] }]), 'shop/r: rules[0].verbs[0] "gets" is not valid: expected one of get, list, watch, create, update, patch, delete, deletecollection, impersonate, bind, escalate, use, * (did you mean "get"?)'],
    ['non-resource URLs in a Role', role([{ nonResourceURLs: ['/healthz'], verbs: ['get'] }]), 'shop/r: rules[0].nonResourceURLs is only for ClusterRoles'],
    ['no resources', role([{ verbs: ['get'] }]), 'shop/r: rules[0]: name resources (or, in a ClusterRole, nonResourceURLs)'],
    ['wildcard API group', role([{ apiGroups: ['*'], resources: ['pods'], verbs: ['get'] }]), 'shop/r: rules[0] uses the wildcard "*": least privilege means naming groups, resources and verbs; set allowWildcards: true if it is really needed'],
    ['wildcard subresource', role([{ resources: ['pods/*'], verbs: ['get'] }]), 'shop/r: rules[0] uses the wildcard "pods/*": least privilege means naming groups, resources and verbs; set allowWildcards: true if it is really needed'],
    ['binding without subjects', () => render((p) => new RoleBinding(p, 'rb', { role: { kind: 'Role', name: 'r' }, subjects: [] })), 'shop/rb: subjects is required: name at least one service account, user or group'],
    ['ClusterRoleBinding subject without namespace', () => render((p) => new ClusterRoleBinding(p, 'crb', { role: { kind: 'ClusterRole', name: 'c' }, subjects: [{ name: 'x' }] })), 'shop/crb: subjects[0]: the service account "x" has no namespace: give the release a namespace, or set the subject\'s namespace'],
    ['ServiceAccount name', () => render((p) => new ServiceAccount(p, 'sa', { name: 'Robot' })), "shop/sa: name \"Robot\" is not valid: expected a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', at most 253 characters"],
    ['ServiceAccount wildcard', () => render((p) => new ServiceAccount(p, 'sa', { clusterRules: [{ resources: ['*'], verbs: ['list'] }] })), 'shop/sa/ClusterRole: rules[0] uses the wildcard "*": least privilege means naming groups, resources and verbs; set allowWildcards: true if it is really needed'],
  ])('error: %s', (_, build, message) => {
    expect(userError(build)).toBe(message);
  });
});

describe('namespace policy', () => {
  test('a baseline Namespace with labels and annotations; a quota with scopes; a PVC limit range; a PriorityClass that never preempts', () => {
    const objects = render((p) => {
      new Namespace(p, 'ns', { name: 'legacy', podSecurity: 'baseline', labels: { team: 'a' }, annotations: { owner: 'a@example.com' } });
      new ResourceQuota(p, 'quota', { hard: { pods: '10' }, scopes: ['NotTerminating'] });
      new LimitRange(p, 'limits', { limits: [{ type: 'PersistentVolumeClaim', min: { storage: '1Gi' }, max: { storage: '50Gi' } }] });
      new PriorityClass(p, 'batch', { value: -10, preemptionPolicy: 'Never', globalDefault: true });
    });
    expect(find(objects, 'Namespace').metadata).toMatchObject({
      name: 'legacy',
      labels: { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'baseline', team: 'a' },
      annotations: { owner: 'a@example.com' },
    });
    expect(find(objects, 'ResourceQuota').spec).toEqual({ hard: { pods: '10' }, scopes: ['NotTerminating'] });
    expect(find(objects, 'LimitRange').spec.limits).toEqual([{ type: 'PersistentVolumeClaim', min: { storage: '1Gi' }, max: { storage: '50Gi' } }]);
    expect(find(objects, 'PriorityClass')).toMatchObject({ value: -10, preemptionPolicy: 'Never', globalDefault: true });
  });

  const limits = (items: LimitRangeProps['limits']) => () => render((p) => new LimitRange(p, 'l', { limits: items }));
  test.each<[string, () => unknown, string]>([
    ['Namespace without a name', () => render((p) => new Namespace(p, 'n', { name: '' })), 'shop/n: name is required: a namespace is named explicitly, such as "shop"'],
    ['Namespace level', () => render((p) => new Namespace(p, 'n', { name: 'shop', podSecurity: 'strict' as any })), 'shop/n: podSecurity "strict" is not valid: expected one of privileged, baseline, restricted'],
    ['empty quota', () => render((p) => new ResourceQuota(p, 'q', { hard: {} })), 'shop/q: hard is required: give at least one limit, such as { "requests.cpu": "4" }'],
    ['quota quantity', () => render((p) => new ResourceQuota(p, 'q', { hard: { pods: 'many' } })), 'shop/q: hard["pods"] "many" is not valid: expected a Kubernetes quantity such as "100m", "0.5", "128Mi" or "10Gi"'],
    ['no limits', limits([]), 'shop/l: limits is required: give at least one item, such as { default: { memory: "256Mi" } }'],
    ['limit type', limits([{ type: 'Containers' as any }]), 'shop/l: limits[0].type "Containers" is not valid: expected one of Container, Pod, PersistentVolumeClaim (did you mean "Container"?)'],
    ['limit resource', limits([{ default: { gpu: '1' } as any }]), 'shop/l: limits[0].default key "gpu" is not valid: expected one of cpu, memory, ephemeral-storage, storage (did you mean "cpu"?)'],
    ['limit quantity', limits([{ defaultRequest: { memory: '1 Gi' } }]), 'shop/l: limits[0].defaultRequest.memory "1 Gi" is not valid: expected a Kubernetes quantity such as "100m", "0.5", "128Mi" or "10Gi"'],
    ['min above max', limits([{ min: { memory: '2Gi' }, max: { memory: '1Gi' } }]), 'shop/l: limits[0]: min.memory 2Gi is more than max.memory 1Gi'],
    ['priority value', () => render((p) => new PriorityClass(p, 'x', { value: 1.5 })), 'shop/x: value 1.5 is not valid: expected a whole number from -2147483648 to 1000000000'],
    ['priority value missing', () => render((p) => new PriorityClass(p, 'x', {} as any)), 'shop/x: value is required: a whole number up to 1000000000, higher runs first'],
    ['preemptionPolicy', () => render((p) => new PriorityClass(p, 'x', { value: 1, preemptionPolicy: 'Always' as any })), 'shop/x: preemptionPolicy "Always" is not valid: expected one of PreemptLowerPriority, Never'],
  ])('error: %s', (_, build, message) => {
    expect(userError(build)).toBe(message);
  });
});
