/** The API server loads a CronJob's `spec.timeZone` from the IANA database: an unknown zone is refused. */
import { timeZoneProblem } from '../kube/time-zone';
import { Json } from './objects';
import { Report } from './schema';

export function checkCronTimeZone(spec: Json, report: Report): void {
  if (typeof spec.timeZone !== 'string') return;
  const problem = timeZoneProblem(spec.timeZone);
  if (problem) report('schema-format', ['spec', 'timeZone'], `timeZone "${spec.timeZone}" ${problem}`, 'name an IANA time zone such as "Europe/Paris" or "Etc/UTC"');
}
