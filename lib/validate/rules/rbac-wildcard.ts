import { BEST_PRACTICE, PolicyRule } from './rule';
import { roleRules } from './rbac';

const id = 'rbac-wildcard';
const FIELDS = ['apiGroups', 'resources', 'verbs'] as const;

export const rbacWildcard: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'Roles and ClusterRoles name their API groups, resources and verbs instead of `*`',
  why:
    'A `*` grants everything of its kind, including what the cluster gains later: a new resource type, a new verb, the Secrets of an API group added by an operator. ' +
    'Listing what the app uses keeps its permissions to what it needs, and shows a reviewer what it can do.',
  fix: 'list the API groups, resources and verbs the app uses, such as `verbs: [get, list, watch]`',
  example: {
    fails: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
rules:
  - apiGroups: [""]
    resources: ["*"]
    verbs: [get, list]
`,
    passes: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
rules:
  - apiGroups: [""]
    resources: [configmaps, pods]
    verbs: [get, list]
`,
  },
  checkObject(item) {
    for (const rule of roleRules(item)) {
      for (const field of FIELDS) {
        if (rule[field].includes('*')) item.report(id, ['rules', rule.index, field], `rules[${rule.index}] grants every one of its ${field} ("*")`);
      }
    }
  },
};
