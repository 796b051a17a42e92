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

/** What a namespace's Pod Security labels ask: the level of each mode that is set. */
export interface NamespacePodSecurity {
  /** The level whose violations admission refuses (`pod-security.kubernetes.io/enforce`). @default - none: nothing is refused */
  readonly enforce?: PodSecurityLevel;
  /** The level whose violations admission warns the client about (`pod-security.kubernetes.io/warn`). @default - none */
  readonly warn?: PodSecurityLevel;
  /** The level whose violations admission notes in the audit log (`pod-security.kubernetes.io/audit`). @default - none */
  readonly audit?: PodSecurityLevel;
}

/** The modes of Pod Security admission: refuse the pod, warn the client, or note it in the audit log. */
export const POD_SECURITY_MODES = ['enforce', 'warn', 'audit'] as const;

/**
 * The Pod Security modes of a Namespace's labels. A value that is not a level
 * counts as `restricted`, as admission evaluates it; a `-version` label is
 * read as `latest` (the checks here are the newest version's).
 */
export function namespacePodSecurity(labels: Readonly<Record<string, unknown>>): NamespacePodSecurity | undefined {
  let policy: { -readonly [m in (typeof POD_SECURITY_MODES)[number]]?: PodSecurityLevel } | undefined;
  for (const mode of POD_SECURITY_MODES) {
    const value = labels[`pod-security.kubernetes.io/${mode}`];
    if (value === undefined) continue;
    (policy ??= {})[mode] = value === 'privileged' || value === 'baseline' ? value : 'restricted';
  }
  return policy;
}

/**
 * The capabilities the baseline Pod Security Standard lets a container add
 * (the container runtime's default set), as the PodSecurity admission plugin
 * lists them: adding any other, or ALL, breaks baseline.
 */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);
