import { Construct, IConstruct } from 'constructs';
import { UserError, suggestion } from '../errors';
import { ConfigSource } from '../config/source';
import { checkPort, problem, checkPropNames } from '../construct/checks';
import { Ingress, IngressProps } from '../networking/ingress';
import { Service, ServiceType } from '../networking/service';
import { HorizontalPodAutoscaler } from '../scaling/horizontal-pod-autoscaler';
import { PodDisruptionBudget } from '../scaling/pod-disruption-budget';
import { webPreset } from '../workloads/presets';
import { DeploymentStrategyProps } from '../workloads/deployment-strategy';
import { spreadByDefault } from '../workloads/scheduling';
import { WorkloadProps } from '../workloads/workload';
import { Deployment } from '../workloads/deployment';

/** The Ingress of a web service. */
export interface WebServiceIngressProps {
  /** The host names. */
  readonly hosts: string[];
  /** The URL path routed to the Service, as a prefix. @default '/' */
  readonly path?: string;
  /** The IngressClass, such as `nginx`. @default - the cluster's default IngressClass */
  readonly className?: string;
  /** A kubernetes.io/tls Secret covering every host, by name or object. @default - plain HTTP */
  readonly tlsSecret?: string | ConfigSource;
  /** Ingress controller settings. @default - none */
  readonly annotations?: Record<string, string>;
}

/** Autoscaling of a web service. */
export interface WebServiceAutoscalingProps {
  /** The floor. @default - `replicas` */
  readonly minReplicas?: number;
  /** The ceiling. */
  readonly maxReplicas: number;
  /** Average CPU use, in percent of the request, to aim for. @default 75 */
  readonly cpuUtilization?: number;
  /** Average memory use, in percent of the request, to aim for. @default - none */
  readonly memoryUtilization?: number;
}

export interface WebServiceProps extends WorkloadProps, DeploymentStrategyProps {
  /** The number of pods (the autoscaler's floor when `autoscaling` is set). @default 2 */
  readonly replicas?: number;
  /**
   * The container port the Service sends traffic to, by number or name; it
   * must be a port of the first container.
   * @default - the first container's first port
   */
  readonly port?: number | string;
  /** The Service's port. @default 80 */
  readonly servicePort?: number;
  /** How the Service is reached. @default 'ClusterIP' */
  readonly serviceType?: Exclude<ServiceType, 'ExternalName'>;
  /** The readiness probe's HTTP path, for containers that set no readiness probe. @default '/' */
  readonly healthCheckPath?: string;
  /** An Ingress that routes the hosts to the Service. @default - no Ingress */
  readonly ingress?: WebServiceIngressProps;
  /** A HorizontalPodAutoscaler. Replaces `replicas` in the Deployment. @default - none, fixed replicas */
  readonly autoscaling?: WebServiceAutoscalingProps;
  /**
   * A PodDisruptionBudget; `false` for none.
   * @default - { maxUnavailable: 1 } when more than one replica can run, else none
   */
  readonly disruptionBudget?: { readonly minAvailable?: number | string; readonly maxUnavailable?: number | string } | false;
}

/**
 * The container port a web service's Service targets (its name, else its
 * number): `port`, else the first port of the first container.
 */
export function webTargetPort(scope: IConstruct, props: Pick<WebServiceProps, 'containers' | 'port'>): number | string {
  const ports = props.containers[0].ports ?? [];
  if (ports.length === 0) throw problem(scope, 'containers[0] has no ports: a web service needs the port it serves on, such as ports: [{ name: "http", port: 8080 }]');
  const target = props.port === undefined ? ports[0] : ports.find((p) => p.port === props.port || p.name === props.port);
  if (!target) {
    const names = ports.flatMap((p) => (p.name ? [p.name] : []));
    const hint = typeof props.port === 'string' ? suggestion(props.port, names) : '';
    throw problem(scope, `port ${JSON.stringify(props.port)} is not a port of containers[0]${hint}; its ports are: ${ports.map((p) => (p.name ? `${p.port} ("${p.name}")` : p.port)).join(', ')}`);
  }
  return target.name ?? target.port;
}

