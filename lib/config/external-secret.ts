import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { contentHash } from '../internal/hash';
import { resourceName } from '../construct/names';
import { checkDnsSubdomain, checkOneOf, invalid, problem } from '../construct/checks';
import { CONFIG_KEY_EXPECTED } from './config-map';
import { configKeyProblem } from '../kube/config-data';
import { IConfigSource } from './source';
import { Resource } from '../construct/resource';

/** One key of the Secret, taken from the secret manager. */
export interface ExternalSecretKey {
  /** The key in the Kubernetes Secret. */
  readonly secretKey: string;
  /** The entry in the secret manager (its path or name). */
  readonly remoteKey: string;
  /** A property within the entry, for JSON entries. @default - the whole entry */
  readonly property?: string;
  /** A version of the entry. @default - the latest */
  readonly version?: string;
}

export interface ExternalSecretProps {
  /** The ExternalSecret's name. @default - `<release>-<construct path>` (also the name of the Secret it makes) */
  readonly name?: string;
  /** The SecretStore or ClusterSecretStore to read from. */
  readonly store: { readonly name: string; readonly kind?: 'SecretStore' | 'ClusterSecretStore' };
  /** The keys of the Secret; at least one. */
  readonly data: ExternalSecretKey[];
  /** How often the operator refreshes the Secret, such as `1h`. @default '1h' */
  readonly refreshInterval?: string;
  /** The type of the Secret the operator makes. @default 'kubernetes.io/opaque'-style Opaque Secret */
  readonly secretType?: string;
}

/**
 * A Secret kept in an external secret manager (Vault, AWS Secrets Manager,
 * GCP Secret Manager…), synced into the cluster by the external-secrets.io
 * operator: an `ExternalSecret` custom resource (external-secrets.io/v1beta1).
 * The data never lives in the repo. Use it wherever a Secret is taken; the
 * Secret it makes has the same name.
 */
export class ExternalSecret extends Resource<ApiObject> implements IConfigSource {
  override get kind(): 'Secret' {
    return 'Secret';
  }
  /** The Secret is made by the external-secrets operator, not written to the output. */
  readonly external = true;
  /** The name of the ExternalSecret and of the Secret it makes. */
  readonly name: string;
  /** The Kubernetes object (a custom resource). */
  readonly apiObject: ApiObject;
  private readonly keys: string[];
  private readonly spec: Record<string, unknown>;

  constructor(scope: Construct, id: string, props: ExternalSecretProps) {
    super(scope, id);
    this.name = props.name ?? resourceName(this, 253);
    checkDnsSubdomain(this, 'name', this.name);
    if (!props.store?.name) throw problem(this, 'store.name is required: name the SecretStore or ClusterSecretStore to read from');
    checkOneOf(this, 'store.kind', props.store.kind, ['SecretStore', 'ClusterSecretStore']);
    if (!props.data || props.data.length === 0) throw problem(this, 'data is required: list at least one { secretKey, remoteKey }');
    const interval = props.refreshInterval ?? '1h';
    if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(interval)) throw invalid(this, 'refreshInterval', interval, 'a Go duration such as "1h", "15m" or "30s"');
    this.keys = props.data.map((d, i) => {
      if (typeof d.secretKey !== 'string' || configKeyProblem(d.secretKey)) throw invalid(this, `data[${i}].secretKey`, d.secretKey, CONFIG_KEY_EXPECTED);
      if (!d.remoteKey) throw problem(this, `data[${i}].remoteKey is required: the entry's path or name in the secret manager`);
      return d.secretKey;
    });
    this.spec = {
      refreshInterval: interval,
      secretStoreRef: { name: props.store.name, kind: props.store.kind ?? 'SecretStore' },
      target: { name: this.name, creationPolicy: 'Owner', template: props.secretType ? { type: props.secretType } : undefined },
      data: props.data.map((d) => ({ secretKey: d.secretKey, remoteRef: { key: d.remoteKey, property: d.property, version: d.version } })),
    };
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'external-secrets.io/v1beta1',
      kind: 'ExternalSecret',
      metadata: { name: this.name },
      spec: this.spec,
    });
  }

  knownKeys(): string[] {
    return [...this.keys];
  }

  /** The hash of where the data comes from: changing a key or store rolls the pods; a value changed in the manager does not. */
  contentHash(): string {
    return contentHash(this.spec);
  }
}
