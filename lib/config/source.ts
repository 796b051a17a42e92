import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { UserError } from '../errors';
import { contentHash } from '../internal/hash';
import { constructPath } from '../construct/name-parts';

/**
 * Something whose keys can reach a container: a ConfigMap or a Secret, made
 * here or existing in the cluster. Workloads hash the content of every
 * source their pods use into a `checksum/config` pod annotation, so a change
 * of configuration rolls the pods.
 */
export interface IConfigSource {
  /** `ConfigMap` or `Secret`. */
  readonly kind: 'ConfigMap' | 'Secret';
  /** The object's name in the cluster. */
  readonly name: string;
  /** The keys the source is known to hold, to check references; undefined when unknown (existing or external). */
  knownKeys(): readonly string[] | undefined;
  /** A hash of the content; undefined when the content is not known here (an existing or external Secret). */
  contentHash(): string | undefined;
  /**
   * Whether the object is made outside the platform's output (it exists in
   * the cluster already, or an operator makes it), so validation must not
   * expect it there.
   * @default false
   */
  readonly external?: boolean;
}

/** A ConfigMap or Secret that already exists in the cluster (made by hand or by another tool). */
export class ExistingSource implements IConfigSource {
  readonly external = true;
  constructor(readonly kind: 'ConfigMap' | 'Secret', readonly name: string) {}
  knownKeys(): undefined {
    return undefined;
  }
  contentHash(): undefined {
    return undefined;
  }
}

/**
 * A ConfigMap or Secret of another construct library, known by what every
 * Kubernetes construct has: cdk8s-plus-28's `kplus.Secret`, `kplus.ConfigMap`
 * and what `kplus.Secret.fromSecretName(…)`, `kplus.ConfigMap.fromConfigMapName(…)`
 * return (its `ISecret`, `IConfigMap`).
 */
export interface IKubeConfigObject extends IConstruct {
  /** `ConfigMap` or `Secret`. */
  readonly kind: string;
  /** The object's name in the cluster. */
  readonly name: string;
  /** `v1`. */
  readonly apiVersion: string;
}

/** A ConfigMap or Secret of this library, or of cdk8s-plus-28. */
export type ConfigSource = IConfigSource | IKubeConfigObject;

/**
 * `source` as this library's `IConfigSource`: itself, or an adapter of a
 * cdk8s-plus-28 ConfigMap or Secret. The adapter knows a ConfigMap's keys
 * and hashes its data (so a change rolls the pods that read it); a Secret's
 * content is not read. An object with no Kubernetes object in the construct
 * tree (`kplus.Secret.fromSecretName(…)`) is external: it exists in the cluster.
 */
export function configSource(source: ConfigSource): IConfigSource {
  if (typeof (source as IConfigSource).knownKeys === 'function') return source as IConfigSource;
  return adapted(source as IKubeConfigObject);
}

const ADAPTERS = new WeakMap<IKubeConfigObject, IConfigSource>();

function adapted(object: IKubeConfigObject): IConfigSource {
  const known = ADAPTERS.get(object);
  if (known) return known;
  const kind = object.kind;
  if (kind !== 'ConfigMap' && kind !== 'Secret') {
    throw new UserError(`${constructPath(object)}: a ${kind} is not a ConfigMap or Secret: give a ConfigMap or a Secret`);
  }
  const data = () => {
    const cm = object as unknown as { readonly data?: Record<string, string>; readonly binaryData?: Record<string, string> };
    return kind === 'ConfigMap' && typeof cm.data === 'object' ? { data: cm.data, binaryData: cm.binaryData ?? {} } : undefined;
  };
  const source: IConfigSource = {
    kind,
    name: object.name,
    external: !object.node.findAll().some((c) => ApiObject.isApiObject(c)),
    knownKeys: () => {
      const d = data();
      return d ? [...Object.keys(d.data), ...Object.keys(d.binaryData)] : undefined;
    },
    contentHash: () => {
      const d = data();
      return d ? contentHash(d) : undefined;
    },
  };
  ADAPTERS.set(object, source);
  return source;
}
