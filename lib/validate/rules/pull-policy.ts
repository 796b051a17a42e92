import { imageTag, parseImage } from '../../kube/image';
import { BEST_PRACTICE, PolicyRule, containerName } from './rule';

const id = 'pull-policy';

export const pullPolicy: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'a container whose image has a mutable tag (`latest`, or none) does not set `imagePullPolicy` IfNotPresent or Never',
  why:
    'A mutable tag names whatever was pushed last. Kubernetes pulls such an image each time a container starts (the default policy for them is Always); ' +
    '`IfNotPresent` or `Never` instead runs whichever version each node pulled first, so the pods of one Deployment run different code, and a new push never arrives.',
  fix: 'pin the image to a version tag or digest, or remove `imagePullPolicy` (or set it to Always)',
  example: {
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:latest
      imagePullPolicy: IfNotPresent
`,
    passes: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
      imagePullPolicy: IfNotPresent
`,
  },
  checkContainer({ container, path }, { item }) {
    const policy = container.imagePullPolicy;
    if ((policy !== 'IfNotPresent' && policy !== 'Never') || typeof container.image !== 'string' || parseImage(container.image).digest !== undefined) return;
    const tag = imageTag(container.image);
    if (tag === undefined || tag === 'latest') {
      item.report(id, [...path, 'imagePullPolicy'], `${containerName(container)} runs "${container.image}" with imagePullPolicy ${policy}: each node keeps the version it pulled first`);
    }
  },
};
