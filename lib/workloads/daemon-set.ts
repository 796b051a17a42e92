import { Construct } from 'constructs';
import { k8s } from '../construct/k8s';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { DaemonSetStrategyProps, daemonSetStrategy } from './daemon-set-strategy';
import { tcpPreset } from './presets';
import { Workload, WorkloadOptions, WorkloadProps } from './workload';
import { checkPropNames } from '../construct/checks';

export interface DaemonSetProps extends WorkloadProps, DaemonSetStrategyProps {
  /** Use the node's network namespace. @default false */
  readonly hostNetwork?: boolean;
}

/** How a DaemonSet of its own builds its pods: long-running, TCP probes on the first port of containers that set none. */
const DAEMON_SET_PODS: WorkloadOptions = { longRunning: true, preset: tcpPreset };

/**
 * A DaemonSet: one pod on each node (that its placement allows), replaced
 * node by node when the template changes. `NodeAgent` is a DaemonSet with
 * its host mounts listed and reviewed.
 */
export class DaemonSet extends Workload<KubeApiObject> {
  readonly apiObject: KubeApiObject;

  /**
   * @param options how the pods are built, for the patterns made on a
   * DaemonSet. @default - long-running, with TCP probe presets
   */
  constructor(scope: Construct, id: string, props: DaemonSetProps, options: WorkloadOptions = DAEMON_SET_PODS) {
    super(scope, id, props, { ...options, extra: { ...options.extra, hostNetwork: props.hostNetwork } });
    checkPropNames(this, DaemonSet, props, 'DaemonSetProps');
    this.apiObject = kubeApiObject<k8s.KubeDaemonSetProps>(this, 'Resource', k8s.KubeDaemonSet.GVK, {
      metadata: this.objectMetadata(props),
      spec: {
        selector: { matchLabels: this.selector },
        template: this.pod.template,
        ...daemonSetStrategy(this, props),
      },
    });
  }
}
