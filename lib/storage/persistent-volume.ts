import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { clusterScoped, resourceName } from '../construct/names';
import { checkDnsSubdomain, checkOneOf, checkQuantity, invalid, problem, checkPropNames } from '../construct/checks';
import { ACCESS_MODES, AccessMode } from './persistent-volume-claim';
import { HostPathType, hostPathTypeProblem } from './volume';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';

/** Where a PersistentVolume's data lives. Exactly one. */
export interface PersistentVolumeSource {
  /**
   * A path on one node (single-node clusters and tests only): `path` is
   * absolute; `type` says what must exist there (no check when unset).
   * @default - not a hostPath volume
   */
  readonly hostPath?: { readonly path: string; readonly type?: HostPathType };
  /**
   * An NFS export: the `server`'s hostname or address and the absolute `path`
   * it exports, mounted read-write unless `readOnly`.
   * @default - not an NFS volume
   */
  readonly nfs?: { readonly server: string; readonly path: string; readonly readOnly?: boolean };
  /**
   * A CSI volume: the `driver`'s name and its `volumeHandle` for the volume;
   * `fsType` unset leaves the filesystem to the driver, and it is mounted
   * read-write unless `readOnly`.
   * @default - not a CSI volume
   */
  readonly csi?: { readonly driver: string; readonly volumeHandle: string; readonly fsType?: string; readonly readOnly?: boolean };
  /** A local disk of one node (needs `nodeAffinity`), at an absolute `path`. @default - not a local volume */
  readonly local?: { readonly path: string };
}

export interface PersistentVolumeProps {
  /** The PersistentVolume's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** A quantity such as `100Gi`. */
  readonly capacity: string;
  /** Where the volume's data lives: exactly one of `hostPath`, `nfs`, `csi`, `local`. */
  readonly source: PersistentVolumeSource;
  /** How the volume can be mounted. @default ['ReadWriteOnce'] */
  readonly accessModes?: AccessMode[];
  /** What happens to the data when the claim is deleted. @default 'Retain' */
  readonly reclaimPolicy?: 'Retain' | 'Delete' | 'Recycle';
  /** The StorageClass the volume belongs to; claims that ask for this class bind to it. @default '' (no class: binds to claims that ask for none) */
  readonly storageClassName?: string;
  /** The nodes that can reach the volume, as `kubernetes.io/hostname` values (required for `local`). @default - any node */
  readonly nodes?: string[];
  /** Mount options for the volume, such as `nfsvers=4.1`. @default - none */
  readonly mountOptions?: string[];
}

/** A PersistentVolume provisioned by hand (cluster-scoped). */
export class PersistentVolume extends Resource<KubeApiObject> {
  readonly name: string;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: PersistentVolumeProps) {
    super(scope, id);
    checkPropNames(this, PersistentVolume, props, 'PersistentVolumeProps');
    this.name = props.name ?? resourceName(this, 253);
    checkDnsSubdomain(this, 'name', this.name);
    if (props.capacity === undefined) throw problem(this, 'capacity is required: a quantity such as "100Gi"');
    checkQuantity(this, 'capacity', props.capacity);
    (props.accessModes ?? []).forEach((m, i) => checkOneOf(this, `accessModes[${i}]`, m, ACCESS_MODES));
    checkOneOf(this, 'reclaimPolicy', props.reclaimPolicy, ['Retain', 'Delete', 'Recycle']);
    const given = Object.entries(props.source ?? {}).filter(([, v]) => v !== undefined).map(([k]) => k);
    if (given.length !== 1) throw invalid(this, 'source', given, 'exactly one of hostPath, nfs, csi, local');
    const s = props.source;
    const path = s.hostPath?.path ?? s.nfs?.path ?? s.local?.path;
    if (path !== undefined && !path.startsWith('/')) throw invalid(this, `source.${given[0]}.path`, path, 'an absolute path');
    const typeProblem = hostPathTypeProblem(s.hostPath?.type);
    if (typeProblem) throw invalid(this, 'source.hostPath.type', s.hostPath?.type, typeProblem);
    if (s.local && !props.nodes?.length) throw problem(this, 'a local volume needs nodes: name the node(s) the disk is attached to');
    this.apiObject = kubeApiObject<k8s.KubePersistentVolumeProps>(this, 'Resource', k8s.KubePersistentVolume.GVK, {
      metadata: { name: this.name },
      spec: {
        capacity: { storage: k8s.Quantity.fromString(props.capacity) },
        accessModes: props.accessModes ?? ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: props.reclaimPolicy ?? 'Retain',
        storageClassName: props.storageClassName ?? '',
        mountOptions: props.mountOptions,
        hostPath: s.hostPath,
        nfs: s.nfs,
        csi: s.csi,
        local: s.local,
        nodeAffinity: props.nodes?.length
          ? { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: props.nodes }] }] } }
          : undefined,
      },
    });
    clusterScoped(this.apiObject);
  }
}
