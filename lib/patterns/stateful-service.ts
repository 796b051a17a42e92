import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { checkDnsLabel, checkInt, checkOneOf, checkQuantity, problem } from '../construct/checks';
import { Service } from '../networking/service';
import { ScaleTarget } from '../scaling/horizontal-pod-autoscaler';
import { PodDisruptionBudget } from '../scaling/pod-disruption-budget';
import { Volume } from '../storage/volume';
import { StatefulSetStrategyProps, statefulSetStrategy } from '../workloads/stateful-set-strategy';
import { tcpPreset } from '../workloads/presets';
import { spreadByDefault } from '../workloads/scheduling';
import { Workload, WorkloadProps } from '../workloads/workload';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';

/** A volume each pod of a StatefulSet gets for itself (a volume claim template). */
export interface StatefulVolumeProps {
  /** The volume name (a DNS-1123 label); also the claim's name prefix. */
  readonly name: string;
  /** Where the first container mounts it. */
  readonly mountPath: string;
  /** A quantity such as `10Gi`. */
  readonly size: string;
  /** @default - the cluster's default StorageClass */
  readonly storageClassName?: string;
  /** @default ['ReadWriteOnce'] */
  readonly accessModes?: Array<'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod'>;
  /** @default - the volume's root */
  readonly subPath?: string;
}

export interface StatefulServiceProps extends WorkloadProps, StatefulSetStrategyProps {
  /** @default 1 */
  readonly replicas?: number;
  /** Per-pod persistent volumes. @default - none */
  readonly storage?: StatefulVolumeProps[];
  /** Start and stop pods one at a time (`OrderedReady`) or all at once. @default 'OrderedReady' */
  readonly podManagementPolicy?: 'OrderedReady' | 'Parallel';
  /** Delete the claims when the StatefulSet is deleted or scaled down. @default 'Retain' for both */
  readonly claimRetention?: { readonly whenDeleted?: 'Retain' | 'Delete'; readonly whenScaled?: 'Retain' | 'Delete' };
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
 */
export class StatefulService extends Workload {
  readonly statefulSet: KubeApiObject;
  /** The headless Service that governs the pods' DNS names. */
  readonly headlessService: Service;
  /** The Service clients use. */
  readonly service?: Service;
  readonly disruptionBudget?: PodDisruptionBudget;
  readonly scaleTarget: ScaleTarget;

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
    super(scope, id, spreadByDefault({ ...props, containers }), { longRunning: true, preset: tcpPreset }, 52);
    const replicas = props.replicas ?? 1;
    checkInt(this, 'replicas', replicas, { min: 0 });
    checkOneOf(this, 'podManagementPolicy', props.podManagementPolicy, ['OrderedReady', 'Parallel']);
    checkOneOf(this, 'claimRetention.whenDeleted', props.claimRetention?.whenDeleted, ['Retain', 'Delete']);
    checkOneOf(this, 'claimRetention.whenScaled', props.claimRetention?.whenScaled, ['Retain', 'Delete']);
    const names = new Set<string>();
    const claimTemplates = storage.map((s, i): k8s.KubePersistentVolumeClaimProps => {
      checkDnsLabel(this, `storage[${i}].name`, s.name);
      if (names.has(s.name)) throw problem(this, `storage[${i}]: the name "${s.name}" is used twice`);
      if (this.pod.volumes.some((v) => v.name === s.name)) throw problem(this, `storage[${i}]: the name "${s.name}" is also the name of a pod volume`);
      names.add(s.name);
      checkQuantity(this, `storage[${i}].size`, s.size);
      (s.accessModes ?? []).forEach((m, j) => checkOneOf(this, `storage[${i}].accessModes[${j}]`, m, ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']));
      return {
        metadata: { name: s.name, labels: this.selector },
        spec: {
          accessModes: s.accessModes ?? ['ReadWriteOnce'],
          storageClassName: s.storageClassName,
          resources: { requests: { storage: k8s.Quantity.fromString(s.size) } },
        },
      };
    });
    const ports = (props.containers[0].ports ?? []).map((p, i) => ({ name: p.name ?? `port-${i}`, port: p.port, targetPort: p.name ?? p.port, protocol: p.protocol }));
    const labels = { 'app.kubernetes.io/component': this.component };

    this.headlessService = new Service(this, 'Headless', {
      name: `${this.name}-headless`,
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

    this.statefulSet = kubeApiObject<k8s.KubeStatefulSetProps>(this, 'Resource', k8s.KubeStatefulSet.GVK, {
      metadata: this.metadata(props),
      spec: {
        serviceName: this.headlessService.name,
        replicas,
        selector: { matchLabels: this.selector },
        template: this.pod.template,
        volumeClaimTemplates: claimTemplates.length ? claimTemplates : undefined,
        podManagementPolicy: props.podManagementPolicy ?? 'OrderedReady',
        ...statefulSetStrategy(this, props, replicas),
        persistentVolumeClaimRetentionPolicy: {
          whenDeleted: props.claimRetention?.whenDeleted ?? 'Retain',
          whenScaled: props.claimRetention?.whenScaled ?? 'Retain',
        },
      },
    });
    this.scaleTarget = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: this.name };

    if (props.disruptionBudget !== false && (props.disruptionBudget !== undefined || replicas > 1)) {
      this.disruptionBudget = new PodDisruptionBudget(this, 'DisruptionBudget', { name: this.name, labels, selector: this.selector, ...(props.disruptionBudget || {}) });
    }
  }
}
