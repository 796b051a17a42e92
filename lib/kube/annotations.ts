/**
 * Declares objects made outside the platform that an object refers to, so
 * validation does not expect them in the output: `"true"` for everything the
 * object refers to, or a list such as `"Secret/db-credentials, ConfigMap/shared"`.
 * Workloads set it themselves for the sources they were given by name.
 */
export const EXTERNAL_ANNOTATION = 'chartwright.dev/external';

/** The label every object chartwright writes carries (`app.kubernetes.io/managed-by: chartwright`), so a selector finds them all. */
export const MANAGED_BY_LABELS: Readonly<Record<string, string>> = { 'app.kubernetes.io/managed-by': 'chartwright' };
