import { RULES, parseManifests, validateObjects } from '../../lib/validate';

const POLICY = new Set(RULES.filter((r) => r.category === 'best-practice' && r.id !== 'duplicate-entry').map((r) => r.id));

/**
 * What the API server accepts (with a warning at most) is no error here, and
 * what it rejects is: the cases of issue 22's lists, each also a case of
 * test/fixtures/apiserver-corpus/ checked against a real server.
 */
function findings(yaml: string, profile: 'dev' | 'prod' = 'dev'): string[][] {
  const parsed = parseManifests('case.yaml', yaml);
  expect(parsed.findings).toEqual([]);
  // each case is all there is: what it refers to is in it or nowhere
  return validateObjects(parsed.objects, { profile, complete: true })
    .filter((f) => !POLICY.has(f.rule))
    .map((f) => [f.severity, f.rule, f.path, f.message]);
}

const pod = (spec: string, meta = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p${meta}
spec:
  automountServiceAccountToken: false
${spec}`;

test('an env var set twice in a container is a warning (the server warns; server-side apply rejects)', () => {
  expect(findings(pod(`  containers:
    - name: app
      image: nginx:1.27.3
      env:
        - {name: LEVEL, value: info}
        - {name: LEVEL, value: debug}
`))).toEqual([
    ['warning', 'duplicate-entry', 'spec.containers[0].env[1].name', 'environment variable "LEVEL" is also env[0]'],
  ]);
});

test('a containerPort/protocol twice in a container is a warning; the same number over TCP and UDP is nothing', () => {
  expect(findings(pod(`  containers:
    - name: app
      image: nginx:1.27.3
      ports:
        - containerPort: 53
        - containerPort: 53
          protocol: UDP
        - containerPort: 53
`))).toEqual([
    ['warning', 'duplicate-entry', 'spec.containers[0].ports[2].containerPort', 'port 53/TCP is also ports[0] of this container'],
  ]);
});

test('a port name in two containers is a warning; twice in one container it stays an error', () => {
  expect(findings(pod(`  containers:
    - name: app
      image: nginx:1.27.3
      ports:
        - {name: metrics, containerPort: 9100}
    - name: sidecar
      image: nginx:1.27.3
      ports:
        - {name: metrics, containerPort: 9101}
        - {name: metrics, containerPort: 9102}
`))).toEqual([
    ['warning', 'duplicate-entry', 'spec.containers[1].ports[0].name', 'port name "metrics" is also ports[0] of containers[0]\'s: a Service whose targetPort names it reaches only the first'],
    ['error', 'duplicate-name', 'spec.containers[1].ports[1].name', 'port name "metrics" is also ports[0]\'s'],
  ]);
});

test('the kube-root-ca.crt ConfigMap of every namespace is not missing', () => {
  expect(findings(pod(`  volumes:
    - name: token
      projected:
        sources:
          - configMap:
              name: kube-root-ca.crt
              items: [{key: ca.crt, path: ca.crt}]
  containers:
    - name: app
      image: nginx:1.27.3
`))).toEqual([]);
});

test('an object without a namespace and one in "default" are in one namespace', () => {
  const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: default}\n';
  const uses = pod(`  volumes: [{name: c, configMap: {name: settings}}]
  containers: [{name: app, image: nginx:1.27.3}]
`);
  expect(findings(`${configMap}---\n${uses}`)).toEqual([]);
  const plain = pod('  containers: [{name: app, image: nginx:1.27.3}]\n');
  const inDefault = pod('  containers: [{name: app, image: nginx:1.27.3}]\n', '\n  namespace: default');
  expect(findings(`${plain}---\n${inDefault}`)).toEqual([
    ['error', 'duplicate-object', 'metadata.name', expect.stringContaining('another Pod "p" comes first')],
  ]);
});

test('a ServiceAccount named through the deprecated spec.serviceAccount must exist', () => {
  expect(findings(pod(`  serviceAccount: robot
  containers: [{name: app, image: nginx:1.27.3}]
`))).toEqual([
    ['error', 'object-reference', 'spec.serviceAccount', 'the pod runs as ServiceAccount "robot", which is not in the output'],
  ]);
  expect(findings(`apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: robot}\n---\n${pod(`  serviceAccount: robot
  containers: [{name: app, image: nginx:1.27.3}]
`)}`)).toEqual([]);
});

test('Service ports without a port number are reported missing, not as duplicates of "undefined/TCP"', () => {
  const result = findings(`apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  ports:
    - {name: a, targetPort: 80}
    - {name: b, targetPort: 81}
`);
  expect(result).toEqual([
    ['error', 'schema-required', 'spec.ports[0].port', 'required field "port" is missing'],
    ['error', 'schema-required', 'spec.ports[1].port', 'required field "port" is missing'],
  ]);
});
