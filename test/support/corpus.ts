import * as fs from 'fs';
import * as path from 'path';
import { InputObject, parseManifests, validateObjects } from '../../lib/validate';
import { REPO } from './project';

/**
 * The API-server corpus (test/fixtures/apiserver-corpus/<area>/<case>.yaml):
 * manifests whose first line says what a real API server does with them,
 * `# expect: valid` or `# expect: invalid <area>`. A case with the line
 * `# update: ...` holds two documents: the first is applied, then the second
 * is applied over it (immutable fields). A case with the line `# apply: create`
 * is created (`kubectl create`) rather than applied server-side, for what the
 * two treat differently. corpus.cluster.ts runs every case
 * through chartwright and `kubectl apply --dry-run=server` and keeps the
 * agreement table (docs/validation-agreement.md). What is in `_setup/` (the
 * CRDs of custom resources) is applied first, and validated with every case.
 */
export const CORPUS = path.join(REPO, 'test', 'fixtures', 'apiserver-corpus');
/** What is applied before the cases, not a case: the CRDs of the custom-resources cases. */
export const SETUP = path.join(CORPUS, '_setup');
export const ALLOW_LIST = path.join(REPO, 'test', 'cluster', 'corpus-allow-list.json');
export const TABLE = path.join(REPO, 'docs', 'validation-agreement.md');

export interface Case {
  /** `<area>/<case>` */
  readonly id: string;
  readonly area: string;
  readonly file: string;
  readonly text: string;
  /** What the real API server does: true when it accepts the case. */
  readonly expectValid: boolean;
  /** What the case shows, from its second comment line. */
  readonly what: string;
  /** A case of two documents, the second applied over the first. */
  readonly update: boolean;
  /** A case the server creates (`kubectl create`), rather than applies server-side. */
  readonly create: boolean;
}

export function readCorpus(): Case[] {
  const cases: Case[] = [];
  for (const area of fs.readdirSync(CORPUS).sort()) {
    const dir = path.join(CORPUS, area);
    if (!fs.statSync(dir).isDirectory() || area.startsWith('_')) continue;
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
      const file = path.join(dir, name);
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.split('\n');
      const expect = /^# expect: (valid|invalid (\S+))$/.exec(lines[0]);
      if (!expect) throw new Error(`${area}/${name}: the first line must be "# expect: valid" or "# expect: invalid <area>"`);
      if (expect[2] !== undefined && expect[2] !== area) throw new Error(`${area}/${name}: "# expect: invalid ${expect[2]}" names another area than its folder`);
      const what = /^# (.*)$/.exec(lines[1])?.[1] ?? '';
      const update = lines.slice(0, 4).some((l) => l.startsWith('# update:'));
      const create = lines.slice(0, 4).includes('# apply: create');
      cases.push({ id: `${area}/${name.slice(0, -'.yaml'.length)}`, area, file, text, expectValid: expect[1] === 'valid', what, update, create });
    }
  }
  return cases;
}

export interface ChartwrightVerdict {
  readonly valid: boolean;
  /** The rules of the errors, sorted, without repeats. */
  readonly rules: readonly string[];
}

/**
 * chartwright's verdict at the default profile: errors only (best-practice
 * findings are warnings there). An update case's documents are validated
 * one at a time, as each is applied on its own.
 */
export function chartwrightVerdict(c: Case): ChartwrightVerdict {
  const parsed = parseManifests(path.relative(REPO, c.file), c.text);
  const documents = [...new Set(parsed.objects.map((o) => o.source.document))];
  const groups = (c.update ? documents.map((d) => parsed.objects.filter((o) => o.source.document === d)) : [parsed.objects]).map((objects) => [...setupObjects(), ...objects]);
  // each case goes to a namespace of its own: what it refers to is in it or nowhere (complete)
  const findings = [...parsed.findings, ...groups.flatMap((objects) => validateObjects(objects, { complete: true }))];
  const rules = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.rule))].sort();
  return { valid: rules.length === 0, rules };
}

let setup: InputObject[] | undefined;

/** The objects of SETUP, which the server has when it judges a case: each case is validated with them. */
export function setupObjects(): readonly InputObject[] {
  if (setup === undefined) {
    setup = [];
    for (const name of fs.readdirSync(SETUP).filter((f) => f.endsWith('.yaml')).sort()) {
      const file = path.join(SETUP, name);
      const parsed = parseManifests(path.relative(REPO, file), fs.readFileSync(file, 'utf8'));
      if (parsed.findings.length > 0) throw new Error(`${file}: ${parsed.findings[0].message}`);
      setup.push(...parsed.objects);
    }
  }
  return setup;
}

