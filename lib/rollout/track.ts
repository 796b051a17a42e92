import { Construct } from 'constructs';
import { webPreset } from '../workloads/presets';
import { spreadByDefault } from '../workloads/scheduling';
import { WorkloadProps } from '../workloads/workload';
import { DeploymentStrategyProps } from '../workloads/deployment-strategy';
import { Deployment } from '../workloads/deployment';
import { checkPropNames } from '../construct/checks';

/** The pod label that tells the colours of a blue/green web service apart. */
export const COLOR_LABEL = 'chartwright.dev/color';
/** The pod label that tells the stable and canary pods of a canary web service apart. */
export const TRACK_LABEL = 'chartwright.dev/track';
/** The label of the version a pod runs. */
export const VERSION_LABEL = 'app.kubernetes.io/version';

export interface RolloutTrackProps extends WorkloadProps, DeploymentStrategyProps {
  /** The number of the track's pods. */
  readonly replicas: number;
  /** The component the track is part of: its pods carry it, so one selector finds every track's pods. */
  readonly component: string;
  /** The label that sets the track apart, such as `chartwright.dev/color: blue`; part of the selector. */
  readonly trackLabel: Record<string, string>;
  /** The version the pods run: their `app.kubernetes.io/version` label. */
  readonly version: string;
  /** The readiness probe's HTTP path, for containers that set no readiness probe. @default '/' */
  readonly healthCheckPath?: string;
}

/**
 * One version of a web service running beside others: a Deployment
 * `<name>-<id>` whose pods carry the web service's component, the track label
 * and their version. Blue/green and canary web services are made of these.
 * A track is its Deployment (`deployment` names it).
 */
export class RolloutTrack extends Deployment {
  /** The replicas in the spec. */
  declare readonly replicas: number;
  /** The version the pods run. */
  readonly version: string;

  constructor(scope: Construct, id: string, props: RolloutTrackProps) {
    const labels = { ...props.trackLabel, [VERSION_LABEL]: props.version };
    super(
      scope,
      id,
      { ...spreadByDefault({ ...props, podLabels: { ...props.podLabels, [VERSION_LABEL]: props.version } }), labels: { ...props.labels, ...labels } },
      { longRunning: true, preset: webPreset(props.healthCheckPath ?? '/'), component: props.component, selectorLabels: props.trackLabel },
    );
    checkPropNames(this, RolloutTrack, props, 'RolloutTrackProps');
    this.version = props.version;
  }

  /** The Deployment of the track: this construct. */
  get deployment(): Deployment {
    return this;
  }
}
