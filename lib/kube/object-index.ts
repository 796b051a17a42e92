/** The objects of one output by kind, namespace and name: what references find, and what makes a duplicate. */

/** An object of an output, with its namespace ('' for none) and name. */
export interface NamedObject {
  /** The object, with `apiVersion` and `kind` strings */
  readonly obj: Readonly<Record<string, any>>;
  /** `metadata.namespace`, or '' */
  readonly namespace: string;
  readonly name: string;
}

/** The API group of an apiVersion: `apps` for `apps/v1`, '' for the core group's `v1`. */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export class ObjectIndex<T extends NamedObject> {
  /** kind → namespace → name → the first object */
  private readonly kinds = new Map<string, Map<string, Map<string, T>>>();
  /** Objects whose kind, namespace and name an object of another API group has (rare), by `group/kind/namespace/name`. */
  private readonly otherGroups = new Map<string, T>();

  /** The object of a kind, namespace ('' for none) and name; the first one when there are several. */
  get(kind: string, namespace: string, name: string): T | undefined {
    return this.kinds.get(kind)?.get(namespace)?.get(name);
  }

  /**
   * Adds an object. Returns the object added before it with the same API
   * group, kind, namespace and name — then this one is a duplicate and is
   * not added — or undefined.
   */
  add(item: T): T | undefined {
    const kind: string = item.obj.kind;
    let namespaces = this.kinds.get(kind);
    if (namespaces === undefined) this.kinds.set(kind, (namespaces = new Map()));
    let names = namespaces.get(item.namespace);
    if (names === undefined) namespaces.set(item.namespace, (names = new Map()));
    const first = names.get(item.name);
    if (first === undefined) {
      names.set(item.name, item);
      return undefined;
    }
    const group = groupOf(item.obj.apiVersion);
    if (groupOf(first.obj.apiVersion) === group) return first;
    const key = `${group}/${kind}/${item.namespace}/${item.name}`;
    const other = this.otherGroups.get(key);
    if (other !== undefined) return other;
    this.otherGroups.set(key, item);
    return undefined;
  }
}
