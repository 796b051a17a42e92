import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { resourceName } from '../construct/names';
import { checkDnsLabel, checkDnsSubdomain, checkInt, checkLabels, checkOneOf, checkPort, checkPortName, invalid, problem, checkPropNames } from '../construct/checks';
import { CIDR } from '../kube/names';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';
import { PodSelection, podSelectorLabels } from './pod-selector';

/** How a Service is reached. */
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** One port of a Service. */
export interface ServicePort {
  /** The port clients connect to, 1–65535. */
  readonly port: number;
  /** Required when the Service has more than one port; at most 15 characters. @default - unnamed */
  readonly name?: string;
  /** The pods' port, by number or container port name. @default - the same as `port` */
  readonly targetPort?: number | string;
  /** The port's protocol. @default 'TCP' */
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
  /** For NodePort and LoadBalancer Services, 30000–32767. @default - chosen by the cluster */
  readonly nodePort?: number;
  /** Such as `http`, `https`, `kubernetes.io/h2c`. @default - none */
  readonly appProtocol?: string;
}

export interface ServiceProps {
  /** The Service's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** How the Service is reached: inside the cluster, on every node's port, through a load balancer, or as a DNS alias. @default 'ClusterIP' */
  readonly type?: ServiceType;
  /** The ports the Service exposes. @default - none; required except for ExternalName and headless Services */
  readonly ports?: ServicePort[];
  /**
   * The pods to send traffic to: labels, or what selects pods (a workload of
   * this library or of cdk8s-plus-28, such as `kplus.Deployment`). Their
   * selector must be labels only, in the Service's namespace.
   * @default - none (endpoints are managed by hand)
   */
  readonly selector?: PodSelection;
  /** No cluster IP: DNS returns the pods' addresses (StatefulSets use this). @default false */
  readonly headless?: boolean;
  /** For ExternalName Services: the DNS name to alias. @default - none */
  readonly externalName?: string;
  /** `ClientIP` sends each client's connections to the same pod. @default 'None' */
  readonly sessionAffinity?: 'None' | 'ClientIP';
  /** For NodePort and LoadBalancer Services. @default 'Cluster' */
  readonly externalTrafficPolicy?: 'Cluster' | 'Local';
  /** For LoadBalancer Services: client CIDRs allowed. @default - everyone */
  readonly loadBalancerSourceRanges?: string[];
  /** Endpoints include pods that are not ready (peer discovery). @default false */
  readonly publishNotReadyAddresses?: boolean;
  /** Annotations of the Service, such as a cloud load balancer's settings. @default - none */
  readonly annotations?: Record<string, string>;
  /** Extra labels. @default - the package's */
  readonly labels?: Record<string, string>;
}


/**
 * A Service of any type — ClusterIP, NodePort, LoadBalancer, ExternalName or
 * headless — with named ports and a stable label selector.
 */
