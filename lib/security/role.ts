import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { resourceName } from '../construct/names';
import { PolicyRule, renderRules } from './policy-rule';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';
import { checkPropNames } from '../construct/checks';

export interface RoleProps {
  /** The Role's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** What the role allows, in its namespace. */
  readonly rules: PolicyRule[];
  /** Allow `*` in rules. @default false */
  readonly allowWildcards?: boolean;
}

/** A Role: permissions within one namespace. */
export class Role extends Resource<KubeApiObject> {
  override get kind(): 'Role' {
    return 'Role';
  }
  readonly name: string;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: RoleProps) {
    super(scope, id);
    checkPropNames(this, Role, props, 'RoleProps');
    this.name = props.name ?? resourceName(this, 253);
    this.apiObject = kubeApiObject<k8s.KubeRoleProps>(this, 'Resource', k8s.KubeRole.GVK, {
      metadata: { name: this.name },
      rules: renderRules(this, props.rules, { allowWildcards: props.allowWildcards, clusterScoped: false }),
    });
  }
}
