'use strict';
/**
 * Generates lib/validate/k8s-1.28.json, the compact Kubernetes 1.28 schema
 * that `chartwright validate` checks built-in kinds against.
 *
 * Source: cdk8s-plus-28's lib/imports/k8s.d.ts and k8s.js, which cdk8s
 * generated from the Kubernetes 1.28 OpenAPI definitions. Every interface and
 * property there carries `@schema <definition>#<json key>`, so the JSON field
 * names, their types, which are required, and each kind's apiVersion (GVK) come
 * straight from the 1.28 definitions. Namespaced or not comes from
 * cdk8s-plus-28's api-resources.txt (`kubectl api-resources` of 1.28).
 *
 * What the import dropped is put back from OVERLAY below: integer formats
 * (int64 where the definitions say so; the rest are int32), enum values the
 * API server enforces, and the read-only fields a manifest may still carry
 * (`status`, `metadata.creationTimestamp` and the like).
 *
 *   npm run schema        (re-run after upgrading cdk8s-plus-28)
 */
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');
const PLUS = path.dirname(require.resolve('cdk8s-plus-28/package.json', { paths: [ROOT] }));
const OUT = path.join(ROOT, 'lib', 'validate', 'k8s-1.28.json');

/** Integer fields that the 1.28 definitions declare int64 (all other integers are int32). */
const INT64 = new Set([
  'generation', 'observedGeneration', 'deletionGracePeriodSeconds', 'activeDeadlineSeconds',
  'terminationGracePeriodSeconds', 'runAsUser', 'runAsGroup', 'fsGroup', 'startingDeadlineSeconds',
  'expirationSeconds', 'tolerationSeconds', 'gracePeriodSeconds', 'revision', 'maxItems', 'maxLength',
  'maxProperties', 'minItems', 'minLength', 'minProperties', 'capacity', 'seconds',
]);
/** Arrays of int64 (PodSecurityContext.supplementalGroups). */
const INT64_ITEMS = new Set(['supplementalGroups']);
/** Floating-point fields. */
const DOUBLE = new Set([
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps#maximum',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps#minimum',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps#multipleOf',
]);

