import { LineCounter, Node as YamlNode, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { UserError } from '../errors';
import { PathPart, formatPath } from '../internal/json-path';
import { getOwn, isRecord, setOwn } from '../internal/objects';
import { TextFileError, readTextFile } from '../internal/text-file';
import { YamlTreeError, yamlToPlain } from '../internal/yaml-tree';

/** A place in a values file. */
export interface Position {
  /** The line, from 1. */
  readonly line: number;
  /** The column, from 1. */
  readonly col: number;
}

/**
 * One layer of values and where it came from. Layers merge lowest first:
 * package defaults < values files < environment values < --values < --set.
 */
export interface ValuesLayer {
  /** What the layer is, for messages: a file path, `--set a=b`, `environment "prod"`… */
  readonly source: string;
  /** The values the layer sets. */
  readonly data: Record<string, unknown>;
  /** Where each path of `data` stands in the source file, by formatted path. @default - none: messages name the source without a line */
  readonly positions?: ReadonlyMap<string, Position>;
}

export type { PathPart } from '../internal/json-path';
export { formatPath } from '../internal/json-path';

/** The merged values of some layers, and which layer set each path. */
export interface MergedValues {
  readonly data: Record<string, unknown>;
  /** formatted path → the layer that set it last. */
  readonly sources: ReadonlyMap<string, ValuesLayer>;
}

/**
 * Merges layers lowest first: maps merge deeply, arrays and scalars are
 * replaced, and `null` removes a key with whatever lower layers put under it.
 */
export function mergeLayers(layers: readonly ValuesLayer[]): MergedValues {
  const data: Record<string, unknown> = {};
  const sources = new Map<string, ValuesLayer>();
  for (const layer of layers) mergeInto(data, layer.data, [], layer, sources);
  return { data, sources };
}

function mergeInto(target: Record<string, unknown>, over: Record<string, unknown>, parts: PathPart[], layer: ValuesLayer, sources: Map<string, ValuesLayer>): void {
  for (const [key, value] of Object.entries(over)) {
    const path = [...parts, key];
    if (value === undefined) continue;
    if (value === null) {
      delete target[key];
      continue;
    }
    const current = getOwn(target, key);
    if (isRecord(value) && isRecord(current)) {
      sources.set(formatPath(path), layer);
      mergeInto(current, value, path, layer, sources);
      continue;
    }
    setOwn(target, key, copyWithoutNulls(value, path, layer, sources));
  }
}

function copyWithoutNulls(value: unknown, path: PathPart[], layer: ValuesLayer, sources: Map<string, ValuesLayer>): unknown {
  sources.set(formatPath(path), layer);
  if (Array.isArray(value)) return value.map((item, i) => copyWithoutNulls(item, [...path, i], layer, sources));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (child === null || child === undefined) continue;
      setOwn(out, key, copyWithoutNulls(child, [...path, key], layer, sources));
    }
    return out;
  }
  return value;
}

/** Positions of keys (rather than their values) are stored under the path with this suffix. */
const KEY_SUFFIX = '#key';

/**
 * Says where the value at `parts` came from: `values.prod.yaml:3:11`, or
 * where its key is when `atKey`.
 */
export function describeSource(merged: MergedValues, parts: readonly PathPart[], atKey = false): string | undefined {
  for (let n = parts.length; n >= 0; n--) {
    const key = formatPath(parts.slice(0, n));
    const layer = merged.sources.get(key);
    if (!layer) continue;
    const keyPosition = atKey ? layer.positions?.get(formatPath(parts) + KEY_SUFFIX) : undefined;
    if (keyPosition) return `${layer.source}:${keyPosition.line}:${keyPosition.col}`;
    for (let m = parts.length; m >= 0; m--) {
      const position = layer.positions?.get(formatPath(parts.slice(0, m)));
      if (position) return `${layer.source}:${position.line}:${position.col}`;
    }
    return layer.source;
  }
  return undefined;
}

