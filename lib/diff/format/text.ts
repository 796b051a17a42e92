import { DiffReport, ObjectChange, RiskLevel, describeObjectChange, summarize } from '../model';
import { beforeAfter, describeBlame, fieldPath } from './values';

/** ANSI colours, used only when the output is a terminal. */
const COLOURS = { red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', magenta: '\x1b[35m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };
type Colour = keyof typeof COLOURS;

const LEVEL_COLOUR: Record<RiskLevel, Colour> = { breaking: 'red', destructive: 'red', security: 'magenta', disruptive: 'yellow', metadata: 'dim', 'in-place': 'dim' };
const MARK = { added: '+', removed: '-', changed: '~' } as const;
const MARK_COLOUR: Record<ObjectChange['change'], Colour> = { added: 'green', removed: 'red', changed: 'yellow' };

export interface TextOptions {
  /** Colour the marks and risk levels (for a terminal). @default false */
  readonly colour?: boolean;
}

/**
 * The terminal view: per environment and release, `+` added, `-` removed,
 * `~` changed objects with their worst risk, the changed fields with before
 * and after and the values that set them, each risk with its why (and fix),
 * then a summary line.
 */
export function formatText(report: DiffReport, options: TextOptions = {}): string {
  const paint = (colour: Colour, text: string) => (options.colour ? `${COLOURS[colour]}${text}${COLOURS.reset}` : text);
  const lines: string[] = [];
  let group = '';
  for (const c of report.changes) {
    const heading = `environment ${c.environment}, release ${c.release}`;
    if (heading !== group) {
      if (group) lines.push('');
      lines.push(paint('bold', heading));
      group = heading;
    }
    const worst = c.risks[0].level;
    lines.push(`  ${paint(MARK_COLOUR[c.change], `${MARK[c.change]} ${describeObjectChange(c)}`)}  ${paint(LEVEL_COLOUR[worst], `[${worst}]`)}`);
    const objectBlame = describeBlame(c.blame);
    if (objectBlame) lines.push(`      ${c.change} by ${objectBlame}`);
    for (const f of c.fields) {
      const blame = describeBlame(f.blame);
      lines.push(`      ${fieldPath(f.path)}: ${beforeAfter(f)}${blame ? `  ${paint('dim', `← ${blame}`)}` : ''}`);
    }
    for (const r of c.risks) {
      if (r.level === 'in-place' && c.change !== 'changed') continue;
      lines.push(`      ${paint(LEVEL_COLOUR[r.level], `${r.level}:`)} ${r.why}`);
      if (r.fix) lines.push(`        fix: ${r.fix}`);
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(report));
  return lines.join('\n');
}

/** `3 objects changed, 1 added, 1 removed: 1 breaking, 2 disruptive`, or `no changes`. */
export function summaryLine(report: DiffReport): string {
  if (report.changes.length === 0) return 'no changes';
  const s = summarize(report);
  const levels = (Object.entries(s.risks) as Array<[RiskLevel, number]>).filter(([, n]) => n > 0).map(([level, n]) => `${n} ${level}`);
  return `${s.changed} changed, ${s.added} added, ${s.removed} removed: ${levels.join(', ')}`;
}
