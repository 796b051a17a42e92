/**
 * The rules' documentation, generated from their definitions: docs/rules/README.md
 * with the table of every rule, and a page per rule of its own file (what,
 * why, how to fix, an example with the finding as `chartwright validate`
 * prints it, how to opt out). `npm run docs:rules` writes them
 * (scripts/rules-docs.js); a test fails when the committed pages differ.
 */
import { IGNORE_PREFIX, formatFinding, parseManifests, validateObjects } from '../index';
import { POLICY_RULES } from './registry';
import { PolicyRule } from './rule';
import { isIgnorable, rulesTable, severityText } from './index';

const HEADER = '<!-- Generated from lib/validate/rules/ by `npm run docs:rules`; edit the rule, not this page. -->';

/** File name under docs/rules/ → its content. */
export function ruleDocs(): Map<string, string> {
  const pages = new Map<string, string>();
  pages.set('README.md', indexPage());
  for (const rule of POLICY_RULES) pages.set(`${rule.id}.md`, rulePage(rule));
  return pages;
}

function indexPage(): string {
  const withPage = new Set(POLICY_RULES.map((r) => r.id));
  return [
    HEADER,
    '# Validation rules',
    '',
    'Every rule `chartwright synth` and `chartwright validate` apply. Input, schema, API-server, duplicate-object and reference',
    'findings are errors; best-practice findings are warnings under the `dev` profile (the default) and errors under `prod`;',
    'the `strict` profile is `prod` plus the rules only it applies (severity `off` under the others).',
    `An object opts out of a best-practice or reference rule with the annotation \`${IGNORE_PREFIX}<id>: "<reason>"\`.`,
    '',
    'The best-practice rules linked below have a file of their own (`lib/validate/rules/<id>.ts`) and a page here.',
    '',
    rulesTable((r) => (withPage.has(r.id) ? `${r.id}.md` : undefined)),
    '',
  ].join('\n');
}

function rulePage(rule: PolicyRule): string {
  const fails = rule.example.fails.trimEnd();
  const passes = rule.example.passes.trimEnd();
  const lines = [
    HEADER,
    `# \`${rule.id}\``,
    '',
    `Checks that ${rule.what}.`,
    '',
    `Category: ${rule.category}. Severity: ${severityText(rule)}.`,
    '',
    '## Why',
    '',
    rule.why,
    '',
    '## How to fix',
    '',
    `${capitalize(rule.fix)}.`,
    '',
    '## Example',
    '',
    'This manifest trips the rule:',
    '',
    '```yaml',
    fails,
    '```',
    '',
    '`chartwright validate` reports:',
    '',
    '```',
    ...findingsText(rule, fails),
    '```',
    '',
    'This one passes it:',
    '',
    '```yaml',
    passes,
    '```',
    '',
  ];
  if (isIgnorable(rule.id)) {
    lines.push(
      '## Opting out',
      '',
      'An object that has a reason to do otherwise says so in an annotation; the reason is required, and an opt-out without one',
      'is itself a finding (`ignore-annotation`):',
      '',
      '```yaml',
      'metadata:',
      '  annotations:',
      `    ${IGNORE_PREFIX}${rule.id}: "<why this object is an exception>"`,
      '```',
      '',
    );
  }
  lines.push('[All rules](README.md)', '');
  return lines.join('\n');
}

/** The rule's findings on its example, as `chartwright validate` prints them. */
function findingsText(rule: PolicyRule, yaml: string): string[] {
  const file = `${rule.id}.yaml`;
  const parsed = parseManifests(file, `${yaml}\n`);
  // as the default profile reports it, or for a rule only `strict` applies, as `strict` does
  const profile = rule.severity.dev === 'off' ? 'strict' : undefined;
  return validateObjects(parsed.objects, { profile }).filter((f) => f.rule === rule.id).map(formatFinding);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
