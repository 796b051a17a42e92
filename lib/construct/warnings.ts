import { IConstruct } from 'constructs';
import { constructPath } from './name-parts';

/** The metadata type under which warnings are stored on a construct node. */
export const WARNING_METADATA = 'chartwright:warning';

/** A warning and the construct it is about. */
export interface ConstructWarning {
  readonly path: string;
  readonly message: string;
  /** What to do about it, when the construct knows better than the rule's general fix. */
  readonly fix?: string;
}

interface WarningData {
  readonly message: string;
  readonly fix?: string;
}

const dataOf = (data: unknown): WarningData => (typeof data === 'string' ? { message: data } : (data as WarningData));

/**
 * Warnings about a construct: something that works but that a reviewer should
 * see, such as literal secret data written into the manifests. They are kept
 * as construct node metadata of type `chartwright:warning` (the way AWS CDK
 * keeps its annotations), so anything holding the construct tree can read
 * them; `chartwright synth` prints them on stderr.
 *
 *     Warnings.of(this).add('holds literal secret data', 'take the Secret from outside the repo: ExternalSecret, or Secret.fromName()');
 */
export class Warnings {
  static of(scope: IConstruct): Warnings {
    return new Warnings(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /** Records a warning (once per message), with what to do about it. */
  add(message: string, fix?: string): void {
    const exists = this.scope.node.metadata.some((m) => m.type === WARNING_METADATA && dataOf(m.data).message === message);
    if (!exists) this.scope.node.addMetadata(WARNING_METADATA, { message, fix }, { stackTrace: false });
  }

  /** The warnings recorded on this construct alone. */
  list(): string[] {
    return this.scope.node.metadata.filter((m) => m.type === WARNING_METADATA).map((m) => dataOf(m.data).message);
  }
}

/** Every warning in a construct tree, in tree order. */
export function collectWarnings(root: IConstruct): ConstructWarning[] {
  return warningsOf(root.node.findAll());
}

/** The warnings recorded on these constructs, in their order. */
export function warningsOf(constructs: readonly IConstruct[]): ConstructWarning[] {
  const out: ConstructWarning[] = [];
  for (const construct of constructs) {
    for (const entry of construct.node.metadata) {
      if (entry.type === WARNING_METADATA) out.push({ path: constructPath(construct), ...dataOf(entry.data) });
    }
  }
  return out;
}
