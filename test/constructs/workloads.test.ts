import { BatchJob, ConfigMap, NodeAgent, Pod, Probe, ReplicaSet, ScheduledJob, Secret, ServiceAccount, StatefulService, Worker } from '../../lib';
import { cronProblem } from '../../lib/kube/cron';
import { WEB, find, render } from '../support/render';

describe('Worker', () => {
  test('is a Deployment without a Service and needs a liveness probe', () => {
    const objects = render((p) => new Worker(p, 'queue', { containers: [{ image: 'worker:1.0.0', liveness: Probe.exec(['/bin/healthy']) }] }));
    expect(objects.map((o) => o.kind)).toEqual(['Deployment']);
    const d = find(objects, 'Deployment');
    expect(d.metadata.name).toBe('shop-queue');
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.template.spec.containers[0].livenessProbe).toEqual({ exec: { command: ['/bin/healthy'] } });
    expect(() => render((p) => new Worker(p, 'queue', { containers: [{ image: 'worker:1.0.0' }] }))).toThrow(
      'shop/queue: containers[0] (worker:1.0.0) has no liveness probe: a long-running container needs one',
    );
    const without = render((p) => new Worker(p, 'queue', { containers: [{ image: 'worker:1.0.0', liveness: false }] }));
    expect(find(without, 'Deployment').spec.template.spec.containers[0].livenessProbe).toBeUndefined();
  });
});

describe('StatefulService', () => {
  const build = (extra: any = {}) =>
    render((p) =>
      new StatefulService(p, 'db', {
        containers: [{ image: 'postgres:16.4', ports: [{ name: 'postgres', port: 5432 }] }],
        storage: [{ name: 'data', mountPath: '/var/lib/postgresql/data', size: '10Gi', storageClassName: 'fast' }],
        ...extra,
      }),
    );

  test('makes a StatefulSet with volume claim templates, a headless Service and a client Service', () => {
    const objects = build({ replicas: 3 });
    const sts = find(objects, 'StatefulSet');
    expect(sts.metadata.name).toBe('shop-db');
    expect(sts.spec.serviceName).toBe('shop-db-headless');
    expect(sts.spec.volumeClaimTemplates).toEqual([
      {
        metadata: { name: 'data', labels: { 'app.kubernetes.io/name': 'test', 'app.kubernetes.io/instance': 'shop', 'app.kubernetes.io/component': 'db' } },
        spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: '10Gi' } } },
      },
    ]);
    const pod = sts.spec.template.spec;
    expect(pod.containers[0].volumeMounts).toEqual([{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'tmp', mountPath: '/tmp' }]);
    expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }]);
    expect(pod.containers[0].readinessProbe).toEqual({ tcpSocket: { port: 'postgres' }, periodSeconds: 5 });
    expect(find(objects, 'Service', 'shop-db-headless').spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }] });
    expect(find(objects, 'Service', 'shop-db').spec.type).toBe('ClusterIP');
    expect(find(objects, 'PodDisruptionBudget').spec.maxUnavailable).toBe(1);
    expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
  });

  test('checks its storage', () => {
    expect(() => build({ storage: [{ name: 'data', mountPath: '/d', size: 'ten' }] })).toThrow('shop/db: storage[0].size "ten" is not valid: expected a Kubernetes quantity');
    expect(() => build({ storage: [{ name: 'Data', mountPath: '/d', size: '1Gi' }] })).toThrow('shop/db: storage[0].name "Data" is not valid: expected a DNS-1123 label');
    expect(() => build({ storage: [{ name: 'd', mountPath: '/a', size: '1Gi' }, { name: 'd', mountPath: '/b', size: '1Gi' }] })).toThrow('storage[1]: the name "d" is used twice');
  });
});

