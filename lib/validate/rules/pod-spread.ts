import { EMPTY, Json, asArray, isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule } from './rule';

const id = 'pod-spread';

/** Whether a pod spec spreads its pods: a pod anti-affinity (required or preferred) or a topology spread constraint. */
export function spreads(spec: Json): boolean {
  const affinity = isRecord(spec.affinity) ? spec.affinity : EMPTY;
  const anti = isRecord(affinity.podAntiAffinity) && (asArray(affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).length > 0 || asArray(affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution).length > 0);
  return anti || asArray(spec.topologySpreadConstraints).length > 0;
}

/** Either a pod anti-affinity (required or preferred) or a topology spread constraint spreads the pods. */
export const podSpread: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'replicated Deployments and StatefulSets spread their pods (anti-affinity or topology spread)',
  why:
    'The scheduler may put every replica on one node, where the loss of that node stops them all: the replicas then buy capacity but not availability. ' +
    'A topology spread constraint on `kubernetes.io/hostname` (or a pod anti-affinity) keeps them on different nodes, and on `topology.kubernetes.io/zone` in different zones.',
  fix: 'add `topologySpreadConstraints` on `kubernetes.io/hostname` or a podAntiAffinity',
  example: {
    fails: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: nginx:1.27.3
`,
    passes: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels: {app: web}
      containers:
        - name: app
          image: nginx:1.27.3
`,
  },
  // whether the pod spreads is recorded as it is read (entries.ts); whether it is replicated may take an autoscaler that comes later
  checkReplicated({ entry, workload, replicated }) {
    if (!workload.spread) entry.report(id, [...workload.specPath, 'topologySpreadConstraints'], `${replicated} may put every pod on one node`);
  },
};
