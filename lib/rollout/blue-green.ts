import { Construct } from 'constructs';
import { IPodSelector, LabelSelector, PodSelectorConfig } from '../networking/pod-selector';
import { ConfigSource } from '../config/source';
import { componentName, resourceName, selectorLabels } from '../construct/names';
import { checkInt, checkOneOf, problem, checkPropNames, onlyProps } from '../construct/checks';
import { Ingress } from '../networking/ingress';
import { Service } from '../networking/service';
import { PodDisruptionBudget } from '../scaling/pod-disruption-budget';
import { WebServiceProps, webIngressProps } from '../patterns/web-service';
import { checkWebContainers, sideService, webFront } from './front';
import { PROP_NAMING, SettingNaming } from '../construct/setting-naming';
import { COLOR_LABEL, RolloutTrack } from './track';
import { ImageForVersion, versioning, withImage } from './version';
import { Warnings } from '../construct/warnings';
import { singleNodeClaimOf } from '../workloads/scheduling';

export type Color = 'blue' | 'green';

export interface BlueGreenWebServiceProps extends Omit<WebServiceProps, 'autoscaling'> {
  /** The colour the Service sends traffic to. @default 'blue' */
  readonly activeColor?: Color;
  /** The version (image tag) of the blue Deployment. @default - `version` */
  readonly blueVersion?: string;
  /** The version (image tag) of the green Deployment. @default - `version` */
  readonly greenVersion?: string;
  /** The version of a colour that names none. @default - the tag of containers[0].image */
  readonly version?: string;
  /** The main container's image for a version. @default - containers[0].image with the version as its tag */
  readonly image?: ImageForVersion;
  /** Pods of the idle colour. @default - `replicas` (kept warm) */
  readonly idleReplicas?: number;
  /** A Service `<name>-preview` that reaches the idle colour. @default true */
  readonly preview?: boolean;
  /**
   * A host for an Ingress `<name>-preview` to the preview Service, so smoke
   * tests reach the idle colour from outside the cluster. It takes the
   * class, path, annotations and TLS of `ingress` (which it needs), for this
   * host only, with `previewTlsSecret` if given. Switching `activeColor`
   * leaves it as it is: the preview Service's selector moves instead.
   * @default - no preview Ingress
   */
  readonly previewHost?: string;
  /** The kubernetes.io/tls Secret for `previewHost`. @default - the `ingress.tlsSecret`, which must then cover `previewHost` too */
  readonly previewTlsSecret?: string | ConfigSource;
  /** How errors name these settings. @default - as these props; `RolloutWebService` names the values paths */
  readonly settingNaming?: SettingNaming;
}

/**
 * A web service released blue/green: two Deployments side by side,
 * `<name>-blue` and `<name>-green`, each with its own version, their pods told
 * apart by the `chartwright.dev/color` label. The Service `<name>` (and so the
 * Ingress) selects the active colour; the Service `<name>-preview` the idle
 * one. Switching `activeColor` changes the two Services' selectors and, when
 * the idle colour is scaled down, the two Deployments' replicas — nothing else.
 */
export class BlueGreenWebService extends Construct implements IPodSelector {
  readonly name: string;
  readonly component: string;
  /** Labels every pod of both colours carries (for network policies). */
  readonly selector: Record<string, string>;
  readonly activeColor: Color;
  readonly blue: RolloutTrack;
  readonly green: RolloutTrack;
  /** The Service of the active colour. */
  readonly service: Service;
  /** The Service of the idle colour. */
  readonly previewService?: Service;
  readonly ingress?: Ingress;
  /** The Ingress of the idle colour, for `previewHost`. */
  readonly previewIngress?: Ingress;
  readonly disruptionBudget?: PodDisruptionBudget;

