import * as fs from 'fs';
import * as path from 'path';
import { KubeObject, RenderedEnvironment } from './render';
import { appendYaml, toYaml } from './yaml';

/** The file of an environment's Namespace objects; releases' files end in `.k8s.yaml`, so no release name can take it. */
export const NAMESPACES_FILE = 'namespaces.yaml';

/**
 * The folder of an environment's CustomResourceDefinitions: a first stage,
 * applied and established before the rest, since the API server knows a
 * custom resource's kind only once its definition is established.
 */
export const CRDS_DIR = 'crds';

const isCustomResourceDefinition = (obj: KubeObject): boolean =>
  obj.kind === 'CustomResourceDefinition' && obj.apiVersion.startsWith('apiextensions.k8s.io/');

function writeKustomization(dir: string, resources: readonly string[]): void {
  // fifo: kustomize keeps the resources in this order (by default it re-sorts them by its own kind order)
  const kustomization = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', sortOptions: { order: 'fifo' }, resources };
  fs.writeFileSync(path.join(dir, 'kustomization.yaml'), toYaml(kustomization));
}

/**
 * An output folder written all or nothing. Each environment goes to a
 * staging folder inside `outDir` as soon as it is rendered and validated —
 * `namespaces.yaml` with the environment's Namespaces, `<release>.k8s.yaml`
 * per release and a `kustomization.yaml` listing them in that order, and
 * the CustomResourceDefinitions apart in `crds/` (their own kustomization),
 * so `kubectl apply -k` takes the folder. `commit()` then swaps each
 * environment's folder in by rename; `close()` removes the staging folder,
 * and with it everything written when `commit()` did not run or failed.
 * Folders of environments not written are left as they are.
 */
export class StagedOutput {
  private staging: string | undefined;
  private createdOutDir = false;
  private readonly environments: string[] = [];

  constructor(private readonly outDir: string) {}

  /** Writes one environment's files to the staging folder. */
  writeEnvironment(env: RenderedEnvironment): void {
    const dir = path.join(this.stage(), 'new', env.name);
    fs.mkdirSync(dir, { recursive: true });
    const resources: string[] = [];
    const crdResources: string[] = [];
    if (env.namespaces.length > 0) {
      writeYamlStream(path.join(dir, NAMESPACES_FILE), env.namespaces);
      resources.push(NAMESPACES_FILE);
    }
    for (const release of env.releases) {
      const name = `${release.name}.k8s.yaml`;
      const crds = release.objects.filter(isCustomResourceDefinition);
      if (crds.length > 0) {
        fs.mkdirSync(path.join(dir, CRDS_DIR), { recursive: true });
        writeYamlStream(path.join(dir, CRDS_DIR, name), crds);
        crdResources.push(name);
      }
      writeYamlStream(path.join(dir, name), crds.length > 0 ? release.objects.filter((o) => !isCustomResourceDefinition(o)) : release.objects);
      resources.push(name);
    }
    writeKustomization(dir, resources);
    if (crdResources.length > 0) writeKustomization(path.join(dir, CRDS_DIR), crdResources);
    this.environments.push(env.name);
  }

  /** Puts the environments written in place of their folders in `outDir`: all of them, or on failure none. */
  commit(): void {
    if (this.staging === undefined) return;
    const staging = this.staging;
    fs.mkdirSync(path.join(staging, 'old'));
    const swapped: string[] = [];
    try {
      for (const env of this.environments) {
        const target = path.join(this.outDir, env);
        if (fs.existsSync(target)) fs.renameSync(target, path.join(staging, 'old', env));
        swapped.push(env);
        fs.renameSync(path.join(staging, 'new', env), target);
      }
    } catch (err) {
      // put back what was already swapped, so the output is as it was
      for (const env of swapped.reverse()) {
        const target = path.join(this.outDir, env);
        const old = path.join(staging, 'old', env);
        fs.rmSync(target, { recursive: true, force: true });
        if (fs.existsSync(old)) fs.renameSync(old, target);
      }
      throw err;
    }
    this.createdOutDir = false;
  }

  /** Removes the staging folder (and `outDir`, when this made it and nothing was committed). */
  close(): void {
    if (this.staging === undefined) return;
    fs.rmSync(this.staging, { recursive: true, force: true });
    this.staging = undefined;
    if (this.createdOutDir && fs.readdirSync(this.outDir).length === 0) fs.rmdirSync(this.outDir);
  }

  private stage(): string {
    if (this.staging === undefined) {
      this.createdOutDir = !fs.existsSync(this.outDir);
      fs.mkdirSync(this.outDir, { recursive: true });
      this.staging = fs.mkdtempSync(path.join(this.outDir, '.chartwright-'));
    }
    return this.staging;
  }
}

/** Pieces of YAML text written at a time: some tens of KiB, below the size from which each write would allocate fresh memory for its bytes. */
const CHUNK_PIECES = 4096;

/**
 * Writes a YAML stream document by document, in chunks: the pieces of text
 * go to one array, written and emptied every CHUNK_PIECES. One string of the
 * whole stream would be built, kept and encoded into one large buffer, all
 * in memory touched for the first time.
 */
export function writeYamlStream(file: string, docs: readonly unknown[]): void {
  const fd = fs.openSync(file, 'w');
  try {
    const out: string[] = [];
    for (let i = 0; i < docs.length; i++) {
      if (i > 0) out.push('---\n');
      appendYaml(out, docs[i]);
      if (out.length >= CHUNK_PIECES) {
        writeText(fd, out.join(''));
        out.length = 0;
      }
    }
    writeText(fd, out.join(''));
  } finally {
    fs.closeSync(fd);
  }
}

function writeText(fd: number, text: string): void {
  if (text === '') return;
  const written = fs.writeSync(fd, text);
  const size = Buffer.byteLength(text);
  if (written === size) return;
  const bytes = Buffer.from(text); // a short write: the rest from where it stopped
  for (let at = written; at < size; ) at += fs.writeSync(fd, bytes, at);
}
