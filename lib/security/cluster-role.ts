import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { clusterScoped, resourceName } from '../construct/names';
import { PolicyRule, renderRules } from './policy-rule';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';
import { checkPropNames } from '../construct/checks';

export interface ClusterRoleProps {
  /** Cluster-wide: include something unique to the environment if a release name repeats across namespaces. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** What the role allows, in every namespace. */
  readonly rules: PolicyRule[];
  /** Allow `*` in rules. @default false */
  readonly allowWildcards?: boolean;
}

/** A ClusterRole: permissions across namespaces, or on cluster-scoped resources (nodes, namespaces). */
export class ClusterRole extends Resource<KubeApiObject> {
  override get kind(): 'ClusterRole' {
    return 'ClusterRole';
  }
  readonly name: string;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: ClusterRoleProps) {
    super(scope, id);
    checkPropNames(this, ClusterRole, props, 'ClusterRoleProps');
    this.name = props.name ?? resourceName(this, 253);
    this.apiObject = kubeApiObject<k8s.KubeClusterRoleProps>(this, 'Resource', k8s.KubeClusterRole.GVK, {
      metadata: { name: this.name },
      rules: renderRules(this, props.rules, { allowWildcards: props.allowWildcards, clusterScoped: true }),
    });
    clusterScoped(this.apiObject);
  }
}
