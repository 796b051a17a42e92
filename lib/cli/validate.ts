import { Finding, ProfileName, countBySeverity, formatFinding, plural, readManifests, validateObjects } from '../validate';

export interface ValidateCommandOptions {
  readonly profile?: ProfileName;
  readonly ignoreMissingSchemas?: boolean;
  readonly external?: readonly string[];
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
  const { files, objects, findings: parseFindings } = readManifests(paths);
  const findings = [...parseFindings, ...validateObjects(objects, options)];
  return { files, objects: objects.length, findings, ...countBySeverity(findings) };
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
