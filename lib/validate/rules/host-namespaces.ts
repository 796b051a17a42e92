import { isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule, containerName } from './rule';

const id = 'host-namespaces';

const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

/** The pod's host namespaces, then each container's host ports: a host port shares the node's network as well. */
export const hostNamespaces: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'pods do not share the host\'s network, PID or IPC namespace, nor bind host ports',
  why:
    'A pod in the host\'s network namespace sees every connection of the node and can listen on its addresses; in the host\'s PID namespace it sees, and may signal, every process; in its IPC namespace it reads shared memory of other workloads. ' +
    'A host port ties the pod to one port of each node, so two replicas cannot share a node and NetworkPolicies do not apply. A Service reaches the pod without any of these.',
  fix: 'remove `hostNetwork`, `hostPID`, `hostIPC` and `hostPort`',
  example: {
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostNetwork: true
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
      ports:
        - containerPort: 8080
`,
  },
  checkPod({ item, pod }) {
    for (let i = 0; i < HOST_NAMESPACES.length; i++) {
      const flag = HOST_NAMESPACES[i];
      if (pod.spec[flag] === true) item.report(id, [...pod.path, flag], `the pod shares the host's ${flag.slice(4)} namespace`, `remove ${flag}`);
    }
  },
  checkContainer({ container, path }, { item }) {
    if (!Array.isArray(container.ports)) return;
    for (let i = 0; i < container.ports.length; i++) {
      const p = container.ports[i];
      if (isRecord(p) && typeof p.hostPort === 'number' && p.hostPort !== 0) item.report(id, [...path, 'ports', i, 'hostPort'], `${containerName(container)} binds host port ${p.hostPort}`, 'remove hostPort and reach the pod through a Service');
    }
  },
};
