import { UserError, suggestion } from '../errors';
import { isRecord } from '../internal/objects';
import { JsonPatchOperation, ReleasePatch } from '../package/platform';
import type { KubeObject } from './render';

/*
 * A release's patches (`releases.x.patches`): Helm's post-renderer, done
 * safely. Each names one object of the release by kind and name and changes
 * it with a JSON merge patch (RFC 7386) or a JSON patch (RFC 6902). They are
 * applied to the rendered objects before validation, so patched output is
 * checked like the rest; a patch whose target is not there, or whose
 * operation does not apply, fails the synth rather than doing nothing.
 */

/** Applies the patches of a release to its objects, in order; returns new objects (the patched ones copied). */
export function applyPatches(objects: readonly KubeObject[], patches: readonly { readonly environment: string; readonly patch: ReleasePatch }[]): KubeObject[] {
  const out = [...objects];
  patches.forEach(({ environment, patch }, i) => {
    const where = `patches[${i}] (environment "${environment}")`;
    const { target } = patch;
    if (!isRecord(target) || typeof target.kind !== 'string' || typeof target.name !== 'string') {
      throw new UserError(`${where}: target must name a kind and a name, such as { kind: 'Deployment', name: 'web' }`, { field: `patches[${i}].target` });
    }
    if ((patch.merge === undefined) === (patch.json === undefined)) {
      throw new UserError(`${where}: give either merge (a JSON merge patch) or json (JSON patch operations), one of them`, { field: `patches[${i}]` });
    }
    const matches = out.map((obj, index) => ({ obj, index })).filter(({ obj }) => matchesTarget(obj, target));
    const shown = `${target.kind} "${target.name}"${target.namespace ? ` in namespace "${target.namespace}"` : ''}`;
    if (matches.length === 0) {
      const names = out.filter((o) => o.kind === target.kind).map((o) => o.metadata.name ?? '');
      const kinds = [...new Set(out.map((o) => o.kind))];
      const hint = names.length > 0 ? `${suggestion(target.name, names)}; the release's ${target.kind} objects are: ${names.join(', ')}` : `${suggestion(target.kind, kinds)}; the release has no ${target.kind}: its kinds are ${kinds.join(', ')}`;
      throw new UserError(`${where}: the target ${shown} is not an object of the release${hint}`, { field: `patches[${i}].target`, given: target });
    }
    if (matches.length > 1) {
      throw new UserError(`${where}: the target ${shown} matches ${matches.length} objects: add the namespace or apiVersion`, { field: `patches[${i}].target` });
    }
    const { obj, index } = matches[0];
    const copy = structuredClone(obj);
    out[index] = (patch.merge !== undefined ? mergePatch(copy, patch.merge) : jsonPatch(copy, patch.json!, `${where} on ${shown}`)) as KubeObject;
  });
  return out;
}

/** Whether an object is the one a patch's target names. */
export function matchesTarget(obj: KubeObject, target: ReleasePatch['target']): boolean {
  return (
    obj.kind === target.kind &&
    obj.metadata.name === target.name &&
    (target.namespace === undefined || obj.metadata.namespace === target.namespace) &&
    (target.apiVersion === undefined || obj.apiVersion === target.apiVersion)
  );
}

/** RFC 7386: maps merge, `null` removes a key, anything else (lists too) replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const out: Record<string, unknown> = isRecord(target) ? target : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/** RFC 6902: add, remove, replace, move, copy and test, on JSON pointers (`/spec/replicas`, `~1` for '/', `-` for the end of a list). */
export function jsonPatch(doc: unknown, operations: readonly JsonPatchOperation[], where: string): unknown {
  let root = doc;
  operations.forEach((op, i) => {
    const fail = (message: string) => new UserError(`${where}: json[${i}] (${op.op} ${op.path}): ${message}`, { field: `json[${i}]` });
    const get = (pointer: string) => {
      let node: unknown = root;
      for (const token of tokens(pointer, fail)) {
        const next = child(node, token);
        if (next === undefined) throw fail(`${pointer} is not in the object`);
        node = next;
      }
      return node;
    };
    const parentOf = (pointer: string): [unknown, string] => {
      const parts = tokens(pointer, fail);
      if (parts.length === 0) throw fail('the whole object cannot be added or removed: give a path below it');
      const last = parts.pop()!;
      let node: unknown = root;
      for (const token of parts) {
        const next = child(node, token);
        if (next === undefined || typeof next !== 'object' || next === null) throw fail(`${formatPointer(parts)} is not in the object`);
        node = next;
      }
      return [node, last];
    };
    const add = (pointer: string, value: unknown) => {
      const [parent, key] = parentOf(pointer);
      if (Array.isArray(parent)) {
        const index = key === '-' ? parent.length : arrayIndex(key, parent.length, fail);
        parent.splice(index, 0, value);
      } else (parent as Record<string, unknown>)[key] = value;
    };
    const remove = (pointer: string): unknown => {
      const [parent, key] = parentOf(pointer);
      const old = child(parent, key);
      if (old === undefined) throw fail(`${pointer} is not in the object`);
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete (parent as Record<string, unknown>)[key];
      return old;
    };
    switch (op.op) {
      case 'add':
        add(op.path, structuredClone(op.value));
        break;
      case 'remove':
        remove(op.path);
        break;
      case 'replace':
        remove(op.path);
        add(op.path, structuredClone(op.value));
        break;
      case 'move': {
        const value = remove(op.from);
        add(op.path, value);
        break;
      }
      case 'copy':
        add(op.path, structuredClone(get(op.from)));
        break;
      case 'test':
        if (JSON.stringify(get(op.path)) !== JSON.stringify(op.value)) throw fail(`the value is ${JSON.stringify(get(op.path))}, not ${JSON.stringify(op.value)}`);
        break;
      default:
        throw fail(`"${(op as { op: string }).op}" is not an operation: use add, remove, replace, move, copy or test`);
    }
  });
  return root;
}

function tokens(pointer: string, fail: (m: string) => Error): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw fail('a JSON pointer starts with "/", such as /spec/replicas');
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function formatPointer(parts: readonly string[]): string {
  return '/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

function child(node: unknown, token: string): unknown {
  if (Array.isArray(node)) return /^(0|[1-9]\d*)$/.test(token) ? node[Number(token)] : undefined;
  return isRecord(node) && Object.prototype.hasOwnProperty.call(node, token) ? node[token] : undefined;
}

function arrayIndex(token: string, length: number, fail: (m: string) => Error): number {
  const index = /^(0|[1-9]\d*)$/.test(token) ? Number(token) : NaN;
  if (!(index <= length)) throw fail(`${token} is not an index of the list (0 to ${length}, or - for the end)`);
  return index;
}
