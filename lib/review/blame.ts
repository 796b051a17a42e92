import { Blame, DiffObject, DiffReport, FieldChange, ObjectChange, deepEqual, valueAt } from '../diff';
import { PathPart, formatPath } from '../internal/json-path';
import { isRecord } from '../internal/objects';
import { groupOf } from '../kube/object-index';
import { Platform } from '../package/platform';
import { ValuesSources, releaseLayers } from '../package/sources';
import { renderReleaseWithLayers } from '../synth/render';
import { ValuesLayer, mergeLayers } from '../values/layers';
import { packageSchemaAt } from '../values/resolve';
import { isSensitiveAt } from '../values/sensitive';

/** A value one layer sets and no later layer overrides: what a field may be blamed on. */
interface Setting {
  readonly layer: number;
  readonly path: readonly PathPart[];
  readonly blame: Blame;
  /** The same without the value (a `--set` shows it): for hidden fields. */
  readonly hiddenBlame: Blame;
  readonly sensitive: boolean;
}

export interface BlameOptions {
  /**
   * Only the values the schema marks sensitive, to hide what they reach, and
   * no blame shown: what `--no-blame` still does.
   * @default false
   */
  readonly sensitiveOnly?: boolean;
}

/**
 * Finds, for each change of the new output, the values that caused it — and
 * exactly those. For each value a layer of a release sets (a values file's
 * key, a `--set` path, an environment's value in the platform entry) and no
 * later layer overrides, the release is rendered again without it; the
 * fields that then differ are the fields that value reached, and an object
 * that then is missing (or there) was added (or removed) by it. A field is
 * blamed on the values whose removal alone gives it its old value back
 * (`activeColor`, not the `strategy: blueGreen` that makes the colour a
 * selector at all); when no one value does (two values changed that both
 * reach it), on every value it depends on. Defaults are
 * not blamed: they are the package's, not a value someone set. A value whose
 * removal leaves the release invalid (a required value) is not blamed.
 *
 * It renders the release once more per value set, and only releases that
 * changed: nothing of it runs unless the diff asks for blame.
 *
 * Fields reached by a value the schema marks sensitive are hidden, like a
 * Secret's data.
 */
export function blameChanges(report: DiffReport, platform: Platform, sources: ValuesSources, options: BlameOptions = {}): DiffReport {
  const byRelease = new Map<string, ObjectChange[]>();
  for (const c of report.changes) {
    const key = `${c.environment}\0${c.release}`;
    byRelease.set(key, [...(byRelease.get(key) ?? []), c]);
  }
  const blamed = new Map<ObjectChange, ObjectChange>();
  for (const changes of byRelease.values()) {
    const { environment, release } = changes[0];
    const env = platform.environmentNames().includes(environment) ? platform.environment(environment) : undefined;
    const resolved = env?.releases.find((r) => r.name === release);
    if (!env || !resolved) continue;
    const layers = releaseLayers(env, resolved, sources);
    const render = (ls: readonly ValuesLayer[]) => indexObjects(renderReleaseWithLayers(platform, environment, release, ls).objects);
    const current = render(layers);
    const settings = settingsOf(layers, (p) => isSensitiveAt((prefix) => packageSchemaAt(resolved.package, prefix), p)).filter((st) => st.sensitive || !options.sensitiveOnly);
    if (settings.length === 0) continue;
    const fieldBlame = new Map<FieldChange, Setting[]>();
    /** The settings whose removal alone gives the field its old value back. */
    const undoes = new Map<FieldChange, Setting[]>();
    const objectBlame = new Map<ObjectChange, Setting[]>();
    const note = <K>(map: Map<K, Setting[]>, key: K, s: Setting) => map.set(key, [...(map.get(key) ?? []), s]);
    for (const setting of settings) {
      let without: Map<string, DiffObject>;
      try {
        without = render(layers.map((l, i) => (i === setting.layer ? { ...l, data: withoutPath(l.data, setting.path) } : l)));
      } catch {
        continue; // the release is invalid without it: a required value
      }
      for (const c of changes) {
        const key = changeKey(c);
        const now = current.get(key);
        const then = without.get(key);
        if (c.change === 'added' && now && !then) note(objectBlame, c, setting);
        else if (c.change === 'removed' && !now && then) note(objectBlame, c, setting);
        else if (c.change === 'changed' && now && then) {
          for (const f of c.fields) {
            const value = valueAt(then, f.path);
            if (deepEqual(valueAt(now, f.path), value)) continue;
            note(fieldBlame, f, setting);
            if (!f.hidden && deepEqual(value, f.before)) note(undoes, f, setting);
          }
        }
      }
    }
    for (const c of changes) {
      const fields = c.fields.map((f) => {
        // what the field depends on is narrowed to the values that alone undo the change, where there are such
        const by = undoes.get(f) ?? fieldBlame.get(f);
        if (!by) return f;
        const hidden = f.hidden || fieldBlame.get(f)!.some((s) => s.sensitive);
        if (options.sensitiveOnly) return hidden ? { path: f.path, hidden: true } : f;
        return hidden ? { path: f.path, hidden: true, blame: by.map((s) => s.hiddenBlame) } : { ...f, blame: by.map((s) => s.blame) };
      });
      const by = options.sensitiveOnly ? undefined : objectBlame.get(c);
      // a Secret made or removed by a value: its --set is shown without the value
      const secret = c.kind === 'Secret' && groupOf(c.apiVersion) === '';
      blamed.set(c, { ...c, fields, ...(by ? { blame: by.map((s) => (secret || s.sensitive ? s.hiddenBlame : s.blame)) } : {}) });
    }
  }
  return { changes: report.changes.map((c) => blamed.get(c) ?? c) };
}

