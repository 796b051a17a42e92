import { imageTag } from '../../kube/image';
import { BEST_PRACTICE, PolicyRule } from './rule';

const id = 'image-tag';

/** Images pinned to a version: no tag and `latest` both follow whatever was pushed last. */
export const imageTagRule: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'images are pinned to a tag other than `latest`, or a digest',
  why:
    'An image without a tag is `latest`, and `latest` names whatever was pushed last: two nodes may run different code from one manifest, a restart may upgrade the app, and a rollback does not bring the old code back. ' +
    'A version tag, or better a digest, makes the manifest say what runs.',
  fix: 'use a version tag such as `nginx:1.27.3` or a digest',
  example: {
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx
`,
    passes: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
`,
  },
  checkContainer({ container, path }, { item }) {
    if (typeof container.image !== 'string') return; // image-reference reports a missing image
    const tag = imageTag(container.image);
    if (tag === undefined || tag === 'latest') {
      item.report(id, [...path, 'image'], `image "${container.image}" ${tag ? 'uses the tag "latest"' : 'has no tag'}, so what runs changes without a change here`);
    }
  },
};
