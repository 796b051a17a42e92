import type { Json } from '../objects';
import { BEST_PRACTICE, PolicyRule } from './rule';

const id = 'service-account-token';

/** The ServiceAccount whose token setting a pod spec takes, when it leaves `automountServiceAccountToken` unset; undefined when it sets it. */
export function tokenAccount(spec: Json): unknown {
  const automount = spec.automountServiceAccountToken;
  if (automount !== undefined && automount !== null) return undefined;
  return spec.serviceAccountName || spec.serviceAccount || 'default';
}

/** Unset is the finding, unless the pod's ServiceAccount of the output says false: Kubernetes then mounts the token, and the manifest does not say whether the pod needs it. */
export const serviceAccountToken: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'pods mount a service-account token only when they ask for one',
  why:
    'Unless told otherwise, Kubernetes mounts a token of the pod\'s service account into every container, and whoever gets into the container can call the Kubernetes API with it. ' +
    'Most apps never call the API; saying so in the pod (false) removes the token, and saying true documents that the pod needs it.',
  fix: 'set `automountServiceAccountToken: false`, or `true` if the pod calls the API',
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
  automountServiceAccountToken: false
  containers:
    - name: app
      image: nginx:1.27.3
`,
  },
  checkWorkload({ entry, workload, output }) {
    const account = workload.tokenAccount;
    if (account === undefined) return;
    if (output.tokenless.size > 0 && output.tokenless.has(account)) return;
    entry.report(id, [...workload.specPath, 'automountServiceAccountToken'], 'the pod mounts a service-account token without asking for one', 'set automountServiceAccountToken: false (or true if the pod calls the Kubernetes API)');
  },
};