export class Service extends Resource<KubeApiObject> {
  /** The Service's name. */
  readonly name: string;
  readonly type: ServiceType;
  /** The ports, as given. */
  readonly ports: readonly ServicePort[];
  /** The selector labels. */
  readonly selector?: Record<string, string>;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: ServiceProps = {}) {
    super(scope, id);
    checkPropNames(this, Service, props, 'ServiceProps');
    this.name = props.name ?? resourceName(this);
    checkDnsLabel(this, 'name', this.name);
    this.type = props.type ?? 'ClusterIP';
    checkOneOf(this, 'type', this.type, ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
    checkOneOf(this, 'sessionAffinity', props.sessionAffinity, ['None', 'ClientIP']);
    checkOneOf(this, 'externalTrafficPolicy', props.externalTrafficPolicy, ['Cluster', 'Local']);
    this.ports = props.ports ?? [];
    const selector = props.selector && podSelectorLabels(this, 'selector', props.selector);
    this.selector = selector;
    checkLabels(this, 'selector', selector);
    checkLabels(this, 'labels', props.labels);
    const external = this.type === 'ExternalName';

    if (external) {
      if (!props.externalName) throw problem(this, 'externalName is required for an ExternalName Service: set the DNS name to alias, such as "db.example.com"');
      checkDnsSubdomain(this, 'externalName', props.externalName);
      if (selector) throw problem(this, 'an ExternalName Service takes no selector: remove selector');
    } else if (props.externalName !== undefined) {
      throw problem(this, `externalName is only for type ExternalName, and this Service is ${this.type}: remove externalName or set type: 'ExternalName'`);
    }
    if (props.headless && this.type !== 'ClusterIP') throw problem(this, `a headless Service must be of type ClusterIP, not ${this.type}`);
    if (this.ports.length === 0 && !external && !props.headless) {
      throw problem(this, `ports is required for a ${this.type} Service: give at least one, such as { name: 'http', port: 80, targetPort: 8080 }`);
    }
    const nodePorts = this.type === 'NodePort' || this.type === 'LoadBalancer';
    if (props.externalTrafficPolicy && !nodePorts) throw problem(this, `externalTrafficPolicy applies to NodePort and LoadBalancer Services, not ${this.type}`);
    if (props.loadBalancerSourceRanges) {
      if (this.type !== 'LoadBalancer') throw problem(this, `loadBalancerSourceRanges applies to LoadBalancer Services, not ${this.type}`);
      props.loadBalancerSourceRanges.forEach((r, i) => {
        if (!CIDR.test(r)) throw invalid(this, `loadBalancerSourceRanges[${i}]`, r, 'a CIDR such as "10.0.0.0/8"');
      });
    }
    const seen = new Set<string>();
    this.ports.forEach((p, i) => {
      const f = `ports[${i}]`;
      checkPort(this, `${f}.port`, p.port);
      checkPortName(this, `${f}.name`, p.name);
      checkOneOf(this, `${f}.protocol`, p.protocol, ['TCP', 'UDP', 'SCTP']);
      if (typeof p.targetPort === 'number') checkPort(this, `${f}.targetPort`, p.targetPort);
      else checkPortName(this, `${f}.targetPort`, p.targetPort);
      if (this.ports.length > 1 && !p.name) throw problem(this, `${f}: a Service with several ports must name each one: set name, such as "http"`);
      if (p.name && seen.has(p.name)) throw problem(this, `${f}: the port name "${p.name}" is used twice`);
      if (p.name) seen.add(p.name);
      if (p.nodePort !== undefined) {
        if (!nodePorts) throw problem(this, `${f}.nodePort applies to NodePort and LoadBalancer Services, not ${this.type}`);
        checkInt(this, `${f}.nodePort`, p.nodePort, { min: 30000, max: 32767 });
      }
    });

    this.apiObject = kubeApiObject<k8s.KubeServiceProps>(this, 'Resource', k8s.KubeService.GVK, {
      metadata: { name: this.name, labels: props.labels, annotations: props.annotations },
      spec: {
        type: this.type,
        // the API's spelling; cdk8s's generated type calls it clusterIp (see KubeApiObject)
        ...({ clusterIP: props.headless ? 'None' : undefined } as {}),
        externalName: props.externalName,
        selector,
        ports: this.ports.length
          ? this.ports.map((p) => ({
              name: p.name,
              port: p.port,
              targetPort: p.targetPort === undefined ? undefined : typeof p.targetPort === 'number' ? k8s.IntOrString.fromNumber(p.targetPort) : k8s.IntOrString.fromString(p.targetPort),
              protocol: p.protocol,
              nodePort: p.nodePort,
              appProtocol: p.appProtocol,
            }))
          : undefined,
        sessionAffinity: props.sessionAffinity,
        externalTrafficPolicy: props.externalTrafficPolicy,
        loadBalancerSourceRanges: props.loadBalancerSourceRanges,
        publishNotReadyAddresses: props.publishNotReadyAddresses,
      },
    });
  }

  /** A port by name or number (the first port when none is named), or undefined. */
  findPort(nameOrNumber?: string | number): ServicePort | undefined {
    return nameOrNumber === undefined ? this.ports[0] : this.ports.find((p) => p.name === nameOrNumber || p.port === nameOrNumber);
  }

  /** A port by name or number; an error naming the ports when there is none. */
  port(nameOrNumber?: string | number): ServicePort {
    const found = this.findPort(nameOrNumber);
    if (!found) {
      throw problem(this, `the Service has no port ${JSON.stringify(nameOrNumber ?? '(any)')}; its ports are: ${this.ports.map((p) => p.name ?? p.port).join(', ') || 'none'}`);
    }
    return found;
  }

  /** The Service's in-cluster DNS name, `<name>.<namespace>.svc` (or `<name>` without a namespace). */
  get host(): string {
    const ns = this.apiObject.metadata.namespace;
    return ns ? `${this.name}.${ns}.svc` : this.name;
  }
}
