import { BEST_PRACTICE, PolicyRule, containerName } from './rule';

const id = 'privilege-escalation';

/** A privileged container is reported as such: it escalates whatever allowPrivilegeEscalation says. */
export const privilegeEscalation: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'containers forbid privilege escalation and are not privileged',
  why:
    'Unless `allowPrivilegeEscalation` is false, a process can gain more privileges than its parent, through setuid binaries or file capabilities. ' +
    'A privileged container has every capability and the node\'s devices: it is as good as root on the node. Both are refused by the restricted Pod Security Standard.',
  fix: 'set `securityContext.allowPrivilegeEscalation: false` and leave `privileged` unset',
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
  containers:
    - name: app
      image: nginx:1.27.3
      securityContext:
        allowPrivilegeEscalation: false
`,
  },
  checkContainer({ container, path, securityContext: sc }, { item }) {
    if (sc.privileged === true) item.report(id, [...path, 'securityContext', 'privileged'], `${containerName(container)} is privileged`, 'remove privileged: true');
    else if (sc.allowPrivilegeEscalation !== false) item.report(id, [...path, 'securityContext', 'allowPrivilegeEscalation'], `${containerName(container)} allows privilege escalation`);
  },
};
