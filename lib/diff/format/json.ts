import { DiffReport, summarize } from '../model';
import { fieldPath } from './values';

/**
 * The report as JSON for programs: a summary, then every object change with
 * its fields (path as text and as parts; `before`/`after` left out where the
 * field is absent or hidden), its risks and its blame.
 */
export function formatJson(report: DiffReport): string {
  return JSON.stringify(
    {
      summary: summarize(report),
      changes: report.changes.map((c) => ({
        ...c,
        fields: c.fields.map((f) => ({ field: fieldPath(f.path), ...f })),
      })),
    },
    null,
    2,
  );
}
