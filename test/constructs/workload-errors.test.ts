import { BatchJob, BatchJobProps, NodeAgent, Pod, Probe, ReplicaSet, ScheduledJob, ScheduledJobProps, StatefulService, StatefulServiceProps, Volume, WebService, Worker, WorkerProps } from '../../lib';
import { WEB, find, render, userError, warnings } from '../support/render';

const DNS_LABEL = "a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters";
const LABEL_KEY = "a label key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";

/** A Worker whose main container needs no probe unless it has ports. */
const worker = (props: Partial<WorkerProps>, main: object = {}) => () => render((p) => new Worker(p, 'w', { containers: [{ image: 'w:1.0.0', liveness: false, ...main }], ...props }));
const db = (props: Partial<StatefulServiceProps>) => () =>
  render((p) => new StatefulService(p, 'db', { containers: [{ image: 'postgres:16.4', ports: [{ name: 'postgres', port: 5432 }] }], ...props }));
const job = (props: Partial<BatchJobProps>) => () => render((p) => new BatchJob(p, 'job', { containers: [{ image: 'j:1.0.0' }], ...props }));
const cron = (props: Partial<ScheduledJobProps>) => () => render((p) => new ScheduledJob(p, 'cron', { containers: [{ image: 'c:1.0.0' }], schedule: '@daily', ...props }));

describe('container errors', () => {
  test.each<[string, () => unknown, string]>([
    ['name', worker({}, { name: 'Main' }), `shop/w: containers[0].name "Main" is not valid: expected ${DNS_LABEL}`],
    ['empty image', worker({}, { image: '' }), 'shop/w: containers[0].image "" is not valid: expected an image reference such as "nginx:1.27.3"'],
    ['image with a space', worker({}, { image: 'nginx 1.27' }), 'shop/w: containers[0].image "nginx 1.27" is not valid: expected an image reference such as "nginx:1.27.3"'],
    ['imagePullPolicy', worker({}, { imagePullPolicy: 'always' }), 'shop/w: containers[0].imagePullPolicy "always" is not valid: expected one of Always, IfNotPresent, Never (did you mean "Always"?)'],
    ['port', worker({}, { ports: [{ port: 0 }], readiness: false }), 'shop/w: containers[0].ports[0].port 0 is not valid: expected a whole number from 1 to 65535'],
    ['protocol', worker({}, { ports: [{ port: 53, protocol: 'udp' }], readiness: false }), 'shop/w: containers[0].ports[0].protocol "udp" is not valid: expected one of TCP, UDP, SCTP (did you mean "UDP"?)'],
    ['port listed twice', worker({}, { ports: [{ port: 80 }, { port: 80 }], readiness: false }), 'shop/w: containers[0].ports[1]: port 80 is listed twice'],
    ['port name listed twice', worker({}, { ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }], readiness: false }), 'shop/w: containers[0].ports[1]: the name "http" is listed twice'],
    ['no readiness probe with ports', worker({}, { ports: [{ port: 80 }] }), 'shop/w: containers[0] (w:1.0.0) has no readiness probe: a long-running container needs one. Set readiness: Probe.httpGet(...) | Probe.tcp() | Probe.exec([...]) | Probe.grpc(), or readiness: false to go without'],
    ['probe without a port to use', worker({}, { liveness: Probe.tcp() }), 'shop/w: containers[0].liveness: a tcp probe needs a port but the container declares none: add a port to the container'],
    ['startup successThreshold', worker({}, { startup: Probe.exec(['true'], { successThreshold: 2 }) }), 'shop/w: containers[0].startup.successThreshold 2 is not valid: expected 1: a startup probe must have successThreshold 1'],
    ['memory limit', worker({}, { resources: { memory: { limit: '1GB ' } } }), 'shop/w: containers[0].resources.memory.limit "1GB " is not valid: expected a Kubernetes quantity such as "100m", "0.5", "128Mi" or "10Gi"'],
    ['ephemeral storage', worker({}, { resources: { ephemeralStorage: { request: '2Gi', limit: '1Gi' } } }), 'shop/w: containers[0].resources.ephemeralStorage: the request 2Gi is more than the limit 1Gi: raise the limit or lower the request'],
    ['container name twice', worker({ containers: [{ image: 'a:1', liveness: false }, { image: 'b:1', name: 'main', liveness: false }] }), 'shop/w: containers[1]: the container name "main" is used twice in the pod'],
  ])('%s', (_, build, message) => {
    expect(userError(build)).toBe(message);
  });

  test('ephemeral storage renders under its API name', () => {
    const c = find(worker({}, { resources: { ephemeralStorage: { request: '1Gi', limit: '2Gi' } } })(), 'Deployment').spec.template.spec.containers[0];
    expect(c.resources).toEqual({ requests: { cpu: '100m', memory: '128Mi', 'ephemeral-storage': '1Gi' }, limits: { cpu: '500m', memory: '256Mi', 'ephemeral-storage': '2Gi' } });
  });

  test('an image without a fixed tag records a warning', () => {
    expect(warnings((p) => new Worker(p, 'w', { containers: [{ image: 'ghcr.io/acme/w', liveness: false }, { image: 'redis:latest', liveness: false }] }))).toEqual([
      'shop/w: containers[0].image "ghcr.io/acme/w" has no fixed tag: pin a version or digest so a restart cannot change what runs',
      'shop/w: containers[1].image "redis:latest" has no fixed tag: pin a version or digest so a restart cannot change what runs',
    ]);
    expect(warnings((p) => new Worker(p, 'w', { containers: [{ image: 'ghcr.io/acme/w@sha256:abc', liveness: false }] }))).toEqual([]);
  });
});

