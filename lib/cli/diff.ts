import { UsageError } from '../errors';
import { DiffReport, ObjectChange, RiskLevel, describeObjectChange, formatJson, formatMarkdown, formatText } from '../diff';
import { compareOutputs } from '../review/compare';
import { defineCommand } from './command';
import { APP_FLAG, SET_FLAG, VALUES_FLAG } from './flags';

/** What `--fail-on` takes, and the risk levels each fails on. */
const FAIL_ON: Record<string, readonly RiskLevel[]> = {
  breaking: ['breaking', 'destructive'],
  security: ['breaking', 'destructive', 'security'],
  disruptive: ['breaking', 'destructive', 'security', 'disruptive'],
};

const FORMATS = ['text', 'markdown', 'json'];

/** The changes that fail the diff under `--fail-on`. */
function failing(report: DiffReport, levels: readonly RiskLevel[]): ObjectChange[] {
  return report.changes.filter((c) => c.risks.some((r) => levels.includes(r.level)));
}

/**
 * `chartwright diff`: the library's `compareOutputs()` and a format; the
 * flags map to its options one to one.
 */
export const diffCommand = defineCommand({
  name: 'diff',
  summary: 'compare two outputs object by object, with the risk of each change and the value that caused it',
  description: `
Compares two outputs object by object — matched by API group, kind, namespace and name — and prints, per environment and release, the objects added, removed and changed, each changed field with its value before and after. No cluster is needed (see [Reviewing a change](diff.md)).

The old output is a git revision (\`--base REF\`, rendered in a temporary worktree with the same flags) or a folder (\`--base-dir DIR\`, such as a committed \`dist/\`). The new output is the working tree, rendered with the flags given, or a folder (\`--head-dir DIR\`).

Every change has a risk class with a short why: \`breaking\` (a change to an immutable field that \`kubectl apply\` refuses, with the fix), \`destructive\` (a removed PersistentVolumeClaim, StatefulSet, Namespace, CustomResourceDefinition or PersistentVolume), \`security\` (RBAC widened, a container made privileged or root, host paths or namespaces, capabilities, a NetworkPolicy loosened), \`disruptive\` (pods roll — naming the ConfigMap or Secret whose checksum moved them —, fewer replicas, a Service's type or selector, an Ingress's hosts or TLS), \`metadata\` (labels and annotations only) or \`in-place\`.

When the new output is rendered, each changed field names the values that set it: \`apps/web/values.prod.yaml:3 image.tag\`, \`--set replicas=5\`, \`environment "prod" in apps/main.ts\`. A Secret's \`data\` and \`stringData\` are never printed, nor the fields a value the schema marks sensitive reaches: the diff shows that a key changed, not its value.
`,
  flags: [
    { name: 'base', value: 'REF', description: 'the git revision to compare with (a branch, tag or commit), rendered in a temporary worktree' },
    { name: 'base-dir', value: 'DIR', description: 'an output folder to compare with, such as a committed `dist/`' },
    { name: 'head-dir', value: 'DIR', description: 'an output folder as the new output', default: 'the working tree, rendered' },
    { name: 'output', short: 'o', value: 'FMT', description: '`text`, `markdown` (a pull-request comment) or `json`', default: '`text`, coloured on a terminal' },
    { name: 'fail-on', value: 'RISK', description: 'exit 3 when a change is this risky: `breaking` (breaking or destructive), `security` (or worse), `disruptive` (or worse)', default: 'changes exit 1' },
    { name: 'no-blame', description: 'do not look for the values that caused each change (blame renders each changed release once more per value set; values the schema marks sensitive are still followed, to hide what they reach)' },
    APP_FLAG,
    { name: 'env', value: 'NAME', description: 'an environment to compare', repeatable: true, default: 'every environment' },
    VALUES_FLAG,
    SET_FLAG,
    { name: 'release', value: 'NAME', description: 'a release `--values` and `--set` are for', repeatable: true, default: 'the only release' },
  ],
  examples: [
    { description: 'what this branch changes against main', command: 'chartwright diff --base main' },
    { description: 'against the committed output, for prod only', command: 'chartwright diff --base-dir dist --env prod' },
    { description: 'a pull-request comment that fails CI on a breaking change', command: 'chartwright diff --base origin/main --output markdown --fail-on breaking > diff.md' },
    { description: 'two folders', command: 'chartwright diff --base-dir old/ --head-dir new/ --output json' },
  ],
  exitCodes: '0 no change, 1 changes or an input error, 2 usage error, 3 a risk --fail-on names',
  run({ flags }, io) {
    const output = flags.output ?? 'text';
    if (!FORMATS.includes(output)) throw new UsageError(`--output ${output}: use ${FORMATS.join(', ')}`);
    if ((flags.base === undefined) === (flags['base-dir'] === undefined)) {
      throw new UsageError('give what to compare with: --base REF (a git revision) or --base-dir DIR (an output folder), one of them');
    }
    const failOn = flags['fail-on'];
    if (failOn !== undefined && FAIL_ON[failOn] === undefined) throw new UsageError(`--fail-on ${failOn}: use ${Object.keys(FAIL_ON).join(', ')}`);
    if (flags['head-dir'] !== undefined && (flags.values || flags.set || flags.app || flags.release)) {
      throw new UsageError('--values, --set, --app and --release render the working tree; with --head-dir nothing is rendered');
    }
    const report = compareOutputs({
      base: flags.base,
      baseDir: flags['base-dir'],
      headDir: flags['head-dir'],
      blame: !flags['no-blame'],
      app: flags.app,
      env: flags.env,
      values: flags.values,
      set: flags.set,
      release: flags.release,
    });
    io.out(output === 'json' ? formatJson(report) : output === 'markdown' ? formatMarkdown(report) : formatText(report, { colour: io.isTerminal }));
    if (failOn !== undefined) {
      const levels = FAIL_ON[failOn];
      const severe = failing(report, levels);
      if (severe.length > 0) {
        const named = severe.map((c) => `  ${describeObjectChange(c)} (environment ${c.environment}, release ${c.release}): ${c.risks.filter((r) => levels.includes(r.level)).map((r) => `${r.level}: ${r.why}`).join('; ')}`);
        io.err(`error: ${severe.length} change${severe.length === 1 ? '' : 's'} at --fail-on ${failOn} (${levels.join(', ')}):\n${named.join('\n')}`);
        return 3;
      }
    }
    return report.changes.length > 0 ? 1 : 0;
  },
});
