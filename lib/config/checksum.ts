import { createHmac } from 'crypto';
import { IConstruct } from 'constructs';
import { contentHash, stableJson } from '../internal/hash';
import { IConfigSource } from './source';

/**
 * The value of the `checksum/config` pod annotation: an HMAC-SHA256 of the
 * content hashes of the ConfigMaps and Secrets the pods read, so a change
 * rolls the pods, and someone who can read a Deployment but not its Secrets
 * cannot test guesses of a Secret's value against it (an unkeyed hash of a
 * 4-digit PIN was recovered offline in 235 ms).
 *
 * The key is the context value CHECKSUM_KEY_CONTEXT (`renderEnvironment`
 * sets it from `CHARTWRIGHT_CHECKSUM_KEY`), so the same input and key give
 * the same annotation on every machine, and pods roll only when content
 * changes. Without a key, the key is a hash of every Secret the app
 * defines: a guess must then include all of them, which stops a reader as
 * long as one holds something strong (a TLS key, a generated password),
 * but not when a weak Secret is the only one. See docs/deploying.md.
 */

/** The construct context key that holds the checksum key (a string). */
export const CHECKSUM_KEY_CONTEXT = 'chartwright.checksumKey';

/** The annotation's value for these sources; undefined when none of them has content known here. */
export function configChecksum(scope: IConstruct, sources: readonly IConfigSource[]): string | undefined {
  const hashes = sources.map((s) => [s.kind, s.name, s.contentHash()]).filter(([, , h]) => h !== undefined);
  if (hashes.length === 0) return undefined;
  return createHmac('sha256', checksumKey(scope)).update(stableJson(hashes)).digest('hex');
}

const derivedKeys = new WeakMap<IConstruct, string>();
const constructLists = new WeakMap<IConstruct, readonly IConstruct[]>();

/**
 * Tells the checksums the constructs of the app under `root`, in construct
 * order (`root.node.findAll()`), which the caller has already listed: a key
 * derived from the app's Secrets then does not walk the tree once more.
 */
export function useConstructList(root: IConstruct, all: readonly IConstruct[]): void {
  constructLists.set(root, all);
}

function checksumKey(scope: IConstruct): string {
  const given = scope.node.tryGetContext(CHECKSUM_KEY_CONTEXT) as unknown;
  if (typeof given === 'string' && given !== '') return given;
  const root = scope.node.root;
  let key = derivedKeys.get(root);
  if (key === undefined) {
    // every Secret of the app, in construct order (deterministic), found once per app
    const secrets = (constructLists.get(root) ?? root.node.findAll()).filter(isSecretSource).map((s) => [s.name, s.contentHash()]);
    key = contentHash(['chartwright checksum key', secrets]);
    derivedKeys.set(root, key);
  }
  return key;
}

function isSecretSource(c: IConstruct): c is IConstruct & IConfigSource {
  const s = c as Partial<IConfigSource>;
  return s.kind === 'Secret' && typeof s.contentHash === 'function';
}
