import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { resourceName } from '../construct/names';
import { checkLabels, checkOneOf, checkPort, checkPortName, invalid, problem, checkPropNames } from '../construct/checks';
import { CIDR } from '../kube/names';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';
import { PodSelection, isPodSelector, podLabelSelector } from './pod-selector';



/** Who traffic may come from or go to. */
export class NetworkPeer {
  /**
   * Pods of the policy's namespace with these labels, or the pods a workload
   * selects (of this library or of cdk8s-plus-28), in the namespaces it
   * selects them in.
   */
  static pods(selector: PodSelection): NetworkPeer {
    if (!isPodSelector(selector)) return new NetworkPeer({ podSelector: { matchLabels: selector } }, selector);
    const config = selector.toPodSelectorConfig();
    const podSelector = config.labelSelector._toKube();
    const names = config.namespaces?.names ?? [];
    const byLabels = config.namespaces?.labelSelector?._toKube();
    const namespaceSelector: k8s.LabelSelector | undefined = config.namespaces
      ? {
          matchLabels: byLabels?.matchLabels,
          matchExpressions: [...(byLabels?.matchExpressions ?? []), ...(names.length ? [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: names }] : [])],
        }
      : undefined;
    return new NetworkPeer({ podSelector, namespaceSelector }, { ...podSelector.matchLabels, ...namespaceSelector?.matchLabels });
  }

  /** Every pod of the namespaces with these labels. */
  static namespaces(labels: Record<string, string>): NetworkPeer {
    return new NetworkPeer({ namespaceSelector: { matchLabels: labels } }, labels);
  }

  /** Every pod of a namespace, by name. */
  static namespace(name: string): NetworkPeer {
    return NetworkPeer.namespaces({ 'kubernetes.io/metadata.name': name });
  }

  /** Pods with these labels in the namespace of this name. */
  static podsInNamespace(namespace: string, pods: Record<string, string>): NetworkPeer {
    return new NetworkPeer(
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } }, podSelector: { matchLabels: pods } },
      { ...pods },
    );
  }

  /**
   * The ingress controller's pods.
   * @param namespace its namespace. @default 'ingress-nginx'
   * @param pods its pods' labels. @default { 'app.kubernetes.io/name': 'ingress-nginx' }
   */
  static ingressController(namespace = 'ingress-nginx', pods: Record<string, string> = { 'app.kubernetes.io/name': 'ingress-nginx' }): NetworkPeer {
    return NetworkPeer.podsInNamespace(namespace, pods);
  }

  /** Addresses in a CIDR, less some. */
  static ipBlock(cidr: string, except?: string[]): NetworkPeer {
    return new NetworkPeer({ ipBlock: { cidr, except } }, undefined, [cidr, ...(except ?? [])]);
  }

  private constructor(
    readonly spec: k8s.NetworkPolicyPeer,
    /** Labels to check. */
    readonly labels?: Record<string, string>,
    /** CIDRs to check. */
    readonly cidrs?: string[],
  ) {}
}

/** A port traffic may use. */
export interface NetworkPolicyPort {
  /** A number or a named container port. */
  readonly port: number | string;
  /** The port's protocol. @default 'TCP' */
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
  /** The end of a port range starting at `port`. @default - one port */
  readonly endPort?: number;
}

/** Traffic a policy allows. */
export interface NetworkPolicyRule {
  /** The pods, namespaces or address blocks the traffic may come from (ingress) or go to (egress). @default - any peer */
  readonly peers?: NetworkPeer[];
  /** The ports the traffic may use. @default - any port */
  readonly ports?: NetworkPolicyPort[];
}

export interface NetworkPolicyProps {
  /** The NetworkPolicy's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /**
   * The pods the policy applies to: labels, or what selects pods (a workload
   * of this library or of cdk8s-plus-28, such as `kplus.Deployment`) in the
   * policy's namespace.
   * @default - every pod of the namespace
   */
  readonly selector?: PodSelection;
  /**
   * Incoming traffic allowed. An empty list denies all incoming traffic.
   * @default - incoming traffic is not restricted by this policy
   */
  readonly ingress?: NetworkPolicyRule[];
  /**
   * Outgoing traffic allowed. An empty list denies all outgoing traffic.
   * @default - outgoing traffic is not restricted by this policy
   */
  readonly egress?: NetworkPolicyRule[];
}

