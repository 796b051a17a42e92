import { EMPTY, Json, isRecord } from '../objects';
import { PolicyRule, STRICT_ONLY, containerName } from './rule';

const id = 'ephemeral-storage';

/**
 * An ephemeral-storage request and limit on every container of a pod that
 * keeps running. A Job's pods end on their own and take their files with
 * them, so they are left out. Only the `strict` profile applies the rule:
 * most images write little besides logs, and kube-score keeps the matching
 * check optional.
 */
export const ephemeralStorage: PolicyRule = {
  id,
  category: 'best-practice',
  severity: STRICT_ONLY,
  what: 'containers of long-running pods set an `ephemeral-storage` request and limit',
  why:
    'Logs, the container\'s writable layer and `emptyDir` volumes use the node\'s disk. The scheduler places a pod by its ephemeral-storage request, and the kubelet evicts a pod whose container writes past its limit; ' +
    'without them one container that writes without bound fills the node\'s disk and gets every pod on the node evicted (DiskPressure). ' +
    'Only the `strict` profile applies the rule: a Job\'s pods end on their own and are not checked.',
  fix: 'set `resources.requests.ephemeral-storage` and `resources.limits.ephemeral-storage`, such as `1Gi`',
  example: {
    fails: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: nginx:1.27.3
          resources:
            requests:
              ephemeral-storage: 1Gi
`,
    passes: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: nginx:1.27.3
          resources:
            requests:
              ephemeral-storage: 1Gi
            limits:
              ephemeral-storage: 2Gi
`,
  },
  checkContainer({ container, path }, { item, longRunning }) {
    if (!longRunning) return;
    const resources: Json = isRecord(container.resources) ? container.resources : EMPTY;
    const requests: Json = isRecord(resources.requests) ? resources.requests : EMPTY;
    const limits: Json = isRecord(resources.limits) ? resources.limits : EMPTY;
    const missing = [['requests', requests], ['limits', limits]].filter(([, of]) => (of as Json)['ephemeral-storage'] == null).map(([what]) => `${what}.ephemeral-storage`);
    if (missing.length > 0) item.report(id, [...path, 'resources'], `${containerName(container)} sets no ${missing.join(' or ')}`);
  },
};
