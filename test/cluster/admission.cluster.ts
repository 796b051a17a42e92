import * as fs from 'fs';
import * as path from 'path';
import { describeCluster, eventually, kubectlOk, scratch } from './kube';

/**
 * The control check of the workload tests: in a namespace labelled
 * `restricted`, Pod Security admission refuses a privileged pod, and the
 * refusal shows as the FailedCreate event the example apps are checked for.
 */
describeCluster('Pod Security admission', () => {
  test('a privileged pod in a restricted namespace is refused, as a FailedCreate event of its ReplicaSet', async () => {
    const { dir, remove } = scratch();
    try {
      const file = path.join(dir, 'bad.yaml');
      fs.writeFileSync(
        file,
        [
          'apiVersion: v1',
          'kind: Namespace',
          'metadata: {name: admission-check, labels: {pod-security.kubernetes.io/enforce: restricted}}',
          '---',
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata: {name: privileged, namespace: admission-check}',
          'spec:',
          '  selector: {matchLabels: {app: privileged}}',
          '  template:',
          '    metadata: {labels: {app: privileged}}',
          '    spec:',
          '      containers: [{name: app, image: busybox:1.36, securityContext: {privileged: true}}]',
          '',
        ].join('\n'),
      );
      kubectlOk(['apply', '--server-side', '-f', file]);
      const events = await eventually('a FailedCreate event', () => {
        const items = JSON.parse(kubectlOk(['get', 'events', '-n', 'admission-check', '--field-selector', 'reason=FailedCreate', '-o', 'json'])).items;
        return items.length > 0 ? items : undefined;
      });
      expect(events[0].message).toContain('violates PodSecurity "restricted:latest"');
    } finally {
      remove();
    }
  });
});