  constructor(scope: Construct, id: string, props: BlueGreenWebServiceProps) {
    checkWebContainers(scope, id, props);
    super(scope, id);
    checkPropNames(this, BlueGreenWebService, props, 'BlueGreenWebServiceProps');
    if ((props as WebServiceProps).autoscaling) {
      throw problem(this, 'autoscaling is not available for a blue/green web service (the autoscaler would have to move between colours): set replicas and idleReplicas');
    }
    this.name = resourceName(this);
    this.component = componentName(this);
    this.selector = selectorLabels(this);
    const n = (props.settingNaming ?? PROP_NAMING).setting;
    checkOneOf(this, n('activeColor'), props.activeColor, ['blue', 'green']);
    checkInt(this, n('idleReplicas'), props.idleReplicas, { min: 0 });
    checkPreview(this, props, n);
    this.activeColor = props.activeColor ?? 'blue';
    const idle: Color = this.activeColor === 'blue' ? 'green' : 'blue';
    const replicas = props.replicas ?? 2;
    const { version, image } = versioning(this, props.containers, props.version, props.image);
    const versions: Record<Color, string> = { blue: props.blueVersion ?? version, green: props.greenVersion ?? version };

    const track = (color: Color) => {
      const pod = onlyProps(props, 'RolloutTrackProps');
      return new RolloutTrack(this, color, {
        ...pod,
        containers: withImage(props.containers, image(versions[color])),
        replicas: color === this.activeColor ? replicas : (props.idleReplicas ?? replicas),
        component: this.component,
        trackLabel: { [COLOR_LABEL]: color },
        version: versions[color],
      });
    };
    this.blue = track('blue');
    this.green = track('green');
    const claim = singleNodeClaimOf(props);
    if (claim !== undefined) {
      Warnings.of(this).add(
        `both colours mount the ReadWriteOnce claim "${claim}": the pods of the second colour can only start on the node that has it attached, and stall on Multi-Attach elsewhere`,
        'give each colour its own claim, use a ReadWriteMany claim, or run the app as a Deployment with the Recreate strategy',
      );
    }

    const front = webFront(this, props, {
      name: this.name,
      component: this.component,
      selector: this.selector,
      serviceSelector: { ...this.selector, [COLOR_LABEL]: this.activeColor },
      pods: replicas,
    });
    this.service = front.service;
    this.ingress = front.ingress;
    this.disruptionBudget = front.disruptionBudget;
    if (props.preview ?? true) {
      this.previewService = sideService(this, 'Preview', this.service, `${this.name}-preview`, this.component, { ...this.selector, [COLOR_LABEL]: idle }, front.targetPort);
    }
    if (props.previewHost !== undefined && props.ingress && this.previewService) {
      const tlsSecret = props.previewTlsSecret ?? props.ingress.tlsSecret;
      const ingress = { ...props.ingress, hosts: [props.previewHost], tlsSecret };
      this.previewIngress = new Ingress(this, 'PreviewIngress', webIngressProps(this, ingress, `${this.name}-preview`, this.component, this.previewService));
    }
  }

  /** The Deployment of the active colour. */
  get active(): RolloutTrack {
    return this.activeColor === 'blue' ? this.blue : this.green;
  }

  /** The Deployment of the idle colour. */
  get idle(): RolloutTrack {
    return this.activeColor === 'blue' ? this.green : this.blue;
  }

  /** Every track's pods, by the labels they share (cdk8s-plus `IPodSelector`): a NetworkPolicy of the web service applies to all of them. */
  toPodSelectorConfig(): PodSelectorConfig {
    return { labelSelector: LabelSelector.of({ matchLabels: this.selector }) };
  }
}

/** The preview settings go together: a preview host needs the preview Service and a main Ingress, and a host of its own. */
function checkPreview(scope: Construct, props: BlueGreenWebServiceProps, n: (prop: string) => string): void {
  const host = props.previewHost;
  if (host === undefined) {
    if (props.previewTlsSecret !== undefined) throw problem(scope, `${n('previewTlsSecret')} is the certificate of the preview Ingress: set ${n('previewHost')} too, or remove it`);
    return;
  }
  if (props.preview === false) {
    throw problem(scope, `${n('previewHost')} "${host}" needs the preview Service: set ${n('preview')}: true, or remove ${n('previewHost')}`);
  }
  if (!props.ingress) {
    throw problem(scope, `${n('previewHost')} "${host}" needs the web service's ingress: the preview Ingress takes its class, path, annotations and TLS from it, and there is none`);
  }
  if (props.ingress.hosts?.includes(host)) {
    throw problem(scope, `${n('previewHost')} "${host}" is also a host of the main Ingress, so the two Ingresses would fight over it: give the preview a host of its own, such as "preview-${host}"`);
  }
}
