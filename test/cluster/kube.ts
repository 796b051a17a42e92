import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { REPO, runCli } from '../support/project';

/**
 * What the cluster tests share: kubectl against the control plane that
 * `npm run test:cluster` started (scripts/test-cluster.js sets KUBECONFIG and
 * CHARTWRIGHT_KUBECTL), and synth of the example apps into a scratch folder.
 */
export const KUBECTL = process.env.CHARTWRIGHT_KUBECTL ?? '';
export const HELM = process.env.CHARTWRIGHT_HELM ?? '';

/** `describe`, or `describe.skip` when no cluster was started for this run. */
export const describeCluster = KUBECTL && process.env.KUBECONFIG ? describe : describe.skip;

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs kubectl, at most 120 s. */
export function kubectl(args: readonly string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(KUBECTL, args, { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { code: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? String(result.error ?? '') };
}

/** Runs kubectl and fails the test with its output unless it exits 0. */
export function kubectlOk(args: readonly string[], env: Record<string, string> = {}): string {
  const result = kubectl(args, env);
  if (result.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${result.code}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/**
 * Waits until CustomResourceDefinitions are established (`targets`: kubectl
 * wait's arguments, such as `crd/x.example.com` or `-f DIR`), at most 60 s.
 * Right after a create, a definition may have no status yet, and kubectl
 * wait then fails at once (".status.conditions accessor error") instead of
 * waiting: that answer is retried, any other fails the test.
 */
export function waitEstablished(targets: readonly string[]): void {
  const args = ['wait', '--for=condition=Established', '--timeout=60s', ...targets];
  const deadline = Date.now() + 60_000;
  for (;;) {
    const result = kubectl(args);
    if (result.code === 0) return;
    if (!result.stderr.includes('.status.conditions accessor error') || Date.now() > deadline) {
      throw new Error(`kubectl ${args.join(' ')} exited ${result.code}:\n${result.stderr}${result.stdout}`);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}

/** Polls `check` until it returns a value other than undefined; fails after `timeoutMs` with `what`. */
export async function eventually<T>(what: string, check: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** A scratch folder, removed by the returned function. */
export function scratch(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-cluster-test-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** `chartwright synth` of the example apps (apps/main.ts) into `out`, with extra flags. */
export function synthApps(out: string, ...flags: string[]): void {
  const result = runCli(REPO, ['synth', '--app', 'apps/main.ts', '--out', out, ...flags]);
  if (result.code !== 0) throw new Error(`synth ${flags.join(' ')} exited ${result.code}:\n${result.stderr}`);
}

/** The objects of a YAML stream file. */
export function readObjects(file: string): any[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map((d) => d.toJS())
    .filter((o) => o !== null);
}

/** Every object an environment's folder lists in its kustomization, in order. */
export function environmentObjects(dir: string): any[] {
  const [kustomization] = readObjects(path.join(dir, 'kustomization.yaml'));
  return (kustomization.resources as string[]).flatMap((file) => readObjects(path.join(dir, file)));
}

/** The objects `kubectl diff` reports as different, as `Kind/namespace/name`. */
export function diffedObjects(out: string): string[] {
  const found = new Set<string>();
  for (const line of out.split('\n')) {
    // diff -u -N /tmp/LIVE-1/apps.v1.Deployment.hello-dev.hello-server /tmp/MERGED-2/apps.v1.Deployment.hello-dev.hello-server
    const match = /^diff -u -N \S+\/(\S+) /.exec(line);
    if (!match) continue;
    const parts = match[1].split('.');
    // group.version.Kind.namespace.name, where the group (and the name) may contain dots
    const kindAt = parts.findIndex((p) => /^[A-Z]/.test(p));
    const [namespace, ...name] = parts.slice(kindAt + 1);
    found.add(`${parts[kindAt]}/${namespace}/${name.join('.')}`);
  }
  return [...found].sort();
}

/** `Kind/namespace/name` of an object of the output. */
export const keyOf = (o: any): string => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
