import { Finding, ProfileName, parseManifests, validateObjects } from '../../lib/validate';
import type { PolicyRule } from '../../lib/validate/rules';

/** What a rule's test pins of each finding: the rule, where, and the message. */
export type Pinned = Pick<Finding, 'rule' | 'path' | 'message'>;

/**
 * The findings of one rule on a manifest, validated as `chartwright validate`
 * validates a file (every rule runs; the others' findings are left out).
 */
export function findingsOf(rule: PolicyRule, yaml: string, profile: ProfileName = 'dev'): Finding[] {
  const parsed = parseManifests(`${rule.id}.yaml`, yaml);
  if (parsed.findings.length > 0) throw new Error(`the manifest does not parse: ${parsed.findings[0].message}`);
  return validateObjects(parsed.objects, { profile }).filter((f) => f.rule === rule.id);
}

export function pinned(rule: PolicyRule, yaml: string): Pinned[] {
  return findingsOf(rule, yaml).map(({ rule: id, path, message }) => ({ rule: id, path, message }));
}
