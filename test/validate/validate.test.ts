import * as fs from 'fs';
import * as path from 'path';
import { RULES, formatFinding, parseManifests, rulesTable, validateObjects } from '../../lib/validate';
import { cronProblem, keyProblem, nameProblem, portNameProblem } from '../../lib/validate/apiserver';
import { imageTag } from '../../lib/validate/policy';
import { QUANTITY } from '../../lib/kube/quantity';
import { REPO, SAMPLE_PACKAGE, makeProject, readTree, runCli, samplePlatform, writeFiles } from '../support/project';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'validate');

function validateFile(file: string, options: Parameters<typeof validateObjects>[1] = {}) {
  const parsed = parseManifests(file, fs.readFileSync(file, 'utf8'));
  return [...parsed.findings, ...validateObjects(parsed.objects, options)];
}

/**
 * Every rule: its invalid case in test/fixtures/validate/invalid/<rule>.yaml,
 * the path and line the finding must name, and the other rules the case may
 * also trip. Its valid counterpart is valid/app.yaml (the same shapes, clean).
 */
/** Rules that YAML input can break; `construct-warning` comes from constructs during synth (test/constructs). */
const YAML_RULES = RULES.map((r) => r.id).filter((id) => id !== 'construct-warning');

/** A case's validation options beyond the prod profile: deprecated-api needs a target older than the newest. */
type CaseOptions = Parameters<typeof validateObjects>[1];
const CASES: Array<[string, string, number] | [string, string, number, string[]] | [string, string, number, string[], CaseOptions]> = [
  ['yaml-syntax', '', 5],
  ['yaml-duplicate-key', '', 8],
  ['object-kind', 'kind', 2],
  ['schema-kind', 'apiVersion', 2],
  ['schema-missing', 'kind', 3],
  ['schema-unknown-field', 'spec.replica', 50],
  ['schema-required', 'spec.template.spec.containers[0].ports[0].containerPort', 27],
  ['schema-type', 'spec.replicas', 8],
  ['schema-enum', 'spec.template.spec.containers[0].imagePullPolicy', 50],
  ['schema-format', 'spec.replicas', 8, ['pod-disruption-budget', 'pod-spread']],
  ['quantity-syntax', 'spec.template.spec.containers[0].resources.limits.memory', 35],
  ['deprecated-api', 'apiVersion', 2, [], { kubeVersion: '1.28' }],
  ['deprecated-field', 'metadata.selfLink', 7],
  ['name-format', 'metadata.name', 5],
  ['label-syntax', 'metadata.labels["app.kubernetes.io/version"]', 8],
  ['annotation-syntax', 'metadata.annotations["example.com/a/b"]', 8],
  ['port-range', 'spec.template.spec.containers[0].ports[0].containerPort', 28],
  ['port-name', 'spec.template.spec.containers[0].ports[0].name', 27],
  ['duplicate-name', 'spec.template.spec.containers[1].name', 50, ['probe-port']], // the second "app" probes a port only the first declares
  ['duplicate-entry', 'spec.template.spec.containers[0].env[1].name', 53],
  ['volume-mount', 'spec.template.spec.containers[0].volumeMounts[0].name', 51],
  ['selector-match', 'spec.selector', 10],
  ['cron-syntax', 'spec.schedule', 8],
  ['downward-api', 'spec.template.spec.containers[0].env[2].valueFrom.fieldRef.fieldPath', 63],
  ['image-reference', 'spec.template.spec.containers[0].image', 25],
  ['duplicate-object', 'metadata.name', 13],
  ['service-selector', 'spec.selector', 58],
  ['ingress-backend', 'spec.rules[0].http.paths[0].backend.service.port', 84],
  ['object-reference', 'spec.template.spec.containers[0].envFrom[0].configMapRef.name', 52],
  ['scale-target', 'spec.scaleTargetRef', 58],
  ['pdb-selector', 'spec.selector', 59],
  ['statefulset-service', 'spec.serviceName', 63],
  ['networkpolicy-selector', 'spec.podSelector', 58, ['network-policy']], // the policy that selects nothing leaves the app's pods unselected
  ['container-resources', 'spec.template.spec.containers[0].resources', 30],
  ['container-probes', 'spec.template.spec.containers[0].readinessProbe', 24],
  ['image-tag', 'spec.template.spec.containers[0].image', 25],
  ['pod-security', 'spec.template.spec.containers[0].securityContext.seLinuxOptions', 54],
  ['run-as-non-root', 'spec.template.spec.containers[0].securityContext.runAsNonRoot', 44],
  ['read-only-root-filesystem', 'spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem', 45],
  ['privilege-escalation', 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation', 45],
  ['capabilities-drop-all', 'spec.template.spec.containers[0].securityContext.capabilities.drop', 49],
  ['dangerous-capabilities', 'spec.template.spec.containers[0].securityContext.capabilities.add[0]', 51],
  ['seccomp-profile', 'spec.template.spec.securityContext.seccompProfile', 22],
  ['host-namespaces', 'spec.template.spec.hostNetwork', 50],
  ['host-path', 'spec.template.spec.volumes[0].hostPath', 56],
  ['service-account-token', 'spec.template.spec.automountServiceAccountToken', 17],
  ['pod-disruption-budget', '', 2],
  ['pod-spread', 'spec.template.spec.topologySpreadConstraints', 17],
  ['ingress-tls', 'spec.tls', 70],
  ['probe-port', 'spec.template.spec.containers[0].readinessProbe.httpGet.port', 39],
  ['identical-probes', 'spec.template.spec.containers[0].livenessProbe', 41],
  ['pull-policy', 'spec.template.spec.containers[0].imagePullPolicy', 26, ['image-tag']],
  ['privileged-port', 'spec.template.spec.containers[0].ports[0].containerPort', 28],
  ['secret-literal', 'spec.template.spec.containers[0].env[0].value', 31],
  ['job-ttl', 'spec.ttlSecondsAfterFinished', 8],
  ['cronjob-deadline', 'spec.startingDeadlineSeconds', 8],
  ['rbac-wildcard', 'rules[0].resources', 9],
  ['rbac-secrets', 'rules[0].resources', 9],
  ['rbac-escalation', 'rules[0].resources', 9],
  ['rbac-cluster-admin', 'roleRef.name', 9],
  ['hpa-replicas', 'spec.minReplicas', 10],
  ['pdb-blocks-eviction', 'spec.maxUnavailable', 10],
  ['network-policy', 'spec.template.metadata.labels', 15],
  ['ignore-annotation', 'metadata.annotations["chartwright.dev/ignore-host-namespaces"]', 8, ['host-namespaces']],
  // rules only the strict profile applies
  ['ephemeral-storage', 'spec.template.spec.containers[0].resources', 30, [], { profile: 'strict' }],
  ['requests-equal-limits', 'spec.template.spec.containers[0].resources', 30, [], { profile: 'strict' }],
];

describe('rules, case by case', () => {
  test('every rule has a case, and every invalid fixture is a rule', () => {
    expect(CASES.map(([rule]) => rule).sort()).toEqual(YAML_RULES.sort());
    const files = fs.readdirSync(path.join(FIXTURES, 'invalid')).map((f) => f.replace(/\.yaml$/, ''));
    expect(files.sort()).toEqual(YAML_RULES.sort());
  });

  test.each(CASES)('%s fires on its invalid case, at %p line %p, and nothing else fires', (rule, at, line, alsoFires = [], options = {}) => {
    const findings = validateFile(path.join(FIXTURES, 'invalid', `${rule}.yaml`), { profile: 'prod', complete: true, ...options });
    const hit = findings.find((f) => f.rule === rule);
    expect(hit).toBeDefined();
    expect(hit!.path).toBe(at);
    expect(hit!.source?.line).toBe(line);
    expect(hit!.severity).toBe('error'); // prod: best practices are errors too
    expect(hit!.message.length).toBeGreaterThan(10);
    expect(hit!.fix.length).toBeGreaterThan(5);
    expect([...new Set(findings.map((f) => f.rule))].sort()).toEqual([rule, ...alsoFires].sort());
  });

  test.each(fs.readdirSync(path.join(FIXTURES, 'valid')))('valid/%s passes every rule at the prod profile', (file) => {
    const result = runCli(REPO, ['validate', '--profile', 'prod', path.join(FIXTURES, 'valid', file)]);
    expect(result.stdout).toMatch(/: 0 errors, 0 warnings$/m);
    expect(result.code).toBe(0);
  });

  test('valid/guaranteed.yaml passes the strict profile too; the prod-clean app.yaml does not', () => {
    const strict = (file: string) => runCli(REPO, ['validate', '--profile', 'strict', path.join(FIXTURES, 'valid', file)]);
    const good = strict('guaranteed.yaml');
    expect(good.stdout).toMatch(/: 0 errors, 0 warnings$/m);
    expect(good.code).toBe(0);
    const app = strict('app.yaml');
    expect(app.stdout).toMatch(/^error \[(ephemeral-storage|requests-equal-limits)\]/m);
    expect(app.code).toBe(1);
  });
});

describe('schema', () => {
  function check(yaml: string, options = {}) {
    const parsed = parseManifests('x.yaml', yaml);
    return [...parsed.findings, ...validateObjects(parsed.objects, options)].filter((f) => f.rule.startsWith('schema') || f.rule === 'quantity-syntax');
  }
  function cm(extra: string): string {
    return 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' + extra;
  }

  test('unknown fields are rejected at any depth, with the closest known field suggested', () => {
    const [f] = check(cm('metadata2: {}\n'));
    expect(f.message).toBe('unknown field "metadata2" (did you mean "metadata"?)');
    const [g] = check('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n    - port: 80\n      targetport: 8080\n');
    expect(g.path).toBe('spec.ports[0].targetport');
    expect(g.fix).toBe('rename it to "targetPort"');
  });

  test('types, int32 range, int-or-string, quantities and date-times', () => {
    expect(check(cm('data: {a: 1}\n'))[0].message).toBe('expected a string, found number 1');
    expect(check(cm('immutable: "yes"\n'))[0].rule).toBe('schema-type');
    const svc = (targetPort: string) => check('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n    - port: 80\n      targetPort: ' + targetPort + '\n');
    expect(svc('8080')).toEqual([]);
    expect(svc('http')).toEqual([]);
    expect(svc('[1]')[0].rule).toBe('schema-type');
    expect(svc('2147483648')[0].rule).toBe('schema-format');
    const quota = (q: string) => check('apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q}\nspec:\n  hard:\n    memory: ' + q + '\n');
    for (const ok of ['1Gi', '500m', '1e3', '0.5', '2']) expect(quota(ok)).toEqual([]);
    expect(quota('1 GiB')[0].rule).toBe('quantity-syntax');
    const [ts] = check('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  creationTimestamp: "yesterday"\n');
    expect(ts.rule).toBe('schema-format');
    expect(check('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  creationTimestamp: null\n')).toEqual([]);
  });

  test('a wrong apiVersion names the one that serves the kind; an unknown kind suggests one', () => {
    const [f] = check('apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: {name: p}\n');
    expect(f.fix).toBe('use apiVersion: policy/v1');
    const [g] = check('apiVersion: v1\nkind: Secrett\nmetadata: {name: p}\n');
    expect(g.fix).toBe('did you mean kind: Secret?');
  });

  test('custom resources: checked against a CRD in the input, reported without one unless ignored', () => {
    const crd = fs.readFileSync(path.join(FIXTURES, 'valid', 'custom-resource.yml'), 'utf8').split('---')[0];
    const cr = 'apiVersion: example.com/v1\nkind: Backup\nmetadata: {name: b}\nspec:\n  keep: "7"\n  mode: daily\n  extra: 1\n';
    expect(check(`${crd}---\n${cr}`).map((f) => `${f.rule} ${f.path}`).sort()).toEqual([
      'schema-enum spec.mode', 'schema-required spec.target', 'schema-type spec.keep', 'schema-unknown-field spec.extra',
    ]);
    expect(check(cr).map((f) => f.rule)).toEqual(['schema-missing']);
    expect(check(cr, { ignoreMissingSchemas: true })).toEqual([]);
  });

  test('kind: List is expanded, and each item is checked with its own path and line', () => {
    const parsed = parseManifests('l.yaml', 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n    data: {x: 1}\n');
    const [f] = validateObjects(parsed.objects);
    expect(f.path).toBe('data.x');
    expect(f.source?.line).toBe(7);
  });
});

describe('API-server syntax', () => {
  test.each([
    ['*/5 * * * *', undefined], ['0 2 * * MON-FRI', undefined], ['@daily', undefined], ['@every 1h30m', undefined], ['0 0 1,15 JAN,jul ?', undefined],
    ['0 */5 * * * *', 'has 6 fields'], ['60 * * * *', 'invalid minute field "60": 60 is outside 0–59'], ['* * * * 8', 'outside 0–6'],
    ['TZ=UTC 0 * * * *', 'spec.timeZone'], ['@fortnightly', 'not a known macro'], ['5-1 * * * *', 'runs backwards'], ['*/0 * * * *', 'not a positive number'],
  ])('cron %p', (schedule, problem) => {
    const result = cronProblem(schedule);
    if (problem === undefined) expect(result).toBeUndefined();
    else expect(result).toContain(problem);
  });

  test('names per kind: Services are DNS-1035 labels, Namespaces labels, others subdomains, CronJobs at most 52', () => {
    expect(nameProblem('1web', 'dns1035', 63)).toContain('DNS-1035');
    expect(nameProblem('1web', 'label', 63)).toBeUndefined();
    expect(nameProblem('web.v2', 'label', 63)).toContain('DNS-1123 label');
    expect(nameProblem('web.v2', 'subdomain', 253)).toBeUndefined();
    expect(nameProblem('a'.repeat(53), 'subdomain', 52)).toContain('at most 52');
    expect(nameProblem('system:controller', 'path-segment', Infinity)).toBeUndefined();
  });

  test('label keys, port names, quantities and image tags', () => {
    expect(keyProblem('app.kubernetes.io/name')).toBeUndefined();
    expect(keyProblem('Example.com/x')).toContain('prefix');
    expect(keyProblem('a'.repeat(64))).toContain('at most 63');
    expect(portNameProblem('http')).toBeUndefined();
    expect(portNameProblem('8080')).toBe('has no letter');
    expect(portNameProblem('a--b')).toBe('contains "--"');
    expect(QUANTITY.test('1.5Gi')).toBe(true);
    expect(QUANTITY.test('1.5GB')).toBe(false);
    expect(imageTag('localhost:5000/app')).toBeUndefined();
    expect(imageTag('localhost:5000/app:2.1')).toBe('2.1');
    expect(imageTag('app@sha256:abc')).toBe('digest');
  });

  test('what environment variables read of their pod and container: fields, resources, divisors by value', () => {
    const env = [
      { name: 'OK_CPU', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1000m' } } },
      { name: 'OK_BYTES', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: 1024 } } },
      { name: 'OK_HUGE', valueFrom: { resourceFieldRef: { resource: 'limits.hugepages-1Gi' } } },
      { name: 'OK_IPS', valueFrom: { fieldRef: { fieldPath: 'status.podIPs' } } },
      { name: 'BAD_FIELD', valueFrom: { fieldRef: { fieldPath: 'spec.hostname' } } },
      { name: 'BAD_RESOURCE', valueFrom: { resourceFieldRef: { resource: 'limits.gpu' } } },
      { name: 'BAD_DIVISOR', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '2Mi' } } },
    ];
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'c:1.0.0', env }] } };
    const found = validateObjects([{ obj: pod, source: {} }]).filter((f) => f.rule === 'downward-api');
    expect(found.map((f) => [f.path, f.severity])).toEqual([
      ['spec.containers[0].env[4].valueFrom.fieldRef.fieldPath', 'error'],
      ['spec.containers[0].env[5].valueFrom.resourceFieldRef.resource', 'error'],
      ['spec.containers[0].env[6].valueFrom.resourceFieldRef.divisor', 'error'],
    ]);
    expect(found[0].message).toContain('environment variable "BAD_FIELD": fieldPath "spec.hostname" is not a pod field environment variables can read');
    expect(found[1].message).toContain('environment variable "BAD_RESOURCE": resource "limits.gpu" is not a container resource');
    expect(found[2].message).toBe('environment variable "BAD_DIVISOR": divisor 2Mi is not allowed with limits.memory: use 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi or 1Ei');
  });
});