function changeKey(c: Pick<ObjectChange, 'apiVersion' | 'kind' | 'namespace' | 'name'>): string {
  return `${groupOf(c.apiVersion)}\0${c.kind}\0${c.namespace}\0${c.name}`;
}

function indexObjects(objects: readonly DiffObject[]): Map<string, DiffObject> {
  return new Map(objects.map((o) => [changeKey({ apiVersion: String(o.apiVersion), kind: String(o.kind), namespace: o.metadata?.namespace ?? '', name: o.metadata?.name ?? '' }), o]));
}

/** Every leaf each layer sets that no later layer overrides (maps merge; lists and scalars are one value). */
function settingsOf(layers: readonly ValuesLayer[], sensitive: (path: readonly PathPart[]) => boolean): Setting[] {
  const merged = mergeLayers(layers);
  const out: Setting[] = [];
  layers.forEach((layer, index) => {
    const walk = (data: Record<string, unknown>, parts: PathPart[]) => {
      for (const [key, value] of Object.entries(data)) {
        const path = [...parts, key];
        if (isRecord(value)) walk(value, path);
        else if (value !== null && value !== undefined && merged.sources.get(formatPath(path)) === layer) {
          const secret = sensitive(path);
          const at = formatPath(path);
          out.push({ layer: index, path, sensitive: secret, blame: { path: at, source: describeLayer(layer, path, value, secret) }, hiddenBlame: { path: at, source: describeLayer(layer, path, value, true) } });
        }
      }
    };
    walk(layer.data, []);
  });
  return out;
}

/**
 * The layer as a reviewer finds it: `apps/web/values.prod.yaml:3`; a `--set`
 * as the one assignment (`--set replicas=5`, the value hidden when sensitive);
 * `environment "prod" in apps/main.ts`.
 */
function describeLayer(layer: ValuesLayer, path: readonly PathPart[], value: unknown, sensitive: boolean): string {
  if (layer.source.startsWith('--set ')) return `--set ${formatPath(path)}=${sensitive ? '(hidden)' : Array.isArray(value) ? `{${value.join(',')}}` : String(value)}`;
  const position = layer.positions?.get(formatPath(path));
  return position ? `${layer.source}:${position.line}` : layer.source;
}

function withoutPath(data: Record<string, unknown>, path: readonly PathPart[]): Record<string, unknown> {
  const [head, ...rest] = path as string[];
  const copy = { ...data };
  if (rest.length === 0) delete copy[head];
  else if (isRecord(copy[head])) copy[head] = withoutPath(copy[head] as Record<string, unknown>, rest);
  return copy;
}
