import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { clusterScoped, resourceName } from '../construct/names';
import { checkDnsSubdomain, checkOneOf, problem, checkPropNames } from '../construct/checks';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';

export interface StorageClassProps {
  /** The StorageClass's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** The CSI driver or provisioner, such as `ebs.csi.aws.com`. */
  readonly provisioner: string;
  /** Driver parameters. @default - none */
  readonly parameters?: Record<string, string>;
  /** What happens to a provisioned volume when its claim is deleted. @default 'Delete' */
  readonly reclaimPolicy?: 'Delete' | 'Retain';
  /** `WaitForFirstConsumer` provisions in the zone of the pod. @default 'WaitForFirstConsumer' */
  readonly volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  /** Claims may grow. @default true */
  readonly allowVolumeExpansion?: boolean;
  /** Make it the cluster's default class. @default false */
  readonly isDefault?: boolean;
  /** Mount options for the volumes the class provisions, such as `nfsvers=4.1`. @default - none */
  readonly mountOptions?: string[];
}

/** A StorageClass (cluster-scoped): how claims get volumes. */
export class StorageClass extends Resource<KubeApiObject> {
  readonly name: string;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: StorageClassProps) {
    super(scope, id);
    checkPropNames(this, StorageClass, props, 'StorageClassProps');
    this.name = props.name ?? resourceName(this, 253);
    checkDnsSubdomain(this, 'name', this.name);
    if (!props.provisioner) throw problem(this, 'provisioner is required, such as "ebs.csi.aws.com"');
    checkOneOf(this, 'reclaimPolicy', props.reclaimPolicy, ['Delete', 'Retain']);
    checkOneOf(this, 'volumeBindingMode', props.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']);
    this.apiObject = kubeApiObject<k8s.KubeStorageClassProps>(this, 'Resource', k8s.KubeStorageClass.GVK, {
      metadata: {
        name: this.name,
        annotations: props.isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : undefined,
      },
      provisioner: props.provisioner,
      parameters: props.parameters,
      reclaimPolicy: props.reclaimPolicy ?? 'Delete',
      volumeBindingMode: props.volumeBindingMode ?? 'WaitForFirstConsumer',
      allowVolumeExpansion: props.allowVolumeExpansion ?? true,
      mountOptions: props.mountOptions,
    });
    clusterScoped(this.apiObject);
  }
}
