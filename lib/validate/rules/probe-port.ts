import { isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule, containerName } from './rule';

const id = 'probe-port';
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket'] as const;

export const probePort: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'a probe that names its port names a port of its container',
  why:
    'A probe\'s `port: http` is looked up among the ports of its own container when the kubelet probes, not when the manifest is applied. ' +
    'A name the container does not declare (a typo, a port renamed, a port of the sidecar) makes every probe fail: the pod never becomes ready, or its container is restarted over and over.',
  fix: 'name one of the container\'s `ports`, or give the port number',
  example: {
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
      ports:
        - name: http
          containerPort: 8080
      readinessProbe:
        httpGet:
          path: /ready
          port: htp
`,
    passes: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
      ports:
        - name: http
          containerPort: 8080
      readinessProbe:
        httpGet:
          path: /ready
          port: http
`,
  },
  checkContainer({ container, path }, { item }) {
    for (const probe of PROBES) {
      const p = container[probe];
      if (!isRecord(p)) continue;
      for (const handler of HANDLERS) {
        const port = isRecord(p[handler]) ? p[handler].port : undefined;
        if (typeof port !== 'string' || /^[0-9]+$/.test(port)) continue;
        const ports: readonly unknown[] = Array.isArray(container.ports) ? container.ports : [];
        if (ports.some((x) => isRecord(x) && x.name === port)) continue;
        item.report(id, [...path, probe, handler, 'port'], `the ${probe} of ${containerName(container)} probes port "${port}", which the container does not declare`);
      }
    }
  },
};
