import { Construct } from 'constructs';
import { Warnings } from '../construct/warnings';
import { UserError } from '../errors';
import { checkDnsLabel, show, checkPropNames } from '../construct/checks';
import { HostPathType, Volume, hostPathTypeProblem } from '../storage/volume';
import { tcpPreset } from '../workloads/presets';
import { DaemonSet, DaemonSetProps } from '../workloads/daemon-set';

/** A path of the node the agent sees. Every host mount is listed here, explicitly. */
export interface HostMount {
  /** A DNS-1123 label for the volume. */
  readonly name: string;
  /** The path on the node. */
  readonly hostPath: string;
  /** Where the first container sees it. @default - the same path */
  readonly mountPath?: string;
  /** Mount the path read-only. @default true */
  readonly readOnly?: boolean;
  /** What must exist at the path. @default '' (no check) */
  readonly type?: HostPathType;
}

export interface NodeAgentProps extends DaemonSetProps {
  /** Host paths mounted into the first container. @default - none */
  readonly hostMounts?: HostMount[];
  /** Run on every node, tainted ones included (control plane too). @default false */
  readonly tolerateAllTaints?: boolean;
}

/**
 * A node agent (log shipper, metrics exporter): a DaemonSet running one pod
 * per node. Host paths are mounted only when listed in `hostMounts`, read-only
 * unless said otherwise; each is recorded as a warning for reviewers.
 *
 * A node agent is its DaemonSet (`daemonSet` names it).
 */
export class NodeAgent extends DaemonSet {

  constructor(scope: Construct, id: string, props: NodeAgentProps) {
    const mounts = props.hostMounts ?? [];
    mounts.forEach((m, i) => {
      if (typeof m.hostPath !== 'string' || !m.hostPath.startsWith('/')) {
        throw new UserError(`${scope.node.path}/${id}: hostMounts[${i}].hostPath ${show(m.hostPath)} is not valid: expected an absolute path on the node, such as "/var/log"`, {
          path: `${scope.node.path}/${id}`,
          field: `hostMounts[${i}].hostPath`,
          given: m.hostPath,
          expected: 'an absolute path on the node, such as "/var/log"',
        });
      }
      const typeProblem = hostPathTypeProblem(m.type);
      if (typeProblem) {
        throw new UserError(`${scope.node.path}/${id}: hostMounts[${i}].type ${show(m.type)} is not valid: expected ${typeProblem}`, {
          path: `${scope.node.path}/${id}`,
          field: `hostMounts[${i}].type`,
          given: m.type,
          expected: typeProblem,
        });
      }
    });
    const containers = props.containers?.length
      ? [
          {
            ...props.containers[0],
            mounts: [
              ...(props.containers[0].mounts ?? []),
              ...mounts.map((m) => ({ volume: Volume.hostPath(m.name, m.hostPath, m.type), path: m.mountPath ?? m.hostPath, readOnly: m.readOnly ?? true })),
            ],
          },
          ...props.containers.slice(1),
        ]
      : props.containers;
    const tolerations = props.tolerateAllTaints ? [...(props.tolerations ?? []), { operator: 'Exists' as const }] : props.tolerations;
    super(scope, id, { ...props, containers, tolerations }, { longRunning: true, preset: tcpPreset });
    checkPropNames(this, NodeAgent, props, 'NodeAgentProps');
    // a writable host mount is flagged where every container's mounts are rendered (workloads/container.ts)
    mounts.forEach((m, i) => checkDnsLabel(this, `hostMounts[${i}].name`, m.name));
    if (props.hostNetwork) Warnings.of(this).add("hostNetwork is true: the pods share the node's network namespace", 'leave hostNetwork out unless the agent must see the node\'s network, and say why in chartwright.dev/ignore-construct-warning');
  }

  /** The DaemonSet of the node agent: this construct. */
  get daemonSet(): DaemonSet {
    return this;
  }
}
