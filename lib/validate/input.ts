/**
 * Reading manifest YAML for validation, as kubectl reads it: files and
 * folders (each file once, however it was named), every document (empty and
 * comment-only ones skipped), YAML 1.1 scalars and merge keys as
 * sigs.k8s.io/yaml resolves them, JSON, lists (`kind: List`) expanded,
 * kustomize's own files left out; duplicate keys and syntax errors reported
 * with their line, and a way back from a JSON path to its line.
 *
 * Documents are read by yaml-reader.ts, straight to values; the few it
 * leaves (tags, directives, syntax errors…) by the `yaml` package with the
 * same YAML 1.1 rules. A line is looked up only for an object with a
 * finding, by reading its document again: from the text given
 * (parseManifests), or from the file (validateFiles, which keeps no text:
 * `Reread`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Document, LineCounter, isNode, parseAllDocuments } from 'yaml';
import { YAML11_OPTIONS } from './yaml11';
import { Finding, JsonPath } from './findings';
import { isRecord } from './objects';
import { YamlTreeError, yamlToPlain } from '../internal/yaml-tree';
import { DuplicateKey, LineMap, Unsupported, readDocument } from './yaml-reader';

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

/** The largest file validate reads (kubectl and the API server take far less: a request is at most 3 MiB). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * The YAML files a list of files and folders stands for: folders give every
 * *.yaml and *.yml below them, sorted by character code, the same on every
 * machine (not by locale, which would change the order, and so which of two
 * duplicates comes first, with LC_ALL). A file named twice, or also found in
 * a folder given, is read once. FIFOs, devices and sockets are refused:
 * reading one could wait forever.
 */
export function expandInputs(paths: readonly string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string, stat: fs.Stats) => {
    if (!stat.isFile()) throw new UnreadableInputError(`${file}: not a regular file (${kindOfFile(stat)}); validate reads files and folders`);
    if (stat.size > MAX_FILE_BYTES) throw new UnreadableInputError(`${file}: ${Math.round(stat.size / 1048576)} MiB is more than validate reads (${MAX_FILE_BYTES / 1048576} MiB)`);
    const real = fs.realpathSync.native(file);
    if (seen.has(real)) return;
    seen.add(real);
    files.push(file);
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UnreadableInputError(`${p}: ${code === 'ELOOP' ? 'its path is a loop of symbolic links' : code === 'EACCES' ? 'permission denied' : 'no such file or folder'}`);
    }
    if (stat.isDirectory()) {
      let found = 0;
      // folders are followed through symbolic links too (a linked folder of manifests is read, not skipped);
      // each real folder once, so a link back up the tree is no loop
      const seen = new Set<string>();
      const walk = (dir: string) => {
        const real = fs.realpathSync(dir);
        if (seen.has(real)) return;
        seen.add(real);
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
          const full = path.join(dir, entry.name);
          let isDir = entry.isDirectory();
          if (entry.isSymbolicLink()) {
            try {
              isDir = fs.statSync(full).isDirectory();
            } catch (err) {
              const code = (err as NodeJS.ErrnoException).code;
              throw new UnreadableInputError(`${full}: ${code === 'ELOOP' ? 'its path is a loop of symbolic links' : 'a symbolic link to nothing'}`);
            }
          }
          if (isDir) {
            if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
          } else if (/\.ya?ml$/.test(entry.name)) {
            found++;
            add(full, fs.statSync(full));
          }
        }
      };
      walk(p);
      if (found === 0) throw new UnreadableInputError(`${p}: the folder holds no *.yaml or *.yml file`);
    } else {
      add(p, stat);
    }
  }
  return files;
}

