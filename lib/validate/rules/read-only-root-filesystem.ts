import { BEST_PRACTICE, PolicyRule, containerName } from './rule';

const id = 'read-only-root-filesystem';

export const readOnlyRootFilesystem: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'containers have a read-only root filesystem',
  why:
    'A writable root filesystem lets an attacker who gets into the container change its binaries and configuration, and lets the app write data that a restart silently loses. ' +
    'With a read-only root, what the app writes goes to volumes it declares, such as an emptyDir on /tmp.',
  fix: 'set `securityContext.readOnlyRootFilesystem: true` and mount an emptyDir where the app writes',
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
  containers:
    - name: app
      image: nginx:1.27.3
      securityContext:
        readOnlyRootFilesystem: true
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    - name: tmp
      emptyDir: {}
`,
  },
  checkContainer({ container, path, securityContext: sc }, { item }) {
    if (sc.readOnlyRootFilesystem !== true) item.report(id, [...path, 'securityContext', 'readOnlyRootFilesystem'], `${containerName(container)} can write to its root filesystem`);
  },
};
