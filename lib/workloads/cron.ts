/** Checking cron schedules as the CronJob controller reads them (five fields, or a macro). */

const MACROS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];
const FIELDS: Array<{ name: string; min: number; max: number; names?: string[] }> = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { name: 'day of week', min: 0, max: 7, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

/** Why a schedule is not valid, or undefined when it is. */
export function cronProblem(schedule: string): string | undefined {
  const s = schedule.trim();
  if (s.startsWith('@')) return MACROS.includes(s) ? undefined : `unknown macro ${s}; the macros are ${MACROS.join(', ')}`;
  if (/^(TZ|CRON_TZ)=/.test(s)) return 'a time zone in the schedule is not supported: use timeZone';
  const parts = s.split(/\s+/);
  if (parts.length !== 5) return `${parts.length} fields; a schedule has 5: minute hour day-of-month month day-of-week`;
  for (let i = 0; i < 5; i++) {
    const f = FIELDS[i];
    const value = (v: string): number => {
      const named = f.names?.indexOf(v.toLowerCase()) ?? -1;
      if (named >= 0) return named + f.min;
      return /^\d+$/.test(v) ? Number(v) : NaN;
    };
    for (const item of parts[i].split(',')) {
      const m = /^(\*|\?|([^-/]+)(?:-([^/]+))?)(?:\/(\d+))?$/.exec(item);
      if (!m) return `the ${f.name} field "${parts[i]}" is not valid`;
      if (m[4] !== undefined && Number(m[4]) < 1) return `the ${f.name} field "${parts[i]}" has a step of 0`;
      if (m[1] === '*' || m[1] === '?') continue;
      const lo = value(m[2]);
      const hi = m[3] === undefined ? lo : value(m[3]);
      if (Number.isNaN(lo) || Number.isNaN(hi) || lo < f.min || hi > f.max || lo > hi) {
        return `the ${f.name} field "${parts[i]}" is out of range ${f.min}–${f.max}`;
      }
    }
  }
  return undefined;
}
