import { DiffReport, ReleaseObjects, diffOutputs } from '../diff';
import { ReleaseOptions } from '../synth/load';
import { blameChanges } from './blame';
import { readOutput } from './read-output';
import { renderOutputs } from './render';
import { renderRevision } from './revision';

export interface CompareOptions extends ReleaseOptions {
  /** The environments to compare. @default - all */
  readonly env?: readonly string[];
  /** A git revision to synthesize as the old output (`--base`). @default - none: `baseDir` */
  readonly base?: string;
  /** An output folder as the old output (`--base-dir`), such as a committed `dist/`. @default - none: `base` */
  readonly baseDir?: string;
  /** An output folder as the new output (`--head-dir`). @default - the working tree, rendered */
  readonly headDir?: string;
  /** Find the values that caused each change (only when the new output is rendered). @default true */
  readonly blame?: boolean;
}

/**
 * `chartwright diff` as one library function: the old output (a git
 * revision synthesized in a temporary worktree, or a folder), the new one
 * (the working tree rendered with the same flags, or a folder), compared
 * object by object, with the values that caused each change.
 */
export function compareOutputs(options: CompareOptions): DiffReport {
  const only = (outputs: ReleaseObjects[]) => (options.env?.length ? outputs.filter((o) => options.env!.includes(o.environment)) : outputs);
  const base = options.base !== undefined ? renderRevision(options.base, options) : only(readOutput(options.baseDir!));
  if (options.headDir !== undefined) return diffOutputs(base, only(readOutput(options.headDir)));
  const { outputs: head, platform, sources } = renderOutputs(options);
  const report = diffOutputs(base, head);
  // without blame, the values the schema marks sensitive are still followed, to hide what they reach
  return blameChanges(report, platform, sources, { sensitiveOnly: options.blame === false });
}
