/** Pod Security Admission: its levels and the namespace labels that enforce one. */

/** The Pod Security Standards' levels, most open first. */
export const POD_SECURITY_LEVELS = ['privileged', 'baseline', 'restricted'] as const;

/** Pod Security Admission levels. */
export type PodSecurityLevel = (typeof POD_SECURITY_LEVELS)[number];

/** Whether `value` is a Pod Security level. */
export function isPodSecurityLevel(value: unknown): value is PodSecurityLevel {
  return (POD_SECURITY_LEVELS as readonly unknown[]).includes(value);
}

/**
 * The labels that make Pod Security admission enforce `level` on a
 * namespace's pods and warn about pods that break it (kubectl prints the
 * warning when a workload is applied, before its pods are refused).
 */
export function podSecurityLabels(level: PodSecurityLevel): Record<string, string> {
  return {
    'pod-security.kubernetes.io/enforce': level,
    'pod-security.kubernetes.io/warn': level,
  };
}
