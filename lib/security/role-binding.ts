import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { resourceName } from '../construct/names';
import { BindingSubject, renderSubjects } from './subject';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';
import { checkPropNames } from '../construct/checks';

export interface RoleBindingProps {
  /** The RoleBinding's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** A Role, or a ClusterRole granted within this namespace only. */
  readonly role: { readonly kind: 'Role' | 'ClusterRole'; readonly name: string };
  /** Who is granted the role: service accounts, users or groups; at least one. */
  readonly subjects: BindingSubject[];
}

/** A RoleBinding: grants a Role (or a ClusterRole's rules) in one namespace. */
export class RoleBinding extends Resource<KubeApiObject> {
  readonly name: string;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: RoleBindingProps) {
    super(scope, id);
    checkPropNames(this, RoleBinding, props, 'RoleBindingProps');
    this.name = props.name ?? resourceName(this, 253);
    this.apiObject = kubeApiObject<k8s.KubeRoleBindingProps>(this, 'Resource', k8s.KubeRoleBinding.GVK, {
      metadata: { name: this.name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: props.role.kind, name: props.role.name },
      subjects: renderSubjects(this, props.subjects),
    });
  }
}
