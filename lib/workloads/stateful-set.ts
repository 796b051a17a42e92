import { Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { k8s } from '../construct/k8s';
import { checkDnsLabel, checkInt, checkOneOf, checkQuantity, problem, checkPropNames } from '../construct/checks';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { ScaleTarget } from '../scaling/horizontal-pod-autoscaler';
import { tcpPreset } from './presets';
import { StatefulSetStrategyProps, statefulSetStrategy } from './stateful-set-strategy';
import { Workload, WorkloadOptions, WorkloadProps } from './workload';

/** A PersistentVolumeClaim each pod of a StatefulSet gets for itself; containers mount it with `Volume.claimTemplate(name)`. */
export interface VolumeClaimTemplateProps {
  /** The volume name (a DNS-1123 label); also the claim's name prefix (`<name>-<pod>`). */
  readonly name: string;
  /** A quantity such as `10Gi`. */
  readonly size: string;
  /** The StorageClass the claims ask for. @default - the cluster's default StorageClass */
  readonly storageClassName?: string;
  /** How each claimed volume can be mounted. @default ['ReadWriteOnce'] */
  readonly accessModes?: Array<'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod'>;
}

export interface StatefulSetProps extends WorkloadProps, StatefulSetStrategyProps {
  /** The number of pods. @default 1 */
  readonly replicas?: number;
  /**
   * The headless Service that gives each pod a stable DNS name. The
   * StatefulSet does not make it (`StatefulService` does).
   * @default - `<name>-headless`
   */
  readonly serviceName?: string;
  /** Per-pod persistent volumes. @default - none */
  readonly volumeClaimTemplates?: VolumeClaimTemplateProps[];
  /** Start and stop pods one at a time (`OrderedReady`) or all at once. @default 'OrderedReady' */
  readonly podManagementPolicy?: 'OrderedReady' | 'Parallel';
  /** Delete the claims when the StatefulSet is deleted or scaled down. @default 'Retain' for both */
  readonly claimRetention?: { readonly whenDeleted?: 'Retain' | 'Delete'; readonly whenScaled?: 'Retain' | 'Delete' };
}

/** How a StatefulSet builds its pods and names its settings, for the patterns made on one. */
export interface StatefulSetOptions extends WorkloadOptions {
  /** How errors name `volumeClaimTemplates`. @default 'volumeClaimTemplates' */
  readonly claimTemplatesField?: string;
}

/** How a StatefulSet of its own builds its pods: long-running, TCP probes on the first port of containers that set none. */
const STATEFUL_SET_PODS: StatefulSetOptions = { longRunning: true, preset: tcpPreset };

/**
 * A StatefulSet: pods with a stable identity (`<name>-0`, `<name>-1`…), each
 * with its own PersistentVolumeClaims from the volume claim templates, and a
 * stable DNS name through a headless Service. Names are at most 52
 * characters (the controller adds a revision hash to pod labels).
 * `StatefulService` is a StatefulSet with its Services around it.
 */
export class StatefulSet extends Workload<KubeApiObject> {
  readonly apiObject: KubeApiObject;
  /** The replicas in the spec. */
  readonly replicas: number;
  /** The name of the headless Service that governs the pods' DNS names. */
  readonly serviceName: string;
  /** What a HorizontalPodAutoscaler scales: this StatefulSet. */
  readonly scaleTarget: ScaleTarget;
  private readonly claimTemplates: k8s.KubePersistentVolumeClaimProps[] = [];

  /**
   * @param options how the pods are built, for the patterns made on a
   * StatefulSet. @default - long-running, with TCP probe presets
   */
  constructor(scope: Construct, id: string, props: StatefulSetProps, options: StatefulSetOptions = STATEFUL_SET_PODS) {
    const { claimTemplatesField = 'volumeClaimTemplates', ...podOptions } = options;
    super(scope, id, props, podOptions, 52);
    checkPropNames(this, StatefulSet, props, 'StatefulSetProps');
    this.replicas = props.replicas ?? 1;
    checkInt(this, 'replicas', this.replicas, { min: 0 });
    checkOneOf(this, 'podManagementPolicy', props.podManagementPolicy, ['OrderedReady', 'Parallel']);
    checkOneOf(this, 'claimRetention.whenDeleted', props.claimRetention?.whenDeleted, ['Retain', 'Delete']);
    checkOneOf(this, 'claimRetention.whenScaled', props.claimRetention?.whenScaled, ['Retain', 'Delete']);
    (props.volumeClaimTemplates ?? []).forEach((t, i) => this.addClaimTemplate(`${claimTemplatesField}[${i}]`, t));
    this.serviceName = props.serviceName ?? `${this.name}-headless`;
    checkDnsLabel(this, 'serviceName', this.serviceName);
    this.apiObject = kubeApiObject<k8s.KubeStatefulSetProps>(this, 'Resource', k8s.KubeStatefulSet.GVK, {
      metadata: this.objectMetadata(props),
      spec: {
        serviceName: this.serviceName,
        replicas: this.replicas,
        selector: { matchLabels: this.selector },
        template: this.pod.template,
        volumeClaimTemplates: Lazy.any({ produce: () => (this.claimTemplates.length ? this.claimTemplates : undefined) }),
        podManagementPolicy: props.podManagementPolicy ?? 'OrderedReady',
        ...statefulSetStrategy(this, props, this.replicas),
        persistentVolumeClaimRetentionPolicy: {
          whenDeleted: props.claimRetention?.whenDeleted ?? 'Retain',
          whenScaled: props.claimRetention?.whenScaled ?? 'Retain',
        },
      },
    });
    this.scaleTarget = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: this.name };
  }

  /** Adds a per-pod volume; a container mounts it with `Volume.claimTemplate(name)`. */
  addVolumeClaimTemplate(template: VolumeClaimTemplateProps): void {
    this.addClaimTemplate(`volumeClaimTemplates[${this.claimTemplates.length}]`, template);
  }

  /** Checks a claim template, named `field` in errors, and adds it. */
  protected addClaimTemplate(field: string, t: VolumeClaimTemplateProps): void {
    checkDnsLabel(this, `${field}.name`, t.name);
    if (this.claimTemplates.some((c) => c.metadata?.name === t.name)) throw problem(this, `${field}: the name "${t.name}" is used twice`);
    if (this.pod.volumes.some((v) => v.name === t.name)) throw problem(this, `${field}: the name "${t.name}" is also the name of a pod volume`);
    checkQuantity(this, `${field}.size`, t.size);
    (t.accessModes ?? []).forEach((m, j) => checkOneOf(this, `${field}.accessModes[${j}]`, m, ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']));
    this.claimTemplates.push({
      metadata: { name: t.name, labels: this.selector },
      spec: {
        accessModes: t.accessModes ?? ['ReadWriteOnce'],
        storageClassName: t.storageClassName,
        resources: { requests: { storage: k8s.Quantity.fromString(t.size) } },
      },
    });
  }
}
