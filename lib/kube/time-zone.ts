/**
 * CronJob time zones: the API server loads `spec.timeZone` with Go's
 * time.LoadLocation, so it takes IANA names as the tz database spells them
 * (case matters), and refuses "Local" and anything it cannot find. Node's
 * Intl knows the same database; it is also lenient about case, which is
 * checked here against its list of canonical names.
 */

let canonical: Map<string, string> | undefined;

/** The answers given so far, by zone: a DateTimeFormat is made in milliseconds, and a platform names few zones many times. */
const answers = new Map<string, string | undefined>();

/** Why `tz` is not a time zone the API server takes, or undefined when it is. */
export function timeZoneProblem(tz: string): string | undefined {
  if (answers.has(tz)) return answers.get(tz);
  const problem = findTimeZoneProblem(tz);
  answers.set(tz, problem);
  return problem;
}

function findTimeZoneProblem(tz: string): string | undefined {
  if (tz === '' || tz.trim() !== tz) return 'is empty or has spaces around it';
  if (tz === 'Local') return 'is "Local", which the API server refuses: name the zone';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    return 'is not a time zone of the IANA database';
  }
  canonical ??= new Map([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC', 'GMT', 'Etc/GMT'].map((z) => [z.toLowerCase(), z]));
  const spelled = canonical.get(tz.toLowerCase());
  if (spelled !== undefined && spelled !== tz) return `is spelled "${spelled}" in the IANA database, and the API server minds the case`;
  return undefined;
}
