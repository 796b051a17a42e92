/**
 * Label selectors of one kind of object (PodDisruptionBudgets,
 * NetworkPolicies) by namespace, found from the labels of a pod template.
 *
 * Comparing every workload with every selector of its namespace grows with
 * the square of the input (10,000 Deployments and their 10,000 budgets are
 * 100 million comparisons); a selector that requires `key: value` can only
 * match pods with that label, so it is kept under that one label, and a pod
 * looks only under its own labels. The index gives candidates: the caller
 * still runs selectorMatches() on each.
 */
import { isRecord } from './objects';

interface Entry<T> {
  /** The order the entry was added in. */
  readonly seq: number;
  readonly value: T;
}

interface Namespace<T> {
  /** label key → value → the entries whose selectors require it */
  readonly byLabel: Map<string, Map<string, Entry<T>[]>>;
  /** Entries whose selectors require no label value (matchExpressions only, empty, or not a mapping). */
  readonly others: Entry<T>[];
}

const NONE: readonly never[] = Object.freeze([]);

export class SelectorIndex<T> {
  private readonly namespaces = new Map<string, Namespace<T>>();
  private count = 0;

  /** How many entries were added. */
  get size(): number {
    return this.count;
  }

  /** Adds an entry whose `selector` (a label selector) selects pods of `namespace`. */
  add(namespace: string, selector: unknown, value: T): void {
    let ns = this.namespaces.get(namespace);
    if (ns === undefined) this.namespaces.set(namespace, (ns = { byLabel: new Map(), others: [] }));
    const entry = { seq: this.count++, value };
    const required = isRecord(selector) && isRecord(selector.matchLabels) ? selector.matchLabels : undefined;
    for (const key in required) {
      const v = required[key];
      // only a scalar can be equal to a label value; a selector requiring anything else matches no pod, but is left to the caller
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') break;
      let values = ns.byLabel.get(key);
      if (values === undefined) ns.byLabel.set(key, (values = new Map()));
      const list = values.get(String(v));
      if (list === undefined) values.set(String(v), [entry]);
      else list.push(entry);
      return;
    }
    ns.others.push(entry);
  }

  /** The entries of `namespace` whose selectors may match `labels` (a superset of those that do), in the order they were added. */
  candidates(namespace: string, labels: Readonly<Record<string, unknown>>): readonly T[] {
    const ns = this.namespaces.get(namespace);
    if (ns === undefined) return NONE;
    let found: Entry<T>[] | undefined;
    let sources = 0;
    if (ns.others.length > 0) {
      found = ns.others;
      sources = 1;
    }
    if (ns.byLabel.size > 0) {
      for (const key in labels) {
        const list = ns.byLabel.get(key)?.get(String(labels[key]));
        if (list === undefined) continue;
        found = sources === 0 ? list : [...found!, ...list];
        sources++;
      }
    }
    if (found === undefined) return NONE;
    if (sources > 1) found.sort((a, b) => a.seq - b.seq);
    return found.map((e) => e.value);
  }
}
