import { quantityValue } from '../../kube/quantity';
import { EMPTY, Json, isRecord } from '../objects';
import { PolicyRule, STRICT_ONLY, containerName } from './rule';

const id = 'requests-equal-limits';

const RESOURCES = ['cpu', 'memory'] as const;

/**
 * Guaranteed QoS: every container (init containers too, as the kubelet counts
 * them) limits CPU and memory, and requests what it limits. A request left
 * out defaults to the limit, so only a request that differs is reported;
 * `1` and `1000m` are the same quantity. Only the `strict` profile applies
 * the rule: most workloads are better served by Burstable pods with no CPU
 * limit (see `container-resources`).
 */
export const requestsEqualLimits: PolicyRule = {
  id,
  category: 'best-practice',
  severity: STRICT_ONLY,
  what: 'containers limit CPU and memory and request what they limit, so that the pod is of QoS class Guaranteed',
  why:
    'A pod whose every container requests exactly its CPU and memory limits is of QoS class Guaranteed: the kubelet evicts it last under node pressure, ' +
    'and with the static CPU manager policy it gets whole CPUs of its own. A request below the limit lets the node be overcommitted, and the pod is then among the first evicted. ' +
    'Only the `strict` profile applies the rule, for workloads that need that predictability; elsewhere a CPU limit mostly throttles.',
  fix: 'set `resources.limits` for `cpu` and `memory`, and `resources.requests` equal to them (or leave the requests out: they default to the limits)',
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
          memory: 128Mi
        limits:
          cpu: 500m
          memory: 128Mi
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
          cpu: 500m
          memory: 128Mi
        limits:
          cpu: "0.5"
          memory: 128Mi
`,
  },
  checkContainer({ container, path }, { item }) {
    const resources: Json = isRecord(container.resources) ? container.resources : EMPTY;
    const requests: Json = isRecord(resources.requests) ? resources.requests : EMPTY;
    const limits: Json = isRecord(resources.limits) ? resources.limits : EMPTY;
    const problems: string[] = [];
    for (const resource of RESOURCES) {
      const limit = limits[resource];
      const request = requests[resource];
      if (limit == null) problems.push(`sets no limits.${resource}`);
      else if (request != null && quantityValue(String(request)) !== quantityValue(String(limit))) problems.push(`requests ${request} ${resource} but limits it to ${limit}`);
    }
    if (problems.length > 0) item.report(id, [...path, 'resources'], `${containerName(container)} ${problems.join(' and ')}, so the pod is not of QoS class Guaranteed`);
  },
};
