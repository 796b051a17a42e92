import { EMPTY, Json, isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule, containerName } from './rule';

const id = 'container-resources';

/**
 * Requests for CPU and memory and a memory limit, each named when missing. A
 * CPU limit is not required: CPU is shared by weight of the requests, and a
 * limit only throttles a container the node has CPU to spare for (the
 * library's `limit: null` idiom leaves it out on purpose). Memory cannot be
 * taken back but by killing a process, so its limit is.
 */
export const containerResources: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'containers set CPU and memory requests and a memory limit (a CPU limit is optional)',
  why:
    'The scheduler places a pod by its requests: without them a node can be filled past what it has, and the pod is the first evicted under pressure (QoS class BestEffort). ' +
    'Without a memory limit one container can take a node\'s memory from its neighbours and get them killed. A ResourceQuota in the namespace also rejects pods that set none. ' +
    'A CPU limit is not required: CPU is shared in proportion to the requests, and a limit only throttles a container when the node has CPU to spare, so leaving it out (`limit: null`) is a sound choice.',
  fix: 'set `resources.requests` for `cpu` and `memory`, and `resources.limits.memory`',
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
    if (requests.cpu == null || requests.memory == null || limits.memory == null) {
      const missing = [['requests.cpu', requests.cpu], ['requests.memory', requests.memory], ['limits.memory', limits.memory]].filter(([, v]) => v == null).map(([what]) => what);
      item.report(id, [...path, 'resources'], `${containerName(container)} sets no ${missing.join(', ')}`);
    }
  },
};
