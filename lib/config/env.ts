import { k8s } from '../construct/k8s';
import { ConfigSource, IConfigSource, configSource } from './source';

/**
 * The value of one environment variable: a literal, a key of a ConfigMap or
 * Secret, or a field of the pod. Plain strings in `env` are literals.
 */
export class EnvValue {
  /** A literal value. */
  static fromValue(value: string): EnvValue {
    return new EnvValue({ value });
  }

  /**
   * One key of a ConfigMap or Secret: made here, existing, external, or of
   * cdk8s-plus-28 (`kplus.Secret`, `kplus.ConfigMap`).
   */
  static fromSource(given: ConfigSource, key: string, options: { optional?: boolean } = {}): EnvValue {
    const source = configSource(given);
    const ref = { name: source.name, key, optional: options.optional };
    const valueFrom: k8s.EnvVarSource = source.kind === 'Secret' ? { secretKeyRef: ref } : { configMapKeyRef: ref };
    return new EnvValue({ valueFrom }, source, key);
  }

  /** A field of the pod, such as `metadata.name`, `metadata.namespace`, `status.podIP` or `spec.nodeName`. */
  static fromField(fieldPath: string): EnvValue {
    return new EnvValue({ valueFrom: { fieldRef: { fieldPath } } });
  }

  /** A resource of the container, such as `limits.memory` or `requests.cpu`. */
  static fromResource(resource: string, divisor?: string): EnvValue {
    return new EnvValue({
      valueFrom: { resourceFieldRef: { resource, divisor: divisor === undefined ? undefined : k8s.Quantity.fromString(divisor) } },
    });
  }

  private constructor(
    /** The `value` or `valueFrom` of the variable. */
    readonly spec: Omit<k8s.EnvVar, 'name'>,
    /** The ConfigMap or Secret the value comes from, if any. */
    readonly source?: IConfigSource,
    /** The key within the source. */
    readonly key?: string,
  ) {}
}

/** A whole ConfigMap or Secret as environment variables (`envFrom`). */
export interface EnvFromSource {
  /** The ConfigMap or Secret, of this library or of cdk8s-plus-28. */
  readonly source: ConfigSource;
  /**
   * A prefix for each variable name.
   * @default - none
   */
  readonly prefix?: string;
}
