import { groupOf } from '../kube/object-index';
import { isRecord } from '../internal/objects';
import { deepEqual, diffFields } from './fields';
import { DiffObject, DiffReport, FieldChange, ObjectChange, ReleaseObjects } from './model';
import { RiskContext, addedRisks, changedRisks, removedRisks } from './risks';

/** Where the values of Secret objects are: never printed, only that a key changed. */
const SECRET_FIELDS = new Set(['data', 'stringData']);

interface Entry {
  readonly environment: string;
  readonly release: string;
  readonly obj: DiffObject;
  readonly group: string;
}

/** Objects are the same object when environment, API group, kind, namespace and name agree (as the API server sees them). */
function keyOf(environment: string, group: string, obj: DiffObject): string {
  const metadata = obj.metadata ?? {};
  return `${environment}\0${group}\0${obj.kind}\0${metadata.namespace ?? ''}\0${metadata.name ?? ''}`;
}

function index(outputs: readonly ReleaseObjects[]): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const { environment, release, objects } of outputs) {
    for (const obj of objects) {
      const group = groupOf(String(obj.apiVersion ?? ''));
      out.set(keyOf(environment, group, obj), { environment, release, obj, group });
    }
  }
  return out;
}

/**
 * Compares two outputs object by object: objects added, removed and changed,
 * each changed one with its fields (paths, before and after values) and each
 * with its risks. Secret `data` and `stringData` are compared but their values
 * are dropped: the report says which key changed, never to what. Changes come
 * by environment and release in the new output's order, removed objects after
 * the rest of their release.
 */
export function diffOutputs(before: readonly ReleaseObjects[], after: readonly ReleaseObjects[]): DiffReport {
  const old = index(before);
  const now = index(after);
  const matched: Array<{ a: Entry; b: Entry; fields: FieldChange[] }> = [];
  const changedConfig = new Set<string>();
  const groups = new Map<string, ObjectChange[]>();
  const groupOfRelease = (e: Entry) => {
    const key = `${e.environment}\0${e.release}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    return list;
  };
  // first the fields of every matched object: a pod template's risk names the ConfigMaps and Secrets that changed
  for (const [key, b] of now) {
    groupOfRelease(b);
    const a = old.get(key);
    // most objects of a change are equal: a comparison that allocates nothing settles them
    if (!a || deepEqual(a.obj, b.obj)) continue;
    const fields = diffFields(a.obj, b.obj);
    if (fields.length === 0) continue;
    matched.push({ a, b, fields: hideSecrets(b, fields) });
    if (b.group === '' && (b.obj.kind === 'ConfigMap' || b.obj.kind === 'Secret')) changedConfig.add(`${b.obj.kind}/${b.obj.metadata?.namespace ?? ''}/${b.obj.metadata?.name ?? ''}`);
  }
  const context: RiskContext = { changedConfig };
  const changes = new Map<Entry, ObjectChange>();
  for (const { a, b, fields } of matched) changes.set(b, change(b, 'changed', fields, changedRisks(b.group, b.obj.kind, a.obj, b.obj, fields, context)));
  for (const [key, b] of now) {
    const made = changes.get(b) ?? (old.has(key) ? undefined : change(b, 'added', [], addedRisks(b.group, b.obj.kind, b.obj)));
    if (made) groupOfRelease(b).push(made);
  }
  for (const [key, a] of old) {
    if (!now.has(key)) groupOfRelease(a).push(change(a, 'removed', [], removedRisks(a.group, a.obj.kind)));
  }
  return { changes: [...groups.values()].flat() };
}

function change(e: Entry, kind: ObjectChange['change'], fields: FieldChange[], risks: ObjectChange['risks']): ObjectChange {
  return {
    environment: e.environment,
    release: e.release,
    change: kind,
    apiVersion: String(e.obj.apiVersion ?? ''),
    kind: String(e.obj.kind ?? ''),
    namespace: e.obj.metadata?.namespace ?? '',
    name: e.obj.metadata?.name ?? '',
    fields,
    risks,
  };
}

/** A Secret's data and stringData changes without their values: a whole map that came or went is one change per key. */
function hideSecrets(e: Entry, fields: FieldChange[]): FieldChange[] {
  if (e.group !== '' || e.obj.kind !== 'Secret') return fields;
  return fields.flatMap((f): FieldChange[] => {
    if (!SECRET_FIELDS.has(String(f.path[0]))) return [f];
    if (f.path.length > 1) return [{ path: f.path, hidden: true }];
    const keys = new Set([...Object.keys(isRecord(f.before) ? f.before : {}), ...Object.keys(isRecord(f.after) ? f.after : {})]);
    return keys.size === 0 ? [{ path: f.path, hidden: true }] : [...keys].sort().map((k) => ({ path: [f.path[0], k], hidden: true }));
  });
}
