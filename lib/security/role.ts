import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { resourceName } from '../construct/names';
import { PolicyRule, renderRules } from './policy-rule';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';

export interface RoleProps {
  /** The Role's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** What the role allows, in its namespace. */
  readonly rules: PolicyRule[];
  /** Allow `*` in rules. @default false */
  readonly allowWildcards?: boolean;
}

/** A Role: permissions within one namespace. */
export class Role extends Construct {
  readonly kind = 'Role' as const;
  readonly name: string;
  /** The Kubernetes object. */
  readonly resource: KubeApiObject;

  constructor(scope: Construct, id: string, props: RoleProps) {
    super(scope, id);
    this.name = props.name ?? resourceName(this, 253);
    this.resource = kubeApiObject<k8s.KubeRoleProps>(this, 'Resource', k8s.KubeRole.GVK, {
      metadata: { name: this.name },
      rules: renderRules(this, props.rules, { allowWildcards: props.allowWildcards, clusterScoped: false }),
    });
  }
}