describe('pod and placement errors', () => {
  test.each<[string, () => unknown, string]>([
    ['workload labels', worker({ labels: { 'bad key': 'x' } }), `shop/w: labels key "bad key" is not valid: expected ${LABEL_KEY}`],
    ['pod labels', worker({ podLabels: { 'bad key': 'x' } }), `shop/w: podLabels key "bad key" is not valid: expected ${LABEL_KEY}`],
    ['terminationGracePeriodSeconds', worker({ terminationGracePeriodSeconds: -1 }), 'shop/w: terminationGracePeriodSeconds -1 is not valid: expected a whole number of 0 or more'],
    ['two volumes of one name', worker({ volumes: [Volume.emptyDir('data'), Volume.emptyDir('data')] }), 'shop/w: volumes[1]: two different volumes are named "data": give each volume its own name'],
    ['toleration operator', worker({ tolerations: [{ key: 'a', operator: 'In' as any }] }), 'shop/w: tolerations[0].operator "In" is not valid: expected one of Equal, Exists'],
    ['Exists with a value', worker({ tolerations: [{ key: 'a', operator: 'Exists', value: 'x' }] }), 'shop/w: tolerations[0]: operator Exists takes no value: remove value'],
    ['tolerationSeconds without NoExecute', worker({ tolerations: [{ key: 'a', value: 'b', effect: 'NoSchedule', tolerationSeconds: 60 }] }), 'shop/w: tolerations[0]: tolerationSeconds applies only to effect NoExecute'],
    ['tolerationSeconds', worker({ tolerations: [{ key: 'a', value: 'b', effect: 'NoExecute', tolerationSeconds: -1 }] }), 'shop/w: tolerations[0].tolerationSeconds -1 is not valid: expected a whole number of 0 or more'],
    ['node affinity operator', worker({ nodeAffinity: [{ key: 'a', operator: 'Has' as any, values: ['x'] }] }), 'shop/w: nodeAffinity[0].operator "Has" is not valid: expected one of In, NotIn, Exists, DoesNotExist, Gt, Lt'],
    ['node affinity weight', worker({ nodeAffinity: [{ key: 'a', values: ['x'], required: false, weight: 101 }] }), 'shop/w: nodeAffinity[0].weight 101 is not valid: expected a whole number from 1 to 100'],
    ['pod affinity labels', worker({ podAffinity: [{ labels: { 'bad key': 'x' } }] }), `shop/w: podAffinity[0].labels key "bad key" is not valid: expected ${LABEL_KEY}`],
    ['pod anti-affinity weight', worker({ podAntiAffinity: [{ labels: { app: 'x' }, weight: 0 }] }), 'shop/w: podAntiAffinity[0].weight 0 is not valid: expected a whole number from 1 to 100'],
    ['spreadReplicas', worker({ spreadReplicas: 'always' as any }), 'shop/w: spreadReplicas "always" is not valid: expected one of preferred, required'],
    ['whenUnsatisfiable', worker({ topologySpread: [{ whenUnsatisfiable: 'Schedule' as any }] }), 'shop/w: topologySpread[0].whenUnsatisfiable "Schedule" is not valid: expected one of DoNotSchedule, ScheduleAnyway'],
    ['name too long', () => render((p) => new Worker(p, 'a'.repeat(60), { containers: [{ image: 'w:1.0.0', liveness: false }] })), `shop/${'a'.repeat(60)}: the name "shop-${'a'.repeat(60)}" derived from the construct path is 65 characters; a name has 1 to 63: use shorter construct ids`],
  ])('%s', (_, build, message) => {
    expect(userError(build)).toBe(message);
  });

  test('required pod affinity and a namespaced term render as the API has them', () => {
    const spec = find(worker({ spreadReplicas: false, podAffinity: [{ labels: { app: 'cache' }, required: true, namespaces: ['cache'] }] })(), 'Deployment').spec.template.spec;
    expect(spec.affinity).toEqual({
      podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: 'kubernetes.io/hostname', namespaces: ['cache'] }] },
    });
  });
});