const core = 'io.k8s.api.core.v1.';
const PROTOCOL = ['TCP', 'UDP', 'SCTP'];
/** Enum values the API server enforces (Kubernetes 1.28 "Possible enum values"). */
const ENUMS = {
  [core + 'Container#imagePullPolicy']: ['Always', 'IfNotPresent', 'Never'],
  [core + 'Container#terminationMessagePolicy']: ['File', 'FallbackToLogsOnError'],
  [core + 'EphemeralContainer#imagePullPolicy']: ['Always', 'IfNotPresent', 'Never'],
  [core + 'ContainerPort#protocol']: PROTOCOL,
  [core + 'ServicePort#protocol']: PROTOCOL,
  [core + 'EndpointPort#protocol']: PROTOCOL,
  'io.k8s.api.networking.v1.NetworkPolicyPort#protocol': PROTOCOL,
  'io.k8s.api.discovery.v1.EndpointPort#protocol': PROTOCOL,
  [core + 'PodSpec#restartPolicy']: ['Always', 'OnFailure', 'Never'],
  [core + 'PodSpec#dnsPolicy']: ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'],
  [core + 'PodSpec#preemptionPolicy']: ['PreemptLowerPriority', 'Never'],
  [core + 'ServiceSpec#type']: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
  [core + 'ServiceSpec#sessionAffinity']: ['ClientIP', 'None'],
  [core + 'ServiceSpec#externalTrafficPolicy']: ['Cluster', 'Local'],
  [core + 'ServiceSpec#internalTrafficPolicy']: ['Cluster', 'Local'],
  [core + 'ServiceSpec#ipFamilyPolicy']: ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
  [core + 'ServiceSpec#ipFamilies[]']: ['IPv4', 'IPv6'],
  [core + 'Toleration#operator']: ['Exists', 'Equal'],
  [core + 'Toleration#effect']: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  [core + 'Taint#effect']: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  [core + 'PersistentVolumeClaimSpec#volumeMode']: ['Filesystem', 'Block'],
  [core + 'PersistentVolumeClaimSpec#accessModes[]']: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  [core + 'PersistentVolumeSpec#accessModes[]']: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  [core + 'PersistentVolumeSpec#persistentVolumeReclaimPolicy']: ['Delete', 'Recycle', 'Retain'],
  [core + 'SeccompProfile#type']: ['Localhost', 'RuntimeDefault', 'Unconfined'],
  [core + 'HTTPGetAction#scheme']: ['HTTP', 'HTTPS'],
  [core + 'VolumeMount#mountPropagation']: ['None', 'HostToContainer', 'Bidirectional'],
  [core + 'HostPathVolumeSource#type']: ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'],
  [core + 'NodeSelectorRequirement#operator']: ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'],
  [core + 'TopologySpreadConstraint#whenUnsatisfiable']: ['DoNotSchedule', 'ScheduleAnyway'],
  [core + 'TopologySpreadConstraint#nodeAffinityPolicy']: ['Honor', 'Ignore'],
  [core + 'TopologySpreadConstraint#nodeTaintsPolicy']: ['Honor', 'Ignore'],
  [core + 'ResourceQuotaSpec#scopes[]']: ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating'],
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement#operator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
  'io.k8s.api.networking.v1.HTTPIngressPath#pathType': ['Exact', 'Prefix', 'ImplementationSpecific'],
  'io.k8s.api.networking.v1.NetworkPolicySpec#policyTypes[]': ['Ingress', 'Egress'],
  'io.k8s.api.apps.v1.DeploymentStrategy#type': ['Recreate', 'RollingUpdate'],
  'io.k8s.api.apps.v1.StatefulSetUpdateStrategy#type': ['OnDelete', 'RollingUpdate'],
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy#type': ['OnDelete', 'RollingUpdate'],
  'io.k8s.api.apps.v1.StatefulSetSpec#podManagementPolicy': ['OrderedReady', 'Parallel'],
  'io.k8s.api.batch.v1.CronJobSpec#concurrencyPolicy': ['Allow', 'Forbid', 'Replace'],
  'io.k8s.api.batch.v1.JobSpec#completionMode': ['NonIndexed', 'Indexed'],
  'io.k8s.api.autoscaling.v2.MetricSpec#type': ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'],
  'io.k8s.api.autoscaling.v2.MetricTarget#type': ['AverageValue', 'Utilization', 'Value'],
  'io.k8s.api.autoscaling.v2.HPAScalingRules#selectPolicy': ['Disabled', 'Max', 'Min'],
  'io.k8s.api.autoscaling.v2.HPAScalingPolicy#type': ['Percent', 'Pods'],
  'io.k8s.api.policy.v1.PodDisruptionBudgetSpec#unhealthyPodEvictionPolicy': ['AlwaysAllow', 'IfHealthyBudget'],
  'io.k8s.api.admissionregistration.v1.ValidatingWebhook#failurePolicy': ['Fail', 'Ignore'],
  'io.k8s.api.admissionregistration.v1.MutatingWebhook#failurePolicy': ['Fail', 'Ignore'],
  'io.k8s.api.admissionregistration.v1.ValidatingWebhook#sideEffects': ['None', 'NoneOnDryRun', 'Some', 'Unknown'],
  'io.k8s.api.admissionregistration.v1.MutatingWebhook#sideEffects': ['None', 'NoneOnDryRun', 'Some', 'Unknown'],
  'io.k8s.api.admissionregistration.v1.MutatingWebhook#reinvocationPolicy': ['IfNeeded', 'Never'],
};

/** Read-only fields the import leaves out but that a manifest (say, `kubectl get -o yaml`) may carry. */
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const EXTRA_PROPS = {
  [META]: { creationTimestamp: 't', deletionTimestamp: 't', generation: 'i64', resourceVersion: 's', selfLink: 's', uid: 's', deletionGracePeriodSeconds: 'i64' },
};

function schemaTag(node) {
  for (const tag of ts.getJSDocTags(node)) {
    if (tag.tagName.text === 'schema') {
      const text = typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment);
      return text && text.trim();
    }
  }
  return undefined;
}

