import { isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule } from './rule';

const id = 'hpa-replicas';

export const hpaReplicas: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'a HorizontalPodAutoscaler keeps at least 2 pods (`minReplicas`) and can scale (`maxReplicas` above `minReplicas`)',
  why:
    'With `minReplicas: 1` (the default) the autoscaler scales down to one pod when load is low, and then any restart, eviction or node drain takes the app down. ' +
    'With `maxReplicas` equal to `minReplicas` it never scales: the autoscaler does nothing a replica count would not do.',
  fix: 'set `minReplicas: 2` or more, and `maxReplicas` above it',
  example: {
    fails: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  maxReplicas: 5
`,
    passes: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 5
`,
  },
  checkObject(item) {
    const { obj } = item;
    if (obj.kind !== 'HorizontalPodAutoscaler' || !isRecord(obj.spec)) return;
    const min = typeof obj.spec.minReplicas === 'number' ? obj.spec.minReplicas : 1;
    if (min < 2) item.report(id, ['spec', 'minReplicas'], `the autoscaler may scale down to ${min} pod${min === 1 ? '' : 's'}${obj.spec.minReplicas === undefined ? ' (minReplicas is unset)' : ''}: a restart or eviction then stops the app`);
    if (typeof obj.spec.maxReplicas === 'number' && obj.spec.maxReplicas === min && min >= 1) item.report(id, ['spec', 'maxReplicas'], `maxReplicas is minReplicas (${min}): the autoscaler cannot scale`);
  },
};
