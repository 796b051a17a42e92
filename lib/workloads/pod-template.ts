import { Lazy } from 'cdk8s';
import { k8s } from '../construct/k8s';
import { IConstruct } from 'constructs';
import { ConfigSource, IConfigSource, configSource } from '../config/source';
import { configChecksum } from '../config/checksum';
import { packageLabels } from '../construct/names';
import { checkInt, checkLabels, problem } from '../construct/checks';
import { PodSecurityProps, SECURE_DEFAULTS, podSecurityContext } from '../security/defaults';
import { IServiceAccount } from '../security/service-account';
import { Volume } from '../storage/volume';
import { ContainerProps, ProbePreset, renderContainer } from './container';
import { SchedulingProps, renderScheduling } from './scheduling';
import { merge } from '../internal/merge';

/** What every workload's pods take: containers, volumes, identity, security and placement. */
export interface PodProps extends SchedulingProps {
  /** The containers; the first is the main one. At least one. */
  readonly containers: ContainerProps[];
  /** Containers that run to completion, in order, before the others start. @default - none */
  readonly initContainers?: ContainerProps[];
  /** Volumes not mounted by any container (mounted volumes are listed on their own). @default - none */
  readonly volumes?: Volume[];
  /** The service account the pods run as. @default - the namespace's `default` service account, without its token */
  readonly serviceAccount?: IServiceAccount;
  /**
   * Mount the service account's API token. Pods that do not call the
   * Kubernetes API should not carry one.
   * @default - the service account's `automountToken`, else false
   */
  readonly automountServiceAccountToken?: boolean;
  /** Secrets of type docker-registry to pull images with, by name or object (of this library or of cdk8s-plus-28). @default - none */
  readonly imagePullSecrets?: Array<string | ConfigSource>;
  /** Overrides of the pod's secure defaults. @default - SECURE_DEFAULTS */
  readonly podSecurity?: PodSecurityProps;
  /** Seconds the pods get to stop after SIGTERM before they are killed. @default 30 */
  readonly terminationGracePeriodSeconds?: number;
  /** Extra pod labels (not part of the selector). @default - none */
  readonly podLabels?: Record<string, string>;
  /** Extra pod annotations. @default - none */
  readonly podAnnotations?: Record<string, string>;
}

export interface PodTemplateOptions {
  /** The selector labels; the pods carry them. */
  readonly selector: Record<string, string>;
  /** Long-running pods need probes; run-to-completion pods do not. */
  readonly longRunning: boolean;
  /** How the workload fills in the probes a container leaves unset. @default - none: containers get only the probes they set */
  readonly preset?: ProbePreset;
  /** The pods' restart policy. @default - Kubernetes' `Always` */
  readonly restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  /** Extra pod spec fields the workload sets (hostNetwork…). @default - none */
  readonly extra?: Partial<k8s.PodSpec>;
}

/** A rendered pod template and what its pods use. */
export interface RenderedPodTemplate {
  readonly template: k8s.PodTemplateSpec;
  /** The ConfigMaps and Secrets the pods read. */
  readonly sources: readonly IConfigSource[];
  /** The volumes the pod lists (claim templates left out). */
  readonly volumes: readonly Volume[];
  /** The names of the volume claim templates the containers mount. */
  readonly claimTemplates: readonly string[];
  /** What the pods use that is made outside the output, as `Kind/name` (see EXTERNAL_ANNOTATION). */
  readonly external: readonly string[];
}

/** The annotation whose change rolls the pods when their configuration changes. */
export const CHECKSUM_ANNOTATION = 'checksum/config';

/**
 * Builds a pod template: the pods carry the selector labels and the
 * package's labels, every container gets the secure defaults, and a
 * `checksum/config` annotation hashes the content of the ConfigMaps and
 * Secrets the pods read, so a change rolls them.
 */
