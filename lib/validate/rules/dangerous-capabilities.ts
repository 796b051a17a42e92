import { BASELINE_CAPABILITIES } from '../../kube/pod-security';
import { isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule, containerName } from './rule';

const id = 'dangerous-capabilities';

export const dangerousCapabilities: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'containers add no capability beyond the runtime\'s default set (no ALL, SYS_ADMIN, NET_ADMIN, SYS_PTRACE…), even when they drop ALL',
  why:
    'A capability in `add` is granted whatever `drop` says: `drop: [ALL]` with `add: [SYS_ADMIN]` still lets the process mount file systems, load BPF programs and escape the container in many ways. ' +
    'SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE and the rest outside the runtime\'s default set are what the baseline Pod Security Standard refuses; `add: [ALL]` is as good as privileged.',
  fix: 'remove the capability from `securityContext.capabilities.add`; a node agent that needs it opts out with a reason',
  example: {
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
      securityContext:
        capabilities:
          drop: [ALL]
          add: [SYS_ADMIN]
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
        capabilities:
          drop: [ALL]
          add: [NET_BIND_SERVICE]
`,
  },
  checkContainer({ container, path, securityContext: sc }, { item }) {
    const add = isRecord(sc.capabilities) ? sc.capabilities.add : undefined;
    if (!Array.isArray(add)) return;
    for (let i = 0; i < add.length; i++) {
      const capability = add[i];
      if (typeof capability !== 'string') continue;
      // the runtime accepts the name with or without its CAP_ prefix
      const name = capability.startsWith('CAP_') ? capability.slice(4) : capability;
      if (BASELINE_CAPABILITIES.has(name)) continue;
      item.report(id, [...path, 'securityContext', 'capabilities', 'add', i], name === 'ALL'
        ? `${containerName(container)} adds ALL capabilities, which grants every one whatever it drops`
        : `${containerName(container)} adds ${capability}, which the baseline Pod Security Standard refuses, whatever it drops`);
    }
  },
};
