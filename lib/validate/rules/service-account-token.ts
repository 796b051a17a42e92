import { BEST_PRACTICE, PolicyRule } from './rule';

const id = 'service-account-token';

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
  checkPod({ item, pod, output }) {
    const automount = pod.spec.automountServiceAccountToken;
    if (automount === undefined || automount === null) {
      // a pod that leaves it unset takes its ServiceAccount's setting
      const account = pod.spec.serviceAccountName || pod.spec.serviceAccount || 'default';
      if (output.tokenless.size > 0 && output.tokenless.has(`${item.namespace}/${account}`)) return;
      item.report(id, [...pod.path, 'automountServiceAccountToken'], 'the pod mounts a service-account token without asking for one', 'set automountServiceAccountToken: false (or true if the pod calls the Kubernetes API)');
    }
  },
};
