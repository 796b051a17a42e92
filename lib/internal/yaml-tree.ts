import { Alias, Document, Node as YamlNode, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import { setOwn } from './objects';

/**
 * Turning a parsed YAML document into plain data in linear time, with the
 * checks the `yaml` library makes in quadratic time or not at all:
 *
 * - duplicate keys: one Set per mapping (the library's `uniqueKeys` compares
 *   each key with every earlier one: 13 s for 40,000 keys, 323 s for 160,000);
 * - aliases: resolved through one table of anchors filled in document order
 *   (the library searches the whole document for each alias), and limited by
 *   how many nodes they repeat in all, not by how often an anchor is used, so
 *   a List of many objects sharing one anchor passes and an alias bomb
 *   (aliases of aliases, each doubling the data) stops at the limit;
 * - merge keys (`<<`), where the document's schema has them (YAML 1.1, or
 *   the `merge` option).
 */

/** How many nodes aliases may repeat in all, by default: far above any real file, far below a bomb. */
export const ALIAS_EXPANSION_LIMIT = 1_000_000;

/** A problem with the document's structure, at an offset of the text. */
export class YamlTreeError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
    this.name = 'YamlTreeError';
  }
}

type Value = unknown;

/**
 * The document's content as plain data: mappings as objects (keys as
 * strings, `__proto__` an ordinary key), sequences as arrays, scalars as the
 * document's schema read them. A key repeated in a mapping, an alias to an
 * anchor not yet set or to a node it is inside, a key that is a mapping or
 * a list, and aliases that repeat more than `limit` nodes in all throw a
 * YamlTreeError naming the offset. An aliased node is shared, not copied.
 */
export function yamlToPlain(doc: Document, limit = ALIAS_EXPANSION_LIMIT): Value {
  const anchors = new Map<string, YamlNode>();
  const converted = new Map<YamlNode, { value: Value; size: number }>();
  const inProgress = new Set<YamlNode>();
  let repeated = 0;

  const convert = (node: YamlNode | null | undefined): { value: Value; size: number } => {
    if (node === null || node === undefined) return { value: null, size: 1 };
    if (isAlias(node)) return alias(node);
    if (node.anchor) anchors.set(node.anchor, node);
    inProgress.add(node);
    let out: { value: Value; size: number };
    if (isMap(node)) {
      const obj: Record<string, Value> = {};
      const seen = new Set<string>();
      const merged: Value[] = [];
      let size = 1;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        if (isScalar(keyNode) && typeof keyNode.value === 'symbol') {
          // a merge key `<<` (where the document's schema has them, as YAML 1.1): its maps fill in keys not set here
          const child = convert(pair.value as YamlNode | null);
          size += child.size;
          merged.push(...(Array.isArray(child.value) ? child.value : [child.value]));
          continue;
        }
        const key = keyString(keyNode);
        if (seen.has(key)) throw new YamlTreeError(`the key "${cut(key)}" appears twice in this mapping`, keyNode?.range?.[0] ?? node.range?.[0] ?? 0);
        seen.add(key);
        const child = convert(pair.value as YamlNode | null);
        size += child.size;
        setOwn(obj, key, child.value);
      }
      // the map's own keys win, then the merged maps in order (YAML's merge key type)
      for (const source of merged) {
        if (source === null || typeof source !== 'object' || Array.isArray(source)) {
          throw new YamlTreeError('a merge key (<<) takes a mapping or a list of mappings', node.range?.[0] ?? 0);
        }
        for (const [key, value] of Object.entries(source)) if (!Object.prototype.hasOwnProperty.call(obj, key)) setOwn(obj, key, value);
      }
      out = { value: obj, size };
    } else if (isSeq(node)) {
      const list: Value[] = [];
      let size = 1;
      for (const item of node.items) {
        const child = convert(item as YamlNode | null);
        size += child.size;
        list.push(child.value);
      }
      out = { value: list, size };
    } else {
      out = { value: isScalar(node) ? node.value : null, size: 1 };
    }
    inProgress.delete(node);
    converted.set(node, out);
    return out;
  };

  const alias = (node: Alias): { value: Value; size: number } => {
    const target = anchors.get(node.source);
    const offset = node.range?.[0] ?? 0;
    if (!target) throw new YamlTreeError(`the alias *${cut(node.source)} names no anchor set before it (write &${cut(node.source)} on an earlier node)`, offset);
    if (inProgress.has(target)) throw new YamlTreeError(`the alias *${cut(node.source)} is inside the node it names, which would repeat it without end`, offset);
    const done = converted.get(target)!;
    repeated += done.size;
    if (repeated > limit) {
      throw new YamlTreeError(`aliases repeat more than ${limit.toLocaleString('en-US')} nodes in all (an alias bomb?); write the repeated data out or use fewer aliases`, offset);
    }
    return done;
  };

  try {
    return convert(doc.contents as YamlNode | null).value;
  } catch (err) {
    if (err instanceof RangeError) throw new YamlTreeError('the document is nested too deeply', 0);
    throw err;
  }
}

/** A mapping key as the key of a plain object. */
function keyString(key: YamlNode | null): string {
  if (key === null || key === undefined) return '';
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
  throw new YamlTreeError('a key must be a plain value, not a mapping or a list', key.range?.[0] ?? 0);
}

function cut(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
