import { ApiObject, ApiObjectMetadata, GroupVersionKind, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { customResolvers } from './resolvers';
import { tokenResolver } from './tokens';
import { jsonWalk, walkJson } from '../internal/json-walk';
import { sortedKeys } from '../internal/sorted-keys';

/** The props of a Kubernetes object: its metadata and whatever the kind has besides (spec, data, rules…). */
export interface KubeObjectProps {
  /** The object's name, namespace, labels and annotations. @default - a name cdk8s generates from the construct path, no labels or annotations */
  readonly metadata?: ApiObjectMetadata;
  readonly [field: string]: unknown;
}

/**
 * A Kubernetes object whose props are its JSON already, in the shape of
 * cdk8s-plus-28's generated `k8s` props (`KubeApiObject`…), which
 * type-check it where it is made:
 *
 *     kubeApiObject<k8s.KubeDeploymentProps>(this, 'Resource', k8s.KubeDeployment.GVK, { metadata, spec })
 *
 * It renders in one walk — Lazy values produced, `k8s.IntOrString` and
 * `k8s.Quantity` written as their value, empty values dropped, keys sorted —
 * without the generated classes' JSON converters, which copy every object of
 * the manifest once more. The output is the same as theirs: their props are
 * the Kubernetes field names. A few fields are spelled otherwise in those
 * generated types (`clusterIp` for `clusterIP`, `hostPid` for `hostPID`,
 * `nonResourceUrLs` for `nonResourceURLs`…): write the API's spelling there
 * (`...({ clusterIP: 'None' } as {})`); validation rejects the other one as
 * an unknown field.
 */
export class KubeApiObject extends ApiObject {
  private readonly body: KubeObjectProps;

  constructor(scope: Construct, id: string, gvk: GroupVersionKind, props: KubeObjectProps) {
    // cdk8s's ApiObject keeps what it is given for its own toJson(), which this class replaces: only the head
    super(scope, id, { apiVersion: gvk.apiVersion, kind: gvk.kind, metadata: props.metadata });
    this.body = props;
  }

  override toJson(): any {
    try {
      const patches: JsonPatch[] = (this as any).patches;
      const custom = customResolvers(this);
      const sortKeys = process.env.CDK8S_DISABLE_SORT ? false : true;
      const walk = custom.length === 0 ? (sortKeys ? BODY : BODY_UNSORTED) : jsonWalk({ resolve: tokenResolver('value', this, custom), keyed: true, sortKeys });
      const json: Record<string, unknown> = { apiVersion: this.apiVersion, kind: this.kind, metadata: this.metadata.toJson() };
      const body = this.body;
      const keys = sortKeys ? sortedKeys(body) : Object.keys(body);
      for (const k of keys) {
        if (k === 'metadata') continue;
        const value = walkJson(body[k], walk, walk.keyed ? [k] : undefined);
        if (value !== undefined && value !== null) json[k] = value;
      }
      return patches.length > 0 ? reorder(JsonPatch.apply(json, ...patches)) : json;
    } catch (e) {
      throw new Error(`Failed serializing construct at path '${this.node.path}' with name '${this.name}': ${e}`, { cause: e });
    }
  }
}

/** Makes a KubeApiObject whose props are type-checked as `P`, such as `KubeApiObject`. */
export function kubeApiObject<P extends { readonly metadata?: ApiObjectMetadata }>(scope: Construct, id: string, gvk: GroupVersionKind, props: P): KubeApiObject {
  return new KubeApiObject(scope, id, gvk, props as unknown as KubeObjectProps);
}

const UNIONS_AS_VALUE = tokenResolver('value');
/** The body of an object whose App has no resolvers of its own: tokens resolved, unions as their value. */
const BODY = jsonWalk({ resolve: UNIONS_AS_VALUE });
const BODY_UNSORTED = jsonWalk({ resolve: UNIONS_AS_VALUE, sortKeys: false });

function reorder(patched: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const k of ['apiVersion', 'kind', 'metadata', ...Object.keys(patched)]) {
    if (k in patched) result[k] = patched[k];
  }
  return result;
}
