import { BEST_PRACTICE, PolicyRule, containerName } from './rule';
import { isRecord } from '../objects';

const id = 'privileged-port';

export const privilegedPort: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'containers listen on ports from 1024 up',
  why:
    'Binding a port below 1024 takes root or the NET_BIND_SERVICE capability, which a container that runs as non-root with all capabilities dropped does not have. ' +
    'A Service maps any port to any targetPort, so the app can listen on 8080 and still be reached on 80.',
  fix: 'listen on a port from 1024 up (such as 8080) and map the Service\'s port to it',
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
        - containerPort: 80
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
        - containerPort: 8080
`,
  },
  checkContainer({ container, path }, { item, pod }) {
    // with the host's network, the port is the host's: host-namespaces finds that
    if (!Array.isArray(container.ports) || pod.spec.hostNetwork === true) return;
    for (let i = 0; i < container.ports.length; i++) {
      const port = container.ports[i];
      if (isRecord(port) && typeof port.containerPort === 'number' && port.containerPort > 0 && port.containerPort < 1024) {
        item.report(id, [...path, 'ports', i, 'containerPort'], `${containerName(container)} listens on port ${port.containerPort}, which takes root or NET_BIND_SERVICE to bind`);
      }
    }
  },
};
