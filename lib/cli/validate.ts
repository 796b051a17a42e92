import { UsageError } from '../errors';
import { Finding, ProfileName, UnreadableInputError, countBySeverity, formatFinding, kubeMinor, kubeVersions, newestKubeVersion, plural } from '../validate';
import { validateFiles as validateManifestFiles } from '../validate/files';
import { defineCommand } from './command';
import { profileFlag } from './flags';

export interface ValidateCommandOptions {
  readonly profile?: ProfileName;
  readonly ignoreMissingSchemas?: boolean;
  readonly external?: readonly string[];
  /** The Kubernetes minor to validate against; the newest bundled when not given. */
  readonly kubeVersion?: string;
  readonly complete?: boolean;
}

export interface ValidateCommandResult {
  readonly files: readonly string[];
  readonly objects: number;
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
}

/**
 * `chartwright validate FILE|DIR ...`: reads every manifest and validates
 * them together as one output. Throws UnreadableInputError for a missing or
 * unreadable file.
 */
export function validateFiles(paths: readonly string[], options: ValidateCommandOptions = {}): ValidateCommandResult {
  const { files, objects, findings } = validateManifestFiles(paths, options);
  return { files, objects, findings, ...countBySeverity(findings) };
}

export function formatText(result: ValidateCommandResult): string {
  const lines = result.findings.map(formatFinding);
  lines.push(`${plural(result.files.length, 'file')}, ${plural(result.objects, 'object')}: ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}`);
  return lines.join('\n');
}

export function formatJson(result: ValidateCommandResult): string {
  return JSON.stringify(
    {
      valid: result.errors === 0,
      files: result.files.length,
      objects: result.objects,
      errors: result.errors,
      warnings: result.warnings,
      findings: result.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        file: f.source?.file,
        document: f.source?.document,
        line: f.source?.line,
        object: f.object,
        path: f.path,
        message: f.message,
        fix: f.fix,
      })),
    },
    null,
    2,
  );
}

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'check manifest files like kubeconform -strict, plus API-server, cross-object and best-practice rules',
  description: `
Checks manifest files like kubeconform \`-strict\`, plus API-server, cross-object and best-practice rules (see [Validation](validation.md)). The files are read as kubectl reads them and validated together, as one output.
`,
  args: [{ name: 'FILE|DIR', description: 'files, or folders of `*.yaml`/`*.yml`, validated together', required: true, repeatable: true }],
  flags: [
    { name: 'output', short: 'o', value: 'FMT', description: '`text` or `json` (see [Output formats](validation.md#output-formats))', default: '`text`' },
    { name: 'profile', value: 'NAME', description: '`dev` (best practices warn), `prod` (they fail) or `strict` (as `prod`, plus `ephemeral-storage` and `requests-equal-limits`)', default: '`dev`' },
    { name: 'ignore-missing-schemas', description: 'accept custom resources whose CRD is not in the input' },
    { name: 'external', value: 'KIND/[NAMESPACE/]NAME', description: 'an object made elsewhere that references may name; `*` for every name, `Pod/*` for the pods selectors select', repeatable: true },
    { name: 'complete', description: 'the files are a whole release, as synth writes it: a reference to an object outside them is an error, not a warning' },
    { name: 'kube-version', value: 'VERSION', description: `the Kubernetes version to validate against: ${kubeVersions()[0]} to ${newestKubeVersion()} (a patch such as \`1.32.4\` counts as its minor)`, default: `\`${newestKubeVersion()}\`, the newest bundled` },
  ],
  examples: [
    { description: 'check what synth wrote for prod, best practices as errors', command: 'chartwright validate --profile prod dist/prod' },
    { description: 'a report for CI', command: 'chartwright validate --output json manifests/ > report.json' },
    { description: 'check for a cluster that runs Kubernetes 1.30', command: 'chartwright validate --kube-version 1.30 manifests/' },
    { description: 'a Secret made by another tool may be referenced', command: 'chartwright validate --external Secret/shop/db-credentials app.yaml' },
    { description: 'a whole release: what it refers to must be in it', command: 'chartwright validate --complete dist/prod' },
  ],
  exitCodes: '0 valid (warnings allowed), 1 errors, 2 usage error or a file that cannot be read',
  run({ flags, args }, io) {
    const output = flags.output ?? 'text';
    if (output !== 'text' && output !== 'json') throw new UsageError(`--output ${output}: use text or json`);
    for (const entry of flags.external ?? []) {
      if (!/^[^/\s]+\/([^/\s]+\/)?[^/\s]+$/.test(entry)) throw new UsageError(`--external ${entry}: write Kind/name or Kind/namespace/name`);
    }
    const kubeVersion = flags['kube-version'];
    if (kubeVersion !== undefined && kubeMinor(kubeVersion) === undefined) {
      throw new UsageError(`--kube-version ${kubeVersion}: use a Kubernetes version from ${kubeVersions()[0]} to ${newestKubeVersion()}, such as ${newestKubeVersion()}`);
    }
    let result;
    try {
      result = validateFiles(args, {
        profile: profileFlag(flags.profile),
        ignoreMissingSchemas: flags['ignore-missing-schemas'] ?? false,
        external: flags.external,
        kubeVersion,
        complete: flags.complete ?? false,
      });
    } catch (err) {
      if (err instanceof UnreadableInputError) {
        io.err(`error: ${err.message}`);
        return 2;
      }
      throw err;
    }
    io.out(output === 'json' ? formatJson(result) : formatText(result));
    return result.errors > 0 ? 1 : 0;
  },
});
