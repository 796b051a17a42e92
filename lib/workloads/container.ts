import { k8s } from '../construct/k8s';
import { IConstruct } from 'constructs';
import { EnvFromSource, EnvValue } from '../config/env';
import { envFieldPathProblem, envResourceProblem } from '../kube/downward-api';
import { IConfigSource, configSource } from '../config/source';
import { Warnings } from '../construct/warnings';
import { checkDnsLabel, checkOneOf, checkPort, checkPortName, checkQuantity, invalid, problem, quantityValue } from '../construct/checks';
import { imageTag } from '../kube/image';
import { ENV_VAR_NAME } from '../kube/names';
import { ContainerSecurityProps, SECURE_DEFAULTS, containerSecurityContext } from '../security/defaults';
import { Volume, VolumeMount } from '../storage/volume';
import { ContainerProbes, Probe } from './probe';

/** A port the container listens on. */
export interface ContainerPort {
  /** The port number, 1–65535. 1–65535. */
  readonly port: number;
  /**
   * A name for Services and probes to refer to (at most 15 characters).
   * @default - unnamed
   */
  readonly name?: string;
  /** The port's protocol. @default 'TCP' */
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
}

/** A request and an optional limit. */
export interface ResourceAmount {
  /** What the scheduler reserves. @default - see SECURE_DEFAULTS.resources */
  readonly request?: string;
  /** The most the container may use; `null` sets no limit. @default - see SECURE_DEFAULTS.resources */
  readonly limit?: string | null;
}

/** CPU and memory requests and limits. */
export interface ResourceProps {
  /**
   * CPU quantities such as `250m`. Set `limit: null` for no CPU limit, which
   * avoids throttling; the request still reserves capacity.
   * @default { request: '100m', limit: '500m' }
   */
  readonly cpu?: ResourceAmount;
  /** Memory quantities such as `256Mi`. @default { request: '128Mi', limit: '256Mi' } */
  readonly memory?: ResourceAmount;
  /** Ephemeral storage quantities. @default - none */
  readonly ephemeralStorage?: ResourceAmount;
}

/** One container of a pod. Secure defaults apply; see `security`. */
export interface ContainerProps extends ContainerProbes {
  /**
   * A DNS-1123 label, unique in the pod.
   * @default 'main' for the first container, `container-<n>` after
   */
  readonly name?: string;
  /** The image, with a tag or digest: `nginx:1.27.3`, `ghcr.io/x/y@sha256:…`. */
  readonly image: string;
  /** When the kubelet pulls the image. @default - Kubernetes' rule: Always for `:latest` or no tag, IfNotPresent otherwise */
  readonly imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  /** The entrypoint. @default - the image's ENTRYPOINT */
  readonly command?: string[];
  /** The arguments to the entrypoint. @default - the image's CMD */
  readonly args?: string[];
  /** The directory the entrypoint runs in. @default - the image's WORKDIR */
  readonly workingDir?: string;
  /** The ports the container listens on. @default - none */
  readonly ports?: ContainerPort[];
  /** Environment variables; a plain string is a literal. @default - none */
  readonly env?: Record<string, string | EnvValue>;
  /** Whole ConfigMaps and Secrets as environment variables. @default - none */
  readonly envFrom?: EnvFromSource[];
  /** Volumes to mount. @default - none */
  readonly mounts?: VolumeMount[];
  /** CPU, memory and ephemeral-storage requests and limits. @default - see ResourceProps */
  readonly resources?: ResourceProps;
  /** Overrides of the secure defaults. @default - SECURE_DEFAULTS */
  readonly security?: ContainerSecurityProps;
}

/** How a workload fills in probes a container leaves unset. */
export type ProbePreset = (container: ContainerProps) => ContainerProbes;

export interface RenderContainerOptions {
  /** Init containers carry no probes. */
  readonly init?: boolean;
  /** Long-running containers must end up with a liveness probe, and a readiness probe if they have ports. */
  readonly longRunning: boolean;
  readonly preset?: ProbePreset;
  /** The name when props.name is unset. @default 'main' */
  readonly defaultName?: string;
}

/** A rendered container and what it uses. */
export interface RenderedContainer {
  readonly container: k8s.Container;
  readonly volumes: readonly Volume[];
  readonly sources: readonly IConfigSource[];
}

/**
 * Renders a container with the secure defaults, and checks it: ports, probe
 * ports, resources, environment, mounts. The one place every workload's
 * containers are made.
 */
