import { isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule } from './rule';

const id = 'host-path';

export const hostPath: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'pods do not mount hostPath volumes',
  why:
    'A hostPath volume gives the pod a folder of the node: it can read other pods\' data or the node\'s credentials, and write where the node trusts what it finds (a mount of / or of the container runtime\'s socket is a way out of the container). ' +
    'Its data also stays on one node, so the pod loses it when it is scheduled elsewhere. Node agents that need it can opt out with a reason.',
  fix: 'use an emptyDir, a ConfigMap or a PersistentVolumeClaim',
  example: {
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
  volumes:
    - name: cache
      hostPath:
        path: /var/cache/web
`,
    passes: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
  volumes:
    - name: cache
      emptyDir: {}
`,
  },
  checkPod({ item, pod }) {
    const volumes = pod.spec.volumes;
    if (!Array.isArray(volumes)) return;
    for (let i = 0; i < volumes.length; i++) {
      const v = volumes[i];
      if (isRecord(v) && v.hostPath !== undefined) item.report(id, [...pod.path, 'volumes', i, 'hostPath'], `volume "${v.name}" mounts a path of the node`);
    }
  },
};
