import { selectorMatches } from '../objects';
import { BEST_PRACTICE, PolicyRule } from './rule';

const id = 'network-policy';

export const networkPolicy: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'when the output has NetworkPolicies, every workload\'s pods are selected by one in their namespace',
  why:
    'A pod no NetworkPolicy selects accepts traffic from every pod of the cluster, and sends it anywhere. ' +
    'An output that uses NetworkPolicies means its pods to be isolated; a workload left out (a new one, a namespace without its default-deny policy) is the one a compromised pod can reach. ' +
    'Output without any NetworkPolicy is not checked: its policies may be made elsewhere.',
  fix: 'add a NetworkPolicy that selects the pods (or a default-deny policy with `podSelector: {}` for the namespace)',
  example: {
    fails: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
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
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: db}
  policyTypes: [Ingress]
`,
    passes: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
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
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
`,
  },
  checkWorkload({ entry, workload, output }) {
    if (output.networkPolicies.size === 0) return;
    const selectors = output.networkPolicies.candidates(entry.namespace, workload.labels);
    for (let i = 0; i < selectors.length; i++) if (selectorMatches(selectors[i], workload.labels)) return;
    entry.report(id, workload.labelsPath, `no NetworkPolicy${entry.namespace ? ` of namespace "${entry.namespace}"` : ''} selects the pods of this ${entry.kind}: they accept traffic from anywhere`);
  },
};