describe('workload errors', () => {
  test.each<[string, () => unknown, string]>([
    ['Worker replicas', worker({ replicas: 1.5 }), 'shop/w: replicas 1.5 is not valid: expected a whole number of 0 or more'],
    ['WebService servicePort', () => render((p) => new WebService(p, 'web', { containers: [WEB], servicePort: 0 })), 'shop/web: servicePort 0 is not valid: expected a whole number from 1 to 65535'],
    ['ReplicaSet replicas', () => render((p) => new ReplicaSet(p, 'rs', { containers: [WEB], replicas: -1 })), 'shop/rs: replicas -1 is not valid: expected a whole number of 0 or more'],
    ['Pod restartPolicy', () => render((p) => new Pod(p, 'pod', { containers: [{ image: 'a:1' }], restartPolicy: 'Sometimes' as any })), 'shop/pod: restartPolicy "Sometimes" is not valid: expected one of Always, OnFailure, Never'],
    ['StatefulService replicas', db({ replicas: -1 }), 'shop/db: replicas -1 is not valid: expected a whole number of 0 or more'],
    ['podManagementPolicy', db({ podManagementPolicy: 'parallel' as any }), 'shop/db: podManagementPolicy "parallel" is not valid: expected one of OrderedReady, Parallel (did you mean "Parallel"?)'],
    ['claimRetention.whenDeleted', db({ claimRetention: { whenDeleted: 'Remove' as any } }), 'shop/db: claimRetention.whenDeleted "Remove" is not valid: expected one of Retain, Delete'],
    ['claimRetention.whenScaled', db({ claimRetention: { whenScaled: 'Keep' as any } }), 'shop/db: claimRetention.whenScaled "Keep" is not valid: expected one of Retain, Delete'],
    ['storage access mode', db({ storage: [{ name: 'data', mountPath: '/d', size: '1Gi', accessModes: ['RWO' as any] }] }), 'shop/db: storage[0].accessModes[0] "RWO" is not valid: expected one of ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod'],
    ['storage named like a pod volume', db({ storage: [{ name: 'data', mountPath: '/d', size: '1Gi' }], volumes: [Volume.emptyDir('data')] }), 'shop/db: storage[0]: the name "data" is also the name of a pod volume'],
    ['client Service without ports', () => render((p) => new StatefulService(p, 'db', { containers: [{ image: 'etcd:3.5.0', liveness: Probe.exec(['true']) }] })), 'shop/db: containers[0] has no ports, so there is nothing for a client Service: add ports or set clientService: false'],
    ['host mount name', () => render((p) => new NodeAgent(p, 'logs', { containers: [WEB], hostMounts: [{ name: 'Var_Log', hostPath: '/var/log' }] })), `shop/logs: hostMounts[0].name "Var_Log" is not valid: expected ${DNS_LABEL}`],
    ['parallelism', job({ parallelism: -1 }), 'shop/job: parallelism -1 is not valid: expected a whole number of 0 or more'],
    ['completions', job({ completions: 0 }), 'shop/job: completions 0 is not valid: expected a whole number of 1 or more'],
    ['activeDeadlineSeconds', job({ activeDeadlineSeconds: 0 }), 'shop/job: activeDeadlineSeconds 0 is not valid: expected a whole number of 1 or more'],
    ['ttlSecondsAfterFinished', job({ ttlSecondsAfterFinished: -1 }), 'shop/job: ttlSecondsAfterFinished -1 is not valid: expected a whole number of 0 or more'],
    ['completionMode', job({ completionMode: 'indexed' as any, completions: 3 }), 'shop/job: completionMode "indexed" is not valid: expected one of NonIndexed, Indexed (did you mean "Indexed"?)'],
    ['schedule not a string', cron({ schedule: 3 as any }), 'shop/cron: schedule 3 is not valid: expected a cron schedule such as "0 3 * * *" or "@daily" (this one is not a string)'],
    ['time zone in the schedule', cron({ schedule: 'CRON_TZ=UTC 0 3 * * *' }), 'shop/cron: schedule "CRON_TZ=UTC 0 3 * * *" is not valid: expected a cron schedule such as "0 3 * * *" or "@daily" (this one sets a time zone in the schedule, which Kubernetes 1.28 rejects; set spec.timeZone instead)'],
    ['timeZone', cron({ timeZone: 'Europe Paris' }), 'shop/cron: timeZone "Europe Paris" is not valid: expected an IANA time zone such as "Europe/Paris" or "UTC" (this one is not a time zone of the IANA database)'],
    ['CronJob restartPolicy', cron({ restartPolicy: 'Always' as any }), 'shop/cron: restartPolicy "Always" is not valid: expected one of Never, OnFailure'],
    ['successfulJobsHistoryLimit', cron({ successfulJobsHistoryLimit: -1 }), 'shop/cron: successfulJobsHistoryLimit -1 is not valid: expected a whole number of 0 or more'],
    ['failedJobsHistoryLimit', cron({ failedJobsHistoryLimit: 0.5 }), 'shop/cron: failedJobsHistoryLimit 0.5 is not valid: expected a whole number of 0 or more'],
    ['CronJob job spec', cron({ backoffLimit: -2 }), 'shop/cron: backoffLimit -2 is not valid: expected a whole number of 0 or more'],
  ])('%s', (_, build, message) => {
    expect(userError(build)).toBe(message);
  });

  test('a node agent records a warning for each writable host mount and for hostNetwork', () => {
    expect(
      warnings((p) => new NodeAgent(p, 'agent', { containers: [WEB], hostNetwork: true, hostMounts: [{ name: 'state', hostPath: '/var/lib/agent', readOnly: false }, { name: 'logs', hostPath: '/var/log' }] })),
    ).toEqual([
      "shop/agent: hostMounts[0] mounts the node's /var/lib/agent writable",
      "shop/agent: hostNetwork is true: the pods share the node's network namespace",
    ]);
    expect(find(render((p) => new NodeAgent(p, 'agent', { containers: [WEB], hostNetwork: true })), 'DaemonSet').spec.template.spec.hostNetwork).toBe(true);
  });
});
