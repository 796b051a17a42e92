import { isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule, containerName } from './rule';

const id = 'container-probes';

/** Readiness and liveness probes on the containers of pods that keep running; init containers and jobs finish. */
export const containerProbes: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'long-running containers have readiness and liveness probes',
  why:
    'Without a readiness probe a Service sends traffic to a pod as soon as its containers start, before the app listens, and a rolling update goes on while new pods fail. ' +
    'Without a liveness probe a container that hangs without exiting is never restarted. Jobs, CronJobs and init containers run to completion and need neither.',
  fix: 'add `readinessProbe` and `livenessProbe`',
  example: {
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
      livenessProbe:
        httpGet: {path: /healthz, port: 8080}
`,
    passes: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
      readinessProbe:
        httpGet: {path: /ready, port: 8080}
      livenessProbe:
        httpGet: {path: /healthz, port: 8080}
`,
  },
  checkContainer({ container, path, init }, { item, longRunning }) {
    if (longRunning && !init && (!isRecord(container.readinessProbe) || !isRecord(container.livenessProbe))) {
      const probes = ['readinessProbe', 'livenessProbe'].filter((p) => !isRecord(container[p]));
      item.report(id, [...path, probes[0]], `${containerName(container)} has no ${probes.join(' or ')}`);
    }
  },
};
