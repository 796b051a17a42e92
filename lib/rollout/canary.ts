import { Construct } from 'constructs';
import { IPodSelector, LabelSelector, PodSelectorConfig } from '../networking/pod-selector';
import { componentName, resourceName, selectorLabels } from '../construct/names';
import { Warnings } from '../construct/warnings';
import { checkInt, checkOneOf, problem, checkPropNames, onlyProps } from '../construct/checks';
import { Ingress } from '../networking/ingress';
import { Service } from '../networking/service';
import { PodDisruptionBudget } from '../scaling/pod-disruption-budget';
import { WebServiceProps, webIngressProps } from '../patterns/web-service';
import { checkWebContainers, sideService, webFront } from './front';
import { GatewayRef, HttpRoute, HttpRouteRule } from './http-route';
import { TRACK_LABEL, RolloutTrack } from './track';
import { CanaryTraffic } from './values';
import { ImageForVersion, versioning, withImage } from './version';

/** The ingress-nginx annotations of a canary Ingress. */
export const NGINX_CANARY = 'nginx.ingress.kubernetes.io/canary';
export const NGINX_CANARY_WEIGHT = 'nginx.ingress.kubernetes.io/canary-weight';
export const NGINX_CANARY_BY_HEADER = 'nginx.ingress.kubernetes.io/canary-by-header';
export const NGINX_CANARY_BY_HEADER_VALUE = 'nginx.ingress.kubernetes.io/canary-by-header-value';

/**
 * How `total` pods split between stable and canary for a weight in percent,
 * when requests are shared by pod count: the canary gets `total × weight / 100`
 * pods rounded to the nearest whole pod (halves up), but at least 1 while the
 * weight is above 0 and at most `total - 1` while it is below 100, so neither
 * side disappears by rounding. Weight 0 gives the canary no pods, 100 every pod.
 * A split needs 2 pods or more; undefined when it cannot be made.
 */
export function canarySplit(total: number, weight: number): { stable: number; canary: number } | undefined {
  if (weight <= 0) return { stable: total, canary: 0 };
  if (weight >= 100) return { stable: 0, canary: total };
  if (total < 2) return undefined;
  const canary = Math.min(total - 1, Math.max(1, Math.round((total * weight) / 100)));
  return { stable: total - canary, canary };
}

export interface CanaryWebServiceProps extends Omit<WebServiceProps, 'autoscaling'> {
  /** The stable version (image tag). @default - the tag of containers[0].image */
  readonly version?: string;
  /** The main container's image for a version. @default - containers[0].image with the version as its tag */
  readonly image?: ImageForVersion;
  /** The canary's version. @default - no canary (only the stable Deployment runs) */
  readonly canaryVersion?: string;
  /** Percent of requests for the canary, 0–100. @default 10 */
  readonly weight?: number;
  /**
   * How requests are split: `replicas` by pod count behind the one Service,
   * `nginx` by an ingress-nginx canary Ingress, `gateway` by an HTTPRoute.
   * @default 'replicas'
   */
  readonly traffic?: CanaryTraffic;
  /** Canary pods with `nginx` or `gateway` traffic. @default 1 */
  readonly canaryReplicas?: number;
  /** A request header that routes to the canary whatever the weight (`nginx`, `gateway`). @default - none */
  readonly header?: string;
  /** The header's value that routes to the canary (required with `gateway`). @default - nginx's `always` / `never` */
  readonly headerValue?: string;
  /** The Gateway, for `gateway` traffic. @default - none; required with `gateway` traffic */
  readonly gateway?: GatewayRef;
}

/**
 * A web service with a canary: a stable Deployment `<name>-stable` and, while
 * a canary version is set, a canary Deployment `<name>-canary`, their pods
 * told apart by the `chartwright.dev/track` label. The share of requests the
 * canary gets is set by pod count (both behind the Service `<name>`), by an
 * ingress-nginx canary Ingress `<name>-canary` with an exact weight, or by
 * the weights of a Gateway API HTTPRoute `<name>`; the last two send the
 * canary's share to the Service `<name>-canary`.
 */
export class CanaryWebService extends Construct implements IPodSelector {
  readonly name: string;
  readonly component: string;
  /** Labels every pod, stable and canary, carries (for network policies). */
  readonly selector: Record<string, string>;
  readonly traffic: CanaryTraffic;
  readonly stable: RolloutTrack;
  readonly canary?: RolloutTrack;
  /** The Service clients use: stable pods (and canary pods with `replicas` traffic). */
  readonly service: Service;
  /** The Service of the canary pods (`nginx` and `gateway` traffic). */
  readonly canaryService?: Service;
  readonly ingress?: Ingress;
  /** The ingress-nginx canary Ingress. */
  readonly canaryIngress?: Ingress;
  /** The Gateway API route (`gateway` traffic). */
  readonly route?: HttpRoute;
  readonly disruptionBudget?: PodDisruptionBudget;

