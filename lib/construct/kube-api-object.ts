import { ApiObject, ApiObjectMetadata, GroupVersionKind, JsonPatch, Lazy, ResolutionContext, IResolver } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { customResolvers } from './resolvers';
import { sortedKeys } from '../internal/sorted-keys';

/** The props of a Kubernetes object: its metadata and whatever the kind has besides (spec, data, rules…). */
export interface KubeObjectProps {
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
      const options: WalkOptions = {
        apiObject: this,
        resolvers: customResolvers(this),
        sortKeys: process.env.CDK8S_DISABLE_SORT ? false : true,
      };
      const json: Record<string, unknown> = { apiVersion: this.apiVersion, kind: this.kind, metadata: this.metadata.toJson() };
      const body = this.body;
      const keys = options.sortKeys ? sortedKeys(body) : Object.keys(body);
      for (const k of keys) {
        if (k === 'metadata') continue;
        const value = toPlainJson(body[k], options, options.resolvers.length ? [k] : NO_KEY);
        if (value !== undefined) json[k] = value;
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

interface WalkOptions {
  readonly apiObject: ApiObject;
  readonly resolvers: readonly IResolver[];
  readonly sortKeys: boolean;
}

const NO_KEY: string[] = [];

function toPlainJson(input: any, options: WalkOptions, key: string[]): unknown {
  let value = input;
  // most values are plain: take them without the token checks
  if (options.resolvers.length === 0 && value !== null && typeof value === 'object' && value.constructor === Object && typeof value.resolve !== 'function') {
    return plainObject(value, options, key);
  }
  for (;;) {
    if (value === null || value === undefined) return undefined;
    if (options.resolvers.length > 0) {
      const context = new ResolutionContext(options.apiObject, key, value);
      for (const resolver of options.resolvers) {
        resolver.resolve(context);
        if (context.replaced) break;
      }
      if (context.replaced) {
        value = context.replacedValue;
        continue;
      }
    }
    if (typeof value !== 'object' && typeof value !== 'function') return value;
    if (value instanceof Lazy) value = value.produce();
    else if (value instanceof k8s.IntOrString || value instanceof k8s.Quantity) value = value.value;
    else if (typeof value.resolve === 'function') value = value.resolve();
    else break;
  }
  if (Array.isArray(value)) return plainArray(value, options, key);
  if (value.constructor !== Object) {
    throw new Error(`can't render non-simple object of type '${value.constructor?.name}'`);
  }
  return plainObject(value, options, key);
}

function plainArray(value: unknown[], options: WalkOptions, key: string[]): unknown[] {
  const out = new Array(value.length);
  for (let i = 0; i < value.length; i++) out[i] = toPlainJson(value[i], options, options.resolvers.length ? [...key, String(i)] : key);
  return out;
}

function plainObject(value: Record<string, unknown>, options: WalkOptions, key: string[]): Record<string, unknown> {
  const keys = options.sortKeys ? sortedKeys(value) : Object.keys(value);
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const child = toPlainJson(value[k], options, options.resolvers.length ? [...key, k] : key);
    if (child !== undefined) out[k] = child;
  }
  return out;
}

function reorder(patched: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const k of ['apiVersion', 'kind', 'metadata', ...Object.keys(patched)]) {
    if (k in patched) result[k] = patched[k];
  }
  return result;
}