describe('NodeAgent', () => {
  test('is a DaemonSet whose host mounts are explicit and read-only by default', () => {
    const objects = render((p) =>
      new NodeAgent(p, 'logs', {
        containers: [{ image: 'fluent-bit:3.1.9', ports: [{ name: 'http', port: 2020 }] }],
        hostMounts: [{ name: 'varlog', hostPath: '/var/log' }, { name: 'state', hostPath: '/var/lib/agent', readOnly: false, type: 'DirectoryOrCreate' }],
        tolerateAllTaints: true,
      }),
    );
    const ds = find(objects, 'DaemonSet');
    const pod = ds.spec.template.spec;
    expect(pod.volumes).toEqual([
      { name: 'varlog', hostPath: { path: '/var/log' } },
      { name: 'state', hostPath: { path: '/var/lib/agent', type: 'DirectoryOrCreate' } },
      { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
    ]);
    expect(pod.containers[0].volumeMounts).toEqual([
      { name: 'varlog', mountPath: '/var/log', readOnly: true },
      { name: 'state', mountPath: '/var/lib/agent', readOnly: false },
      { name: 'tmp', mountPath: '/tmp' },
    ]);
    expect(pod.tolerations).toEqual([{ operator: 'Exists' }]);
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } });
    expect(() => render((p) => new NodeAgent(p, 'x', { containers: [WEB], hostMounts: [{ name: 'a', hostPath: 'var/log' }] }))).toThrow('shop/x: hostMounts[0].hostPath "var/log" is not valid: expected an absolute path');
    expect(() => render((p) => new NodeAgent(p, 'x', { containers: [WEB], hostMounts: [{ name: 'a', hostPath: '/run/x.sock', type: 'socket' as never }] }))).toThrow(
      'shop/x: hostMounts[0].type "socket" is not valid: expected one of DirectoryOrCreate, Directory, FileOrCreate, File, Socket, CharDevice, BlockDevice, or "" for no check (did you mean "Socket"?)',
    );
  });
});

describe('BatchJob', () => {
  test('sets parallelism, completions, backoff and TTL, and needs no probes', () => {
    const objects = render((p) => new BatchJob(p, 'migrate', { containers: [{ image: 'migrate:1.0.0' }], parallelism: 2, completions: 4, activeDeadlineSeconds: 600 }));
    const job = find(objects, 'Job');
    expect(job.spec).toMatchObject({ parallelism: 2, completions: 4, backoffLimit: 3, ttlSecondsAfterFinished: 86400, activeDeadlineSeconds: 600 });
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(job.spec.template.spec.containers[0].livenessProbe).toBeUndefined();
    expect(() => render((p) => new BatchJob(p, 'm', { containers: [{ image: 'm:1' }], backoffLimit: -1 }))).toThrow('shop/m: backoffLimit -1 is not valid: expected a whole number of 0 or more');
    expect(() => render((p) => new BatchJob(p, 'm', { containers: [{ image: 'm:1' }], restartPolicy: 'Always' as any }))).toThrow('shop/m: restartPolicy "Always" is not valid: expected one of Never, OnFailure');
    expect(() => render((p) => new BatchJob(p, 'm', { containers: [{ image: 'm:1' }], completionMode: 'Indexed' }))).toThrow('completionMode Indexed needs completions');
  });
});

describe('ScheduledJob', () => {
  test('renders a CronJob with a checked schedule and safe defaults', () => {
    const objects = render((p) => new ScheduledJob(p, 'backup', { containers: [{ image: 'backup:1.0.0' }], schedule: '30 2 * * mon-fri', timeZone: 'Europe/Paris' }));
    const cron = find(objects, 'CronJob');
    expect(cron.spec).toMatchObject({
      schedule: '30 2 * * mon-fri',
      timeZone: 'Europe/Paris',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 300,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
    });
    expect(cron.spec.jobTemplate.spec.template.spec.restartPolicy).toBe('Never');
  });

  test('rejects bad schedules and policies', () => {
    const build = (extra: any) => () => render((p) => new ScheduledJob(p, 'backup', { containers: [{ image: 'b:1' }], schedule: '@daily', ...extra }));
    expect(build({ schedule: '61 * * * *' })).toThrow('shop/backup: schedule "61 * * * *" is not valid: expected a cron schedule such as "0 3 * * *" or "@daily" (this one has an invalid minute field "61": 61 is outside 0–59)');
    expect(build({ schedule: '* * *' })).toThrow('(this one has 3 fields; a schedule has 5');
    expect(build({ schedule: '@fortnightly' })).toThrow('(this one is not a known macro (@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, @every <duration>))');
    expect(build({ concurrencyPolicy: 'Forbidden' })).toThrow('concurrencyPolicy "Forbidden" is not valid: expected one of Allow, Forbid, Replace (did you mean "Forbid"?)');
    expect(build({ startingDeadlineSeconds: 5 })).toThrow('startingDeadlineSeconds 5 is not valid');
  });

  test('cron fields', () => {
    for (const ok of ['*/15 * * * *', '0 0 1 jan *', '0 9-17/2 * * 1-5', '0 0 * * sun', '@hourly', '@every 90m', '5,10 * ? * *']) expect(cronProblem(ok)).toBeUndefined();
    for (const bad of ['* * * * * *', '0 24 * * *', '0 0 0 * *', '0 0 * 13 *', '*/0 * * * *', '5-1 * * * *', '0 0 * * 7', 'CRON_TZ=UTC 0 0 * * *']) expect(cronProblem(bad)).toBeDefined();
  });
});

