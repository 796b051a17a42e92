import { k8s } from '../construct/k8s';
import { IConstruct } from 'constructs';
import { checkInt, checkOneOf, problem } from '../construct/checks';

/**
 * The secure defaults of every container and pod the library builds, in one
 * place. Each can be changed per container (`security`) or per pod
 * (`podSecurity`); a change is visible in the props, hence in the values.
 */
export const SECURE_DEFAULTS = {
  runAsNonRoot: true,
  readOnlyRootFilesystem: true,
  allowPrivilegeEscalation: false,
  privileged: false,
  dropCapabilities: ['ALL'] as readonly string[],
  seccompProfile: 'RuntimeDefault' as SeccompProfileType,
  automountServiceAccountToken: false,
  resources: { cpuRequest: '100m', cpuLimit: '500m', memoryRequest: '128Mi', memoryLimit: '256Mi' },
} as const;

export type SeccompProfileType = 'RuntimeDefault' | 'Localhost' | 'Unconfined';

/** A container's security context. Every field falls back to SECURE_DEFAULTS. */
export interface ContainerSecurityProps {
  /** Refuse to start the container as UID 0. @default true */
  readonly runAsNonRoot?: boolean;
  /** The UID the container's processes run as. @default - the image's user */
  readonly runAsUser?: number;
  /** The primary GID the container's processes run as. @default - the image's group */
  readonly runAsGroup?: number;
  /** Mount the root filesystem read-only; mount an emptyDir where the app writes. @default true */
  readonly readOnlyRootFilesystem?: boolean;
  /** Whether a process may gain more privileges than its parent (setuid binaries). @default false (true when `privileged` is set, which implies it) */
  readonly allowPrivilegeEscalation?: boolean;
  /** Full access to the node. @default false */
  readonly privileged?: boolean;
  /** Linux capabilities to add back after the drop, such as `NET_BIND_SERVICE`. @default - none */
  readonly addCapabilities?: string[];
  /** Linux capabilities to drop. @default ['ALL'] */
  readonly dropCapabilities?: string[];
}

/** A pod's security context. Every field falls back to SECURE_DEFAULTS. */
export interface PodSecurityProps {
  /** Refuse to start the pod's containers as UID 0. @default true */
  readonly runAsNonRoot?: boolean;
  /** The UID the pod's processes run as, unless a container sets its own. @default - the image's user */
  readonly runAsUser?: number;
  /** The primary GID the pod's processes run as, unless a container sets its own. @default - the image's group */
  readonly runAsGroup?: number;
  /** The group that owns mounted volumes. @default - none */
  readonly fsGroup?: number;
  /** The seccomp profile that filters the system calls of the pod's containers. @default 'RuntimeDefault' */
  readonly seccompProfile?: SeccompProfileType;
  /** The profile file for `Localhost`, relative to the kubelet's seccomp folder. @default - none */
  readonly seccompLocalhostProfile?: string;
  /** More GIDs the pod's first processes belong to, besides their primary group. @default - none */
  readonly supplementalGroups?: number[];
}

function checkIds(scope: IConstruct, field: string, props: { runAsUser?: number; runAsGroup?: number; runAsNonRoot?: boolean }): void {
  checkInt(scope, `${field}.runAsUser`, props.runAsUser, { min: 0 });
  checkInt(scope, `${field}.runAsGroup`, props.runAsGroup, { min: 0 });
  if (props.runAsUser === 0 && (props.runAsNonRoot ?? SECURE_DEFAULTS.runAsNonRoot)) {
    throw problem(scope, `${field}.runAsUser is 0 (root) while runAsNonRoot is true: use a non-zero UID, or set ${field}.runAsNonRoot: false to run as root`);
  }
}

/** The container security context: the secure defaults with the given overrides. */
export function containerSecurityContext(scope: IConstruct, field: string, props: ContainerSecurityProps = {}): k8s.SecurityContext {
  checkIds(scope, field, props);
  const privileged = props.privileged ?? SECURE_DEFAULTS.privileged;
  if (privileged && props.allowPrivilegeEscalation === false) {
    throw problem(scope, `${field}: privileged is true and allowPrivilegeEscalation is false, which Kubernetes rejects: leave allowPrivilegeEscalation unset`);
  }
  const drop = props.dropCapabilities ?? [...SECURE_DEFAULTS.dropCapabilities];
  const add = props.addCapabilities ?? [];
  return {
    runAsNonRoot: props.runAsNonRoot ?? SECURE_DEFAULTS.runAsNonRoot,
    runAsUser: props.runAsUser,
    runAsGroup: props.runAsGroup,
    readOnlyRootFilesystem: props.readOnlyRootFilesystem ?? SECURE_DEFAULTS.readOnlyRootFilesystem,
    allowPrivilegeEscalation: privileged ? true : props.allowPrivilegeEscalation ?? SECURE_DEFAULTS.allowPrivilegeEscalation,
    privileged,
    capabilities: drop.length + add.length > 0 ? { drop: drop.length ? drop : undefined, add: add.length ? add : undefined } : undefined,
  };
}

/** The pod security context: the secure defaults with the given overrides. */
export function podSecurityContext(scope: IConstruct, field: string, props: PodSecurityProps = {}): k8s.PodSecurityContext {
  checkIds(scope, field, props);
  checkInt(scope, `${field}.fsGroup`, props.fsGroup, { min: 0 });
  const type = props.seccompProfile ?? SECURE_DEFAULTS.seccompProfile;
  checkOneOf(scope, `${field}.seccompProfile`, type, ['RuntimeDefault', 'Localhost', 'Unconfined']);
  if (type === 'Localhost' && !props.seccompLocalhostProfile) {
    throw problem(scope, `${field}.seccompProfile is Localhost but seccompLocalhostProfile is not set: name the profile file`);
  }
  return {
    runAsNonRoot: props.runAsNonRoot ?? SECURE_DEFAULTS.runAsNonRoot,
    runAsUser: props.runAsUser,
    runAsGroup: props.runAsGroup,
    fsGroup: props.fsGroup,
    supplementalGroups: props.supplementalGroups,
    seccompProfile: { type, localhostProfile: type === 'Localhost' ? props.seccompLocalhostProfile : undefined },
  };
}
