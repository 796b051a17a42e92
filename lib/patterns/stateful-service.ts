import { Construct } from 'constructs';
import { problem, checkPropNames } from '../construct/checks';
import { Service } from '../networking/service';
import { PodDisruptionBudget } from '../scaling/pod-disruption-budget';
import { Volume } from '../storage/volume';
import { StatefulSet, StatefulSetProps, VolumeClaimTemplateProps } from '../workloads/stateful-set';
import { tcpPreset } from '../workloads/presets';
import { spreadByDefault } from '../workloads/scheduling';

/** A volume each pod of a StatefulSet gets for itself (a volume claim template), mounted into the first container. */
export interface StatefulVolumeProps extends VolumeClaimTemplateProps {
  /** Where the first container mounts it. */
  readonly mountPath: string;
  /** A path inside the volume to mount instead of its root. @default - the volume's root */
  readonly subPath?: string;
}

export interface StatefulServiceProps extends Omit<StatefulSetProps, 'serviceName' | 'volumeClaimTemplates'> {
  /** Per-pod persistent volumes, mounted into the first container. @default - none */
  readonly storage?: StatefulVolumeProps[];
  /** A ClusterIP Service `<name>` for clients, besides the headless `<name>-headless`. @default true */
  readonly clientService?: boolean;
  /** A PodDisruptionBudget; `false` for none. @default - { maxUnavailable: 1 } when replicas > 1 */
  readonly disruptionBudget?: { readonly minAvailable?: number | string; readonly maxUnavailable?: number | string } | false;
}

/**
 * A stateful service: a StatefulSet whose pods each get their own
 * PersistentVolumeClaim from a volume claim template, a headless Service
 * `<name>-headless` that gives each pod a stable DNS name, and a ClusterIP
 * Service `<name>` for clients. Containers with ports get TCP probes unless
 * they set their own.
 *
 * A stateful service is its StatefulSet (`statefulSet` names it) with its
 * Services and PodDisruptionBudget around it.
 */
export class StatefulService extends StatefulSet {
  /** The headless Service that governs the pods' DNS names. */
  readonly headlessService: Service;
  /** The Service clients use. */
  readonly service?: Service;
  /** The PodDisruptionBudget, unless there is none. */
  readonly disruptionBudget?: PodDisruptionBudget;

  constructor(scope: Construct, id: string, props: StatefulServiceProps) {
    const storage = props.storage ?? [];
    const containers = props.containers?.length
      ? [
          {
            ...props.containers[0],
            mounts: [
              ...(props.containers[0].mounts ?? []),
              ...storage.map((s) => ({ volume: Volume.claimTemplate(s.name), path: s.mountPath, subPath: s.subPath })),
            ],
          },
          ...props.containers.slice(1),
        ]
      : props.containers;
    super(scope, id, { ...spreadByDefault({ ...props, containers }), volumeClaimTemplates: storage }, { longRunning: true, preset: tcpPreset, claimTemplatesField: 'storage' });
    checkPropNames(this, StatefulService, props, 'StatefulServiceProps');
    const replicas = this.replicas;
    const ports = (props.containers[0].ports ?? []).map((p, i) => ({ name: p.name ?? `port-${i}`, port: p.port, targetPort: p.name ?? p.port, protocol: p.protocol }));
    const labels = { 'app.kubernetes.io/component': this.component };

    this.headlessService = new Service(this, 'Headless', {
      name: this.serviceName,
      headless: true,
      labels,
      selector: this.selector,
      ports,
      publishNotReadyAddresses: true,
    });
    if (props.clientService ?? true) {
      if (ports.length === 0) throw problem(this, 'containers[0] has no ports, so there is nothing for a client Service: add ports or set clientService: false');
      this.service = new Service(this, 'Service', { name: this.name, labels, selector: this.selector, ports });
    }

    if (props.disruptionBudget !== false && (props.disruptionBudget !== undefined || replicas > 1)) {
      this.disruptionBudget = new PodDisruptionBudget(this, 'DisruptionBudget', { name: this.name, labels, selector: this.selector, ...(props.disruptionBudget || {}) });
    }
  }

  /** The StatefulSet of the stateful service: this construct. */
  get statefulSet(): StatefulSet {
    return this;
  }
}
