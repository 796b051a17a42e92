import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { clusterScoped } from '../construct/names';
import { checkDnsLabel, checkOneOf, problem, checkPropNames } from '../construct/checks';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';
import { POD_SECURITY_LEVELS, PodSecurityLevel, podSecurityLabels } from '../kube/pod-security';

export type { PodSecurityLevel } from '../kube/pod-security';

export interface NamespaceProps {
  /** The namespace's name, a DNS-1123 label. */
  readonly name: string;
  /** Pod Security Admission level enforced on the namespace's pods. @default 'restricted' (what this library's defaults satisfy) */
  readonly podSecurity?: PodSecurityLevel;
  /** Labels of the namespace, added to the Pod Security Admission labels. @default - none */
  readonly labels?: Record<string, string>;
  /** Annotations of the namespace. @default - none */
  readonly annotations?: Record<string, string>;
}

/**
 * A Namespace (cluster-scoped), enforcing a Pod Security Admission level —
 * `restricted` unless told otherwise, which the secure defaults meet.
 */
export class Namespace extends Resource<KubeApiObject> {
  readonly name: string;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: NamespaceProps) {
    super(scope, id);
    checkPropNames(this, Namespace, props, 'NamespaceProps');
    if (!props.name) throw problem(this, 'name is required: a namespace is named explicitly, such as "shop"');
    checkDnsLabel(this, 'name', props.name);
    const level = props.podSecurity ?? 'restricted';
    checkOneOf(this, 'podSecurity', level, POD_SECURITY_LEVELS);
    this.name = props.name;
    this.apiObject = clusterScoped(
      kubeApiObject<k8s.KubeNamespaceProps>(this, 'Resource', k8s.KubeNamespace.GVK, {
        metadata: {
          name: this.name,
          labels: { ...podSecurityLabels(level), ...props.labels },
          annotations: props.annotations,
        },
      }),
    );
  }
}
