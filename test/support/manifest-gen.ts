/**
 * Generated manifest files for the tests that hold validate's paths to each
 * other: seeded, so a case is the same on every run. The objects refer to
 * each other through a small pool of names, labels and namespaces, so that
 * references resolve or not, selectors match or not, budgets, autoscalers,
 * NetworkPolicies, Namespaces with Pod Security labels, ServiceAccounts
 * without a token, duplicates, custom resources before and after their CRD,
 * lists, opt-outs and `chartwright.dev/external` all occur.
 */

/** mulberry32: a small seeded generator. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMESPACES = ['', 'default', 'shop', 'web'];
const NAMES = ['app', 'db', 'cache', 'web-long-name-of-an-object'];
const LABELS = ['app', 'db', 'web'];
const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'ReplicaSet', 'PodTemplate'];

class Gen {
  constructor(private readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

function meta(g: Gen, name: string, extra = ''): string {
  const ns = g.pick(NAMESPACES);
  let out = `metadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}`;
  const annotations: string[] = [];
  if (g.chance(0.1)) annotations.push(`chartwright.dev/external: ${g.pick(['"true"', '"Secret/app, ConfigMap/db"', '"Pod/*"', '"Service/db"'])}`);
  if (g.chance(0.1)) annotations.push(`chartwright.dev/ignore-${g.pick(['container-resources', 'object-reference', 'pod-disruption-budget', 'not-a-rule', 'service-selector'])}: ${g.pick(['"reason"', '""'])}`);
  if (annotations.length > 0) out += `  annotations:\n${annotations.map((a) => `    ${a}\n`).join('')}`;
  return out + extra;
}

function podSpec(g: Gen, indent: string): string {
  const i = indent;
  let s = '';
  if (g.chance(0.5)) s += `${i}serviceAccountName: ${g.pick([...NAMES, 'default'])}\n`;
  else if (g.chance(0.2)) s += `${i}serviceAccount: ${g.pick(NAMES)}\n`;
  if (g.chance(0.3)) s += `${i}automountServiceAccountToken: ${g.pick(['false', 'true'])}\n`;
  if (g.chance(0.2)) s += `${i}securityContext:\n${i}  runAsNonRoot: true\n${i}  seccompProfile: {type: RuntimeDefault}\n`;
  if (g.chance(0.2)) s += `${i}hostNetwork: true\n`;
  if (g.chance(0.2)) s += `${i}imagePullSecrets:\n${i}  - name: ${g.pick(NAMES)}\n`;
  if (g.chance(0.3)) s += `${i}restartPolicy: ${g.pick(['Always', 'OnFailure', 'Never'])}\n`;
  s += `${i}containers:\n`;
  const containers = 1 + g.int(2);
  for (let c = 0; c < containers; c++) {
    s += `${i}  - name: c${c}\n${i}    image: ${g.pick(['nginx:1.27.3', 'nginx', 'ghcr.io/acme/app:latest', 'busybox@sha256:' + 'a'.repeat(64)])}\n`;
    if (g.chance(0.5)) s += `${i}    ports:\n${i}      - name: http\n${i}        containerPort: ${g.pick([80, 8080])}\n`;
    if (g.chance(0.4)) s += `${i}    envFrom:\n${i}      - ${g.pick(['configMapRef', 'secretRef'])}:\n${i}          name: ${g.pick(NAMES)}\n${g.chance(0.2) ? `${i}          optional: true\n` : ''}`;
    if (g.chance(0.4)) {
      const ref = g.pick(['configMapKeyRef', 'secretKeyRef']);
      s += `${i}    env:\n${i}      - name: V${c}\n${i}        valueFrom:\n${i}          ${ref}:\n${i}            name: ${g.pick(NAMES)}\n${i}            key: ${g.pick(['level', 'token', 'missing'])}\n${g.chance(0.2) ? `${i}            optional: true\n` : ''}`;
    }
    if (g.chance(0.3)) s += `${i}    resources:\n${i}      requests: {cpu: 100m, memory: 64Mi}\n${i}      limits: {memory: 64Mi${g.chance(0.5) ? ', cpu: 100m' : ''}}\n`;
    if (g.chance(0.3)) s += `${i}    securityContext:\n${i}      allowPrivilegeEscalation: ${g.pick(['false', 'true'])}\n${i}      readOnlyRootFilesystem: true\n${i}      capabilities: {drop: [ALL]${g.chance(0.3) ? ', add: [NET_ADMIN]' : ''}}\n${g.chance(0.3) ? `${i}      privileged: true\n` : ''}`;
    if (g.chance(0.3)) s += `${i}    readinessProbe: {httpGet: {path: /, port: ${g.pick(['http', '8080', '9090'])}}}\n${i}    livenessProbe: {httpGet: {path: /, port: http}}\n`;
    if (g.chance(0.2)) s += `${i}    volumeMounts:\n${i}      - name: v\n${i}        mountPath: /v\n`;
  }
  if (g.chance(0.4)) {
    const kind = g.pick(['configMap', 'secret', 'persistentVolumeClaim', 'projected', 'hostPath']);
    const body =
      kind === 'configMap' ? `configMap: {name: ${g.pick(NAMES)}${g.chance(0.2) ? ', optional: true' : ''}}`
      : kind === 'secret' ? `secret: {secretName: ${g.pick(NAMES)}}`
      : kind === 'persistentVolumeClaim' ? `persistentVolumeClaim: {claimName: ${g.pick(NAMES)}}`
      : kind === 'hostPath' ? 'hostPath: {path: /var/run}'
      : `projected: {sources: [{configMap: {name: ${g.pick(NAMES)}}}, {secret: {name: ${g.pick(NAMES)}}}, {configMap: {name: kube-root-ca.crt}}]}`;
    s += `${i}volumes:\n${i}  - name: v\n${i}    ${body}\n`;
  }
  return s;
}

function labels(g: Gen, indent: string): string {
  const app = g.pick(LABELS);
  return `${indent}app: ${app}\n${g.chance(0.3) ? `${indent}tier: ${g.pick(['front', 'back'])}\n` : ''}`;
}

function selector(g: Gen, indent: string): string {
  if (g.chance(0.15)) return `${indent}matchExpressions:\n${indent}  - {key: app, operator: ${g.pick(['In', 'Exists', 'NotIn'])}, values: [${g.pick(LABELS)}]}\n`;
  return `${indent}matchLabels:\n${labels(g, `${indent}  `)}`;
}

function workload(g: Gen, kind: string): string {
  const name = g.pick(NAMES);
  const template = `metadata:\n  labels:\n${labels(g, '    ')}spec:\n${podSpec(g, '  ')}`;
  const indent = (text: string, by: string) => text.split('\n').map((l) => (l ? by + l : l)).join('\n');
  const api = kind === 'Pod' || kind === 'PodTemplate' ? 'v1' : kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1';
  const head = `apiVersion: ${api}\nkind: ${kind}\n${meta(g, name)}`;
  if (kind === 'Pod') return `${head}spec:\n${podSpec(g, '  ')}`;
  if (kind === 'PodTemplate') return `${head}template:\n${indent(template, '  ')}`;
  if (kind === 'CronJob') return `${head}spec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      template:\n${indent(template, '        ')}`;
  const replicas = kind === 'Job' || kind === 'DaemonSet' ? '' : g.chance(0.7) ? `  replicas: ${g.pick([1, 2, 3])}\n` : '';
  const service = kind === 'StatefulSet' && g.chance(0.7) ? `  serviceName: ${g.pick(NAMES)}\n` : '';
  const sel = kind === 'Job' ? '' : `  selector:\n${selector(g, '    ')}`;
  return `${head}spec:\n${replicas}${service}${sel}  template:\n${indent(template, '    ')}`;
}

function object(g: Gen): string {
  const name = g.pick(NAMES);
  switch (g.int(16)) {
    case 0:
    case 1:
    case 2:
      return workload(g, g.pick(WORKLOADS));
    case 3: {
      const type = g.chance(0.1) ? '  type: ExternalName\n  externalName: x.example.com\n' : g.chance(0.2) ? '  clusterIP: None\n' : '';
      const sel = g.chance(0.8) ? `  selector:\n${labels(g, '    ')}` : '';
      const ports = g.chance(0.8) ? `  ports:\n    - name: http\n      port: ${g.pick([80, 8080])}\n${g.chance(0.3) ? '    - name: https\n      port: 443\n' : ''}` : '';
      return `apiVersion: v1\nkind: Service\n${meta(g, name)}spec:\n${type}${sel}${ports}`;
    }
    case 4:
      return `apiVersion: v1\nkind: ConfigMap\n${meta(g, name)}data:\n  level: info\n${g.chance(0.3) ? 'binaryData:\n  blob: aGVsbG8=\n' : ''}`;
    case 5:
      return `apiVersion: v1\nkind: Secret\n${meta(g, name)}type: Opaque\n${g.pick(['stringData:\n  token: hunter2\n', 'data:\n  token: 12345\n', 'data:\n  level: "x y"\n'])}`;
    case 6:
      return `apiVersion: v1\nkind: ServiceAccount\n${meta(g, g.pick([...NAMES, 'default']))}${g.chance(0.6) ? 'automountServiceAccountToken: false\n' : ''}`;
    case 7: {
      const budget = g.pick(['maxUnavailable: 1', 'maxUnavailable: 0', 'minAvailable: 2', 'minAvailable: 1', 'minAvailable: "100%"', 'minAvailable: 3']);
      return `apiVersion: policy/v1\nkind: PodDisruptionBudget\n${meta(g, name)}spec:\n  ${budget}\n  selector:\n${selector(g, '    ')}`;
    }
    case 8: {
      const kind = g.pick(['Deployment', 'StatefulSet', 'ReplicaSet']);
      return `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n${meta(g, name)}spec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: ${kind}\n    name: ${g.pick(NAMES)}\n${g.chance(0.6) ? `  minReplicas: ${g.pick([1, 2, 3])}\n` : ''}  maxReplicas: ${g.pick([2, 3, 5])}\n`;
    }
    case 9: {
      const sel = g.chance(0.3) ? '  podSelector: {}\n' : `  podSelector:\n${selector(g, '    ')}`;
      return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n${meta(g, name)}spec:\n${sel}  policyTypes: [Ingress]\n`;
    }
    case 10: {
      const level = g.pick(['enforce: baseline', 'enforce: restricted', 'warn: restricted', 'audit: baseline', 'enforce: privileged']);
      return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${g.pick(['shop', 'web', 'default'])}\n  labels:\n    pod-security.kubernetes.io/${level.replace(': ', ': ')}\n`;
    }
    case 11: {
      const backend = (indent: string) => `${indent}service:\n${indent}  name: ${g.pick(NAMES)}\n${indent}  port: ${g.pick(['{number: 80}', '{number: 8080}', '{name: http}', '{name: grpc}'])}\n`;
      return `apiVersion: networking.k8s.io/v1\nkind: Ingress\n${meta(g, name)}spec:\n${g.chance(0.3) ? `  defaultBackend:\n${backend('    ')}` : ''}  rules:\n    - host: a.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n${backend('              ')}${g.chance(0.3) ? '  tls:\n    - hosts: [a.example.com]\n      secretName: tls\n' : ''}`;
    }
    case 12:
      return `apiVersion: example.com/v1\nkind: Widget\n${meta(g, name)}spec:\n  size: ${g.pick([1, 'big', -1])}\n`;
    case 13:
      return `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec:\n              type: object\n              properties:\n                size: {type: integer, minimum: 0}\n`;
    case 14: {
      const items = [workload(g, g.pick(WORKLOADS)), `apiVersion: v1\nkind: ConfigMap\n${meta(g, g.pick(NAMES))}data: {level: debug}\n`];
      const indent = (text: string) => text.split('\n').map((l, i) => (l ? (i === 0 ? `  - ${l}` : `    ${l}`) : l)).join('\n');
      return `apiVersion: v1\nkind: List\nitems:\n${items.map(indent).join('')}`;
    }
    default:
      return g.pick([
        `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n${meta(g, name)}rules:\n  - apiGroups: [""]\n    resources: [${g.pick(['secrets', 'configmaps', '"*"'])}]\n    verbs: [get]\n`,
        `apiVersion: v1\nkind: PersistentVolumeClaim\n${meta(g, name)}spec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n`,
        'kind: ConfigMap\nmetadata: {name: x}\n',
        '- just\n- a list\n',
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dup\n  name: again\n`,
        '# only a comment\n',
        `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, labels: {enabled: yes}}\ndata: {a: !!str 1}\n`,
      ]);
  }
}

/** Files of YAML text for one seed: `files` files of up to `perFile` documents each. */
export function generateFiles(seed: number, files = 3, perFile = 12): Record<string, string> {
  const g = new Gen(random(seed));
  const out: Record<string, string> = {};
  for (let f = 0; f < files; f++) {
    const docs: string[] = [];
    const count = 1 + g.int(perFile);
    for (let d = 0; d < count; d++) docs.push(`${g.chance(0.3) ? '# Source: chart/templates/x.yaml\n' : ''}${object(g)}`);
    out[`part-${f}.yaml`] = docs.map((d) => `---\n${d}`).join('') + (g.chance(0.2) ? '---\n' : '');
  }
  return out;
}
