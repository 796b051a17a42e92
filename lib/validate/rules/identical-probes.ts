import { isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule, containerName } from './rule';

const id = 'identical-probes';

export const identicalProbes: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'a container\'s livenessProbe is not the same as its readinessProbe',
  why:
    'The two probes answer different questions: readiness "should this pod get traffic now?", liveness "is it stuck for good, so that a restart helps?". ' +
    'When they are the same check, a pod that is only busy (a slow dependency, a long garbage collection) is restarted instead of taken out of rotation, and every pod may restart at once under load.',
  fix: 'make the livenessProbe a cheaper check that fails only when the process is stuck, with a higher `failureThreshold`',
  example: {
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
      readinessProbe:
        httpGet:
          path: /ready
          port: 8080
      livenessProbe:
        httpGet:
          path: /ready
          port: 8080
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
        httpGet:
          path: /ready
          port: 8080
      livenessProbe:
        httpGet:
          path: /healthz
          port: 8080
        failureThreshold: 6
`,
  },
  checkContainer({ container, path }, { item }) {
    const { livenessProbe: live, readinessProbe: ready } = container;
    if (isRecord(live) && isRecord(ready) && sameJson(live, ready)) {
      item.report(id, [...path, 'livenessProbe'], `${containerName(container)} has the same livenessProbe as readinessProbe: a busy pod is restarted instead of taken out of rotation`);
    }
  },
};

/** Deep equality of JSON values, whatever the order of keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
