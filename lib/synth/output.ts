import * as fs from 'fs';
import * as path from 'path';
import { environmentFiles } from './layout';
import { RenderedEnvironment } from './render';
import { appendYaml } from './yaml';

/**
 * An output folder written all or nothing. Each environment goes to a
 * staging folder inside `outDir` as soon as it is rendered and validated,
 * in the layout ./layout.ts sets out. `commit()` then swaps each
 * environment's folder in by rename; `close()` removes the staging folder,
 * and with it everything written when `commit()` did not run or failed.
 * Folders of environments not written are left as they are.
 */
export class StagedOutput {
  private staging: string | undefined;
  private createdOutDir = false;
  private readonly environments: string[] = [];

  constructor(private readonly outDir: string) {}

  /** Writes one environment's files (./layout.ts says which) to the staging folder. */
  writeEnvironment(env: RenderedEnvironment): void {
    const dir = path.join(this.stage(), 'new', env.name);
    fs.mkdirSync(dir, { recursive: true });
    for (const file of environmentFiles(env)) {
      const target = path.join(dir, ...file.path.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if ('docs' in file) writeYamlStream(target, file.docs);
      else fs.writeFileSync(target, file.text);
    }
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