export function renderContainer(scope: IConstruct, field: string, props: ContainerProps, options: RenderContainerOptions): RenderedContainer {
  checkDnsLabel(scope, `${field}.name`, props.name);
  if (typeof props.image !== 'string' || props.image.trim() === '' || /\s/.test(props.image)) {
    throw invalid(scope, `${field}.image`, props.image, 'an image reference such as "nginx:1.27.3"');
  }
  const tagless = !imageTag(props.image);
  if (tagless || props.image.endsWith(':latest')) {
    Warnings.of(scope).add(`${field}.image "${props.image}" has no fixed tag: pin a version or digest so a restart cannot change what runs`);
  }
  checkOneOf(scope, `${field}.imagePullPolicy`, props.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']);

  const ports = props.ports ?? [];
  const seenPorts = new Set<string>();
  ports.forEach((p, i) => {
    checkPort(scope, `${field}.ports[${i}].port`, p.port);
    checkPortName(scope, `${field}.ports[${i}].name`, p.name);
    checkOneOf(scope, `${field}.ports[${i}].protocol`, p.protocol, ['TCP', 'UDP', 'SCTP']);
    for (const key of [`${p.protocol ?? 'TCP'}/${p.port}`, p.name && `name:${p.name}`]) {
      if (!key) continue;
      if (seenPorts.has(key)) throw problem(scope, `${field}.ports[${i}]: ${key.startsWith('name:') ? `the name "${p.name}"` : `port ${p.port}`} is listed twice`);
      seenPorts.add(key);
    }
  });

  const sources: IConfigSource[] = [];
  const env = Object.entries(props.env ?? {}).map(([name, value]): k8s.EnvVar => {
    if (!ENV_VAR_NAME.test(name)) throw invalid(scope, `${field}.env key`, name, "an environment variable name: letters, digits, '_', '-' and '.', not starting with a digit");
    if (typeof value === 'string') return { name, value };
    checkDownwardApi(scope, `${field}.env.${name}`, value.spec.valueFrom);
    if (value.source) {
      checkKey(scope, `${field}.env.${name}`, value.source, value.key!);
      sources.push(value.source);
    }
    return { name, ...value.spec };
  });
  const envFrom = (props.envFrom ?? []).map((from): k8s.EnvFromSource => {
    const source = configSource(from.source);
    sources.push(source);
    const ref = { name: source.name };
    return source.kind === 'Secret' ? { secretRef: ref, prefix: from.prefix } : { configMapRef: ref, prefix: from.prefix };
  });

  const volumes: Volume[] = [];
  const mountPaths = new Set<string>();
  const volumeMounts = (props.mounts ?? []).map((m, i): k8s.VolumeMount => {
    if (typeof m.path !== 'string' || !m.path.startsWith('/')) throw invalid(scope, `${field}.mounts[${i}].path`, m.path, 'an absolute path such as "/data"');
    if (mountPaths.has(m.path)) throw problem(scope, `${field}.mounts[${i}]: two mounts at ${m.path}`);
    mountPaths.add(m.path);
    if (m.subPath !== undefined && (m.subPath.startsWith('/') || m.subPath.split('/').includes('..'))) {
      throw invalid(scope, `${field}.mounts[${i}].subPath`, m.subPath, "a relative path within the volume, without '..'");
    }
    volumes.push(m.volume);
    if (m.volume.origin.source) sources.push(m.volume.origin.source);
    for (const key of m.volume.origin.keys ?? []) checkKey(scope, `${field}.mounts[${i}]`, m.volume.origin.source!, key);
    const readOnlyByDefault = Boolean(m.volume.origin.source || m.volume.origin.hostPath);
    return { name: m.volume.name, mountPath: m.path, subPath: m.subPath, readOnly: m.readOnly ?? (readOnlyByDefault || undefined) };
  });

  const probes = resolveProbes(scope, field, props, ports, options);

  return {
    container: {
      name: props.name ?? options.defaultName ?? 'main',
      image: props.image,
      imagePullPolicy: props.imagePullPolicy,
      command: props.command,
      args: props.args,
      workingDir: props.workingDir,
      ports: ports.length ? ports.map((p) => ({ containerPort: p.port, name: p.name, protocol: p.protocol })) : undefined,
      env: env.length ? env : undefined,
      envFrom: envFrom.length ? envFrom : undefined,
      volumeMounts: volumeMounts.length ? volumeMounts : undefined,
      resources: renderResources(scope, `${field}.resources`, props.resources),
      securityContext: containerSecurityContext(scope, `${field}.security`, props.security),
      ...probes,
    },
    volumes,
    sources,
  };
}

function checkKey(scope: IConstruct, field: string, source: IConfigSource, key: string): void {
  const keys = source.knownKeys();
  if (keys && !keys.includes(key)) {
    throw problem(scope, `${field}: ${source.kind} "${source.name}" has no key "${key}"; its keys are: ${keys.join(', ') || '(none)'}`);
  }
}

function resolveProbes(
  scope: IConstruct,
  field: string,
  props: ContainerProps,
  ports: readonly ContainerPort[],
  options: RenderContainerOptions,
): Pick<k8s.Container, 'startupProbe' | 'livenessProbe' | 'readinessProbe'> {
  const kinds = ['startup', 'liveness', 'readiness'] as const;
  if (options.init) {
    const given = kinds.find((k) => props[k]);
    if (given) throw problem(scope, `${field}.${given}: init containers run to completion and take no probes: remove it`);
    return {};
  }
  const preset = options.preset?.(props) ?? {};
  const chosen = Object.fromEntries(kinds.map((k) => [k, props[k] ?? preset[k]])) as Record<(typeof kinds)[number], Probe | false | undefined>;
  if (options.longRunning) {
    const missing = kinds.filter((k) => chosen[k] === undefined && (k === 'liveness' || (k === 'readiness' && ports.length > 0)));
    if (missing.length > 0) {
      throw problem(
        scope,
        `${field} (${props.image}) has no ${missing.join(' or ')} probe: a long-running container needs one. ` +
          `Set ${missing.map((k) => `${k}: Probe.httpGet(...) | Probe.tcp() | Probe.exec([...]) | Probe.grpc()`).join('; ')}, or ${missing.map((k) => `${k}: false`).join(' and ')} to go without`,
      );
    }
  }
  const render = (kind: (typeof kinds)[number]): k8s.Probe | undefined => {
    const probe = chosen[kind];
    if (!probe) return undefined;
    const where = `${field}.${kind}`;
    if ((kind === 'liveness' || kind === 'startup') && probe.options.successThreshold !== undefined && probe.options.successThreshold !== 1) {
      throw invalid(scope, `${where}.successThreshold`, probe.options.successThreshold, `1: a ${kind} probe must have successThreshold 1`);
    }
    if (!probe.usesPort) return probe.toKube(undefined);
    const port = probePort(scope, where, probe, ports);
    return probe.toKube(port);
  };
  return { startupProbe: render('startup'), livenessProbe: render('liveness'), readinessProbe: render('readiness') };
}

/** A probe's port must be a port of its container; left out, the first port is used. */
function probePort(scope: IConstruct, where: string, probe: Probe, ports: readonly ContainerPort[]): number | string {
  const listed = ports.map((p) => (p.name ? `${p.port} ("${p.name}")` : String(p.port))).join(', ') || 'none';
  if (probe.port === undefined) {
    if (ports.length === 0) throw problem(scope, `${where}: a ${probe.kind} probe needs a port but the container declares none: add a port to the container`);
    return probe.kind === 'grpc' ? ports[0].port : ports[0].name ?? ports[0].port;
  }
  const match = ports.find((p) => (typeof probe.port === 'number' ? p.port === probe.port : p.name === probe.port));
  if (!match) {
    throw invalid(scope, `${where}.port`, probe.port, `a port of this container; its ports are: ${listed}`);
  }
  return probe.kind === 'grpc' ? match.port : probe.port;
}

function renderResources(scope: IConstruct, field: string, props: ResourceProps = {}): k8s.ResourceRequirements {
  const d = SECURE_DEFAULTS.resources;
  const requests: Record<string, k8s.Quantity> = {};
  const limits: Record<string, k8s.Quantity> = {};
  const add = (resource: string, amount: ResourceAmount | undefined, request?: string, limit?: string) => {
    const req = amount?.request ?? request;
    const lim = amount?.limit === null ? undefined : amount?.limit ?? limit;
    checkQuantity(scope, `${field}.${resource}.request`, req);
    checkQuantity(scope, `${field}.${resource}.limit`, lim);
    // a quantity may be negative, a resource amount may not (the API server refuses it)
    for (const [which, amount] of [['request', req], ['limit', lim]] as const) {
      if (amount !== undefined && quantityValue(amount) < 0) throw invalid(scope, `${field}.${resource}.${which}`, amount, 'an amount of 0 or more, such as "128Mi"');
    }
    if (req !== undefined && lim !== undefined && quantityValue(req) > quantityValue(lim)) {
      throw problem(scope, `${field}.${resource}: the request ${req} is more than the limit ${lim}: raise the limit or lower the request`);
    }
    const key = resource === 'ephemeralStorage' ? 'ephemeral-storage' : resource;
    if (req !== undefined) requests[key] = k8s.Quantity.fromString(req);
    if (lim !== undefined) limits[key] = k8s.Quantity.fromString(lim);
  };
  add('cpu', props.cpu, d.cpuRequest, d.cpuLimit);
  add('memory', props.memory, d.memoryRequest, d.memoryLimit);
  if (props.ephemeralStorage) add('ephemeralStorage', props.ephemeralStorage);
  return {
    requests: Object.keys(requests).length ? requests : undefined,
    limits: Object.keys(limits).length ? limits : undefined,
  };
}

/** A variable that reads a field of its pod or a resource of its container reads one the API server serves. */
function checkDownwardApi(scope: IConstruct, field: string, from: k8s.EnvVarSource | undefined): void {
  const fieldPath = from?.fieldRef?.fieldPath;
  if (fieldPath !== undefined) {
    const p = envFieldPathProblem(fieldPath);
    if (p) throw problem(scope, `${field}: fieldPath "${fieldPath}" ${p}`);
  }
  const ref = from?.resourceFieldRef;
  if (ref !== undefined) {
    const r = envResourceProblem(ref.resource, ref.divisor?.value);
    if (r) throw problem(scope, `${field}: ${r.field === 'resource' ? 'resource ' : ''}${r.problem}`);
  }
}
