import { isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule } from './rule';

const id = 'rbac-cluster-admin';

export const rbacClusterAdmin: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'no RoleBinding or ClusterRoleBinding grants the `cluster-admin` ClusterRole',
  why:
    '`cluster-admin` can do anything: read every Secret, run any pod on any node, change RBAC itself. ' +
    'Bound to an app\'s service account, a single compromised pod owns the cluster; a RoleBinding to it still owns the namespace.',
  fix: 'bind a Role or ClusterRole that lists what the subject needs',
  example: {
    fails: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: app
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: ServiceAccount
    name: app
    namespace: shop
`,
    passes: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: app
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: ServiceAccount
    name: app
    namespace: shop
`,
  },
  checkObject(item) {
    const { obj } = item;
    if (obj.kind !== 'RoleBinding' && obj.kind !== 'ClusterRoleBinding') return;
    const ref = obj.roleRef;
    if (isRecord(ref) && ref.kind === 'ClusterRole' && ref.name === 'cluster-admin') {
      item.report(id, ['roleRef', 'name'], `the ${obj.kind} grants cluster-admin${obj.kind === 'RoleBinding' ? ' in its namespace' : ''}`);
    }
  },
};