function kindOfFile(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

/** kustomize's own files (kustomization.yaml) configure a build; kubectl does not apply them, and they are not objects to count. */
function isKustomizeConfig(value: unknown): boolean {
  return isRecord(value) && typeof value.apiVersion === 'string' && value.apiVersion.startsWith('kustomize.config.k8s.io/');
}

/** A line that starts (`---`) or ends (`...`) a document, with at most a comment after it. */
const MARKER = /^(?:---|\.\.\.)[ \t]*(?:#.*)?\r?$/;

/** One document of a file: its text, where it starts, and its number in the file. */
interface Segment {
  readonly start: number;
  readonly end: number;
  /** The line (0-based) its text starts on. */
  readonly line: number;
  readonly index: number;
}

/** The documents of a file, or undefined when only the `yaml` package can split it (directives, content on a `---` line). */
function splitDocuments(text: string): Segment[] | undefined {
  const segments: Segment[] = [];
  let start = 0;
  let startLine = 0;
  let line = 0;
  let index = 0;
  let hasContent = false; // whether the text before the first marker is a document
  for (let pos = 0; pos <= text.length; ) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const c = text.charCodeAt(pos);
    if ((c === 45 || c === 46) && (text.startsWith('---', pos) || text.startsWith('...', pos))) {
      const lineText = text.slice(pos, end);
      if (MARKER.test(lineText)) {
        // before the first ---, only content makes a document (comments belong to the next one)
        if (segments.length > 0 || hasContent || c === 46) segments.push({ start, end: pos, line: startLine, index: index++ });
        start = nl < 0 ? text.length : nl + 1;
        startLine = line + 1;
        hasContent = true;
      } else if (lineText.startsWith('--- ') || lineText.startsWith('---\t')) {
        return undefined;
      }
    } else if (c === 37 /* % */ && !hasContent) {
      return undefined;
    } else if (!hasContent && pos < text.length) {
      const trimmed = text.slice(pos, end).trim();
      if (trimmed !== '' && !trimmed.startsWith('#')) hasContent = true;
    }
    if (nl < 0) break;
    pos = nl + 1;
    line++;
  }
  if (start < text.length || segments.length === 0) segments.push({ start, end: text.length, line: startLine, index: index++ });
  return segments;
}

/**
 * Parses one YAML file into objects. Syntax errors and duplicate keys become
 * findings (rule yaml-syntax, yaml-duplicate-key); such documents are skipped.
 */
export function parseManifests(file: string, text: string): { objects: InputObject[]; findings: Finding[] } {
  return parseFile(file, text);
}

/** parseManifests; with `reread`, the text is not kept: a document is read again from the file for its lines. */
export function parseFile(file: string, text: string, reread?: Reread): { objects: InputObject[]; findings: Finding[] } {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const objects: InputObject[] = [];
  const findings: Finding[] = [];
  // a document's text, to read it again for its lines: kept, or read again from the file
  const textOf = reread ? reread.from(file) : keptText(text);
  const segments = splitDocuments(text);
  if (!segments) {
    readWithYamlPackage(file, text, 0, 0, objects, findings, range(textOf, 0, text.length));
    return { objects, findings };
  }
  for (const segment of segments) {
    const doc = text.slice(segment.start, segment.end);
    let read: { value: unknown } | undefined;
    try {
      read = readDocument(doc);
    } catch (err) {
      if (err instanceof DuplicateKey) {
        findings.push(duplicateKeyFinding(file, segment, err, doc));
      } else if (err instanceof Unsupported) {
        readWithYamlPackage(file, doc, segment.line, segment.index, objects, findings, range(textOf, segment.start, segment.end));
      } else {
        throw err;
      }
      continue;
    }
    if (read === undefined) continue; // an empty or comment-only document
    const source = { file, document: segment.index };
    addObjects(read.value, source, locator(source, segment, textOf), objects);
  }
  return { objects, findings };
}

/** Where the text of a document comes from when it is read again for its lines: `(start, end)` of its file's text. */
type TextOf = (start: number, end: number) => string;

/*
 * The functions below that make closures kept for the lines (locate) make
 * nothing else: a closure keeps every variable of its scope that any
 * closure there uses, and these must not keep a file's text or objects.
 */

function range(textOf: TextOf, start: number, end: number): () => string {
  return () => textOf(start, end);
}

function keptText(text: string): TextOf {
  return (start, end) => text.slice(start, end);
}

/**
 * Files read again for the lines of findings, when their text is not kept
 * (validateFiles): the file last read is kept until another is asked for, as
 * the lines are looked up file by file. A file that changed since gives what
 * it says now, and one that cannot be read any more, no text (and no line).
 */
export class Reread {
  private file: string | undefined;
  private text = '';

  from(file: string): TextOf {
    return (start, end) => {
      if (this.file !== file) {
        this.file = file;
        try {
          this.text = fs.readFileSync(file, 'utf8');
        } catch {
          this.text = ''; // no line, rather than an error once the checks are done
        }
        if (this.text.charCodeAt(0) === 0xfeff) this.text = this.text.slice(1);
      }
      return this.text.slice(start, end);
    };
  }
}

/** The line of a path in the object of a document (`segment`), reading the document again with its lines. */
function locator(source: object, segment: Segment, textOf: TextOf): (p: JsonPath) => number | undefined {
  return (p) => {
    if (tracked?.source !== source) {
      const doc = textOf(segment.start, segment.end);
      const lines: LineMap = new Map();
      let again: { value: unknown } | undefined;
      try {
        again = readDocument(doc, lines);
      } catch {
        // a file that changed since it was checked
      }
      if (again === undefined) return undefined;
      tracked = { source, value: again.value, lines, line: firstContentLine(doc) };
    }
    return segment.line + lineIn(tracked.value, tracked.lines, tracked.line, p);
  };
}

/**
 * What checking any object of files needs from all of them, found before:
 * the CustomResourceDefinitions (a custom resource is checked against its
 * CRD wherever it is), and whether any Namespace may set Pod Security modes
 * (a Namespace's labels name `pod-security.kubernetes.io/`; without one,
 * the Pod Security checks of the pods are not run). The bytes are searched;
 * only a file that names the CRD kind is read as YAML here.
 */
export function scanFiles(files: readonly string[]): { customResourceDefinitions: unknown[]; podSecurity: boolean } {
  const customResourceDefinitions: unknown[] = [];
  let podSecurity = false;
  for (const file of files) {
    const bytes = readBytes(file);
    podSecurity ||= bytes.includes('pod-security.kubernetes.io/');
    if (!bytes.includes('CustomResourceDefinition')) continue;
    for (const o of parseManifests(file, bytes.toString('utf8')).objects) {
      if (isRecord(o.obj) && o.obj.kind === 'CustomResourceDefinition') customResourceDefinitions.push(o.obj);
    }
  }
  return { customResourceDefinitions, podSecurity };
}

/** A file's text; UnreadableInputError when it cannot be read. */
export function readInput(file: string): string {
  return read(file, () => fs.readFileSync(file, 'utf8'));
}

function readBytes(file: string): Buffer {
  return read(file, () => fs.readFileSync(file));
}

function read<T>(file: string, how: () => T): T {
  try {
    return how();
  } catch (err) {
    throw new UnreadableInputError(`${file}: cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/**
 * The last document read again for its lines, by its source. One is kept:
 * validateObjects looks up the lines of one object's findings together, and
 * the lines of every document with a finding would take more memory than
 * its objects.
 */
let tracked: { source: object; value: unknown; lines: LineMap; line: number } | undefined;

/** The objects of a document: itself, or the items of a list; kustomize's files left out. */
function addObjects(value: unknown, source: InputObject['source'], locate: (p: JsonPath) => number | undefined, objects: InputObject[]): void {
  if (isKustomizeConfig(value)) return;
  // kubectl applies the items of a list (`kubectl get -o yaml` writes `kind: List`)
  if (isRecord(value) && typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) {
    value.items.forEach((item: unknown, i: number) => {
      if (!isKustomizeConfig(item)) objects.push({ obj: item, source, locate: itemLocator(locate, i) });
    });
    return;
  }
  objects.push({ obj: value, source, locate });
}

function itemLocator(locate: (p: JsonPath) => number | undefined, i: number): (p: JsonPath) => number | undefined {
  return (p) => locate(['items', i, ...p]);
}

/** The line (1-based) of the deepest key or item along `path` that a tracked read recorded. */
function lineIn(root: unknown, lines: LineMap, rootLine: number, path: JsonPath): number {
  let node: unknown = root;
  let line = rootLine;
  for (const key of path) {
    if (node === null || typeof node !== 'object') break;
    const at = lines.get(node)?.get(key);
    if (at === undefined) break;
    line = at;
    node = (node as Record<string | number, unknown>)[key];
  }
  return line;
}

function firstContentLine(doc: string): number {
  const lines = doc.split('\n');
  const i = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  return i < 0 ? 1 : i + 1;
}

function duplicateKeyFinding(file: string, segment: Segment, err: DuplicateKey, doc: string): Finding {
  let line = 1;
  for (let i = doc.indexOf('\n'); i >= 0 && i < err.offset; i = doc.indexOf('\n', i + 1)) line++;
  return {
    rule: 'yaml-duplicate-key',
    severity: 'error',
    source: { file, document: segment.index, line: segment.line + line },
    path: '',
    message: `${err.message}: kubectl would keep only the last of its values`,
    fix: 'remove or rename one of the repeated keys (the API server would keep only one)',
  };
}


/** Reads a text the fast reader leaves, with the `yaml` package set to kubectl's YAML 1.1. */
function readWithYamlPackage(file: string, text: string, firstLine: number, firstIndex: number, objects: InputObject[], findings: Finding[], again: () => string): void {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...YAML11_OPTIONS, lineCounter });
  const lineOf = (offset: number) => firstLine + lineCounter.linePos(offset).line;
  const list = Array.isArray(docs) ? docs : [docs];
  list.forEach((doc, i) => {
    const source = { file, document: firstIndex + i };
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
    addObjects(value, source, yamlLocator(again, firstLine, i), objects);
  });
}

/** The line of a path in document `i` of a text the `yaml` package reads, reading the text again (`again`) when asked. */
function yamlLocator(again: () => string, firstLine: number, i: number): (p: JsonPath) => number | undefined {
  return (p) => {
    if (parsed?.again !== again) {
      const lineCounter = new LineCounter();
      const docs = parseAllDocuments(again(), { ...YAML11_OPTIONS, lineCounter });
      parsed = { again, docs: Array.isArray(docs) ? docs : [docs], lineCounter };
    }
    const { docs, lineCounter } = parsed;
    const doc = docs[i];
    return doc === undefined ? undefined : locateIn(doc, p, (offset) => firstLine + lineCounter.linePos(offset).line);
  };
}

/** The text the `yaml` package read last for lines, by the function that gives it. */
let parsed: { again: () => string; docs: Document[]; lineCounter: LineCounter } | undefined;

/** Reads every file (folders expanded); throws UnreadableInputError when one cannot be read. */
export function readManifests(paths: readonly string[]): { files: string[]; objects: InputObject[]; findings: Finding[] } {
  const files = expandInputs(paths);
  const objects: InputObject[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    const parsed = parseManifests(file, readInput(file));
    for (const o of parsed.objects) objects.push(o);
    for (const f of parsed.findings) findings.push(f);
  }
  return { files, objects, findings };
}

/** The line of the deepest node along `path` that exists. */
function locateIn(doc: Document, path: JsonPath, lineOf: (offset: number) => number): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lineOf(node.range[0]);
  }
  return undefined;
}
