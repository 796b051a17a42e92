'use strict';
/**
 * Generates lib/validate/schemas/k8s-<minor>.json, the compact schemas of every
 * Kubernetes minor that `chartwright validate` knows (1.28 to the newest).
 *
 * Source: `api/openapi-spec/swagger.json` of the `k8s.io/kubernetes` module at
 * each release in VERSIONS, fetched through the Go module proxy
 * (`go mod download -json k8s.io/kubernetes@vX.Y.Z` gives the zip). Field
 * names, types, integer formats, required fields and each kind's apiVersion
 * (x-kubernetes-group-version-kind) come from there; namespaced or not from
 * the spec's paths (a kind served under /namespaces/{namespace}/ is
 * namespaced); deprecated fields from their "Deprecated:" descriptions.
 * The swagger has no enums, so the enum values the API server enforces are
 * the overlay ENUMS below.
 *
 * To keep the package small, only the newest minor is written whole; every
 * older minor is written as the difference to the next newer one (the kinds
 * and definitions that differ; null for what it does not have). Most
 * definitions are the same across minors, so they are stored once. A version
 * is read only when validation targets it (see lib/validate/schema.ts).
 *
 *   npm run schema        (after adding a release to VERSIONS; needs go and unzip)
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'lib', 'validate', 'schemas');

/** The latest patch release of each minor on the Go module proxy when the schemas were generated. */
const VERSIONS = ['v1.28.15', 'v1.29.15', 'v1.30.14', 'v1.31.14', 'v1.32.13', 'v1.33.13', 'v1.34.5', 'v1.35.5', 'v1.36.4', 'v1.37.2'];

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

/** Definitions whose values are not objects of their own: how a field that refers to them is checked. */
const PRIMITIVE_DEFS = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'q',
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'ios',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 't',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 't',
};

