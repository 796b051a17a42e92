import { isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule, containerName } from './rule';

const id = 'seccomp-profile';

/**
 * The container's profile wins over the pod's. The finding points at the
 * container's type when it sets one, else at the pod's securityContext, where
 * one line fixes every container.
 */
export const seccompProfile: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'pods use the RuntimeDefault (or a Localhost) seccomp profile',
  why:
    'Without a seccomp profile a container may make every system call the kernel offers, including the rarely used ones most kernel exploits go through. ' +
    'The runtime\'s default profile blocks those and nothing an ordinary app needs; Kubernetes does not apply it unless asked, and the restricted Pod Security Standard requires it.',
  fix: 'set `securityContext.seccompProfile.type: RuntimeDefault` on the pod',
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
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx:1.27.3
`,
  },
  checkContainer({ container, path, securityContext: sc }, { item, pod, securityContext: psc }) {
    const type = isRecord(sc.seccompProfile) ? sc.seccompProfile.type : isRecord(psc.seccompProfile) ? psc.seccompProfile.type : undefined;
    if (type !== 'RuntimeDefault' && type !== 'Localhost') {
      const at = isRecord(sc.seccompProfile) ? [...path, 'securityContext', 'seccompProfile', 'type'] : [...pod.path, 'securityContext', 'seccompProfile'];
      item.report(id, at, type === 'Unconfined' ? `${containerName(container)} runs Unconfined (no seccomp)` : `${containerName(container)} runs without a seccomp profile`);
    }
  },
};