/** The documents of an update case, as YAML text: what is applied, then what is applied over it. */
export function updateDocuments(c: Case): [string, string] {
  const docs = c.text.split(/^---\n/m).filter((d) => d.replace(/^#.*$/gm, '').trim() !== '');
  if (docs.length !== 2) throw new Error(`${c.id}: an update case holds two documents, not ${docs.length}`);
  return [docs[0], docs[1]];
}

export type Direction = 'stricter' | 'gap';

export interface Allowed {
  /** stricter: chartwright rejects what the server accepts; gap: the server rejects what chartwright accepts. */
  readonly direction: Direction;
  readonly reason: string;
}

export function readAllowList(): Record<string, Allowed> {
  return JSON.parse(fs.readFileSync(ALLOW_LIST, 'utf8')) as Record<string, Allowed>;
}

export interface Result {
  readonly case: Case;
  readonly serverValid: boolean;
  /** The API server's first error line, for a failing test's message. */
  readonly serverMessage: string;
  readonly chartwright: ChartwrightVerdict;
}

/** How a case's two verdicts compare: agree, one of the allowed directions, or (update cases) not checked by chartwright. */
export function comparison(r: Result): 'agree' | Direction | 'not-checked' {
  if (r.serverValid === r.chartwright.valid) return 'agree';
  if (r.case.update && !r.serverValid) return 'not-checked';
  return r.chartwright.valid ? 'gap' : 'stricter';
}

/** docs/validation-agreement.md: one row per area, then every disagreement with its reason. */
export function agreementTable(results: readonly Result[], allowed: Record<string, Allowed>, kubernetes: string): string {
  const areas = [...new Set(results.map((r) => r.case.area))].sort();
  const count = (rs: readonly Result[], f: (r: Result) => boolean) => rs.filter(f).length;
  const rows = areas.map((area) => {
    const rs = results.filter((r) => r.case.area === area);
    const updates = rs.filter((r) => r.case.update && !r.serverValid).length;
    const cw = updates > 0 ? `${count(rs, (r) => !r.chartwright.valid)} (+${updates} not checked)` : String(count(rs, (r) => !r.chartwright.valid));
    const explained = rs.filter((r) => comparison(r) !== 'agree').map((r) => `${r.case.id.slice(area.length + 1)} (${comparison(r)})`);
    return `| ${area} | ${rs.length} | ${count(rs, (r) => !r.serverValid)} | ${cw} | ${count(rs, (r) => comparison(r) === 'agree')} | ${explained.join(', ') || '—'} |`;
  });
  const total = `| **all** | ${results.length} | ${count(results, (r) => !r.serverValid)} | ${count(results, (r) => !r.chartwright.valid)} | ${count(results, (r) => comparison(r) === 'agree')} | ${count(results, (r) => comparison(r) !== 'agree')} |`;
  const section = (direction: 'stricter' | 'gap' | 'not-checked', title: string, intro: string) => {
    const rs = results.filter((r) => comparison(r) === direction);
    if (rs.length === 0) return [];
    return [
      `## ${title}`, '', intro, '',
      ...rs.map((r) => {
        const reason = direction === 'not-checked' ? 'chartwright validates one output, not a change to what is in the cluster; immutable fields are not checked.' : allowed[r.case.id]?.reason ?? '(not explained)';
        const rules = r.chartwright.rules.length > 0 ? ` chartwright: ${r.chartwright.rules.map((x) => `\`${x}\``).join(', ')}.` : '';
        return `- \`${r.case.id}\` — ${r.case.what}.${rules} ${reason}`;
      }),
      '',
    ];
  };
  return [
    '# Validation against a real API server',
    '',
    '<!-- Generated by test/cluster/corpus.cluster.ts; regenerate with `UPDATE_AGREEMENT=1 npm run test:cluster -- corpus.cluster`. -->',
    '',
    `Every manifest of \`test/fixtures/apiserver-corpus/\` goes through \`chartwright validate\` (errors at the default \`dev\` profile; best-practice warnings do not count) and through \`kubectl apply --server-side --dry-run=server\` against kube-apiserver ${kubernetes} with the PodSecurity, NamespaceLifecycle, LimitRanger, ServiceAccount and ResourceQuota admission plugins. An update case applies its first document and dry-runs its second over it. \`npm run test:cluster -- corpus.cluster\` fails when a verdict changes.`,
    '',
    '| area | cases | server rejects | chartwright rejects | agree | disagreements |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    total,
    '',
    ...section('gap', 'Known gaps: the server rejects, chartwright accepts', 'Each is a check chartwright does not make yet, or one it cannot make from the manifest alone.'),
    ...section('stricter', 'Deliberately stricter: chartwright rejects, the server accepts', 'Each is listed in `test/cluster/corpus-allow-list.json` with its reason.'),
    ...section('not-checked', 'Not checked by chartwright: changes to immutable fields', 'The server rejects the second document applied over the first; chartwright validates each document on its own and accepts both.'),
  ].join('\n');
}
