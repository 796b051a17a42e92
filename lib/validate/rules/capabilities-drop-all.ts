import { asArray, isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule, containerName } from './rule';

const id = 'capabilities-drop-all';

export const capabilitiesDropAll: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'containers drop all capabilities',
  why:
    'Container runtimes grant a default set of Linux capabilities (such as NET_RAW, which allows spoofed packets, and CHOWN) that few apps need. ' +
    'Dropping ALL and adding back only what the app uses (NET_BIND_SERVICE to listen below 1024) shrinks what a compromised process can do; the restricted Pod Security Standard requires it.',
  fix: 'set `securityContext.capabilities.drop: [ALL]` and add back only what is needed',
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
          drop: [NET_RAW]
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
`,
  },
  checkContainer({ container, path, securityContext: sc }, { item }) {
    const drop = isRecord(sc.capabilities) ? asArray(sc.capabilities.drop) : [];
    if (!drop.includes('ALL')) item.report(id, [...path, 'securityContext', 'capabilities', 'drop'], `${containerName(container)} keeps the default capabilities`);
  },
};
