import { HELM_HOOK } from '../../kube/hooks';
import { isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule } from './rule';

const id = 'job-ttl';

export const jobTtl: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'a Job sets `ttlSecondsAfterFinished`, so that it and its pods are removed once done',
  why:
    'A finished Job and its pods stay in the cluster until someone deletes them: they fill `kubectl get pods`, keep their logs on the node and count against quotas. ' +
    'With `ttlSecondsAfterFinished` the TTL controller removes them after the time given. A CronJob\'s Jobs are kept by its history limits instead, and a hook\'s Job (`helm.sh/hook`) by its delete policy.',
  fix: 'set `spec.ttlSecondsAfterFinished`, such as 86400 (a day) to keep the logs for a while',
  example: {
    fails: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: app
          image: ghcr.io/acme/migrate:1.0.0
`,
    passes: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  ttlSecondsAfterFinished: 86400
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: app
          image: ghcr.io/acme/migrate:1.0.0
`,
  },
  checkObject(item) {
    const { obj } = item;
    if (obj.kind !== 'Job' || !isRecord(obj.spec)) return;
    // a hook's Job is removed by its delete policy, and kept until then on purpose: with a time-to-live the next sync would run it again
    const annotations = isRecord(obj.metadata) && isRecord(obj.metadata.annotations) ? obj.metadata.annotations : undefined;
    if (annotations && HELM_HOOK in annotations) return;
    if (typeof obj.spec.ttlSecondsAfterFinished !== 'number') item.report(id, ['spec', 'ttlSecondsAfterFinished'], 'the Job and its pods stay in the cluster after it finishes');
  },
};
