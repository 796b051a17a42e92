import { k8s } from '../construct/k8s';
import { IConstruct } from 'constructs';
import { checkOneOf, problem } from '../construct/checks';

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection' | 'impersonate' | 'bind' | 'escalate' | 'use' | '*';
const VERBS: readonly Verb[] = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'impersonate', 'bind', 'escalate', 'use', '*'];

/** What a Role or ClusterRole allows. */
export interface PolicyRule {
  /** API groups; `''` is the core group. @default [''] */
  readonly apiGroups?: string[];
  /** Resources such as `pods`, `configmaps`, `deployments`, `pods/log`. @default - none; the rule must then name `nonResourceURLs` */
  readonly resources?: string[];
  /** Only these objects. @default - every object of the resources */
  readonly resourceNames?: string[];
  /** What may be done to the resources, such as `get`, `list`, `watch`. */
  readonly verbs: Verb[];
  /** Non-resource URLs such as `/healthz` (ClusterRoles only). @default - none */
  readonly nonResourceURLs?: string[];
}

/** Options of rule checking. */
export interface RuleOptions {
  /** Allow `*` in groups, resources and verbs. Least privilege says no. @default false */
  readonly allowWildcards?: boolean;
  /** Whether the rules are a ClusterRole's (which alone may name `nonResourceURLs`). */
  readonly clusterScoped: boolean;
}

/** Checks and renders rules: known verbs, no wildcard unless allowed, resources or URLs in each rule. */
export function renderRules(scope: IConstruct, rules: readonly PolicyRule[] | undefined, options: RuleOptions): k8s.PolicyRule[] {
  if (!rules || rules.length === 0) throw problem(scope, 'rules is required: list what the role may do, such as { resources: ["configmaps"], verbs: ["get"] }');
  return rules.map((r, i) => {
    const f = `rules[${i}]`;
    if (!r.verbs || r.verbs.length === 0) throw problem(scope, `${f}.verbs is required, such as ["get", "list", "watch"]`);
    r.verbs.forEach((v, j) => checkOneOf(scope, `${f}.verbs[${j}]`, v, VERBS));
    if (r.nonResourceURLs && !options.clusterScoped) throw problem(scope, `${f}.nonResourceURLs is only for ClusterRoles`);
    if (!r.resources?.length && !r.nonResourceURLs?.length) throw problem(scope, `${f}: name resources (or, in a ClusterRole, nonResourceURLs)`);
    if (!options.allowWildcards) {
      const wild = [...r.verbs, ...(r.resources ?? []), ...(r.apiGroups ?? [])].find((x) => x === '*' || x.includes('*'));
      if (wild) throw problem(scope, `${f} uses the wildcard "${wild}": least privilege means naming groups, resources and verbs; set allowWildcards: true if it is really needed`);
    }
    return {
      apiGroups: r.nonResourceURLs && !r.resources ? undefined : r.apiGroups ?? [''],
      resources: r.resources,
      resourceNames: r.resourceNames,
      verbs: r.verbs,
      // the API's spelling; cdk8s's generated type calls it nonResourceUrLs (see KubeObject)
      ...({ nonResourceURLs: r.nonResourceURLs } as {}),
    };
  });
}
