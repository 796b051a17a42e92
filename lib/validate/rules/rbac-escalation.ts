import { BEST_PRACTICE, PolicyRule } from './rule';
import { coversCore, grantsVerb, roleRules } from './rbac';

const id = 'rbac-escalation';
/** Verbs that let the holder grant itself more than it has. */
const ESCALATING_VERBS = ['escalate', 'bind', 'impersonate'];
/** Subresources that run commands in, or attach to, the pods of the namespace. */
const INTO_PODS = ['pods/exec', 'pods/attach'];

export const rbacEscalation: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'Roles and ClusterRoles grant no `escalate`, `bind` or `impersonate` verb, and no exec or attach into pods',
  why:
    '`escalate` and `bind` let the holder create roles and bindings with permissions it does not have; `impersonate` lets it act as any user or service account. ' +
    '`create` on `pods/exec` or `pods/attach` runs commands in any pod it reaches, with that pod\'s service account and mounted Secrets. Each turns a narrow role into a broad one.',
  fix: 'remove the verb or the subresource; give it to a person\'s role for the time needed, not to an app',
  example: {
    fails: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: debugger
rules:
  - apiGroups: [""]
    resources: [pods, pods/exec]
    verbs: [get, create]
`,
    passes: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: debugger
rules:
  - apiGroups: [""]
    resources: [pods, pods/log]
    verbs: [get]
`,
  },
  checkObject(item) {
    for (const rule of roleRules(item)) {
      const verbs = ESCALATING_VERBS.filter((v) => rule.verbs.includes(v));
      if (verbs.length > 0) item.report(id, ['rules', rule.index, 'verbs'], `rules[${rule.index}] grants ${verbs.join(', ')}, which lets the holder gain permissions it does not have`);
      for (const sub of INTO_PODS) {
        if (coversCore(rule, sub) && grantsVerb(rule, ['create'])) item.report(id, ['rules', rule.index, 'resources'], `rules[${rule.index}] grants create on ${sub}, which runs commands in the namespace's pods`);
      }
    }
  },
};