/** The Ingress of a web service: each host's `path` to `service`, with TLS when a Secret is given. */
export function webIngressProps(scope: IConstruct, i: WebServiceIngressProps, name: string, component: string, service: Service): IngressProps {
  if (!i.hosts || i.hosts.length === 0) throw problem(scope, 'ingress.hosts is required: name at least one host');
  return {
    name,
    labels: { 'app.kubernetes.io/component': component },
    className: i.className,
    annotations: i.annotations,
    rules: i.hosts.map((host) => ({ host, paths: [{ path: i.path ?? '/', service }] })),
    tls: i.tlsSecret ? [{ hosts: i.hosts, secret: i.tlsSecret }] : undefined,
  };
}

/**
 * A stateless HTTP service: a Deployment and a Service, with an optional
 * Ingress, HorizontalPodAutoscaler and PodDisruptionBudget. The objects share
 * the name `<release>-<id>`; containers get HTTP readiness, TCP liveness and
 * startup probes unless they set their own.
 *
 * A web service is its Deployment (`deployment` names it) with the other
 * parts around it, each a construct with its own API: `service`, `ingress`,
 * `autoscaler`, `disruptionBudget`. Being the Deployment rather than holding
 * one keeps its objects where they always were in the construct tree.
 */
export class WebService extends Deployment {
  /** The Service in front of the pods. */
  readonly service: Service;
  /** The Ingress, when `ingress` is given. */
  readonly ingress?: Ingress;
  /** The HorizontalPodAutoscaler, when `autoscaling` is given. */
  readonly autoscaler?: HorizontalPodAutoscaler;
  /** The PodDisruptionBudget, unless there is none. */
  readonly disruptionBudget?: PodDisruptionBudget;

  constructor(scope: Construct, id: string, props: WebServiceProps) {
    if (props.containers?.length && !props.containers[0].ports?.length) {
      throw new UserError(`${scope.node.path}/${id}: containers[0] has no ports: a web service needs the port it serves on, such as ports: [{ name: "http", port: 8080 }]`, {
        path: `${scope.node.path}/${id}`,
        field: 'containers[0].ports',
        expected: 'the port the web service serves on',
      });
    }
    const replicas = props.replicas ?? 2;
    super(scope, id, { ...spreadByDefault(props), replicas, autoscaled: !!props.autoscaling }, { longRunning: true, preset: webPreset(props.healthCheckPath ?? '/') });
    checkPropNames(this, WebService, props, 'WebServiceProps');
    checkPort(this, 'servicePort', props.servicePort);

    const target = webTargetPort(this, props);

    this.service = new Service(this, 'Service', {
      name: this.name,
      type: props.serviceType,
      selector: this.selector,
      labels: { 'app.kubernetes.io/component': this.component },
      ports: [{ name: 'http', port: props.servicePort ?? 80, targetPort: target }],
    });

    if (props.ingress) {
      this.ingress = new Ingress(this, 'Ingress', webIngressProps(this, props.ingress, this.name, this.component, this.service));
    }

    if (props.autoscaling) {
      this.autoscaler = new HorizontalPodAutoscaler(this, 'Autoscaler', {
        name: this.name,
        labels: { 'app.kubernetes.io/component': this.component },
        target: this.scaleTarget,
        minReplicas: props.autoscaling.minReplicas ?? Math.max(1, replicas),
        maxReplicas: props.autoscaling.maxReplicas,
        cpuUtilization: props.autoscaling.cpuUtilization,
        memoryUtilization: props.autoscaling.memoryUtilization,
      });
    }

    const manyReplicas = props.autoscaling ? props.autoscaling.maxReplicas > 1 : replicas > 1;
    if (props.disruptionBudget !== false && (props.disruptionBudget !== undefined || manyReplicas)) {
      this.disruptionBudget = new PodDisruptionBudget(this, 'DisruptionBudget', {
        name: this.name,
        labels: { 'app.kubernetes.io/component': this.component },
        selector: this.selector,
        ...(props.disruptionBudget || {}),
      });
    }
  }

  /** The Deployment of the web service: this construct. */
  get deployment(): Deployment {
    return this;
  }
}
