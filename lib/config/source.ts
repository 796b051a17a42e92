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
