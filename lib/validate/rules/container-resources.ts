import { EMPTY, Json, isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule, containerName } from './rule';

const id = 'container-resources';

/** Requests and limits for CPU and memory, each named when missing. */
export const containerResources: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'containers set CPU and memory requests and limits',
  why:
    'The scheduler places a pod by its requests: without them a node can be filled past what it has, and the pod is the first evicted under pressure (QoS class BestEffort). ' +
    'Without limits one container can take a node\'s memory or CPU from its neighbours. A ResourceQuota in the namespace also rejects pods that set none.',
  fix: 'set `resources.requests` and `resources.limits` for `cpu` and `memory`',
  example: {
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
      resources:
        requests:
          cpu: 100m
`,
    passes: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
      resources:
        requests:
          cpu: 100m
          memory: 128Mi
        limits:
          cpu: 500m
          memory: 128Mi
`,
  },
  checkContainer({ container, path }, { item }) {
    const resources: Json = isRecord(container.resources) ? container.resources : EMPTY;
    const requests: Json = isRecord(resources.requests) ? resources.requests : EMPTY;
    const limits: Json = isRecord(resources.limits) ? resources.limits : EMPTY;
    if (requests.cpu == null || requests.memory == null || limits.cpu == null || limits.memory == null) {
      const missing = [['requests.cpu', requests.cpu], ['requests.memory', requests.memory], ['limits.cpu', limits.cpu], ['limits.memory', limits.memory]].filter(([, v]) => v == null).map(([what]) => what);
      item.report(id, [...path, 'resources'], `${containerName(container)} sets no ${missing.join(', ')}`);
    }
  },
};
