import { ContainerProbes, Probe } from './probe';
import { ContainerProps, ProbePreset } from './container';

/**
 * Probe presets: what a workload puts where a container leaves a probe
 * unset. Only containers with ports get presets; others must say.
 */

/** Startup: up to 60 s (30 × 2 s) of TCP connects before liveness takes over. */
const startupTcp = () => Probe.tcp({ periodSeconds: 2, failureThreshold: 30 });

/** Web servers: ready when `path` answers, alive while the port accepts. */
export function webPreset(path: string): ProbePreset {
  return (c: ContainerProps): ContainerProbes =>
    c.ports && c.ports.length > 0
      ? { startup: startupTcp(), liveness: Probe.tcp({ periodSeconds: 10 }), readiness: Probe.httpGet(path, { periodSeconds: 5 }) }
      : {};
}

/** Servers that speak something other than HTTP (databases, caches): TCP on the first port for all three. */
export const tcpPreset: ProbePreset = (c) =>
  c.ports && c.ports.length > 0 ? { startup: startupTcp(), liveness: Probe.tcp({ periodSeconds: 10 }), readiness: Probe.tcp({ periodSeconds: 5 }) } : {};
