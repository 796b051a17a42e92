import { k8s } from '../construct/k8s';
import { merge } from '../internal/merge';

/** Timing of a probe; every field in seconds or counts as the Kubernetes API has it. */
export interface ProbeOptions {
  /** Seconds after the container starts before the first probe. @default 0 */
  readonly initialDelaySeconds?: number;
  /** Seconds between probes. @default 10 */
  readonly periodSeconds?: number;
  /** Seconds after which a probe counts as failed. @default 1 */
  readonly timeoutSeconds?: number;
  /** Failures in a row before the probe fails. @default 3 */
  readonly failureThreshold?: number;
  /** Successes in a row before it passes again; must be 1 for liveness and startup probes. @default 1 */
  readonly successThreshold?: number;
}

export interface HttpProbeOptions extends ProbeOptions {
  /** The container port, by number or name. @default - the container's first port */
  readonly port?: number | string;
  /** Whether the probe speaks HTTP or HTTPS (the certificate is not verified). @default 'HTTP' */
  readonly scheme?: 'HTTP' | 'HTTPS';
  /** Headers the probe's request sends. @default - none */
  readonly headers?: Record<string, string>;
}

export interface PortProbeOptions extends ProbeOptions {
  /** The container port, by number or name. @default - the container's first port */
  readonly port?: number | string;
}

export interface GrpcProbeOptions extends PortProbeOptions {
  /** The service name of the gRPC health check. @default - the server's overall health */
  readonly service?: string;
}

/** What a probe checks. */
export type ProbeKind = 'http' | 'tcp' | 'exec' | 'grpc';

/**
 * A startup, liveness or readiness check: HTTP GET, TCP connect, a command,
 * or a gRPC health check. A probe on a port must name a port of its
 * container; left out, the port is the container's first.
 */
export class Probe {
  /** An HTTP GET that passes on a 2xx or 3xx answer. */
  static httpGet(path: string, options: HttpProbeOptions = {}): Probe {
    return new Probe('http', options, options.port, (port) => ({
      httpGet: {
        path,
        port: intOrString(port),
        scheme: options.scheme,
        httpHeaders: options.headers && Object.entries(options.headers).map(([name, value]) => ({ name, value })),
      },
    }), path);
  }

  /** A TCP connection that passes when it opens. */
  static tcp(options: PortProbeOptions = {}): Probe {
    return new Probe('tcp', options, options.port, (port) => ({ tcpSocket: { port: intOrString(port) } }));
  }

  /** A command in the container that passes when it exits 0. */
  static exec(command: string[], options: ProbeOptions = {}): Probe {
    return new Probe('exec', options, undefined, () => ({ exec: { command } }));
  }

  /** A gRPC health check (grpc.health.v1) that passes on SERVING. The port must be a number. */
  static grpc(options: GrpcProbeOptions = {}): Probe {
    return new Probe('grpc', options, options.port, (port) => ({ grpc: { port: Number(port), service: options.service } }));
  }

  private constructor(
    /** What the probe checks. */
    readonly kind: ProbeKind,
    /** Its timing. */
    readonly options: ProbeOptions,
    /** The port as given; undefined means the container's first port. */
    readonly port: number | string | undefined,
    private readonly action: (port: number | string | undefined) => k8s.Probe,
    /** The HTTP path, for HTTP probes. */
    readonly path?: string,
  ) {}

  /** Whether the probe checks a port (all but exec). */
  get usesPort(): boolean {
    return this.kind !== 'exec';
  }

  /** The same check with other timing. */
  withOptions(options: ProbeOptions): Probe {
    return new Probe(this.kind, merge(this.options, options), this.port, this.action, this.path);
  }

  /** The probe as the API has it, with its port resolved. */
  toKube(port: number | string | undefined): k8s.Probe {
    const o = this.options;
    return merge<k8s.Probe>(this.action(port), {
      initialDelaySeconds: o.initialDelaySeconds,
      periodSeconds: o.periodSeconds,
      timeoutSeconds: o.timeoutSeconds,
      failureThreshold: o.failureThreshold,
      successThreshold: o.successThreshold,
    });
  }
}

function intOrString(port: number | string | undefined): k8s.IntOrString {
  return typeof port === 'number' ? k8s.IntOrString.fromNumber(port) : k8s.IntOrString.fromString(String(port));
}

/** The three probes of a container. `false` turns off a probe a workload would otherwise add. */
export interface ContainerProbes {
  /** Holds liveness and readiness back until the app has started. @default - the workload's preset */
  readonly startup?: Probe | false;
  /** Restarts the container when it fails. @default - the workload's preset */
  readonly liveness?: Probe | false;
  /** Takes the pod out of Service endpoints while it fails. @default - the workload's preset */
  readonly readiness?: Probe | false;
}