describe('opt-outs, externals and profiles', () => {
  const invalid = (rule: string) => fs.readFileSync(path.join(FIXTURES, 'invalid', `${rule}.yaml`), 'utf8');
  const run = (yaml: string, options = {}) => {
    const parsed = parseManifests('x.yaml', yaml);
    return validateObjects(parsed.objects, options);
  };

  test('an opt-out with a reason silences its rule on that object only', () => {
    const yaml = invalid('host-namespaces').replace('namespace: shop\n', 'namespace: shop\n  annotations:\n    chartwright.dev/ignore-host-namespaces: "node exporter reads host metrics"\n');
    expect(run(yaml)).toEqual([]);
  });

  test('an opt-out of a rule the API server enforces, or of an unknown rule, is itself a finding', () => {
    const yaml = invalid('port-range').replace('namespace: shop\n', 'namespace: shop\n  annotations:\n    chartwright.dev/ignore-port-range: "legacy"\n    chartwright.dev/ignore-image-tags: "typo"\n');
    const rules = run(yaml).map((f) => `${f.rule}: ${f.message}`);
    expect(rules).toContain('port-range: port 70000 is out of range');
    expect(rules).toContain('ignore-annotation: rule "port-range" finds what the API server rejects and cannot be ignored');
    expect(rules).toContain('ignore-annotation: "image-tags" is not a rule');
  });

  test('references to objects made elsewhere: by annotation on the referencing object, or by option', () => {
    const yaml = invalid('object-reference');
    expect(run(yaml).map((f) => f.rule)).toEqual(['object-reference']);
    expect(run(yaml, { external: ['ConfigMap/app-settings'] })).toEqual([]);
    expect(run(yaml, { external: ['ConfigMap/other/app-settings'] })).toHaveLength(1);
    expect(run(yaml.replace('namespace: shop\n', 'namespace: shop\n  annotations:\n    chartwright.dev/external: "ConfigMap/app-settings"\n'))).toEqual([]);
    expect(run(yaml.replace('namespace: shop\n', 'namespace: shop\n  annotations:\n    chartwright.dev/external: "true"\n'))).toEqual([]);
    expect(run(yaml, { external: ['ConfigMap/*'] })).toEqual([]);
    expect(run(yaml, { external: ['ConfigMap/shop/*'] })).toEqual([]);
    expect(run(yaml, { external: ['Secret/*'] })).toHaveLength(1);
  });

  test('references outside files that may be part of a release are warnings; complete input (--complete, synth) makes them errors', () => {
    for (const rule of ['service-selector', 'ingress-backend', 'object-reference', 'scale-target', 'pdb-selector', 'statefulset-service', 'networkpolicy-selector']) {
      const findings = run(invalid(rule), { profile: 'prod' }).filter((f) => f.rule === rule);
      expect([rule, findings.map((f) => f.severity)]).toEqual([rule, ['warning']]);
      expect([rule, run(invalid(rule), { complete: true }).filter((f) => f.rule === rule).map((f) => f.severity)]).toEqual([rule, ['error']]);
    }
  });

  test('--external silences every reference rule: Pod/* (or Pod/namespace/*) for the pods selectors select', () => {
    const declared: Record<string, string[]> = {
      'service-selector': ['Pod/*'], 'pdb-selector': ['Pod/shop/*'], 'networkpolicy-selector': ['Pod/*'],
      'object-reference': ['ConfigMap/app-settings'], 'scale-target': ['Deployment/*'],
      // their cases name a Service of the output that is wrong (no such port, not headless): nothing external about it
      'ingress-backend': [], 'statefulset-service': [],
    };
    for (const [rule, external] of Object.entries(declared)) {
      if (external.length === 0) continue;
      expect([rule, run(invalid(rule), { complete: true, external }).filter((f) => f.rule === rule)]).toEqual([rule, []]);
    }
    expect(run(invalid('service-selector'), { complete: true, external: ['Pod/other/*'] }).filter((f) => f.rule === 'service-selector')).toHaveLength(1);
  });

  test('a key read from a ConfigMap of the output must be one of its keys', () => {
    const yaml = fs.readFileSync(path.join(FIXTURES, 'valid', 'web.yaml'), 'utf8').replace('key: greeting', 'key: greetin');
    expect(run(yaml).map((f) => `${f.path}: ${f.message} / ${f.fix}`)).toEqual([
      'spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef.key: variable "GREETING" reads key "greetin" of ConfigMap "web-config", which has no such key' +
        ' / use one of its keys: LOG_LEVEL, greeting, or add "greetin" to the ConfigMap',
    ]);
  });

  test('dev reports best practices as warnings, prod as errors, strict as errors plus its own rules; schema findings are errors in all', () => {
    const bp = run(invalid('image-tag'), { profile: 'dev' });
    expect(bp.map((f) => f.severity)).toEqual(['warning']);
    expect(run(invalid('image-tag'), { profile: 'prod' }).map((f) => f.severity)).toEqual(['error']);
    expect(run(invalid('image-tag'), { profile: 'strict' }).map((f) => `${f.rule} ${f.severity}`)).toEqual(['ephemeral-storage error', 'requests-equal-limits error', 'image-tag error']);
    expect(run(invalid('schema-type'), { profile: 'dev' }).map((f) => f.severity)).toEqual(['error']);
  });

  test('a finding as text names file, line, document, object, path, rule, problem and fix', () => {
    const [f] = validateFile(path.join(FIXTURES, 'invalid', 'schema-enum.yaml'));
    expect(formatFinding(f)).toBe(
      `error [schema-enum] ${path.join(FIXTURES, 'invalid', 'schema-enum.yaml')}:50 (document 1): Deployment shop/app at spec.template.spec.containers[0].imagePullPolicy: ` +
        '"always" is not one of "Always", "IfNotPresent", "Never"\n    fix: use "Always"',
    );
  });
});

