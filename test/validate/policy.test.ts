import { parseManifests, validateObjects } from '../../lib/validate';

/**
 * The order of an object's best-practice findings, whatever rule file they
 * come from: the object's, then its pod's, then each container's in turn
 * (every rule on the first container before the second), then the replicated
 * workload's. The rules run in registry order within each step.
 */
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      hostNetwork: true
      containers:
        - name: app
          image: nginx
          ports:
            - {containerPort: 8080, hostPort: 8080}
        - name: sidecar
          image: envoy:1.30
          securityContext: {privileged: true}
      volumes:
        - name: logs
          hostPath: {path: /var/log}
`;

test('one pass: pod, then container by container, then the replicated workload', () => {
  const parsed = parseManifests('web.yaml', DEPLOYMENT);
  expect(validateObjects(parsed.objects).map((f) => [f.rule, f.path])).toEqual([
    ['host-namespaces', 'spec.template.spec.hostNetwork'],
    ['host-path', 'spec.template.spec.volumes[0].hostPath'],
    ['service-account-token', 'spec.template.spec.automountServiceAccountToken'],
    ['container-resources', 'spec.template.spec.containers[0].resources'],
    ['container-probes', 'spec.template.spec.containers[0].readinessProbe'],
    ['image-tag', 'spec.template.spec.containers[0].image'],
    ['run-as-non-root', 'spec.template.spec.containers[0].securityContext.runAsNonRoot'],
    ['read-only-root-filesystem', 'spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem'],
    ['privilege-escalation', 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation'],
    ['capabilities-drop-all', 'spec.template.spec.containers[0].securityContext.capabilities.drop'],
    ['seccomp-profile', 'spec.template.spec.securityContext.seccompProfile'],
    ['host-namespaces', 'spec.template.spec.containers[0].ports[0].hostPort'],
    ['container-resources', 'spec.template.spec.containers[1].resources'],
    ['container-probes', 'spec.template.spec.containers[1].readinessProbe'],
    ['run-as-non-root', 'spec.template.spec.containers[1].securityContext.runAsNonRoot'],
    ['read-only-root-filesystem', 'spec.template.spec.containers[1].securityContext.readOnlyRootFilesystem'],
    ['privilege-escalation', 'spec.template.spec.containers[1].securityContext.privileged'],
    ['capabilities-drop-all', 'spec.template.spec.containers[1].securityContext.capabilities.drop'],
    ['seccomp-profile', 'spec.template.spec.securityContext.seccompProfile'],
    ['pod-disruption-budget', ''],
    ['pod-spread', 'spec.template.spec.topologySpreadConstraints'],
  ]);
});
