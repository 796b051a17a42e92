import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { IConfigSource } from '../config/source';
import { resourceName } from '../construct/names';
import { checkDnsSubdomain, checkPropNames } from '../construct/checks';
import { ClusterRole } from './cluster-role';
import { ClusterRoleBinding } from './cluster-role-binding';
import { PolicyRule } from './policy-rule';
import { Role } from './role';
import { RoleBinding } from './role-binding';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';

/** A service account a pod runs as. */
export interface IServiceAccount {
  readonly name: string;
  /** Whether pods get its API token mounted. */
  readonly automountToken: boolean;
}

export interface ServiceAccountProps {
  /** The ServiceAccount's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** Mount the API token into pods that run as this account. @default - true when rules or clusterRules are given, else false */
  readonly automountToken?: boolean;
  /** Permissions in the release's namespace: a Role and a RoleBinding of the same name. @default - none */
  readonly rules?: PolicyRule[];
  /** Permissions across the cluster: a ClusterRole and a ClusterRoleBinding. @default - none */
  readonly clusterRules?: PolicyRule[];
  /** Allow `*` in rules. @default false */
  readonly allowWildcards?: boolean;
  /** Pull secrets every pod of this account uses. @default - none */
  readonly imagePullSecrets?: Array<string | IConfigSource>;
}

/**
 * A ServiceAccount, with least-privilege permissions: the rules become a Role
 * (and RoleBinding) in the namespace, cluster rules a ClusterRole (and
 * ClusterRoleBinding). Pods mount its token only when it has permissions,
 * unless `automountToken` says otherwise.
 */
export class ServiceAccount extends Resource<KubeApiObject> implements IServiceAccount {
  readonly name: string;
  readonly automountToken: boolean;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;
  readonly role?: Role;
  readonly roleBinding?: RoleBinding;
  readonly clusterRole?: ClusterRole;
  readonly clusterRoleBinding?: ClusterRoleBinding;

  constructor(scope: Construct, id: string, props: ServiceAccountProps = {}) {
    super(scope, id);
    checkPropNames(this, ServiceAccount, props, 'ServiceAccountProps');
    this.name = props.name ?? resourceName(this, 253);
    checkDnsSubdomain(this, 'name', this.name);
    const hasRules = Boolean(props.rules?.length || props.clusterRules?.length);
    this.automountToken = props.automountToken ?? hasRules;
    this.apiObject = kubeApiObject<k8s.KubeServiceAccountProps>(this, 'Resource', k8s.KubeServiceAccount.GVK, {
      metadata: { name: this.name },
      automountServiceAccountToken: this.automountToken,
      imagePullSecrets: props.imagePullSecrets?.map((s) => ({ name: typeof s === 'string' ? s : s.name })),
    });
    const subject = { name: this.name, serviceAccountNamespace: () => this.apiObject.metadata.namespace };
    if (props.rules?.length) {
      this.role = new Role(this, 'Role', { name: this.name, rules: props.rules, allowWildcards: props.allowWildcards });
      this.roleBinding = new RoleBinding(this, 'RoleBinding', { name: this.name, role: this.role, subjects: [subject] });
    }
    if (props.clusterRules?.length) {
      this.clusterRole = new ClusterRole(this, 'ClusterRole', { name: this.name, rules: props.clusterRules, allowWildcards: props.allowWildcards });
      this.clusterRoleBinding = new ClusterRoleBinding(this, 'ClusterRoleBinding', { name: this.name, role: this.clusterRole, subjects: [subject] });
    }
  }
}
