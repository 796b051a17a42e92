import { UserError } from '../errors';
import { PackageClass } from '../package/package';
import { packageSchemaAt } from '../values/resolve';
import { isSensitiveAt } from '../values/sensitive';
import { isRecord } from '../internal/objects';
import { ValueLeaf } from './probe';
import { goString, valuesExpr } from './fields';

/**
 * The values of a release the chart must not carry: scalars the package's
 * schema marks sensitive (lib/values/sensitive.ts, the one definition) whose
 * value is not the package's own default. A package's default is published
 * with the package (it is in values.schema.json) and stays; a value an
 * environment sets is left out of values.yaml and NOTES.txt, and the
 * templates require it (`required`), so an install without it fails with
 * a message that says how to give it.
 */
export class ChartSecrets {
  private readonly paths = new Set<string>();

  constructor(
    private readonly cls: PackageClass,
    leaves: readonly ValueLeaf[],
    defaults: Record<string, unknown> | undefined,
  ) {
    for (const leaf of leaves) {
      if (!this.isSensitive(leaf.path)) continue;
      if (defaults !== undefined && valueAt(defaults, leaf.path) === leaf.value) continue;
      this.paths.add(key(leaf.path));
      this.leaves.push(leaf);
    }
  }

  /** The sensitive scalars the environment sets, in values order. */
  readonly leaves: ValueLeaf[] = [];

  /** Whether a values path is sensitive by the schema (or by its key's name). */
  isSensitive(path: readonly string[]): boolean {
    return isSensitiveAt((prefix) => packageSchemaAt(this.cls, prefix), path);
  }

  /** Whether the environment's value at this path is kept out of the chart. */
  has(path: readonly string[]): boolean {
    return this.paths.has(key(path));
  }

  /** The template expression of a value: `required` for a secret, so Helm names it when it is not given. */
  expr(path: readonly string[]): string {
    const base = valuesExpr(path);
    if (!this.has(path)) return base;
    return `(required ${goString(`${path.join('.')} is sensitive and not in the chart's values.yaml: set it with --set ${path.join('.')}=… or a values file kept secret (-f)`)} ${base})`;
  }

  /** The values for values.yaml: each secret taken out (its parent map stays, so a template can index into it). */
  redactValues(values: Record<string, unknown>): Record<string, unknown> {
    const copy = JSON.parse(JSON.stringify(values)) as Record<string, unknown>;
    for (const leaf of this.leaves) {
      const parent = valueAt(copy, leaf.path.slice(0, -1));
      if (isRecord(parent)) delete parent[leaf.path[leaf.path.length - 1]];
    }
    return copy;
  }

  /** The comment values.yaml carries where a secret was left out. */
  note(path: readonly string[]): string {
    return ` ${path[path.length - 1]}: sensitive, left out; set it with --set ${path.join('.')}=… or a values file kept secret (-f); the templates require it`;
  }

  /** The schema with the secrets no longer required by values.yaml (the templates require them instead). */
  relaxSchema(schema: Record<string, any>): void {
    for (const leaf of this.leaves) {
      let node: Record<string, any> | undefined = schema;
      for (const part of leaf.path.slice(0, -1)) node = node?.properties?.[part];
      const last = leaf.path[leaf.path.length - 1];
      if (node && Array.isArray(node.required)) {
        node.required = node.required.filter((k: string) => k !== last);
        if (node.required.length === 0) delete node.required;
      }
    }
  }

  /** Text with each secret's value replaced by a word naming the value (NOTES.txt). */
  redactText(text: string): string {
    let out = text;
    for (const leaf of this.leaves) {
      const shown = String(leaf.value);
      if (shown.length >= MIN_SCANNED) out = out.split(shown).join(`(${leaf.path.join('.')}, not shown)`);
    }
    return out;
  }

  /**
   * Refuses a chart file that still carries a secret's value: a value the
   * probes could not turn into an expression (a transformed or encoded
   * value) stays as the environment renders it, and that must not be the
   * secret. The message names the path and the file, never the value.
   */
  checkFile(file: string, text: string): void {
    for (const leaf of this.leaves) {
      const shown = String(leaf.value);
      if (shown.length >= MIN_SCANNED && text.includes(shown)) {
        throw new UserError(
          `${leaf.path.join('.')}: the value is sensitive and would be written into the chart's ${file} (the export could not turn every use of it into a template expression); ` +
            'export from an environment that leaves it at the package default, or have the package use the value unchanged (not transformed or encoded)',
          { field: leaf.path.join('.') },
        );
      }
    }
  }
}

/** Values shorter than this are not looked for in text: a secret of 1 or 2 characters would match everywhere. */
const MIN_SCANNED = 3;

function key(path: readonly string[]): string {
  return JSON.stringify(path);
}

function valueAt(tree: unknown, path: readonly string[]): unknown {
  let at = tree;
  for (const part of path) {
    if (!isRecord(at)) return undefined;
    at = at[part];
  }
  return at;
}
