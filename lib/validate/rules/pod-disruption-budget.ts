import { selectorMatches } from '../objects';
import { BEST_PRACTICE, PolicyRule } from './rule';

const id = 'pod-disruption-budget';

/** A budget of the workload's namespace whose selector matches its pod labels covers it. */
export const podDisruptionBudget: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'replicated Deployments and StatefulSets have a PodDisruptionBudget',
  why:
    'A node drain (an upgrade, a scale-down of the cluster) evicts pods as fast as it can unless a PodDisruptionBudget says how many may be down at once. ' +
    'A workload that runs several replicas to stay available can lose all of them in one drain without one.',
  fix: 'add a PodDisruptionBudget selecting the pods, such as `maxUnavailable: 1`',
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
  checkReplicated({ entry, workload, output, replicated }) {
    const budgets = output.disruptionBudgets.candidates(entry.namespace, workload.labels);
    for (let i = 0; i < budgets.length; i++) {
      if (selectorMatches(budgets[i].selector, workload.labels)) return;
    }
    entry.report(id, [], `${replicated} has no PodDisruptionBudget: a node drain may stop every pod at once`);
  },
};
