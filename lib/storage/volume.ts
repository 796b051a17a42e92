import { k8s } from '../construct/k8s';
import { IConfigSource } from '../config/source';
import { suggestion } from '../errors';

/** How `emptyDir` is backed. */
export enum EmptyDirMedium {
  /** The node's disk. */
  DEFAULT = '',
  /** tmpfs, counted against the container's memory limit. */
  MEMORY = 'Memory',
}

export interface EmptyDirOptions {
  /** Where the volume is kept: the node's disk, or `Memory` for a tmpfs. @default EmptyDirMedium.DEFAULT */
  readonly medium?: EmptyDirMedium;
  /**
   * Most the volume may hold, a quantity such as `64Mi`.
   * @default - no limit (bounded by the node)
   */
  readonly sizeLimit?: string;
}

/** `hostPath` types: what must exist at the path ('' checks nothing). */
export const HOST_PATH_TYPES = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'] as const;
export type HostPathType = (typeof HOST_PATH_TYPES)[number];

/** What a `hostPath` type must be, when `type` is not one (for "… is not valid: expected …"); undefined when it is. */
export function hostPathTypeProblem(type: unknown): string | undefined {
  if (type === undefined || (HOST_PATH_TYPES as readonly unknown[]).includes(type)) return undefined;
  return `one of ${HOST_PATH_TYPES.filter((t) => t !== '').join(', ')}, or "" for no check${suggestion(String(type), HOST_PATH_TYPES.filter((t) => t !== ''))}`;
}

export interface ConfigVolumeOptions {
  /**
   * Only these keys, each at the given relative path.
   * @default - every key, as a file named after the key
   */
  readonly items?: Record<string, string>;
  /**
   * File mode of the files, such as 0o440.
   * @default 0o444 for ConfigMaps, 0o440 for Secrets
   */
  readonly defaultMode?: number;
  /** Whether the pod may start when the ConfigMap or Secret (or one of `items`' keys) does not exist. @default false */
  readonly optional?: boolean;
}

/** What a volume is built from, for validation and rollout checksums. */
export interface VolumeOrigin {
  /** The ConfigMap or Secret whose keys it holds. */
  readonly source?: IConfigSource;
  /** The keys it takes, when not all of them (`items`). */
  readonly keys?: readonly string[];
  /** The files those keys become, relative to the mount (`items`' paths). */
  readonly files?: readonly string[];
  /** The claim, when only one node can attach it (ReadWriteOnce): pods that mount it must share a node. */
  readonly singleNodeClaim?: string;
  /** The node's path, for a hostPath volume. */
  readonly hostPath?: string;
  readonly sizeLimit?: string;
  readonly claimTemplate?: boolean;
}

/**
 * A pod volume. Made by a static factory, reached by containers through their
 * `mounts`; the pod lists each volume its containers mount, once.
 */
export class Volume {
  /** Scratch space that lives as long as the pod. */
  static emptyDir(name: string, options: EmptyDirOptions = {}): Volume {
    return new Volume(name, {
      emptyDir: {
        medium: options.medium || undefined,
        sizeLimit: options.sizeLimit === undefined ? undefined : k8s.Quantity.fromString(options.sizeLimit),
      },
    }, { sizeLimit: options.sizeLimit });
  }

  /**
   * A file or directory of the node. Gives the pod access to the node: use for
   * node agents, and mount read-only where you can.
   */
  static hostPath(name: string, path: string, type: HostPathType = ''): Volume {
    return new Volume(name, { hostPath: { path, type: type || undefined } }, { hostPath: path });
  }

  /** The keys of a ConfigMap or Secret as files. */
  static fromSource(name: string, source: IConfigSource, options: ConfigVolumeOptions = {}): Volume {
    const items = options.items && Object.entries(options.items).map(([key, path]) => ({ key, path }));
    const origin = { source, keys: options.items && Object.keys(options.items), files: options.items && Object.values(options.items) };
    if (source.kind === 'Secret') {
      return new Volume(name, { secret: { secretName: source.name, items, defaultMode: options.defaultMode ?? 0o440, optional: options.optional } }, origin);
    }
    return new Volume(name, { configMap: { name: source.name, items, defaultMode: options.defaultMode, optional: options.optional } }, origin);
  }

  /** A PersistentVolumeClaim, by claim name. */
  static fromClaim(name: string, claim: string | { readonly name: string; readonly accessModes?: readonly string[] }, options: { readOnly?: boolean } = {}): Volume {
    const claimName = typeof claim === 'string' ? claim : claim.name;
    // a claim only one node can attach (ReadWriteOnce, ReadWriteOncePod), when its access modes are known
    const singleNode = typeof claim !== 'string' && claim.accessModes !== undefined && !claim.accessModes.some((m) => m === 'ReadWriteMany' || m === 'ReadOnlyMany');
    return new Volume(name, { persistentVolumeClaim: { claimName, readOnly: options.readOnly } }, singleNode ? { singleNodeClaim: claimName } : {});
  }

  /**
   * The claim a StatefulSet makes per pod from a volume claim template of this
   * name. The pod does not list it; the StatefulSet does.
   */
  static claimTemplate(name: string): Volume {
    return new Volume(name, {}, { claimTemplate: true });
  }

  /** Any other volume source, as the Kubernetes API spells it (`csi`, `nfs`, `projected`…). */
  static fromSpec(name: string, spec: Omit<k8s.Volume, 'name'>): Volume {
    return new Volume(name, spec);
  }

  private constructor(
    /** The volume's name within the pod. */
    readonly name: string,
    private readonly spec: Omit<k8s.Volume, 'name'>,
    /** What the volume is built from, for validation and rollout checksums. */
    readonly origin: VolumeOrigin = {},
  ) {}

  /** The volume as the pod spec lists it. */
  toKube(): k8s.Volume {
    return { name: this.name, ...this.spec };
  }
}

/** Where a container sees a volume. */
export interface VolumeMount {
  /** The volume. */
  readonly volume: Volume;
  /** The absolute path in the container. */
  readonly path: string;
  /**
   * A path within the volume to mount instead of its root.
   * @default - the volume's root
   */
  readonly subPath?: string;
  /**
   * Whether the container may only read.
   * @default false (true for ConfigMap, Secret and hostPath volumes)
   */
  readonly readOnly?: boolean;
}
