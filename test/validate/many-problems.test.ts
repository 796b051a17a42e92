import * as fs from 'fs';
import * as path from 'path';
import { RULES, parseManifests, validateObjects } from '../../lib/validate';
import { REPO } from '../support/project';

/**
 * One output with many problems at once (fixtures/validate/mixed): duplicates
 * of names within lists and across a pod, references within and across
 * namespaces, declared externals, selectors, ports and probes. Every finding
 * of the API-server and reference rules is pinned: rule, object, path and
 * message, in order.
 */
const FILE = path.join(REPO, 'test', 'fixtures', 'validate', 'mixed', 'many-problems.yaml');

/** Best-practice rules, which fire on most objects here and have cases of their own; duplicate-entry finds what the API server warns of. */
const BEST_PRACTICES = new Set(RULES.filter((r) => r.category === 'best-practice' && r.id !== 'duplicate-entry').map((r) => r.id));

test('every API-server and reference finding of an output with many problems', () => {
  const parsed = parseManifests('many-problems.yaml', fs.readFileSync(FILE, 'utf8'));
  expect(parsed.findings).toEqual([]);
  const findings = validateObjects(parsed.objects, { profile: 'prod' }).filter((f) => !BEST_PRACTICES.has(f.rule));
  expect(findings.map((f) => [f.rule, f.object, f.path, f.message])).toEqual([
    ["duplicate-object", "ConfigMap shop/settings", "metadata.name", "another ConfigMap \"settings\" in namespace \"shop\" comes first, at many-problems.yaml (document 1)"],
    ["duplicate-name", "StatefulSet shop/db", "spec.template.spec.volumes[1].name", "volume name \"config\" is also volumes[0]'s"],
    ["name-format", "StatefulSet shop/db", "spec.template.spec.volumes[2].name", "volume name \"Bad_Name\" is not a DNS-1123 label (lower-case letters, digits and \"-\", starting and ending with a letter or digit)"],
    ["label-syntax", "StatefulSet shop/db", "spec.template.spec.nodeSelector[\"bad key!\"]", "label key \"bad key!\" has a name part that is not letters, digits, \"-\", \"_\" and \".\", starting and ending with a letter or digit"],
    ["image-reference", "StatefulSet shop/db", "spec.template.spec.containers[0].image", "\"Registry/App:1\" is not a valid image reference"],
    ["duplicate-entry", "StatefulSet shop/db", "spec.template.spec.containers[0].ports[0].name", "port name \"web\" is also ports[0] of initContainers[0]'s: a Service whose targetPort names it reaches only the first"],
    ["duplicate-entry", "StatefulSet shop/db", "spec.template.spec.containers[0].ports[1].containerPort", "port 8080/TCP is also ports[0] of this container"],
    ["port-range", "StatefulSet shop/db", "spec.template.spec.containers[0].ports[2].hostPort", "port 70000 is out of range"],
    ["port-name", "StatefulSet shop/db", "spec.template.spec.containers[0].ports[2].name", "port name \"very-long-port-name\" is 19 characters long; at most 15 are allowed"],
    ["duplicate-entry", "StatefulSet shop/db", "spec.template.spec.containers[0].env[1].name", "environment variable \"A\" is also env[0]"],
    ["name-format", "StatefulSet shop/db", "spec.template.spec.containers[0].env[2].name", "environment variable name \"1BAD\" is not letters, digits, \"_\", \"-\" and \".\", not starting with a digit"],
    ["volume-mount", "StatefulSet shop/db", "spec.template.spec.containers[0].volumeMounts[2].name", "volume \"unknown\" is not a volume of the pod"],
    ["port-name", "StatefulSet shop/db", "spec.template.spec.containers[0].livenessProbe.httpGet.port", "port \"8080\" is a number written as a string"],
    ["port-range", "StatefulSet shop/db", "spec.template.spec.containers[0].readinessProbe.tcpSocket.port", "port 70000 is out of range"],
    ["port-range", "StatefulSet shop/db", "spec.template.spec.containers[0].startupProbe.grpc.port", "port 0 is out of range"],
    ["duplicate-name", "StatefulSet shop/db", "spec.template.spec.containers[1].name", "container name \"app\" is also containers[0]'s"],
    ["duplicate-entry", "StatefulSet shop/db", "spec.template.spec.containers[1].ports[0].name", "port name \"metrics\" is also ports[1] of containers[0]'s: a Service whose targetPort names it reaches only the first"],
    ["port-name", "StatefulSet shop/db", "spec.template.spec.containers[1].readinessProbe.httpGet.port", "port name \"abc--d\" contains \"--\""],
    ["port-range", "Service shop/db", "spec.ports[1].nodePort", "a ClusterIP Service may not set nodePort"],
    ["port-name", "Service shop/db", "spec.ports[0].targetPort", "port \"80\" is a number written as a string"],
    ["port-range", "Service shop/db", "spec.ports[1].nodePort", "port 70000 is out of range"],
    ["duplicate-name", "Service shop/db", "spec.ports[1].name", "port name \"http\" is also spec.ports[0]'s"],
    ["duplicate-name", "Service shop/db", "spec.ports[1].port", "port 80/TCP is also spec.ports[0]"],
    ["port-name", "Service shop/db", "spec.ports[2].targetPort", "port name \"toolongportname1\" is 16 characters long; at most 15 are allowed"],
    ["duplicate-name", "Service shop/db", "spec.ports[2].name", "a Service with more than one port must name every port"],
    ["object-reference", "StatefulSet shop/db", "spec.template.spec.volumes[1].configMap.name", "volume \"config\" mounts ConfigMap \"missing-cm\", which is not in the output in namespace \"shop\""],
    ["object-reference", "StatefulSet shop/db", "spec.template.spec.volumes[3].projected.sources[0].configMap.name", "volume \"proj\" projects ConfigMap \"gone\", which is not in the output in namespace \"shop\""],
    ["object-reference", "StatefulSet shop/db", "spec.template.spec.volumes[3].projected.sources[1].secret.name", "volume \"proj\" projects Secret \"gone-secret\", which is not in the output in namespace \"shop\""],
    ["object-reference", "StatefulSet shop/db", "spec.template.spec.volumes[4].persistentVolumeClaim.claimName", "volume \"claim\" mounts PersistentVolumeClaim \"no-claim\", which is not in the output in namespace \"shop\""],
    ["object-reference", "StatefulSet shop/db", "spec.template.spec.serviceAccountName", "the pod runs as ServiceAccount \"db-account\", which is not in the output in namespace \"shop\""],
    ["object-reference", "StatefulSet shop/db", "spec.template.spec.imagePullSecrets[0].name", "the image pull secret Secret \"registry\", which is not in the output in namespace \"shop\""],
    ["object-reference", "StatefulSet shop/db", "spec.template.spec.containers[0].envFrom[0].configMapRef.name", "envFrom reads ConfigMap \"nothing\", which is not in the output in namespace \"shop\""],
    ["object-reference", "StatefulSet shop/db", "spec.template.spec.containers[0].env[3].valueFrom.configMapKeyRef.key", "variable \"B\" reads key \"nokey\" of ConfigMap \"settings\", which has no such key"],
    ["object-reference", "StatefulSet shop/db", "spec.template.spec.containers[0].env[4].valueFrom.secretKeyRef.name", "variable \"C\" reads Secret \"absent\", which is not in the output in namespace \"shop\""],
    ["statefulset-service", "StatefulSet shop/db", "spec.serviceName", "Service \"db\" is not headless"],
    ["service-selector", "Service shop/lonely", "spec.selector", "the selector {\"app\":\"nobody\"} matches no pod template in namespace \"shop\""],
    ["ingress-backend", "Ingress shop/front", "spec.defaultBackend.service.name", "backend Service \"nowhere\" is not in the output in namespace \"shop\""],
    ["ingress-backend", "Ingress shop/front", "spec.rules[0].http.paths[0].backend.service.port", "Service \"db\" has no port named \"grpc\""],
    ["ingress-backend", "Ingress shop/front", "spec.rules[0].http.paths[2].backend.service.port", "Service \"lonely\" has no port 90"],
    ["scale-target", "HorizontalPodAutoscaler shop/db", "spec.scaleTargetRef", "scale target Deployment \"db\" is not in the output in namespace \"shop\""],
    ["pdb-selector", "PodDisruptionBudget shop/db", "spec.selector", "the selector matches no pod template in namespace \"shop\""],
    ["networkpolicy-selector", "NetworkPolicy shop/none", "spec.podSelector", "the podSelector matches no pod template in namespace \"shop\""],
    ["object-reference", "Deployment other/worker", "spec.template.spec.volumes[0].configMap.name", "volume \"v\" mounts ConfigMap \"settings\", which is not in the output in namespace \"other\""],
    ["object-reference", "Deployment other/worker", "spec.template.spec.containers[0].envFrom[0].secretRef.name", "envFrom reads Secret \"creds\", which is not in the output in namespace \"other\""],
  ]);
});
