import { ApiObject, ApiObjectMetadataDefinition } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';

/**
 * A construct that stands for one Kubernetes object: what cdk8s-plus-28's
 * `IResource` has (`name`, `apiVersion`, `kind`), so the constructs of both
 * libraries can be told apart and passed where either takes an object.
 */
export interface IResource extends IConstruct {
  /** The object's name in the cluster. */
  readonly name: string;
  /** The object's API version, such as `apps/v1`. */
  readonly apiVersion: string;
  /** The object's kind, such as `Deployment`. */
  readonly kind: string;
}

/**
 * The base of every construct that makes one Kubernetes object (the L2
 * constructs): it holds the object as `apiObject` and reads its name,
 * metadata, API version and kind from it, so each construct does not repeat
 * them. After cdk8s-plus `src/base.ts` (`abstract class Resource`); unlike
 * there, `apiObject` is public, the one way to reach the object for an
 * escape hatch (`web.apiObject.addJsonPatch(…)`).
 *
 * The object is the construct's child `Resource`, so construct paths and
 * derived names leave it out (`shop/web/Resource` is named `shop-web`).
 */
export abstract class Resource<T extends ApiObject = ApiObject> extends Construct implements IResource {
  /** The object's name in the cluster. */
  abstract readonly name: string;
  /** The Kubernetes object this construct makes. */
  abstract readonly apiObject: T;

  protected constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /** The object's metadata: labels and annotations may be added to it. */
  get metadata(): ApiObjectMetadataDefinition {
    return this.apiObject.metadata;
  }

  /** The object's API version, such as `apps/v1`. */
  get apiVersion(): string {
    return this.apiObject.apiVersion;
  }

  /** The object's kind, such as `Deployment`. */
  get kind(): string {
    return this.apiObject.kind;
  }

  /**
   * The Kubernetes object.
   * @deprecated use `apiObject`, the name every construct of the library gives its object
   */
  get resource(): T {
    return this.apiObject;
  }
}
