/** Checking cron schedules as the CronJob controller of Kubernetes 1.28 reads them (five fields, a macro or @every). */

const MACROS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
const CRON_FIELDS: Array<{ name: string; min: number; max: number; names?: string[] }> = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'day of week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

/** Why a CronJob schedule is not one Kubernetes 1.28 accepts, or undefined. */
export function cronProblem(schedule: string): string | undefined {
  const s = schedule.trim();
  if (/^(CRON_)?TZ=/.test(s)) return 'sets a time zone in the schedule, which Kubernetes 1.28 rejects; set spec.timeZone instead';
  if (s.startsWith('@')) {
    if (MACROS.has(s)) return undefined;
    if (/^@every\s+([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/.test(s)) return undefined;
    return `is not a known macro (${[...MACROS].join(', ')}, @every <duration>)`;
  }
  const fields = s.split(/\s+/);
  if (fields.length !== 5) return `has ${fields.length} field${fields.length === 1 ? '' : 's'}; a schedule has 5: minute hour day-of-month month day-of-week`;
  for (let i = 0; i < 5; i++) {
    const problem = cronFieldProblem(fields[i], CRON_FIELDS[i], i === 2 || i === 4);
    if (problem) return `has an invalid ${CRON_FIELDS[i].name} field "${fields[i]}": ${problem}`;
  }
  return undefined;
}

function cronFieldProblem(field: string, spec: (typeof CRON_FIELDS)[number], allowQuestion: boolean): string | undefined {
  const value = (text: string): number | undefined => {
    if (/^[0-9]+$/.test(text)) return Number(text);
    const index = spec.names?.indexOf(text.toUpperCase()) ?? -1;
    return index >= 0 ? index + spec.min : undefined;
  };
  for (const part of field.split(',')) {
    const [range, step, ...rest] = part.split('/');
    if (rest.length > 0) return `"${part}" has more than one "/"`;
    if (step !== undefined && (!/^[0-9]+$/.test(step) || Number(step) === 0)) return `step "${step}" is not a positive number`;
    if (range === '*' || (allowQuestion && range === '?')) continue;
    const bounds = range.split('-');
    if (bounds.length > 2) return `"${range}" is not a value or a range`;
    const numbers = bounds.map(value);
    for (let j = 0; j < bounds.length; j++) {
      const n = numbers[j];
      if (n === undefined) return `"${bounds[j]}" is not a number${spec.names ? ' or a name' : ''}`;
      if (n < spec.min || n > spec.max) return `${n} is outside ${spec.min}–${spec.max}`;
    }
    if (numbers.length === 2 && numbers[0]! > numbers[1]!) return `range "${range}" runs backwards`;
  }
  return undefined;
}
