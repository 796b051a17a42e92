import { WORKLOAD_KINDS, isRecord, selectorMatches } from '../objects';
import { BEST_PRACTICE, PolicyRule } from './rule';

const id = 'pdb-blocks-eviction';

export const pdbBlocksEviction: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'a PodDisruptionBudget lets at least one pod be evicted: not `maxUnavailable: 0`, not `minAvailable: 100%`, and `minAvailable` below the replicas (or the autoscaler\'s `minReplicas`) of the workload it selects',
  why:
    'A budget that allows no eviction blocks every voluntary disruption: `kubectl drain` waits forever, cluster upgrades and node autoscaling stall on the nodes that run the pods. ' +
    'A `minAvailable` equal to the replica count does the same; with an autoscaler, it does whenever the autoscaler sits at `minReplicas`.',
  fix: 'use `maxUnavailable: 1`, or a `minAvailable` below the smallest number of replicas',
  example: {
    fails: `apiVersion: apps/v1
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
      containers:
        - name: app
          image: nginx:1.27.3
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 2
  selector:
    matchLabels: {app: web}
`,
    passes: `apiVersion: apps/v1
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
      containers:
        - name: app
          image: nginx:1.27.3
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {app: web}
`,
  },
  checkObject(item) {
    const { obj } = item;
    if (obj.kind !== 'PodDisruptionBudget' || !isRecord(obj.spec)) return;
    const { maxUnavailable, minAvailable } = obj.spec;
    if (maxUnavailable === 0 || maxUnavailable === '0%') item.report(id, ['spec', 'maxUnavailable'], `maxUnavailable is ${JSON.stringify(maxUnavailable)}: no pod it selects can ever be evicted`);
    if (minAvailable === '100%') item.report(id, ['spec', 'minAvailable'], 'minAvailable is "100%": no pod it selects can ever be evicted');
  },
  // a workload's count against each budget that selects its pods: reported on the budget, where the fix is
  checkWorkload({ entry, workload, output }) {
    const { kind } = entry;
    if (!WORKLOAD_KINDS.has(kind) || kind === 'Job') return;
    const key = `${entry.namespace}/${kind}/${entry.name}`;
    const autoscaled = output.minReplicas.get(key);
    const least = autoscaled ?? workload.replicas;
    if (least === undefined) return;
    const budgets = output.disruptionBudgets.candidates(entry.namespace, workload.labels);
    for (let i = 0; i < budgets.length; i++) {
      const budget = budgets[i];
      const min = budget.minAvailable;
      if (typeof min !== 'number' || min < least || !selectorMatches(budget.selector, workload.labels)) continue;
      budget.entry.report(id, ['spec', 'minAvailable'], `minAvailable ${min} is at least the ${least} pod${least === 1 ? '' : 's'} of ${kind} "${entry.name}"${autoscaled !== undefined ? ' at its autoscaler\'s minReplicas' : ''}: none can be evicted`);
    }
  },
};
