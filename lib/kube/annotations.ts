/**
 * Declares objects made outside the platform that an object refers to, so
 * validation does not expect them in the output: `"true"` for everything the
 * object refers to, or a list such as `"Secret/db-credentials, ConfigMap/shared"`.
 * Workloads set it themselves for the sources they were given by name.
 */
export const EXTERNAL_ANNOTATION = 'chartwright.dev/external';
