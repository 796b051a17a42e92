import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '..', '..');
export const LIB = path.join(REPO, 'lib');
const BIN = path.join(REPO, 'bin', 'chartwright.js');

/** A throw-away project folder with the given files; `{{lib}}` in a file stands for this repo's lib/. */
export function makeProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-test-'));
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content.split('{{lib}}').join(LIB));
  }
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the chartwright command in `cwd`, with the environment `env` (this process's by default). */
export function runCli(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Every file below `dir`, relative path → content. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/** A package with a ConfigMap, a Deployment-like set of objects, used by the CLI tests. */
export const SAMPLE_PACKAGE = `
import { Construct } from 'constructs';
import { ApiObject } from 'cdk8s';
import { Package, PackageProps } from '{{lib}}';

/** A pod template that passes every validation rule. */
const SAMPLE_POD = {
  metadata: { labels: { app: 'sample' } },
  spec: {
    automountServiceAccountToken: false,
    securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'sample' } } }],
    containers: [{
      name: 'app', image: 'example/app:2.0.0',
      resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '32Mi' } },
      readinessProbe: { tcpSocket: { port: 8080 } }, livenessProbe: { tcpSocket: { port: 8080 }, failureThreshold: 6 },
      securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    }],
  },
};

export class Sample extends Package<{ replicas?: number; fail?: string }> {
  static readonly metadata = { name: 'sample', version: '0.1.0', appVersion: '2.0.0' };
  constructor(scope: Construct, id: string, props: PackageProps<{ replicas?: number; fail?: string }> = {}) {
    super(scope, id, props);
    if (this.values.fail) throw new Error(this.values.fail);
    new ApiObject(this, 'ingress', {
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', spec: { rules: [] },
      metadata: { annotations: { 'chartwright.dev/ignore-ingress-tls': 'no hosts in the test package' } },
    });
    new ApiObject(this, 'server', {
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { annotations: { 'chartwright.dev/ignore-pod-disruption-budget': 'test package' } },
      spec: { replicas: this.values.replicas ?? 1, selector: { matchLabels: { app: 'sample' } }, template: SAMPLE_POD },
    });
    new ApiObject(this, 'config', { apiVersion: 'v1', kind: 'ConfigMap', data: { 'a.txt': 'line one\\nline two\\n' } });
    new ApiObject(this, 'widget', { apiVersion: 'example.com/v1', kind: 'Widget', spec: {} });
    new ApiObject(this, 'account', { apiVersion: 'v1', kind: 'ServiceAccount' });
    new ApiObject(this, 'Service', { apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80 }] } });
    new ApiObject(this, 'ns', { apiVersion: 'v1', kind: 'Namespace' });
  }
}
`;

export function samplePlatform(releases = `web: { package: Sample, values: { replicas: 2 } }, api: { package: Sample }`): string {
  return `
import { Platform } from '{{lib}}';
import { Sample } from './sample';

export default new Platform({
  environments: {
    dev: { namespace: 'dev', releases: { ${releases} } },
    prod: { namespace: 'prod', releases: { ${releases} } },
  },
});
`;
}
