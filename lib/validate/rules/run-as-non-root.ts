import { BEST_PRACTICE, PolicyRule, containerName } from './rule';

const id = 'run-as-non-root';

/** A container's own securityContext wins over the pod's, field by field, as the kubelet reads them. */
export const runAsNonRoot: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'containers run as a non-root user',
  why:
    'A process that runs as root in a container is root on the node if it breaks out, and can write to whatever the container mounts. ' +
    '`runAsNonRoot: true` makes the kubelet refuse to start an image whose user is root; the restricted Pod Security Standard requires it.',
  fix: 'set `securityContext.runAsNonRoot: true` (pod or container) and a non-zero `runAsUser`',
  example: {
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
`,
    passes: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 10001
  containers:
    - name: app
      image: nginx:1.27.3
`,
  },
  checkContainer({ container, path, securityContext: sc }, { item, securityContext: psc }) {
    const runAsNonRoot = sc.runAsNonRoot ?? psc.runAsNonRoot;
    const runAsUser = sc.runAsUser ?? psc.runAsUser;
    if (runAsUser === 0) item.report(id, [...path, 'securityContext', 'runAsUser'], `${containerName(container)} runs as root (runAsUser: 0)`);
    else if (runAsNonRoot !== true) item.report(id, [...path, 'securityContext', 'runAsNonRoot'], `${containerName(container)} may run as root: runAsNonRoot is not true`);
  },
};
