import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { clusterScoped, resourceName } from '../construct/names';
import { BindingSubject, renderSubjects } from './subject';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';
import { checkPropNames } from '../construct/checks';

export interface ClusterRoleBindingProps {
  /** The ClusterRoleBinding's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** The ClusterRole to grant: a `ClusterRole` of this library, or its kind and name. */
  readonly role: { readonly kind: 'ClusterRole'; readonly name: string };
  /** Who is granted the role: service accounts, users or groups; at least one. */
  readonly subjects: BindingSubject[];
}

/** A ClusterRoleBinding: grants a ClusterRole in every namespace. */
export class ClusterRoleBinding extends Resource<KubeApiObject> {
  readonly name: string;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: ClusterRoleBindingProps) {
    super(scope, id);
    checkPropNames(this, ClusterRoleBinding, props, 'ClusterRoleBindingProps');
    this.name = props.name ?? resourceName(this, 253);
    this.apiObject = kubeApiObject<k8s.KubeClusterRoleBindingProps>(this, 'Resource', k8s.KubeClusterRoleBinding.GVK, {
      metadata: { name: this.name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: props.role.name },
      subjects: renderSubjects(this, props.subjects),
    });
    clusterScoped(this.apiObject);
  }
}