export interface DefaultDenyProps {
  /** The NetworkPolicy's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** Deny outgoing traffic too. @default true */
  readonly egress?: boolean;
  /** With egress denied, still allow DNS (UDP and TCP 53) to kube-system. @default true */
  readonly allowDns?: boolean;
}

/**
 * A NetworkPolicy. Policies add up: start from `NetworkPolicy.defaultDeny()`
 * for the namespace, then allow what each component needs.
 */
export class NetworkPolicy extends Resource<KubeApiObject> {
  /**
   * Denies all traffic to (and by default from) every pod of the namespace,
   * except DNS lookups. Other policies then allow what is needed.
   */
  static defaultDeny(scope: Construct, id: string, props: DefaultDenyProps = {}): NetworkPolicy {
    const egress = props.egress ?? true;
    const dns: NetworkPolicyRule = {
      peers: [NetworkPeer.namespace('kube-system')],
      ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }],
    };
    return new NetworkPolicy(scope, id, {
      name: props.name,
      ingress: [],
      egress: egress ? (props.allowDns ?? true ? [dns] : []) : undefined,
    });
  }

  readonly name: string;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: NetworkPolicyProps = {}) {
    super(scope, id);
    checkPropNames(this, NetworkPolicy, props, 'NetworkPolicyProps');
    this.name = props.name ?? resourceName(this);
    if (props.ingress === undefined && props.egress === undefined) {
      throw problem(this, 'set ingress or egress (an empty list denies all): a policy with neither does nothing');
    }
    const selector = props.selector ? podLabelSelector(this, 'selector', props.selector) : {};
    checkLabels(this, 'selector', selector.matchLabels);
    const rules = (list: NetworkPolicyRule[] | undefined, field: string, peerKey: 'from' | 'to') =>
      list?.map((rule, i) => {
        rule.peers?.forEach((peer, j) => {
          checkLabels(this, `${field}[${i}].peers[${j}]`, peer.labels);
          peer.cidrs?.forEach((c) => {
            if (!CIDR.test(c)) throw invalid(this, `${field}[${i}].peers[${j}]`, c, 'a CIDR such as "10.0.0.0/8"');
          });
        });
        return {
          [peerKey]: rule.peers?.map((p) => p.spec),
          ports: rule.ports?.map((p, j) => {
            const f = `${field}[${i}].ports[${j}]`;
            if (typeof p.port === 'number') checkPort(this, `${f}.port`, p.port);
            else checkPortName(this, `${f}.port`, p.port);
            checkOneOf(this, `${f}.protocol`, p.protocol, ['TCP', 'UDP', 'SCTP']);
            if (p.endPort !== undefined) {
              checkPort(this, `${f}.endPort`, p.endPort);
              if (typeof p.port !== 'number' || p.endPort < p.port) throw problem(this, `${f}.endPort needs a numeric port no greater than it`);
            }
            return {
              port: typeof p.port === 'number' ? k8s.IntOrString.fromNumber(p.port) : k8s.IntOrString.fromString(p.port),
              protocol: p.protocol ?? 'TCP',
              endPort: p.endPort,
            };
          }),
        };
      });
    const policyTypes = [...(props.ingress ? ['Ingress'] : []), ...(props.egress ? ['Egress'] : [])];
    this.apiObject = kubeApiObject<k8s.KubeNetworkPolicyProps>(this, 'Resource', k8s.KubeNetworkPolicy.GVK, {
      metadata: { name: this.name },
      spec: {
        podSelector: { matchLabels: Object.keys(selector.matchLabels ?? {}).length ? selector.matchLabels : undefined, matchExpressions: selector.matchExpressions },
        policyTypes,
        ingress: rules(props.ingress, 'ingress', 'from') as k8s.NetworkPolicyIngressRule[] | undefined,
        egress: rules(props.egress, 'egress', 'to') as k8s.NetworkPolicyEgressRule[] | undefined,
      },
    });
  }
}