describe('ReplicaSet and Pod', () => {
  test('a ReplicaSet and a bare Pod carry the same pod spec', () => {
    const objects = render((p) => {
      new ReplicaSet(p, 'rs', { containers: [WEB], replicas: 2 });
      const cm = new ConfigMap(p, 'c', { data: { a: 'b' } });
      new Pod(p, 'debug', { containers: [{ image: 'busybox:1.36', command: ['sleep', '3600'], envFrom: [{ source: cm }] }], restartPolicy: 'Never' });
    });
    const rs = find(objects, 'ReplicaSet');
    expect(rs.spec.replicas).toBe(2);
    expect(rs.spec.selector.matchLabels['app.kubernetes.io/component']).toBe('rs');
    const pod = find(objects, 'Pod');
    expect(pod.metadata.name).toBe('shop-debug');
    expect(pod.metadata.labels['app.kubernetes.io/component']).toBe('debug');
    expect(pod.metadata.annotations['checksum/config']).toMatch(/^[0-9a-f]{64}$/);
    expect(pod.spec.restartPolicy).toBe('Never');
    expect(pod.spec.containers[0].securityContext.readOnlyRootFilesystem).toBe(true);
  });
});

describe('pod placement and identity', () => {
  test('service account, pull secrets, affinity, anti-affinity, spread, tolerations and priority', () => {
    const objects = render((p) => {
      const sa = new ServiceAccount(p, 'reader', { rules: [{ resources: ['configmaps'], verbs: ['get', 'list'] }] });
      const pull = Secret.fromName('registry');
      new Worker(p, 'w', {
        containers: [{ image: 'w:1.0.0', liveness: Probe.exec(['true']) }],
        serviceAccount: sa,
        imagePullSecrets: ['first', pull],
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        nodeAffinity: [{ key: 'node-type', values: ['compute'] }, { key: 'zone', operator: 'In', values: ['a'], required: false, weight: 10 }],
        spreadReplicas: 'preferred',
        topologySpread: [{ maxSkew: 2 }],
        tolerations: [{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }],
        priorityClass: 'high',
      });
    });
    const spec = find(objects, 'Deployment').spec.template.spec;
    const own = { 'app.kubernetes.io/name': 'test', 'app.kubernetes.io/instance': 'shop', 'app.kubernetes.io/component': 'w' };
    expect(spec.serviceAccountName).toBe('shop-reader');
    expect(spec.automountServiceAccountToken).toBe(true);
    expect(spec.imagePullSecrets).toEqual([{ name: 'first' }, { name: 'registry' }]);
    expect(spec.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux' });
    expect(spec.affinity.nodeAffinity).toEqual({
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'node-type', operator: 'In', values: ['compute'] }] }] },
      preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } }],
    });
    expect(spec.affinity.podAntiAffinity).toEqual({
      preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: own }, topologyKey: 'kubernetes.io/hostname' } }],
    });
    expect(spec.topologySpreadConstraints).toEqual([{ maxSkew: 2, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: own } }]);
    expect(spec.tolerations).toEqual([{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }]);
    expect(spec.priorityClassName).toBe('high');
  });

  test('placement errors', () => {
    const build = (extra: any) => () => render((p) => new Worker(p, 'w', { containers: [{ image: 'w:1.0.0', liveness: false }], ...extra }));
    expect(build({ tolerations: [{ effect: 'NoSchedule' }] })).toThrow('shop/w: tolerations[0]: operator Equal needs a key');
    expect(build({ tolerations: [{ key: 'a', effect: 'NoSchedul' }] })).toThrow('tolerations[0].effect "NoSchedul" is not valid: expected one of NoSchedule, PreferNoSchedule, NoExecute (did you mean "NoSchedule"?)');
    expect(build({ nodeAffinity: [{ key: 'a', operator: 'Exists', values: ['x'] }] })).toThrow('nodeAffinity[0]: operator Exists takes no values');
    expect(build({ nodeAffinity: [{ key: 'a', required: false, weight: 101 }] })).toThrow('nodeAffinity[0]: operator In needs values');
    expect(build({ topologySpread: [{ maxSkew: 0 }] })).toThrow('topologySpread[0].maxSkew 0 is not valid');
    expect(build({ nodeSelector: { 'bad key!': 'x' } })).toThrow('nodeSelector key "bad key!" is not valid');
    expect(build({ initContainers: [{ image: 'i:1', liveness: Probe.exec(['x']) }] })).toThrow('initContainers[0].liveness: init containers run to completion and take no probes');
  });
});
