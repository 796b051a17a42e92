import { DiffReport, describeObjectChange } from '../model';
import { summaryLine } from './text';
import { beforeAfter, describeBlame, fieldPath } from './values';

/** Backticks in a code span: a longer fence, as CommonMark allows. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${text.replace(/\n/g, ' ')}${fence.length > 1 ? ' ' : ''}${fence}`;
}

/** Table cells keep their pipes escaped. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

const MARK = { added: '➕ added', removed: '➖ removed', changed: '✏️ changed' } as const;

/**
 * Markdown for a pull-request comment: a summary, the breaking and
 * destructive changes first with their fixes, then a section per environment
 * and release with a table of its changed fields per object.
 */
export function formatMarkdown(report: DiffReport): string {
  const out: string[] = ['### chartwright diff', '', summaryLine(report)];
  const severe = report.changes.filter((c) => c.risks.some((r) => r.level === 'breaking' || r.level === 'destructive'));
  if (severe.length > 0) {
    out.push('', '**Breaking or destructive:**', '');
    for (const c of severe) {
      for (const r of c.risks.filter((r) => r.level === 'breaking' || r.level === 'destructive')) {
        out.push(`- ${code(describeObjectChange(c))} (${c.environment}, ${c.release}) — **${r.level}**: ${r.why}${r.fix ? `. Fix: ${r.fix}` : ''}`);
      }
    }
  }
  let group = '';
  for (const c of report.changes) {
    const heading = `#### ${c.environment} / ${c.release}`;
    if (heading !== group) {
      out.push('', heading);
      group = heading;
    }
    const blame = describeBlame(c.blame);
    out.push('', `${MARK[c.change]} ${code(describeObjectChange(c))} — ${c.risks.map((r) => `**${r.level}**: ${r.why}`).join('; ')}${blame ? ` (by ${code(blame)})` : ''}`);
    if (c.fields.length > 0) {
      out.push('', '| field | change | set by |', '| --- | --- | --- |');
      for (const f of c.fields) {
        const by = describeBlame(f.blame);
        out.push(`| ${cell(code(fieldPath(f.path)))} | ${cell(f.hidden ? beforeAfter(f) : code(beforeAfter(f)))} | ${by ? cell(code(by)) : ''} |`);
      }
    }
  }
  return out.join('\n');
}
