/**
 * Best-practice rules at the level of the defaults of kube-score, kube-linter
 * and Polaris. Their findings are warnings unless the profile raises them;
 * an object opts out of one with the annotation
 * `chartwright.dev/ignore-<rule-id>: "<reason>"`.
 */
import { Checked, EMPTY, Json, asArray, isRecord, namespaceOf, replicasOf, selectorMatches } from './objects';

const JOB_KINDS = new Set(['Job', 'CronJob']);

/** The tag of an image reference, or undefined when it has none; `digest` when pinned by digest. */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) return 'digest';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon < 0 ? undefined : image.slice(colon + 1);
}

const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export function checkBestPractices(items: readonly Checked[]): void {
  const pdbs: Array<{ namespace: string; selector: unknown }> = [];
  const scaled = new Set<string>(); // "ns/Kind/name" scaled by an HPA
  for (let n = 0; n < items.length; n++) {
    const obj = items[n].obj;
    if (obj.kind === 'PodDisruptionBudget' && isRecord(obj.spec)) pdbs.push({ namespace: namespaceOf(obj), selector: obj.spec.selector });
    if (obj.kind === 'HorizontalPodAutoscaler' && isRecord(obj.spec) && isRecord(obj.spec.scaleTargetRef)) {
      scaled.add(`${namespaceOf(obj)}/${obj.spec.scaleTargetRef.kind}/${obj.spec.scaleTargetRef.name}`);
    }
  }

  for (let n = 0; n < items.length; n++) {
    const { obj, report, pod, name: objectName, namespace } = items[n];
    if (obj.kind === 'Ingress' && isRecord(obj.spec) && asArray(obj.spec.tls).length === 0) {
      report('ingress-tls', ['spec', 'tls'], 'the Ingress serves plain HTTP only');
    }
    if (!pod || obj.kind === 'PodTemplate') continue;
    const spec = pod.spec;
    const psc: Json = isRecord(spec.securityContext) ? spec.securityContext : EMPTY;
    const longRunning = !JOB_KINDS.has(obj.kind) && !(obj.kind === 'Pod' && spec.restartPolicy !== undefined && spec.restartPolicy !== 'Always');

    for (let i = 0; i < HOST_NAMESPACES.length; i++) {
      const flag = HOST_NAMESPACES[i];
      if (spec[flag] === true) report('host-namespaces', [...pod.path, flag], `the pod shares the host's ${flag.slice(4)} namespace`, `remove ${flag}`);
    }
    if (Array.isArray(spec.volumes)) {
      for (let i = 0; i < spec.volumes.length; i++) {
        const v = spec.volumes[i];
        if (isRecord(v) && v.hostPath !== undefined) report('host-path', [...pod.path, 'volumes', i, 'hostPath'], `volume "${v.name}" mounts a path of the node`);
      }
    }
    if (spec.automountServiceAccountToken === undefined || spec.automountServiceAccountToken === null) {
      report('service-account-token', [...pod.path, 'automountServiceAccountToken'], 'the pod mounts a service-account token without asking for one', 'set automountServiceAccountToken: false (or true if the pod calls the Kubernetes API)');
    }
    const seccomp = isRecord(psc.seccompProfile) ? psc.seccompProfile.type : undefined;

    for (let c = 0; c < pod.containers.length; c++) {
      const { container, path, init } = pod.containers[c];
      const sc: Json = isRecord(container.securityContext) ? container.securityContext : EMPTY;
      const resources: Json = isRecord(container.resources) ? container.resources : EMPTY;
      const requests: Json = isRecord(resources.requests) ? resources.requests : EMPTY;
      const limits: Json = isRecord(resources.limits) ? resources.limits : EMPTY;
      if (requests.cpu == null || requests.memory == null || limits.cpu == null || limits.memory == null) {
        const missing = [['requests.cpu', requests.cpu], ['requests.memory', requests.memory], ['limits.cpu', limits.cpu], ['limits.memory', limits.memory]].filter(([, v]) => v == null).map(([what]) => what);
        report('container-resources', [...path, 'resources'], `${containerName(container)} sets no ${missing.join(', ')}`);
      }

      if (longRunning && !init && (!isRecord(container.readinessProbe) || !isRecord(container.livenessProbe))) {
        const probes = ['readinessProbe', 'livenessProbe'].filter((p) => !isRecord(container[p]));
        report('container-probes', [...path, probes[0]], `${containerName(container)} has no ${probes.join(' or ')}`);
      }
      if (typeof container.image === 'string') {
        const tag = imageTag(container.image);
        if (tag === undefined || tag === 'latest') {
          report('image-tag', [...path, 'image'], `image "${container.image}" ${tag ? 'uses the tag "latest"' : 'has no tag'}, so what runs changes without a change here`);
        }
      }
      const runAsNonRoot = sc.runAsNonRoot ?? psc.runAsNonRoot;
      const runAsUser = sc.runAsUser ?? psc.runAsUser;
      if (runAsUser === 0) report('run-as-non-root', [...path, 'securityContext', 'runAsUser'], `${containerName(container)} runs as root (runAsUser: 0)`);
      else if (runAsNonRoot !== true) report('run-as-non-root', [...path, 'securityContext', 'runAsNonRoot'], `${containerName(container)} may run as root: runAsNonRoot is not true`);
      if (sc.readOnlyRootFilesystem !== true) report('read-only-root-filesystem', [...path, 'securityContext', 'readOnlyRootFilesystem'], `${containerName(container)} can write to its root filesystem`);
      if (sc.privileged === true) report('privilege-escalation', [...path, 'securityContext', 'privileged'], `${containerName(container)} is privileged`, 'remove privileged: true');
      else if (sc.allowPrivilegeEscalation !== false) report('privilege-escalation', [...path, 'securityContext', 'allowPrivilegeEscalation'], `${containerName(container)} allows privilege escalation`);
      const drop = isRecord(sc.capabilities) ? asArray(sc.capabilities.drop) : [];
      if (!drop.includes('ALL')) report('capabilities-drop-all', [...path, 'securityContext', 'capabilities', 'drop'], `${containerName(container)} keeps the default capabilities`);
      const cseccomp = isRecord(sc.seccompProfile) ? sc.seccompProfile.type : seccomp;
      if (cseccomp !== 'RuntimeDefault' && cseccomp !== 'Localhost') {
        const at = isRecord(sc.seccompProfile) ? [...path, 'securityContext', 'seccompProfile', 'type'] : [...pod.path, 'securityContext', 'seccompProfile'];
        report('seccomp-profile', at, cseccomp === 'Unconfined' ? `${containerName(container)} runs Unconfined (no seccomp)` : `${containerName(container)} runs without a seccomp profile`);
      }
      if (Array.isArray(container.ports)) {
        for (let i = 0; i < container.ports.length; i++) {
          const p = container.ports[i];
          if (isRecord(p) && typeof p.hostPort === 'number' && p.hostPort !== 0) report('host-namespaces', [...path, 'ports', i, 'hostPort'], `${containerName(container)} binds host port ${p.hostPort}`, 'remove hostPort and reach the pod through a Service');
        }
      }
    }

    if (obj.kind !== 'Deployment' && obj.kind !== 'StatefulSet') continue;
    const replicas = replicasOf(obj) ?? 1;
    const isScaled = scaled.size > 0 && scaled.has(`${namespace}/${obj.kind}/${objectName}`);
    if (replicas > 1 || isScaled) {
      if (!pdbs.some((p) => p.namespace === namespace && selectorMatches(p.selector, pod.labels))) {
        report('pod-disruption-budget', [], `${obj.kind} with ${isScaled ? 'an autoscaler' : `${replicas} replicas`} has no PodDisruptionBudget: a node drain may stop every pod at once`);
      }
      const affinity = isRecord(spec.affinity) ? spec.affinity : EMPTY;
      const anti = isRecord(affinity.podAntiAffinity) && (asArray(affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).length > 0 || asArray(affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution).length > 0);
      if (!anti && asArray(spec.topologySpreadConstraints).length === 0) {
        report('pod-spread', [...pod.path, 'topologySpreadConstraints'], `${obj.kind} with ${isScaled ? 'an autoscaler' : `${replicas} replicas`} may put every pod on one node`);
      }
    }
  }
}

/** `container "app"`, as findings name a container. */
function containerName(container: Json): string {
  return typeof container.name === 'string' ? `container "${container.name}"` : 'the container';
}
