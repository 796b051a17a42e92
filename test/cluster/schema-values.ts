import fc from 'fast-check';

/**
 * Random values a chart's values.schema.json accepts, for the keys the
 * export parameterized: each key's value is drawn from its schema (enum,
 * boolean, integer or number within its bounds, a string of its pattern and
 * length), and the keys are set together as one values file. Keys the
 * export left fixed are not drawn: the chart renders them as the
 * environment does, whatever a values file says.
 */
export function schemaValues(schema: JsonSchema, paths: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const parts = paths.map((p) => {
    const keys = p.split('.');
    const node = keys.reduce<JsonSchema | undefined>((at, key) => at?.properties?.[key], schema);
    if (!node) throw new Error(`values.schema.json has no property ${p}`);
    return scalar(node).map((value) => [keys, value] as const);
  });
  return fc.tuple(...parts).map((pairs) => {
    const values: Record<string, unknown> = {};
    for (const [keys, value] of pairs) {
      let at = values;
      keys.forEach((key, i) => {
        if (i === keys.length - 1) at[key] = value;
        else at = (at[key] ??= {}) as Record<string, unknown>;
      });
    }
    return values;
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonSchema = Record<string, any>;

/** A value one scalar schema accepts. */
function scalar(node: JsonSchema): fc.Arbitrary<unknown> {
  if (Array.isArray(node.enum)) return fc.constantFrom(...node.enum);
  if (node.const !== undefined) return fc.constant(node.const);
  if (Array.isArray(node.anyOf)) return fc.oneof(...node.anyOf.filter((branch: JsonSchema) => branch.type !== 'null').map(scalar));
  const type = Array.isArray(node.type) ? node.type.find((t: string) => t !== 'null') : node.type;
  switch (type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      // an integer is given to templates as int64; a number stays Helm's float64, whose text has an exponent
      // from a million on (1e+06: see docs/export-helm.md), so numbers are drawn below that
      const limit = type === 'integer' ? 1_000_000_000 : 100_000;
      const min = Math.max(node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : -limit), -limit);
      const max = Math.min(node.maximum ?? (node.exclusiveMaximum !== undefined ? node.exclusiveMaximum - 1 : limit), limit);
      return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
    }
    case 'string': {
      const minLength = node.minLength ?? 0;
      const maxLength = Math.min(node.maxLength ?? 40, 40);
      const fits = (s: string) => s.length >= minLength && s.length <= (node.maxLength ?? Infinity);
      if (node.pattern) return fc.stringMatching(new RegExp(node.pattern)).filter((s) => s.length <= maxLength && fits(s));
      // mostly words a package takes anywhere (an image tag, a name); sometimes text with what a template
      // must not read as its own: quotes, braces, percent signs, backslashes, non-ASCII
      const word = fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9_.-]{0,18}[a-zA-Z0-9])?$/);
      const text = fc.string({ unit: fc.constantFrom(...'abcXYZ019 -_.:/"\'{}%$\\é✓'), minLength, maxLength });
      return fc.oneof({ arbitrary: word, weight: 3 }, { arbitrary: text, weight: 1 }).filter(fits);
    }
    default:
      throw new Error(`no generator for a values schema of type ${JSON.stringify(node.type)}`);
  }
}