export function renderPodTemplate(scope: IConstruct, props: PodProps, options: PodTemplateOptions): RenderedPodTemplate {
  if (!props.containers || props.containers.length === 0) {
    throw problem(scope, 'containers is required: give at least one container, such as { image: "nginx:1.27.3" }');
  }
  checkLabels(scope, 'podLabels', props.podLabels);
  checkInt(scope, 'terminationGracePeriodSeconds', props.terminationGracePeriodSeconds, { min: 0 });

  const sources: IConfigSource[] = [];
  const volumes = new Map<string, Volume>();
  const claimTemplates = new Set<string>();
  const addVolume = (v: Volume, field: string) => {
    if (v.origin.claimTemplate) {
      claimTemplates.add(v.name);
      return;
    }
    const existing = volumes.get(v.name);
    if (existing && existing !== v) throw problem(scope, `${field}: two different volumes are named "${v.name}": give each volume its own name`);
    volumes.set(v.name, v);
    if (v.origin.source) sources.push(v.origin.source);
  };

  const names = new Set<string>();
  const render = (list: ContainerProps[], field: string, init: boolean) =>
    list.map((c, i) => {
      const where = `${field}[${i}]`;
      const r = renderContainer(scope, where, c, {
        init,
        longRunning: options.longRunning,
        preset: options.preset,
        defaultName: init ? `init-${i}` : i === 0 ? 'main' : `container-${i}`,
      });
      if (names.has(r.container.name)) throw problem(scope, `${where}: the container name "${r.container.name}" is used twice in the pod`);
      names.add(r.container.name);
      r.volumes.forEach((v) => addVolume(v, where));
      sources.push(...r.sources);
      return r.container;
    });
  const initContainers = render(props.initContainers ?? [], 'initContainers', true);
  const containers = render(props.containers, 'containers', false);
  (props.volumes ?? []).forEach((v, i) => addVolume(v, `volumes[${i}]`));
  for (const s of props.imagePullSecrets ?? []) if (typeof s !== 'string') sources.push(configSource(s));

  const automount = props.automountServiceAccountToken ?? props.serviceAccount?.automountToken ?? SECURE_DEFAULTS.automountServiceAccountToken;
  const unique = [...new Map(sources.map((s) => [`${s.kind}/${s.name}`, s])).values()];
  const checksum = { produce: () => configChecksum(scope, unique) };
  const annotations = Lazy.any({
    produce: () => {
      const sum = checksum.produce();
      const all = merge<Record<string, string>>(props.podAnnotations, sum === undefined ? undefined : { [CHECKSUM_ANNOTATION]: sum });
      return Object.keys(all).length ? all : undefined;
    },
  });

  const spec = merge<k8s.PodSpec>(options.extra, {
    serviceAccountName: props.serviceAccount?.name,
    automountServiceAccountToken: automount,
    securityContext: podSecurityContext(scope, 'podSecurity', props.podSecurity),
    imagePullSecrets: props.imagePullSecrets?.length ? props.imagePullSecrets.map((s) => ({ name: typeof s === 'string' ? s : s.name })) : undefined,
    initContainers: initContainers.length ? initContainers : undefined,
    containers,
    volumes: volumes.size ? [...volumes.values()].map((v) => v.toKube()) : undefined,
    restartPolicy: options.restartPolicy,
    terminationGracePeriodSeconds: props.terminationGracePeriodSeconds,
  }, renderScheduling(scope, props, options.selector));
  const { 'chartwright.dev/package': _pkg, ...inherited } = packageLabels(scope);
  return {
    template: {
      metadata: { labels: merge(inherited, props.podLabels, options.selector), annotations },
      spec,
    },
    sources: unique,
    volumes: [...volumes.values()],
    claimTemplates: [...claimTemplates],
    external: [
      ...unique.filter((s) => s.external).map((s) => `${s.kind}/${s.name}`),
      ...(props.imagePullSecrets ?? []).filter((s): s is string => typeof s === 'string').map((s) => `Secret/${s}`),
    ],
  };
}