  constructor(scope: Construct, id: string, props: CanaryWebServiceProps) {
    checkWebContainers(scope, id, props);
    super(scope, id);
    checkPropNames(this, CanaryWebService, props, 'CanaryWebServiceProps');
    if ((props as WebServiceProps).autoscaling) {
      throw problem(this, 'autoscaling is not available for a canary web service (one autoscaler cannot keep the split): set replicas');
    }
    this.name = resourceName(this);
    this.component = componentName(this);
    this.selector = selectorLabels(this);
    checkOneOf(this, 'traffic', props.traffic, ['replicas', 'nginx', 'gateway']);
    checkInt(this, 'weight', props.weight, { min: 0, max: 100 });
    checkInt(this, 'canaryReplicas', props.canaryReplicas, { min: 0 });
    this.traffic = props.traffic ?? 'replicas';
    const weight = props.weight ?? 10;
    const total = props.replicas ?? 2;
    const { version, image } = versioning(this, props.containers, props.version, props.image);
    const running = props.canaryVersion !== undefined && props.canaryVersion !== version;

    if (this.traffic === 'replicas') {
      if (props.header !== undefined) throw problem(this, 'header routing needs traffic nginx or gateway: with replicas traffic every pod behind the Service is alike');
      if (props.canaryReplicas !== undefined) throw problem(this, 'canaryReplicas applies to nginx and gateway traffic; with replicas traffic the weight decides the canary pods');
    }
    if (this.traffic === 'nginx' && !props.ingress) {
      throw problem(this, 'traffic nginx splits requests at the Ingress, and this web service has none: set ingress, or use traffic replicas or gateway');
    }
    if (this.traffic === 'gateway') {
      if (!props.gateway?.name) throw problem(this, 'traffic gateway needs the Gateway to attach to: set gateway, such as { name: "public", namespace: "gateway" }');
      if (props.header !== undefined && props.headerValue === undefined) throw problem(this, `header "${props.header}" needs headerValue with gateway traffic (an HTTPRoute matches exact values)`);
    }
    if (props.headerValue !== undefined && props.header === undefined) throw problem(this, 'headerValue needs header, the header to match');

    let stablePods = total;
    let canaryPods = props.canaryReplicas ?? 1;
    if (running && this.traffic === 'replicas') {
      const split = canarySplit(total, weight);
      if (!split) {
        throw problem(this, `weight ${weight} cannot be met with ${total} replica: splitting requests by pod count needs at least 2 pods; raise replicas, or use traffic nginx or gateway for an exact weight`);
      }
      stablePods = split.stable;
      canaryPods = split.canary;
      const share = (canaryPods * 100) / total;
      if (share !== weight) {
        Warnings.of(this).add(`weight ${weight}% by pod count: ${canaryPods} of ${total} pods run the canary, so it gets about ${Math.round(share)}% of requests`, 'choose a weight the replica count divides into, or use traffic nginx or gateway for an exact weight');
      }
    }

    const pod = onlyProps(props, 'RolloutTrackProps');
    const track = (name: 'stable' | 'canary', v: string, replicas: number) =>
      new RolloutTrack(this, name, {
        ...pod,
        containers: withImage(props.containers, image(v)),
        replicas,
        component: this.component,
        trackLabel: { [TRACK_LABEL]: name },
        version: v,
      });
    this.stable = track('stable', version, stablePods);
    if (running) this.canary = track('canary', props.canaryVersion!, canaryPods);

    const front = webFront(this, props, {
      name: this.name,
      component: this.component,
      selector: this.selector,
      serviceSelector: this.traffic === 'replicas' ? this.selector : { ...this.selector, [TRACK_LABEL]: 'stable' },
      pods: total,
    });
    this.service = front.service;
    this.ingress = front.ingress;
    this.disruptionBudget = front.disruptionBudget;
    if (!running || this.traffic === 'replicas') {
      if (this.traffic === 'gateway') this.route = this.makeRoute(props, weight);
      return;
    }

    this.canaryService = sideService(this, 'CanaryService', this.service, `${this.name}-canary`, this.component, { ...this.selector, [TRACK_LABEL]: 'canary' }, front.targetPort);
    if (this.traffic === 'nginx') {
      const annotations: Record<string, string> = { [NGINX_CANARY]: 'true', [NGINX_CANARY_WEIGHT]: String(weight) };
      if (props.header !== undefined) annotations[NGINX_CANARY_BY_HEADER] = props.header;
      if (props.headerValue !== undefined) annotations[NGINX_CANARY_BY_HEADER_VALUE] = props.headerValue;
      // The canary Ingress repeats the main one's annotations and TLS: ingress-nginx
      // serves TLS from the main Ingress and ignores most annotations on a canary,
      // but policy (rule ingress-tls, a prod profile, an admission policy) reads
      // each Ingress alone, and the canary should pass what the main one passes.
      const main = webIngressProps(this, props.ingress!, `${this.name}-canary`, this.component, this.canaryService);
      this.canaryIngress = new Ingress(this, 'CanaryIngress', { ...main, annotations: { ...main.annotations, ...annotations } });
    } else {
      this.route = this.makeRoute(props, weight);
    }
  }

  private makeRoute(props: CanaryWebServiceProps, weight: number): HttpRoute {
    const path = props.ingress?.path ?? '/';
    const rules: HttpRouteRule[] = [];
    if (this.canaryService && props.header !== undefined) {
      rules.push({ path, headers: { [props.header]: props.headerValue! }, backends: [{ service: this.canaryService }] });
    }
    rules.push({
      path,
      backends: this.canaryService
        ? [
            { service: this.service, weight: 100 - weight },
            { service: this.canaryService, weight },
          ]
        : [{ service: this.service, weight: 100 }],
    });
    return new HttpRoute(this, 'Route', {
      name: this.name,
      labels: { 'app.kubernetes.io/component': this.component },
      parents: [props.gateway!],
      hostnames: props.ingress?.hosts,
      rules,
    });
  }

  /** Every track's pods, by the labels they share (cdk8s-plus `IPodSelector`): a NetworkPolicy of the web service applies to all of them. */
  toPodSelectorConfig(): PodSelectorConfig {
    return { labelSelector: LabelSelector.of({ matchLabels: this.selector }) };
  }
}
