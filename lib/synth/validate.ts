/** Validation of what synth rendered: every release of one environment, as one output. */
import { UserError } from '../errors';
import { RenderedEnvironment } from './render';
import { Finding, countBySeverity, formatFinding, plural } from '../validate/findings';
import { IGNORE_PREFIX, validateObjects, ValidateOptions } from '../validate/index';
import { InputObject } from '../validate/input';
import { DEFAULT_PROFILE, ProfileName, ruleInfo, severityOf } from '../validate/rules';

/**
 * Validates a rendered environment, as a whole output: a reference to an
 * object outside it is an error. Custom resources built from cdk8s
 * imports have no schema here unless their CRD is in the output; they are
 * taken as valid (the import's types are their schema), as with
 * `--ignore-missing-schemas`.
 */
export function validateEnvironment(env: RenderedEnvironment, options: ValidateOptions = {}): Finding[] {
  const inputs: InputObject[] = env.namespaces.map((obj) => ({ obj, source: { release: '', construct: `environment ${env.name}: Namespace ${obj.metadata.name}` } }));
  for (const release of env.releases) {
    release.objects.forEach((obj, i) => inputs.push({ obj, source: { release: release.name, construct: release.paths[i] } }));
  }
  for (const obj of env.gitops?.objects ?? []) {
    inputs.push({ obj, source: { release: '', construct: `environment ${env.name}: ${obj.kind} ${obj.metadata.name}` } });
  }
  return [...constructFindings(env, options.profile ?? DEFAULT_PROFILE), ...validateObjects(inputs, { ignoreMissingSchemas: true, ...options, complete: true })];
}

/**
 * What the constructs recorded while building (see lib/construct/warnings.ts),
 * as findings of rule `construct-warning`, with the construct's own fix. An
 * object the construct made opts out with the annotation
 * `chartwright.dev/ignore-construct-warning: "<reason>"`, as of any
 * best-practice rule.
 */
function constructFindings(env: RenderedEnvironment, profile: ProfileName): Finding[] {
  const waived: string[] = []; // construct paths of the objects that opt out
  for (const release of env.releases) {
    release.objects.forEach((obj, i) => {
      const reason = (obj.metadata.annotations as Record<string, unknown> | undefined)?.[`${IGNORE_PREFIX}construct-warning`];
      if (typeof reason === 'string' && reason.trim() !== '') waived.push(release.paths[i]);
    });
  }
  const severity = severityOf('construct-warning', profile);
  if (severity === 'off') return [];
  const madeBy = (construct: string, object: string) => object === construct || object.startsWith(`${construct}/`);
  return env.warnings
    .filter((w) => !waived.some((object) => madeBy(w.path, object)))
    .map((w) => ({
      rule: 'construct-warning',
      severity,
      source: { release: w.path.split('/')[0], construct: w.path },
      path: '',
      message: w.message,
      fix: w.fix ?? ruleInfo('construct-warning').fix,
    }));
}

/** Findings as text, grouped by release: `release "web":` then each finding indented. */
export function formatByRelease(findings: readonly Finding[]): string {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.source?.release ?? '';
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(f);
  }
  const out: string[] = [];
  for (const [release, list] of groups) {
    out.push(`  release "${release}":`);
    for (const f of list) out.push(...formatFinding(f).split('\n').map((line) => `    ${line}`));
  }
  return out.join('\n');
}

/** Throws a UserError listing the error findings of an environment, if there are any. */
export function failOnErrors(environment: string, profile: string, findings: readonly Finding[]): void {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  const { warnings } = countBySeverity(findings);
  throw new UserError(
    `environment "${environment}" failed validation (profile ${profile}): ${plural(errors.length, 'error')}` +
      `${warnings ? `, ${plural(warnings, 'warning')}` : ''}; nothing was written\n${formatByRelease(errors)}`,
  );
}
