/**
 * Best-practice rules at the level of the defaults of kube-score, kube-linter
 * and Polaris. Their findings are warnings unless the profile raises them;
 * an object opts out of one with the annotation
 * `chartwright.dev/ignore-<rule-id>: "<reason>"`.
 */
import { Checked } from './crossref';
import { Json, asArray, containersOf, isRecord, namespaceOf, podTemplateOf, replicasOf, selectorMatches } from './objects';

const JOB_KINDS = new Set(['Job', 'CronJob']);

/** The tag of an image reference, or undefined when it has none; `digest` when pinned by digest. */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) return 'digest';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon < 0 ? undefined : image.slice(colon + 1);
}

export function checkBestPractices(items: readonly Checked[]): void {
  const pdbs: Array<{ namespace: string; selector: unknown }> = [];
  const scaled = new Set<string>(); // "ns/Kind/name" scaled by an HPA
  for (const { obj } of items) {
    if (obj.kind === 'PodDisruptionBudget' && isRecord(obj.spec)) pdbs.push({ namespace: namespaceOf(obj), selector: obj.spec.selector });
    if (obj.kind === 'HorizontalPodAutoscaler' && isRecord(obj.spec) && isRecord(obj.spec.scaleTargetRef)) {
      scaled.add(`${namespaceOf(obj)}/${obj.spec.scaleTargetRef.kind}/${obj.spec.scaleTargetRef.name}`);
    }
  }

  for (const { obj, report } of items) {
    if (obj.kind === 'Ingress' && isRecord(obj.spec) && asArray(obj.spec.tls).length === 0) {
      report('ingress-tls', ['spec', 'tls'], 'the Ingress serves plain HTTP only');
    }
    const pod = podTemplateOf(obj);
    if (!pod || obj.kind === 'PodTemplate') continue;
    const spec = pod.spec;
    const psc: Json = isRecord(spec.securityContext) ? spec.securityContext : {};
    const longRunning = !JOB_KINDS.has(obj.kind) && !(obj.kind === 'Pod' && spec.restartPolicy !== undefined && spec.restartPolicy !== 'Always');

    for (const flag of ['hostNetwork', 'hostPID', 'hostIPC']) {
      if (spec[flag] === true) report('host-namespaces', [...pod.path, flag], `the pod shares the host's ${flag.slice(4)} namespace`, `remove ${flag}`);
    }
    asArray(spec.volumes).forEach((v, i) => {
      if (isRecord(v) && v.hostPath !== undefined) report('host-path', [...pod.path, 'volumes', i, 'hostPath'], `volume "${v.name}" mounts a path of the node`);
    });
    if (spec.automountServiceAccountToken === undefined || spec.automountServiceAccountToken === null) {
      report('service-account-token', [...pod.path, 'automountServiceAccountToken'], 'the pod mounts a service-account token without asking for one', 'set automountServiceAccountToken: false (or true if the pod calls the Kubernetes API)');
    }
    const seccomp = isRecord(psc.seccompProfile) ? psc.seccompProfile.type : undefined;

    for (const { container, path, init } of containersOf(pod)) {
      const name = typeof container.name === 'string' ? `container "${container.name}"` : 'the container';
      const sc: Json = isRecord(container.securityContext) ? container.securityContext : {};
      const resources: Json = isRecord(container.resources) ? container.resources : {};
      const missing: string[] = [];
      for (const group of ['requests', 'limits']) {
        const r: Json = isRecord(resources[group]) ? resources[group] : {};
        for (const res of ['cpu', 'memory']) if (r[res] === undefined || r[res] === null) missing.push(`${group}.${res}`);
      }
      if (missing.length > 0) report('container-resources', [...path, 'resources'], `${name} sets no ${missing.join(', ')}`);

      if (longRunning && !init) {
        const probes = ['readinessProbe', 'livenessProbe'].filter((p) => !isRecord(container[p]));
        if (probes.length > 0) report('container-probes', [...path, probes[0]], `${name} has no ${probes.join(' or ')}`);
      }
      if (typeof container.image === 'string') {
        const tag = imageTag(container.image);
        if (tag === undefined || tag === 'latest') {
          report('image-tag', [...path, 'image'], `image "${container.image}" ${tag ? 'uses the tag "latest"' : 'has no tag'}, so what runs changes without a change here`);
        }
      }
      const runAsNonRoot = sc.runAsNonRoot ?? psc.runAsNonRoot;
      const runAsUser = sc.runAsUser ?? psc.runAsUser;
      if (runAsUser === 0) report('run-as-non-root', [...path, 'securityContext', 'runAsUser'], `${name} runs as root (runAsUser: 0)`);
      else if (runAsNonRoot !== true) report('run-as-non-root', [...path, 'securityContext', 'runAsNonRoot'], `${name} may run as root: runAsNonRoot is not true`);
      if (sc.readOnlyRootFilesystem !== true) report('read-only-root-filesystem', [...path, 'securityContext', 'readOnlyRootFilesystem'], `${name} can write to its root filesystem`);
      if (sc.privileged === true) report('privilege-escalation', [...path, 'securityContext', 'privileged'], `${name} is privileged`, 'remove privileged: true');
      else if (sc.allowPrivilegeEscalation !== false) report('privilege-escalation', [...path, 'securityContext', 'allowPrivilegeEscalation'], `${name} allows privilege escalation`);
      const drop = isRecord(sc.capabilities) ? asArray(sc.capabilities.drop) : [];
      if (!drop.includes('ALL')) report('capabilities-drop-all', [...path, 'securityContext', 'capabilities', 'drop'], `${name} keeps the default capabilities`);
      const cseccomp = isRecord(sc.seccompProfile) ? sc.seccompProfile.type : seccomp;
      if (cseccomp !== 'RuntimeDefault' && cseccomp !== 'Localhost') {
        const at = isRecord(sc.seccompProfile) ? [...path, 'securityContext', 'seccompProfile', 'type'] : [...pod.path, 'securityContext', 'seccompProfile'];
        report('seccomp-profile', at, cseccomp === 'Unconfined' ? `${name} runs Unconfined (no seccomp)` : `${name} runs without a seccomp profile`);
      }
      asArray(container.ports).forEach((p, i) => {
        if (isRecord(p) && typeof p.hostPort === 'number' && p.hostPort !== 0) report('host-namespaces', [...path, 'ports', i, 'hostPort'], `${name} binds host port ${p.hostPort}`, 'remove hostPort and reach the pod through a Service');
      });
    }

    const replicas = replicasOf(obj);
    const isScaled = scaled.has(`${namespaceOf(obj)}/${obj.kind}/${obj.metadata?.name}`);
    if ((obj.kind === 'Deployment' || obj.kind === 'StatefulSet') && ((replicas ?? 1) > 1 || isScaled)) {
      const ns = namespaceOf(obj);
      if (!pdbs.some((p) => p.namespace === ns && selectorMatches(p.selector, pod.labels))) {
        report('pod-disruption-budget', [], `${obj.kind} with ${isScaled ? 'an autoscaler' : `${replicas} replicas`} has no PodDisruptionBudget: a node drain may stop every pod at once`);
      }
      const affinity = isRecord(spec.affinity) ? spec.affinity : {};
      const anti = isRecord(affinity.podAntiAffinity) && (asArray(affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).length > 0 || asArray(affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution).length > 0);
      if (!anti && asArray(spec.topologySpreadConstraints).length === 0) {
        report('pod-spread', [...pod.path, 'topologySpreadConstraints'], `${obj.kind} with ${isScaled ? 'an autoscaler' : `${replicas} replicas`} may put every pod on one node`);
      }
    }
  }
}
