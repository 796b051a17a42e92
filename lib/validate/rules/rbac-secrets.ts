import { BEST_PRACTICE, PolicyRule } from './rule';
import { coversCore, grantsVerb, roleRules } from './rbac';

const id = 'rbac-secrets';
const READ = ['get', 'list', 'watch'];

export const rbacSecrets: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'Roles and ClusterRoles do not grant reading Secrets',
  why:
    'Who can read the Secrets of a namespace (a ClusterRole: of every namespace) holds every password, token and key kept there, including the tokens of other service accounts. ' +
    '`list` and `watch` return the values too, not only the names. Few apps need it; those that read one Secret can mount it, or be granted it by `resourceNames`.',
  fix: 'remove `secrets` from the rule, or limit it to the Secrets needed with `resourceNames`',
  example: {
    fails: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
rules:
  - apiGroups: [""]
    resources: [configmaps, secrets]
    verbs: [get, list]
`,
    passes: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
rules:
  - apiGroups: [""]
    resources: [configmaps]
    verbs: [get, list]
  - apiGroups: [""]
    resources: [secrets]
    resourceNames: [app-tls]
    verbs: [get]
`,
  },
  checkObject(item) {
    const rules = item.obj.rules;
    for (const rule of roleRules(item)) {
      // a rule limited to named Secrets grants only those
      const named = Array.isArray(rules[rule.index].resourceNames) && rules[rule.index].resourceNames.length > 0;
      if (!named && coversCore(rule, 'secrets') && grantsVerb(rule, READ)) {
        item.report(id, ['rules', rule.index, 'resources'], `rules[${rule.index}] grants reading every Secret ${item.obj.kind === 'ClusterRole' ? 'of the cluster' : 'of the namespace'}`);
      }
    }
  },
};
