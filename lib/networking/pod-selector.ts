import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { k8s } from '../construct/k8s';
import { problem } from '../construct/checks';
import { constructPath } from '../construct/name-parts';

/**
 * A label selector as cdk8s-plus-28's `LabelSelector` renders it. The
 * selectors of both libraries have this shape, so either can stand where a
 * selector is taken. `_toKube()` is the name cdk8s-plus gives the rendering
 * (marked internal there, and the one way its own Service and NetworkPolicy
 * read a selector); chartwright reads it here only.
 */
export interface ILabelSelector {
  /** Whether the selector selects everything (no labels, no expressions). */
  isEmpty(): boolean;
  /** The selector as the Kubernetes API writes it. */
  _toKube(): k8s.LabelSelector;
}

/** The namespaces a pod selector looks in, as cdk8s-plus-28's `NamespaceSelectorConfig` gives them. */
export interface NamespaceSelection {
  /** Namespaces with these labels. @default - none */
  readonly labelSelector?: ILabelSelector;
  /** Namespaces of these names. @default - none */
  readonly names?: string[];
}

/** What a pod selector selects: cdk8s-plus-28's `PodSelectorConfig`. */
export interface PodSelectorConfig {
  /** The pods' labels. */
  readonly labelSelector: ILabelSelector;
  /** The namespaces of the pods. @default - the namespace of the object that selects */
  readonly namespaces?: NamespaceSelection;
}

/**
 * Something that selects pods: a workload of this library (`WebService`,
 * `Deployment`…) or of cdk8s-plus-28 (`kplus.Deployment`, `kplus.Pods.select(…)`),
 * which implement the same interface (cdk8s-plus `IPodSelector`). A Service
 * sends traffic to these pods; a NetworkPolicy applies to them.
 */
export interface IPodSelector extends IConstruct {
  /** The pods' labels (and namespaces). */
  toPodSelectorConfig(): PodSelectorConfig;
}

/** Pods given by labels, or by something that selects them. */
export type PodSelection = Record<string, string> | IPodSelector;

/** chartwright's label selector: labels that must all match, and expressions. */
export class LabelSelector implements ILabelSelector {
  /** A selector of these labels (and expressions). */
  static of(selector: k8s.LabelSelector = {}): LabelSelector {
    return new LabelSelector(selector.matchLabels ?? {}, selector.matchExpressions ?? []);
  }

  private constructor(
    private readonly matchLabels: Record<string, string>,
    private readonly matchExpressions: readonly k8s.LabelSelectorRequirement[],
  ) {}

  isEmpty(): boolean {
    return Object.keys(this.matchLabels).length === 0 && this.matchExpressions.length === 0;
  }

  _toKube(): k8s.LabelSelector {
    return {
      matchLabels: Object.keys(this.matchLabels).length ? this.matchLabels : undefined,
      matchExpressions: this.matchExpressions.length ? [...this.matchExpressions] : undefined,
    };
  }
}

/** Whether `selection` is something that selects pods (rather than labels). */
export function isPodSelector(selection: unknown): selection is IPodSelector {
  return typeof selection === 'object' && selection !== null && typeof (selection as IPodSelector).toPodSelectorConfig === 'function';
}

/**
 * The label selector of `selection`, for an object that selects pods of its
 * own namespace (a Service, a NetworkPolicy's `podSelector`).
 */
export function podLabelSelector(scope: IConstruct, field: string, selection: PodSelection): k8s.LabelSelector {
  if (!isPodSelector(selection)) return { matchLabels: selection };
  const config = selection.toPodSelectorConfig();
  // cdk8s-plus names the namespace of its workloads' pods, which is the package's: that one is ours
  const names = config.namespaces?.names ?? [];
  const own = names.length === 1 && names[0] === Chart.of(scope).namespace && config.namespaces?.labelSelector === undefined;
  if (config.namespaces !== undefined && !own) {
    throw problem(scope, `${field} ${constructPath(selection)} selects pods in other namespaces, and this object selects in its own only: select the pods without namespaces`);
  }
  return config.labelSelector._toKube();
}

/**
 * The labels of `selection`, for an object that selects by labels only (a
 * Service): a selector with expressions is an error.
 */
export function podSelectorLabels(scope: IConstruct, field: string, selection: PodSelection): Record<string, string> {
  if (!isPodSelector(selection)) return selection;
  const kube = podLabelSelector(scope, field, selection);
  if (kube.matchExpressions?.length) {
    throw problem(scope, `${field} ${constructPath(selection)} selects pods by label expressions, and a Service selects by labels only: select the pods by labels`);
  }
  return kube.matchLabels ?? {};
}
