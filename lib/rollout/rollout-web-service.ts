import { Construct } from 'constructs';
import { IPodSelector, LabelSelector, PodSelectorConfig } from '../networking/pod-selector';
import { UserError } from '../errors';
import { problem, checkPropNames } from '../construct/checks';
import { formatPath } from '../internal/json-path';
import { Ingress } from '../networking/ingress';
import { Service } from '../networking/service';
import { WebService, WebServiceProps } from '../patterns/web-service';
import { BlueGreenWebService } from './blue-green';
import { CanaryWebService, canarySplit } from './canary';
import { DeploymentStrategyProps } from '../workloads/deployment-strategy';
import { valuesNaming } from '../construct/setting-naming';
import { RolloutStrategy, RolloutValues, RolloutValuesInput, rolloutValues } from './values';
import { ImageForVersion, versioning, withImage } from './version';
import { constructPath } from '../construct/name-parts';

export interface RolloutWebServiceProps extends Omit<WebServiceProps, Exclude<keyof DeploymentStrategyProps, 'revisionHistoryLimit'>> {
  /**
   * The rollout: a package's `rollout` value (see `rolloutValues`), checked
   * here and completed with its defaults.
   * @default - a rolling update, maxSurge 25%, maxUnavailable 0
   */
  readonly rollout?: RolloutValuesInput | RolloutValues;
  /**
   * The version running now: with blue/green, the version of a colour that
   * names none; with a canary, the stable version.
   * @default - the tag of containers[0].image
   */
  readonly version?: string;
  /** The main container's image for a version. @default - containers[0].image with the version as its tag */
  readonly image?: ImageForVersion;
}

/**
 * A web service whose rollout strategy is a value: `rolling` and `recreate`
 * make a `WebService` (Deployment `<name>`), `blueGreen` a
 * `BlueGreenWebService` (Deployments `<name>-blue`, `<name>-green`) and
 * `canary` a `CanaryWebService` (Deployments `<name>-stable`,
 * `<name>-canary`). In every case the Service and the Ingress are `<name>`,
 * and `selector` finds every pod, whatever its version.
 *
 * Errors name the values path under `rollout`, such as
 * `rollout.canary.weight`, so they point at the line of the values file to
 * change.
 */
export class RolloutWebService extends Construct implements IPodSelector {
  /** The rollout values, defaults applied. */
  readonly rollout: RolloutValues;
  readonly strategy: RolloutStrategy;
  readonly name: string;
  readonly component: string;
  /** Labels every pod carries, whatever its colour, track or version. */
  readonly selector: Record<string, string>;
  readonly service: Service;
  readonly ingress?: Ingress;
  /** With `rolling` and `recreate`. */
  readonly webService?: WebService;
  /** With `blueGreen`. */
  readonly blueGreen?: BlueGreenWebService;
  /** With `canary`. */
  readonly canary?: CanaryWebService;

  constructor(scope: Construct, id: string, props: RolloutWebServiceProps) {
    super(scope, id);
    checkPropNames(this, RolloutWebService, props, 'RolloutWebServiceProps');
    const parsed = rolloutValues.safeParse(props.rollout ?? {});
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({ field: formatPath(['rollout', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))]), message: i.message }));
      const lines = problems.map((p) => `  ${p.field}: ${p.message}`);
      throw new UserError(`${constructPath(this)}: invalid rollout:\n${lines.join('\n')}`, { path: constructPath(this), field: problems[0].field, problems });
    }
    this.rollout = parsed.data;
    this.strategy = this.rollout.strategy;
    const inner = this.build(props, this.rollout);
    if (inner instanceof WebService) this.webService = inner;
    else if (inner instanceof BlueGreenWebService) this.blueGreen = inner;
    else this.canary = inner;
    this.name = inner.name;
    this.component = inner.component;
    this.selector = inner.selector;
    this.service = inner.service;
    this.ingress = inner.ingress;
  }

  private build(props: RolloutWebServiceProps, r: RolloutValues): WebService | BlueGreenWebService | CanaryWebService {
    const { rollout: _r, version: _v, image: _i, ...web } = props;
    const timing = { minReadySeconds: r.minReadySeconds, progressDeadlineSeconds: r.progressDeadlineSeconds };
    const rolling: DeploymentStrategyProps = { strategy: 'RollingUpdate', maxSurge: r.maxSurge, maxUnavailable: r.maxUnavailable, ...timing };

    if (r.strategy === 'rolling' || r.strategy === 'recreate') {
      let containers = props.containers;
      if (props.version !== undefined) {
        const v = versioning(this, props.containers, props.version, props.image);
        containers = withImage(props.containers, v.image(v.version));
      }
      const strategy: DeploymentStrategyProps = r.strategy === 'recreate' ? { strategy: 'Recreate', ...timing } : rolling;
      return new WebService(this, 'Default', { ...web, containers, ...strategy });
    }

    if ((props as WebServiceProps).autoscaling) {
      throw problem(this, `autoscaling works with rollout.strategy rolling or recreate, not ${r.strategy}: remove autoscaling and set replicas, or use a rolling update`);
    }
    if (r.strategy === 'blueGreen') {
      const bg = r.blueGreen;
      return new BlueGreenWebService(this, 'Default', {
        ...web,
        ...rolling,
        version: props.version,
        image: props.image,
        activeColor: bg.activeColor,
        blueVersion: bg.blue.version,
        greenVersion: bg.green.version,
        idleReplicas: bg.idleReplicas,
        preview: bg.preview,
        previewHost: bg.previewHost,
        previewTlsSecret: bg.previewTlsSecret,
        settingNaming: valuesNaming('rollout.blueGreen', { blueVersion: 'blue.version', greenVersion: 'green.version' }),
      });
    }

    const c = r.canary;
    const stable = c.promote ? c.version : props.version;
    const replicas = props.replicas ?? 2;
    const current = versioning(this, props.containers, stable, props.image).version;
    const running = c.version !== undefined && c.version !== current;
    if (running && c.traffic === 'replicas' && !canarySplit(replicas, c.weight)) {
      throw problem(
        this,
        `rollout.canary.weight ${c.weight} cannot be met with ${replicas} replica: rollout.canary.traffic replicas splits requests by pod count and needs at least 2 pods; raise replicas, or use traffic nginx or gateway`,
      );
    }
    if (c.traffic === 'nginx' && !props.ingress) {
      throw problem(this, 'rollout.canary.traffic nginx splits requests at the Ingress, and this web service has none: use traffic replicas or gateway, or give it an ingress');
    }
    if (c.traffic === 'gateway' && c.header !== undefined && c.headerValue === undefined) {
      throw problem(this, `rollout.canary.header "${c.header}" needs rollout.canary.headerValue with gateway traffic (an HTTPRoute matches exact values)`);
    }
    return new CanaryWebService(this, 'Default', {
      ...web,
      ...rolling,
      version: stable,
      image: props.image,
      canaryVersion: c.version,
      weight: c.weight,
      traffic: c.traffic,
      canaryReplicas: c.replicas,
      header: c.header,
      headerValue: c.headerValue,
      gateway: c.gateway,
    });
  }

  /** Every track's pods, by the labels they share (cdk8s-plus `IPodSelector`): a NetworkPolicy of the web service applies to all of them. */
  toPodSelectorConfig(): PodSelectorConfig {
    return { labelSelector: LabelSelector.of({ matchLabels: this.selector }) };
  }
}
