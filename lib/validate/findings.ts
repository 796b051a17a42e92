/** What a check found wrong with one object or one input document. */
import { IDENTIFIER_KEY, formatPath as formatJsonPath } from '../internal/json-path';

export type Severity = 'error' | 'warning';

/** Where a finding's object came from. */
export interface Source {
  /** The file, for YAML input. */
  readonly file?: string;
  /** The document index within the file (0-based), for YAML input. */
  readonly document?: number;
  /** The line (1-based) of the finding's path, where known. */
  readonly line?: number;
  /** The release, for synthesized output. */
  readonly release?: string;
  /** The construct path, for synthesized output. */
  readonly construct?: string;
}

export interface Finding {
  /** The rule id, such as `container-resources` (see RULES). */
  readonly rule: string;
  readonly severity: Severity;
  /** `Kind namespace/name` of the object, or what is known of it. */
  readonly object?: string;
  readonly source?: Source;
  /** The JSON path within the object, such as `spec.template.spec.containers[0].image`; empty for the whole object. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
  /** What would be right. */
  readonly fix: string;
}

/** A path within an object, as segments: `['spec', 'ports', 0, 'port']`. */
export type JsonPath = readonly (string | number)[];

/** `spec.ports[0].port`; keys that are not identifiers are quoted: `metadata.labels["app.kubernetes.io/name"]`. */
export function formatPath(path: JsonPath): string {
  return formatJsonPath(path, IDENTIFIER_KEY);
}

/** `file.yaml#2:14` or `release hello, hello/server/Resource`. */
export function formatSource(source: Source | undefined): string {
  if (!source) return '';
  if (source.file !== undefined) {
    const doc = source.document !== undefined ? ` (document ${source.document + 1})` : '';
    return `${source.file}${source.line !== undefined ? `:${source.line}` : ''}${doc}`;
  }
  return source.construct ?? source.release ?? '';
}

/** One finding as text: two lines, what and where, then the fix. */
export function formatFinding(f: Finding): string {
  const where = [formatSource(f.source), f.object].filter(Boolean).join(': ');
  const at = f.path ? ` at ${f.path}` : '';
  return `${f.severity} [${f.rule}] ${where}${at}: ${f.message}\n    fix: ${f.fix}`;
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Plural helper: `1 error`, `2 errors`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