function main() {
  const dts = path.join(PLUS, 'lib', 'imports', 'k8s.d.ts');
  const source = ts.createSourceFile(dts, fs.readFileSync(dts, 'utf8'), ts.ScriptTarget.ES2022, true);
  const interfaces = new Map(); // TS name → declaration
  const enums = new Set();
  for (const stmt of source.statements) {
    if (ts.isInterfaceDeclaration(stmt)) interfaces.set(stmt.name.text, stmt);
    if (ts.isEnumDeclaration(stmt)) enums.add(stmt.name.text);
  }
  const idOf = (name) => {
    const decl = interfaces.get(name);
    const tag = decl && schemaTag(decl);
    if (!tag) throw new Error(`interface ${name} has no @schema tag`);
    return tag;
  };

  const defs = {};
  const typeOf = (node, key) => {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword: return 's';
      case ts.SyntaxKind.BooleanKeyword: return 'b';
      case ts.SyntaxKind.AnyKeyword: return 'any';
      case ts.SyntaxKind.NumberKeyword: {
        const field = key.split('#')[1];
        if (DOUBLE.has(key)) return 'f';
        return INT64.has(field) ? 'i64' : 'i32';
      }
      case ts.SyntaxKind.ArrayType: {
        const field = key.split('#')[1];
        if (INT64_ITEMS.has(field)) return '[]i64';
        return '[]' + typeOf(node.elementType, key + '[]');
      }
      case ts.SyntaxKind.TypeLiteral: {
        const index = node.members.find(ts.isIndexSignatureDeclaration);
        if (!index) throw new Error(`${key}: type literal without an index signature`);
        return '{}' + typeOf(index.type, key + '{}');
      }
      case ts.SyntaxKind.UnionType: return 'ios';
      case ts.SyntaxKind.TypeReference: {
        const name = node.typeName.getText();
        if (name === 'Date') return 't';
        if (name === 'IntOrString') return 'ios';
        if (name === 'Quantity') return 'q';
        if (enums.has(name)) return 's';
        return '@' + idOf(name);
      }
      default:
        throw new Error(`${key}: unhandled type ${ts.SyntaxKind[node.kind]}`);
    }
  };

  for (const [name, decl] of interfaces) {
    const id = schemaTag(decl);
    if (!id) continue;
    if (defs[id] && !name.startsWith('Kube')) continue; // props interfaces win: same definition
    const props = {};
    const required = [];
    for (const member of decl.members) {
      if (!ts.isPropertySignature(member)) continue;
      const tag = schemaTag(member);
      if (!tag || !tag.includes('#')) throw new Error(`${name}.${member.name.getText()} has no @schema tag`);
      const key = tag.slice(tag.indexOf('#') + 1);
      let type = typeOf(member.type, `${id}#${key}`);
      const values = ENUMS[`${id}#${key}`] ?? (type.startsWith('[]') ? ENUMS[`${id}#${key}[]`] : undefined);
      if (values) type = (type.startsWith('[]') ? '[]' : '') + 'e:' + values.join('|');
      props[key] = type;
      if (!member.questionToken) required.push(key);
    }
    Object.assign(props, EXTRA_PROPS[id] ?? {});
    defs[id] = required.length > 0 ? { p: props, r: required } : { p: props };
  }

  // Kinds: every class with a GVK; their definition is that of the KubeXxxProps interface.
  const k8s = require(path.join(PLUS, 'lib', 'imports', 'k8s.js'));
  const namespaced = new Map();
  const resources = fs.readFileSync(path.join(PLUS, 'api-resources.txt'), 'utf8').split('\n').slice(1);
  for (const line of resources) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 4) continue;
    // NAME [SHORTNAMES] APIVERSION NAMESPACED KIND ...
    const nsIndex = cols.findIndex((c) => c === 'true' || c === 'false');
    namespaced.set(`${cols[nsIndex - 1]}/${cols[nsIndex + 1]}`, cols[nsIndex] === 'true');
  }
  const kinds = {};
  for (const [className, value] of Object.entries(k8s)) {
    if (typeof value !== 'function' || !value.GVK) continue;
    const { apiVersion, kind } = value.GVK;
    const id = idOf(`${className}Props`);
    const def = defs[id];
    // The import leaves out apiVersion, kind and status of top-level kinds.
    def.p = { apiVersion: 's', kind: 's', ...def.p, status: 'any' };
    const gvk = `${apiVersion}/${kind}`;
    const entry = { d: id };
    if (kind.endsWith('List')) entry.list = true;
    else entry.ns = namespaced.get(gvk) ?? false;
    kinds[gvk] = entry;
  }

  const sorted = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  const out = {
    kubernetes: '1.28',
    source: `cdk8s-plus-28@${require(path.join(PLUS, 'package.json')).version} lib/imports (Kubernetes 1.28 OpenAPI definitions), with the overlay in scripts/k8s-schema.js`,
    kinds: sorted(kinds),
    defs: sorted(defs),
  };
  fs.writeFileSync(OUT, JSON.stringify(out) + '\n');
  console.log(`${path.relative(ROOT, OUT)}: ${Object.keys(kinds).length} kinds, ${Object.keys(defs).length} definitions, ${fs.statSync(OUT).size} bytes`);
}

main();
