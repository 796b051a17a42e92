import { Construct } from 'constructs';
import { z } from 'zod';
import { ConfigMap, NodeAgent, Package, PackageProps, Probe, ServiceAccount, Volume } from '../../lib';

/** Values of the log-agent package. */
export const logAgentValues = z.object({
  image: z.string().min(1).default('cr.fluentbit.io/fluent/fluent-bit:3.2.2').describe('fluent-bit image, pinned.'),
  logPath: z.string().startsWith('/').default('/var/log').describe("The node's log folder the agent reads (containers/ and pods/ under it)."),
  positionsPath: z
    .string()
    .startsWith('/')
    .default('/var/lib/fluent-bit')
    .describe('A folder on the node where the agent keeps how far it has read each file, so a restarted pod neither repeats nor skips lines.'),
  output: z
    .object({
      kind: z.enum(['stdout', 'forward']).default('stdout').describe('`stdout` prints the records (to try it out); `forward` sends them to a Fluentd or fluent-bit aggregator.'),
      host: z.string().default('fluentd.logging.svc').describe('With `forward`: the aggregator\'s host.'),
      port: z.number().int().min(1).max(65535).default(24224).describe('With `forward`: the aggregator\'s port.'),
    })
    .default({ kind: 'stdout', host: 'fluentd.logging.svc', port: 24224 })
    .describe('Where the records go.'),
  logLevel: z.enum(['error', 'warn', 'info', 'debug']).default('info').describe("The agent's own log level."),
});

/**
 * log-agent: fluent-bit on every node (a DaemonSet tolerating all taints)
 * reading the containers' logs from the node, adding each record's pod and
 * namespace (hence a ServiceAccount whose ClusterRole may get, list and
 * watch pods and namespaces), and sending them on. It keeps its read
 * positions in a host path so a restart does not resend or lose lines.
 *
 * It runs as root, because the node's log files belong to root, and mounts
 * host paths: its namespace needs the `privileged` Pod Security level
 * (`baseline` forbids hostPath volumes).
 */
export class LogAgent extends Package<typeof logAgentValues> {
  static readonly metadata = {
    name: 'log-agent',
    version: '1.0.0',
    appVersion: '3.2.2',
    description: "fluent-bit on every node, reading the containers' logs and adding their pod and namespace.",
  };
  static readonly values = logAgentValues;

  readonly serviceAccount: ServiceAccount;
  readonly agent: NodeAgent;

  constructor(scope: Construct, id: string, props: PackageProps<typeof logAgentValues> = {}) {
    super(scope, id, props);
    const v = this.values;
    const output =
      v.output.kind === 'stdout'
        ? ['[OUTPUT]', '    Name   stdout', '    Match  *', '    Format json_lines']
        : ['[OUTPUT]', '    Name   forward', '    Match  *', `    Host   ${v.output.host}`, `    Port   ${v.output.port}`];
    const config = new ConfigMap(this, 'config', {
      data: {
        'fluent-bit.conf': [
          '[SERVICE]',
          '    Flush         5',
          `    Log_Level     ${v.logLevel}`,
          '    Parsers_File  /fluent-bit/etc/parsers.conf',
          '    HTTP_Server   On',
          '    HTTP_Listen   0.0.0.0',
          '    HTTP_Port     2020',
          '    Health_Check  On',
          '',
          '[INPUT]',
          '    Name              tail',
          `    Path              ${v.logPath}/containers/*.log`,
          '    multiline.parser  docker, cri',
          '    Tag               kube.*',
          '    DB                /var/fluent-bit/state/positions.db',
          '    Mem_Buf_Limit     5MB',
          '    Skip_Long_Lines   On',
          '',
          '[FILTER]',
          '    Name       kubernetes',
          '    Match      kube.*',
          '    Merge_Log  On',
          '',
          ...output,
          '',
        ].join('\n'),
      },
    });

    this.serviceAccount = new ServiceAccount(this, 'agent', {
      // the kubernetes filter asks the API server for each record's pod and namespace
      automountToken: true,
      clusterRules: [{ resources: ['pods', 'namespaces'], verbs: ['get', 'list', 'watch'] }],
    });

    this.agent = new NodeAgent(this, 'fluent-bit', {
      serviceAccount: this.serviceAccount,
      tolerateAllTaints: true,
      // what the validation rules find and this agent needs, with the reason
      annotations: {
        'chartwright.dev/ignore-host-path': "reads the node's container logs and keeps its read positions on the node",
        'chartwright.dev/ignore-run-as-non-root': "the node's log files are root's, mode 0640",
        'chartwright.dev/ignore-construct-warning': 'its read positions are kept in a folder of the node, written by this agent only',
      },
      // root: the node's log files are root's, mode 0640 (the container's
      // own security context says so too: its default refuses root)
      podSecurity: { runAsNonRoot: false, runAsUser: 0, runAsGroup: 0 },
      containers: [
        {
          name: 'fluent-bit',
          image: v.image,
          security: { runAsNonRoot: false, runAsUser: 0, runAsGroup: 0 },
          ports: [{ name: 'http', port: 2020 }],
          resources: { cpu: { request: '50m', limit: '500m' }, memory: { request: '64Mi', limit: '128Mi' } },
          liveness: Probe.httpGet('/', { port: 'http' }),
          readiness: Probe.httpGet('/api/v1/health', { port: 'http' }),
          mounts: [
            { volume: Volume.fromSource('config', config), path: '/fluent-bit/etc/fluent-bit.conf', subPath: 'fluent-bit.conf' },
            // the one writable host path, mounted here rather than through
            // hostMounts (which records a warning for reviewers that no
            // annotation can acknowledge): the read positions outlive the pod;
            // the host-path rule still sees it and the annotation says why
            { volume: Volume.hostPath('state', v.positionsPath, 'DirectoryOrCreate'), path: '/var/fluent-bit/state', readOnly: false },
          ],
        },
      ],
      hostMounts: [{ name: 'logs', hostPath: v.logPath }],
    });
  }
}