/** The part of a layer under `key`, as a layer of its own (a dependency's values). */
export function subLayer(layer: ValuesLayer, key: string): ValuesLayer | undefined {
  const data = getOwn(layer.data, key);
  if (!isRecord(data)) return undefined;
  const prefix = formatPath([key]);
  let positions: Map<string, Position> | undefined;
  if (layer.positions) {
    positions = new Map();
    for (const [path, position] of layer.positions) {
      if (path === prefix) positions.set('', position);
      else if (path.startsWith(prefix + '.')) positions.set(path.slice(prefix.length + 1), position);
      else if (path.startsWith(prefix + '[')) positions.set(path.slice(prefix.length), position);
    }
  }
  return { source: layer.source, data, positions };
}

/**
 * Reads a values file (YAML; JSON is YAML too) of at most 4 MiB, UTF-8 or
 * UTF-16. Syntax errors, duplicate keys, bad aliases, several documents and
 * a top level that is not a map fail with file, line and column. A missing
 * file is an error unless `optional`, when it gives undefined; a FIFO or a
 * device is refused rather than read.
 */
export function readValuesFile(file: string, shown = file, optional = false): ValuesLayer | undefined {
  let text: string;
  try {
    text = readTextFile(file);
  } catch (err) {
    if (optional && (err as TextFileError).code === 'ENOENT') return undefined;
    throw new UserError(`values file ${shown} cannot be read: ${(err as Error).message}`, { source: shown });
  }
  const last = parsedFiles.get(file);
  if (last !== undefined && last.text === text && last.shown === shown) return last.layer;
  const layer = parseValuesText(text, shown);
  parsedFiles.set(file, { text, shown, layer });
  return layer;
}

/**
 * The layer last parsed of each values file, with the text it was parsed
 * from: a platform whose releases share values files (copies of one
 * package) parses each file once, not once per release. The text is read
 * every time, so an edited file is parsed again. Layers are read, never
 * changed (merging copies them).
 */
const parsedFiles = new Map<string, { readonly text: string; readonly shown: string; readonly layer: ValuesLayer }>();

function parseValuesText(text: string, shown: string): ValuesLayer {
  const lineCounter = new LineCounter();
  // duplicate keys are found by yamlToPlain, in linear time
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return `${shown}:${pos.line}:${pos.col}`;
  };
  if (list.length === 0) return { source: shown, data: {}, positions: new Map() };
  const doc = list[0];
  if (list.length > 1) {
    throw new UserError(`${at(list[1].range[0])}: a values file holds one document, and this is a second one (after "---"); put the values in one map, or in two files given as --values A --values B`, { source: shown });
  }
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new UserError(`${at(error.pos[0])}: ${message}`, { source: shown });
  }
  let data: unknown;
  try {
    data = yamlToPlain(doc);
  } catch (err) {
    if (err instanceof YamlTreeError) throw new UserError(`${at(err.offset)}: ${err.message}`, { source: shown });
    throw err;
  }
  if (data === null || data === undefined) return { source: shown, data: {}, positions: new Map() };
  if (!isRecord(data)) {
    throw new UserError(`${shown}:1:1: a values file must be a map of keys to values, not ${Array.isArray(data) ? 'a list' : `a ${typeof data}`}`, { source: shown });
  }
  const positions = new Map<string, Position>();
  collectPositions(doc.contents as YamlNode | null, [], positions, lineCounter);
  return { source: shown, data, positions };
}

function collectPositions(node: YamlNode | null, parts: PathPart[], out: Map<string, Position>, lc: LineCounter): void {
  if (!node) return;
  if (node.range) out.set(formatPath(parts), lc.linePos(node.range[0]));
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const path = [...parts, key];
      const value = pair.value as YamlNode | null;
      const keyNode = pair.key as YamlNode | null;
      if (value && !isScalar(value)) collectPositions(value, path, out, lc);
      // a scalar is found at its value; a map or list at its key
      const at = value && isScalar(value) && value.range ? value : keyNode;
      if (at?.range) out.set(formatPath(path), lc.linePos(at.range[0]));
      if (keyNode?.range) out.set(formatPath(path) + KEY_SUFFIX, lc.linePos(keyNode.range[0]));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => collectPositions(item as YamlNode, [...parts, i], out, lc));
  }
}
