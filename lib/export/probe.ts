import { ApiObject, App } from 'cdk8s';
import { KubeObject } from '../synth/render';
import { applyPatches, matchesTarget } from '../synth/patches';
import { ResolvedRelease } from '../package/platform';
import { ValuesLayer } from '../values/layers';
import { withFastResolve } from '../construct/fast-resolve';
import { PathPart } from '../internal/json-path';
import { isRecord } from '../internal/objects';

/** The objects of one build of a release, by construct path below the release. */
export type Build = ReadonlyMap<string, KubeObject>;

/**
 * Builds a release under a name with extra values over its own layers and
 * renders its objects, keyed by construct path without the release's id (so
 * two builds under different release names line up). The environments'
 * patches are applied to the objects `patchKeys` names (see patchKeys()), so
 * a build under another name is patched as synth patches the release.
 * Nothing is validated: the exporter compares builds, synth validates what
 * it writes.
 */
export function buildRelease(release: ResolvedRelease, name: string, layers: readonly ValuesLayer[], patchKeys: readonly (string | undefined)[] = []): { objects: Build; values: Record<string, unknown> } {
  const app = new App({ outdir: '.' });
  const chart = new release.package(app, name, { namespace: release.namespace, valuesLayers: layers });
  const apiObjects = chart.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
  const objects = new Map<string, KubeObject>();
  withFastResolve(() => {
    for (const obj of apiObjects) objects.set(obj.node.path.slice(name.length), obj.toJson() as KubeObject);
  });
  release.patches.forEach(({ environment, patch }, i) => {
    const key = patchKeys[i];
    const obj = key === undefined ? undefined : objects.get(key);
    if (!key || !obj) return; // an object a probe turns off
    const target = { ...patch.target, name: obj.metadata.name ?? '', ...(patch.target.namespace !== undefined ? { namespace: obj.metadata.namespace } : {}) };
    objects.set(key, applyPatches([obj], [{ environment, patch: { ...patch, target } }])[0]);
  });
  return { objects, values: chart.values as Record<string, unknown> };
}

/** The object (by key) each of the release's patches targets, in a build under the release's own name and namespace. */
export function patchKeys(release: ResolvedRelease, layers: readonly ValuesLayer[]): Array<string | undefined> {
  if (release.patches.length === 0) return [];
  const { objects } = buildRelease(release, release.name, layers);
  return release.patches.map(({ patch }) => [...objects].find(([, obj]) => matchesTarget(obj, patch.target))?.[0]);
}

/** A scalar of the values and its path. */
export interface ValueLeaf {
  readonly path: readonly string[];
  readonly value: string | number | boolean;
}

/** Every string, number and boolean of a values tree, depth first; arrays are not walked (they stay fixed). */
export function valueLeaves(values: unknown, path: readonly string[] = [], out: ValueLeaf[] = [], skipped: string[] = []): { leaves: ValueLeaf[]; skipped: string[] } {
  if (isRecord(values)) {
    for (const [key, value] of Object.entries(values)) valueLeaves(value, [...path, key], out, skipped);
  } else if (typeof values === 'string' || typeof values === 'number' || typeof values === 'boolean') {
    out.push({ path, value: values });
  } else if (Array.isArray(values) && values.length > 0) {
    skipped.push(path.join('.'));
  }
  return { leaves: out, skipped };
}

/**
 * A value that differs from `value` in a way that is easy to find in the
 * output: a string no package writes by itself (lower-case letters and
 * digits, so it passes DNS-name and image-tag patterns), the next number
 * (or the one before when a maximum refuses it), the other boolean, or
 * for a value of a fixed list (an enum), each other value of the list.
 */
export function probeValues(value: string | number | boolean, index: number, allowed?: readonly unknown[]): Array<string | number | boolean> {
  if (typeof value === 'boolean') return [!value];
  // a value of a list: another of the list (its text may be found in the output only by luck: checked by the caller)
  if (allowed) return allowed.filter((v): v is string | number => (typeof v === 'string' || typeof v === 'number') && v !== value);
  if (typeof value === 'number') return [value + 1, value - 1];
  // a string of a format (a percentage, a quantity) refuses the probe word: the same text with its last number one more
  const bumped = value.replace(/(\d+)(\D*)$/, (_, digits: string, rest: string) => `${Number(digits) + 1}${rest}`);
  return bumped !== value ? [`cwprobe${index}x`, bumped] : [`cwprobe${index}x`];
}

/** The values layer that sets one path to one value. */
export function layerAt(path: readonly PathPart[], value: unknown): ValuesLayer {
  const data: Record<string, unknown> = {};
  let at = data;
  path.forEach((key, i) => {
    if (i === path.length - 1) at[key as string] = value;
    else at = at[key as string] = {} as Record<string, unknown>;
  });
  return { source: `export probe ${path.join('.')}`, data };
}
