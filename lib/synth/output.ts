import * as fs from 'fs';
import * as path from 'path';
import { RenderedEnvironment } from './render';
import { toYaml, toYamlParts } from './yaml';

/** The files of one environment's output folder: name → content, in parts written one after the other. */
export type OutputFiles = Map<string, readonly string[]>;

/**
 * The files of one environment: `<release>.k8s.yaml` per release, and a
 * `kustomization.yaml` listing them so `kubectl apply -k` takes the folder.
 */
export function environmentFiles(env: RenderedEnvironment): OutputFiles {
  const files: OutputFiles = new Map();
  for (const release of env.releases) {
    files.set(`${release.name}.k8s.yaml`, toYamlParts(release.objects));
  }
  files.set(
    'kustomization.yaml',
    [toYaml({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: [...files.keys()],
    })],
  );
  return files;
}

/**
 * Writes each environment to `<outDir>/<env>/`, replacing what was there,
 * all or nothing: files go to a temporary folder inside `outDir` first, and
 * each environment's folder is swapped in by rename only once every file is
 * written. Folders of environments not given are left as they are.
 */
export function writeOutput(outDir: string, environments: ReadonlyMap<string, OutputFiles>): void {
  fs.mkdirSync(outDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(outDir, '.chartwright-'));
  try {
    for (const [env, files] of environments) {
      const dir = path.join(staging, 'new', env);
      fs.mkdirSync(dir, { recursive: true });
      for (const [name, content] of files) {
        writeParts(path.join(dir, name), content);
      }
    }
    fs.mkdirSync(path.join(staging, 'old'));
    const swapped: string[] = [];
    try {
      for (const env of environments.keys()) {
        const target = path.join(outDir, env);
        if (fs.existsSync(target)) fs.renameSync(target, path.join(staging, 'old', env));
        swapped.push(env);
        fs.renameSync(path.join(staging, 'new', env), target);
      }
    } catch (err) {
      // put back what was already swapped, so the output is as it was
      for (const env of swapped.reverse()) {
        const target = path.join(outDir, env);
        const old = path.join(staging, 'old', env);
        fs.rmSync(target, { recursive: true, force: true });
        if (fs.existsSync(old)) fs.renameSync(old, target);
      }
      throw err;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** About 64 KiB: below the size from which each write would allocate fresh memory for its bytes. */
const CHUNK = 1 << 16;

/**
 * Writes a file's parts in chunks of about CHUNK characters. Cheaper than
 * one string of the whole file: a stream of thousands of objects would be
 * joined into one large string and encoded into one large buffer, both in
 * memory touched for the first time.
 */
function writeParts(file: string, parts: readonly string[]): void {
  const fd = fs.openSync(file, 'w');
  try {
    let chunk = '';
    for (let i = 0; i < parts.length; i++) {
      chunk += parts[i];
      if (chunk.length >= CHUNK) {
        writeText(fd, chunk);
        chunk = '';
      }
    }
    writeText(fd, chunk);
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