describe('chartwright validate', () => {
  const invalidDir = path.join(FIXTURES, 'invalid');

  test('exit 0 with warnings only, 1 with errors, 2 for an unreadable file or a bad flag', () => {
    expect(runCli(REPO, ['validate', path.join(invalidDir, 'image-tag.yaml')]).code).toBe(0);
    expect(runCli(REPO, ['validate', '--profile', 'prod', path.join(invalidDir, 'image-tag.yaml')]).code).toBe(1);
    expect(runCli(REPO, ['validate', path.join(invalidDir, 'schema-type.yaml')]).code).toBe(1);
    const missing = runCli(REPO, ['validate', path.join(invalidDir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml: no such file or folder');
    expect(runCli(REPO, ['validate', '--profile', 'staging', invalidDir]).code).toBe(2);
    expect(runCli(REPO, ['validate', '--output', 'xml', invalidDir]).code).toBe(2);
    expect(runCli(REPO, ['validate']).code).toBe(2);
  });

  test('--output json lists every finding with file, document, line, object, path, rule, message and fix', () => {
    const result = runCli(REPO, ['validate', '--output', 'json', invalidDir]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.files).toBe(YAML_RULES.length);
    expect(report.valid).toBe(false);
    // validated together, the files are one output: pod-spread.yaml's PodDisruptionBudget
    // also covers the Deployment of pod-disruption-budget.yaml (same namespace and labels)
    // deprecated-api fires only below the newest Kubernetes version (the default target);
    // ephemeral-storage and requests-equal-limits only under the strict profile
    const expected = YAML_RULES.filter((id) => !['pod-disruption-budget', 'deprecated-api', 'ephemeral-storage', 'requests-equal-limits'].includes(id));
    expect(new Set(report.findings.map((f: any) => f.rule))).toEqual(new Set(expected));
    const f = report.findings.find((x: any) => x.rule === 'schema-unknown-field');
    expect(f).toEqual({
      rule: 'schema-unknown-field', severity: 'error', file: path.join(invalidDir, 'schema-unknown-field.yaml'), document: 0, line: 50,
      object: 'Deployment shop/app', path: 'spec.replica', message: 'unknown field "replica" (did you mean "replicas"?)', fix: 'rename it to "replicas"',
    });
  });

  test('--ignore-missing-schemas and --external', () => {
    expect(runCli(REPO, ['validate', path.join(invalidDir, 'schema-missing.yaml')]).code).toBe(1);
    expect(runCli(REPO, ['validate', '--ignore-missing-schemas', path.join(invalidDir, 'schema-missing.yaml')]).code).toBe(0);
    expect(runCli(REPO, ['validate', path.join(invalidDir, 'object-reference.yaml')]).code).toBe(0);
    expect(runCli(REPO, ['validate', '--complete', path.join(invalidDir, 'object-reference.yaml')]).code).toBe(1);
    expect(runCli(REPO, ['validate', '--complete', '--external', 'ConfigMap/app-settings', path.join(invalidDir, 'object-reference.yaml')]).code).toBe(0);
    expect(runCli(REPO, ['validate', '--external', 'app-settings', path.join(invalidDir, 'object-reference.yaml')]).code).toBe(2);
  });
});

describe('synth validates', () => {
  let dir: string;
  afterEach(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  const BROKEN = SAMPLE_PACKAGE.replace("image: 'example/app:2.0.0'", "image: 'example/app:2.0.0', imagePullPolicy: 'always'");
  const UNTAGGED = SAMPLE_PACKAGE.replace("image: 'example/app:2.0.0'", "image: 'example/app'");

  test('an error fails synth with the release, construct path, JSON path and fix, and writes nothing', () => {
    dir = makeProject({ 'apps/sample.ts': SAMPLE_PACKAGE, 'apps/main.ts': samplePlatform() });
    expect(runCli(dir, ['synth']).code).toBe(0);
    const before = readTree(path.join(dir, 'dist'));
    writeFiles(dir, { 'apps/sample.ts': BROKEN });
    const result = runCli(dir, ['synth']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('environment "dev" failed validation (profile dev): 2 errors; nothing was written');
    expect(result.stderr).toContain('release "web":');
    expect(result.stderr).toContain('error [schema-enum] web/server: Deployment dev/web-server at spec.template.spec.containers[0].imagePullPolicy: "always" is not one of');
    expect(result.stderr).toContain('fix: use "Always"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readTree(path.join(dir, 'dist'))).toEqual(before);
  });

  test('warnings are printed to stderr grouped by release; the profile (environment or --profile) makes them errors', () => {
    dir = makeProject({ 'apps/sample.ts': UNTAGGED, 'apps/main.ts': samplePlatform() });
    const result = runCli(dir, ['synth', '--env', 'dev']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: environment "dev": 2 validation warnings\n  release "web":\n    warning [image-tag] web/server: Deployment dev/web-server');
    expect(result.stderr).toContain('  release "api":\n    warning [image-tag] api/server');
    expect(runCli(dir, ['synth', '--env', 'dev', '--profile', 'prod']).code).toBe(1);
    writeFiles(dir, { 'apps/main.ts': samplePlatform().replace("prod: { namespace: 'prod',", "prod: { namespace: 'prod', profile: 'prod',") });
    const prod = runCli(dir, ['synth', '--env', 'prod']);
    expect(prod.code).toBe(1);
    expect(prod.stderr).toContain('environment "prod" failed validation (profile prod): 2 errors');
    expect(runCli(dir, ['synth', '--env', 'prod', '--profile', 'dev']).code).toBe(0);
  });

  test('when a later environment fails validation, the earlier one is not put in place either, and no staging folder is left', () => {
    dir = makeProject({ 'apps/sample.ts': UNTAGGED, 'apps/main.ts': samplePlatform().replace("prod: { namespace: 'prod',", "prod: { namespace: 'prod', profile: 'prod',") });
    const fresh = runCli(dir, ['synth']);
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toContain('environment "prod" failed validation (profile prod)');
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
    writeFiles(dir, { 'dist/dev/old.k8s.yaml': 'a: 1\n' });
    expect(runCli(dir, ['synth']).code).toBe(1);
    expect(readTree(path.join(dir, 'dist'))).toEqual({ 'dev/old.k8s.yaml': 'a: 1\n' });
    expect(fs.readdirSync(path.join(dir, 'dist'))).toEqual(['dev']);
  });

  test('the example apps synthesize with no finding at the prod profile, and validate clean', () => {
    const out = fs.mkdtempSync(path.join(REPO, '.validate-test-'));
    try {
      const result = runCli(REPO, ['synth', '--out', out, '--profile', 'prod']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      // the cache's ExternalSecret is a custom resource whose CRD the output does not carry: validation knows its schema
      const check = runCli(REPO, ['validate', '--profile', 'prod', out]);
      expect(check.stdout.trim()).toMatch(/^\d+ files, \d+ objects: 0 errors, 0 warnings$/);
      expect(check.code).toBe(0);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('custom resources the construct library makes', () => {
  function check(spec: unknown, extra: object[] = [], top: object = {}) {
    const es = { apiVersion: 'external-secrets.io/v1beta1', kind: 'ExternalSecret', metadata: { name: 'db', namespace: 'shop' }, spec, ...top };
    return validateObjects([...extra, es].map((obj) => ({ obj, source: {} }))).filter((f) => f.rule.startsWith('schema'));
  }
  const SPEC = {
    refreshInterval: '1h',
    secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' },
    target: { name: 'db', creationPolicy: 'Owner' },
    data: [{ secretKey: 'password', remoteRef: { key: 'db/prod', property: 'password' } }],
  };

  test('are checked without their CRD: the fields the library writes, loosely', () => {
    expect(check(SPEC)).toEqual([]);
    expect(check({ ...SPEC, refreshPolicy: 'Periodic', target: { ...SPEC.target, template: { type: 'Opaque', engineVersion: 'v2' } } })).toEqual([]); // fields of newer versions pass
    expect(check({ ...SPEC, refreshInterval: 3600 }).map((f) => [f.rule, f.path])).toEqual([['schema-type', 'spec.refreshInterval']]);
    expect(check({ ...SPEC, secretStoreRef: { name: 'vault', kind: 'SecretStor' } }).map((f) => [f.rule, f.path])).toEqual([['schema-enum', 'spec.secretStoreRef.kind']]);
    expect(check({ ...SPEC, data: [{ secretKey: 'password', remoteRef: { property: 'password' } }] }).map((f) => [f.rule, f.path])).toEqual([['schema-required', 'spec.data[0].remoteRef.key']]);
    expect(check(SPEC, [], { sepc: {} }).map((f) => [f.rule, f.path])).toEqual([['schema-unknown-field', 'sepc']]);
  });

  test('a CRD in the input takes precedence', () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'externalsecrets.external-secrets.io' },
      spec: {
        group: 'external-secrets.io', scope: 'Namespaced', names: { kind: 'ExternalSecret', plural: 'externalsecrets' },
        versions: [{ name: 'v1beta1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { refreshInterval: { type: 'integer' } } } } } } }],
      },
    };
    expect(check({ refreshInterval: 3600 }, [crd])).toEqual([]);
    expect(check({ refreshInterval: '1h' }, [crd]).map((f) => [f.rule, f.path])).toEqual([['schema-type', 'spec.refreshInterval']]);
  });
});

test('the README rule table is the one generated from the rule definitions', () => {
  const readme = fs.readFileSync(path.join(REPO, 'docs', 'validation.md'), 'utf8');
  const start = readme.indexOf('<!-- rules:start -->');
  const end = readme.indexOf('<!-- rules:end -->');
  expect(start).toBeGreaterThan(0);
  expect(readme.slice(start + '<!-- rules:start -->'.length, end).trim()).toBe(rulesTable());
});
