/**
 * Reading manifest YAML for validation: files and folders, every document,
 * `kind: List` expanded, duplicate keys and syntax errors reported with their
 * line, and a way back from a JSON path to its line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Document, LineCounter, isCollection, isNode, parseAllDocuments } from 'yaml';
import { Finding, JsonPath } from './findings';
import { isRecord } from './objects';
import { YamlTreeError, yamlToPlain } from '../internal/yaml-tree';

/** One object to validate, with where it came from. */
export interface InputObject {
  readonly obj: unknown;
  readonly source: { readonly file?: string; readonly document?: number; readonly release?: string; readonly construct?: string };
  /** The line of a path within the object, where known. */
  readonly locate?: (path: JsonPath) => number | undefined;
}

/** A file or folder that cannot be read: exit 2. */
export class UnreadableInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableInputError';
  }
}

/**
 * The YAML files a list of files and folders stands for: folders give every
 * *.yaml and *.yml below them, sorted by character code, the same on every machine (not by locale, which
 * would change the order, and so which of two duplicates comes first, with LC_ALL).
 */
export function expandInputs(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UnreadableInputError(`${p}: ${code === 'ELOOP' ? 'its path is a loop of symbolic links' : code === 'EACCES' ? 'permission denied' : 'no such file or folder'}`);
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) {
            if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
          } else if (/\.ya?ml$/.test(entry.name)) {
            found.push(full);
          }
        }
      };
      walk(p);
      if (found.length === 0) throw new UnreadableInputError(`${p}: the folder holds no *.yaml or *.yml file`);
      files.push(...found);
    } else {
      files.push(p);
    }
  }
  return files;
}

/**
 * Parses one YAML file into objects. Syntax errors and duplicate keys become
 * findings (rule yaml-syntax, yaml-duplicate-key); such documents are skipped.
 */
export function parseManifests(file: string, text: string): { objects: InputObject[]; findings: Finding[] } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { uniqueKeys: true, lineCounter, prettyErrors: false });
  const objects: InputObject[] = [];
  const findings: Finding[] = [];
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const list = Array.isArray(docs) ? docs : [docs];
  list.forEach((doc, index) => {
    const source = { file, document: index };
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const duplicate = error.code === 'DUPLICATE_KEY';
        findings.push({
          rule: duplicate ? 'yaml-duplicate-key' : 'yaml-syntax',
          severity: 'error',
          source: { ...source, line: lineOf(error.pos[0]) },
          path: '',
          message: error.message.split('\n')[0],
          fix: duplicate ? 'remove or rename one of the repeated keys (the API server would keep only one)' : 'correct the YAML at this line',
        });
      }
      return;
    }
    if (doc.contents === null) return; // an empty document, as after a trailing ---
    let value: unknown;
    try {
      // aliases limited by what they repeat, not by how often one is used: a List sharing one anchor passes
      value = yamlToPlain(doc);
    } catch (err) {
      if (!(err instanceof YamlTreeError)) throw err;
      findings.push({ rule: 'yaml-syntax', severity: 'error', source: { ...source, line: lineOf(err.offset) }, path: '', message: err.message, fix: 'correct the YAML' });
      return;
    }
    const locate = (p: JsonPath) => locateIn(doc, p, lineOf);
    if (isRecord(value) && value.apiVersion === 'v1' && value.kind === 'List' && Array.isArray(value.items)) {
      value.items.forEach((item: unknown, i: number) => objects.push({ obj: item, source, locate: (p) => locate(['items', i, ...p]) }));
      return;
    }
    objects.push({ obj: value, source, locate });
  });
  return { objects, findings };
}

/** Reads every file (folders expanded); throws UnreadableInputError when one cannot be read. */
export function readManifests(paths: readonly string[]): { files: string[]; objects: InputObject[]; findings: Finding[] } {
  const files = expandInputs(paths);
  const objects: InputObject[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new UnreadableInputError(`${file}: cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const parsed = parseManifests(file, text);
    objects.push(...parsed.objects);
    findings.push(...parsed.findings);
  }
  return { files, objects, findings };
}

/** The line of the deepest node along `path` that exists. */
function locateIn(doc: Document, path: JsonPath, lineOf: (offset: number) => number): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) {
      if (n === path.length || !isCollection(node)) return lineOf(node.range[0]);
      return lineOf(node.range[0]);
    }
  }
  return undefined;
}