function swaggerOf(version) {
  const info = JSON.parse(execFileSync('go', ['mod', 'download', '-json', `k8s.io/kubernetes@${version}`], { encoding: 'utf8', env: { ...process.env, GOFLAGS: '-mod=mod' } }));
  if (info.Error) throw new Error(info.Error);
  const text = execFileSync('unzip', ['-p', info.Zip, `k8s.io/kubernetes@${version}/api/openapi-spec/swagger.json`], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(text);
}

/** The compact type of a property: s, b, i32, i64, f, ios, q, t, any, []T, {}T, @definition, e:a|b. */
function typeOf(prop, definitions, key) {
  if (prop.$ref) {
    const id = prop.$ref.replace('#/definitions/', '');
    if (PRIMITIVE_DEFS[id]) return PRIMITIVE_DEFS[id];
    const def = definitions[id];
    if (!def || !def.properties) return def && def.type === 'string' ? 's' : 'any';
    return '@' + id;
  }
  switch (prop.type) {
    case 'string': return 's';
    case 'boolean': return 'b';
    case 'integer': return prop.format === 'int64' ? 'i64' : 'i32';
    case 'number': return 'f';
    case 'array': return '[]' + typeOf(prop.items ?? {}, definitions, key + '[]');
    case 'object': return prop.additionalProperties ? '{}' + typeOf(prop.additionalProperties, definitions, key + '{}') : 'any';
    default: return 'any';
  }
}

/**
 * What a field's description says after "Deprecated:" (or "Deprecated."), or
 * its "X is a deprecated alias for Y" sentence; the first sentence, and the
 * second too when the first only says that the field is deprecated.
 */
function deprecationOf(description) {
  const text = (description ?? '').replace(/\s+/g, ' ');
  const marked = /(?:^|\s)Deprecated[:.]\s*(.*)$/.exec(text);
  const alias = /(\S+ is a deprecated alias for \S+?)\./.exec(text);
  if (!marked) return alias ? alias[1] : undefined;
  const sentences = marked[1].split(/(?<=[a-z)"`])\.\s+(?=[A-Z])/);
  let note = sentences[0];
  if (/ is deprecated\.?$/.test(note) && sentences[1] && !sentences[1].startsWith('More info')) note += '. ' + sentences[1];
  note = note.replace(/\.$/, '').trim();
  return note === '' ? 'deprecated' : note;
}

function compact(swagger) {
  const definitions = swagger.definitions;
  const defs = {};
  for (const [id, def] of Object.entries(definitions)) {
    if (!def.properties || PRIMITIVE_DEFS[id]) continue;
    const p = {};
    const dep = {};
    for (const [key, prop] of Object.entries(def.properties)) {
      let type = typeOf(prop, definitions, `${id}#${key}`);
      const values = ENUMS[`${id}#${key}`] ?? (type.startsWith('[]') ? ENUMS[`${id}#${key}[]`] : undefined);
      if (values) type = (type.startsWith('[]') ? '[]' : '') + 'e:' + values.join('|');
      p[key] = type;
      // what an object's status says is not written by people
      const note = id.endsWith('Status') ? undefined : deprecationOf(prop.description);
      if (note) dep[key] = note;
    }
    const body = { p };
    if (def.required && def.required.length > 0) body.r = def.required;
    if (Object.keys(dep).length > 0) body.dep = dep;
    defs[id] = body;
  }

  const namespaced = new Set();
  for (const [route, item] of Object.entries(swagger.paths)) {
    for (const op of Object.values(item)) {
      const gvk = op && op['x-kubernetes-group-version-kind'];
      if (gvk && route.includes('/namespaces/{namespace}/')) namespaced.add(`${gvk.group}/${gvk.version}/${gvk.kind}`);
    }
  }
  const kinds = {};
  for (const [id, def] of Object.entries(definitions)) {
    const gvks = def['x-kubernetes-group-version-kind'];
    if (!gvks || gvks.length !== 1 || !defs[id]) continue; // DeleteOptions and WatchEvent belong to every group
    const { group, version, kind } = gvks[0];
    const apiVersion = group ? `${group}/${version}` : version;
    const entry = { d: id };
    if (kind.endsWith('List')) entry.list = true;
    else if (namespaced.has(`${group}/${version}/${kind}`)) entry.ns = true;
    kinds[`${apiVersion}/${kind}`] = entry;
  }
  const sorted = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  return { kinds: sorted(kinds), defs: sorted(defs) };
}

/** What `older` has that differs from `newer`: changed or added entries, and null for entries it lacks. */
function delta(older, newer) {
  const out = {};
  for (const [key, value] of Object.entries(older)) {
    if (JSON.stringify(value) !== JSON.stringify(newer[key])) out[key] = value;
  }
  for (const key of Object.keys(newer)) if (!(key in older)) out[key] = null;
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
}

function main() {
  fs.mkdirSync(OUT, { recursive: true });
  for (const file of fs.readdirSync(OUT)) if (/^k8s-.*\.json$/.test(file)) fs.rmSync(path.join(OUT, file));
  const minors = VERSIONS.map((v) => v.slice(1).split('.').slice(0, 2).join('.'));
  const all = VERSIONS.map((v) => compact(swaggerOf(v)));
  let total = 0;
  for (let i = 0; i < VERSIONS.length; i++) {
    const newest = i === VERSIONS.length - 1;
    const out = {
      kubernetes: minors[i],
      source: `k8s.io/kubernetes@${VERSIONS[i]} api/openapi-spec/swagger.json, with the enums of scripts/k8s-schema.js`,
      ...(newest ? all[i] : { base: minors[i + 1], kinds: delta(all[i].kinds, all[i + 1].kinds), defs: delta(all[i].defs, all[i + 1].defs) }),
    };
    const file = path.join(OUT, `k8s-${minors[i]}.json`);
    fs.writeFileSync(file, JSON.stringify(out) + '\n');
    const size = fs.statSync(file).size;
    total += size;
    console.log(`${path.relative(ROOT, file)}: ${Object.keys(out.kinds).length} kinds, ${Object.keys(out.defs).length} definitions${newest ? '' : ` differ from ${minors[i + 1]}`}, ${size} bytes`);
  }
  fs.writeFileSync(path.join(OUT, 'versions.json'), JSON.stringify({ newest: minors[minors.length - 1], versions: Object.fromEntries(minors.map((m, i) => [m, VERSIONS[i]])) }, null, 2) + '\n');
  console.log(`${minors.length} versions, ${total} bytes`);
}

main();
