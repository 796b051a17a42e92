import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { resourceName } from '../construct/names';
import { checkDnsSubdomain, checkOneOf, checkQuantity, problem, checkPropNames } from '../construct/checks';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';

export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';
export const ACCESS_MODES: readonly AccessMode[] = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];

export interface PersistentVolumeClaimProps {
  /** The claim's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** A quantity such as `10Gi`. */
  readonly size: string;
  /** How the claimed volume can be mounted. @default ['ReadWriteOnce'] */
  readonly accessModes?: AccessMode[];
  /** A StorageClass by name or object; `''` binds only to PVs without a class. @default - the cluster's default StorageClass */
  readonly storageClass?: string | { readonly name: string };
  /** Bind to this PersistentVolume. @default - any matching volume */
  readonly volumeName?: string;
  /** Whether the volume is mounted as a filesystem or handed to the pod as a raw block device. @default 'Filesystem' */
  readonly volumeMode?: 'Filesystem' | 'Block';
}

/** A PersistentVolumeClaim: a request for storage, mounted with `Volume.fromClaim`. */
export class PersistentVolumeClaim extends Resource<KubeApiObject> {
  readonly name: string;
  /** How the claimed volume can be mounted. */
  readonly accessModes: readonly AccessMode[];
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: PersistentVolumeClaimProps) {
    super(scope, id);
    checkPropNames(this, PersistentVolumeClaim, props, 'PersistentVolumeClaimProps');
    this.name = props.name ?? resourceName(this, 253);
    checkDnsSubdomain(this, 'name', this.name);
    if (props.size === undefined) throw problem(this, 'size is required: a quantity such as "10Gi"');
    checkQuantity(this, 'size', props.size);
    (props.accessModes ?? []).forEach((m, i) => checkOneOf(this, `accessModes[${i}]`, m, ACCESS_MODES));
    checkOneOf(this, 'volumeMode', props.volumeMode, ['Filesystem', 'Block']);
    this.accessModes = props.accessModes ?? ['ReadWriteOnce'];
    this.apiObject = kubeApiObject<k8s.KubePersistentVolumeClaimProps>(this, 'Resource', k8s.KubePersistentVolumeClaim.GVK, {
      metadata: { name: this.name },
      spec: {
        accessModes: [...this.accessModes],
        storageClassName: typeof props.storageClass === 'object' ? props.storageClass.name : props.storageClass,
        volumeName: props.volumeName,
        volumeMode: props.volumeMode,
        resources: { requests: { storage: k8s.Quantity.fromString(props.size) } },
      },
    });
  }
}
