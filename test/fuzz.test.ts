import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { UserError } from '../lib';
import { parseManifests, validateObjects } from '../lib/validate';
import { formatFinding } from '../lib/validate/findings';
import { readValuesFile } from '../lib/values/layers';
import { packageSchemaAt, resolveTree } from '../lib/values/resolve';
import { scalarKind } from '../lib/values/schema';
import { parseSet } from '../lib/values/set';
import { Shop } from './values/fixtures';

/**
 * Fuzzing (issue 20): values files, --set strings and mutated manifests.
 * The invariant: a clear error (a UserError, or findings) or valid output,
 * within the test's time limit, and never another exception — what the
 * command line would show as an internal error with a stack trace.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-fuzz-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `fn`; a UserError is a clear error, anything else fails the property. */
function clearErrorOrResult(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    if (!UserError.isUserError(err)) throw err;
    expect(err.message.length).toBeGreaterThan(0);
    expect(err.message.length).toBeLessThan(20_000); // capped lists and echoes
  }
}

const YAML_BITS = ['&a ', '*a', '<<: ', '---\n', '- ', ': ', '{', '}', '[', ']', '"', "'", '#', '|\n', '>\n', '!!str ', '!!binary ', '? ', '\t', '\n  ', '\u0000', '\ufeff', '%YAML 1.1\n', '~', '.inf', '0x1F', 'replicas', 'image', 'tag'];

const yamlText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...YAML_BITS), maxLength: 40 }),
  fc.string({ maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => stringify(v)),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

describe('fuzz: never a crash, always a clear error or a result', () => {
  test('values files: random YAML text, bytes and structures', () => {
    let n = 0;
    fc.assert(
      fc.property(yamlText, fc.boolean(), (text, binary) => {
        const file = path.join(dir, `v${n++}.yaml`);
        fs.writeFileSync(file, binary ? Buffer.from(text, 'latin1') : text);
        clearErrorOrResult(() => {
          const layer = readValuesFile(file, 'fuzz.yaml')!;
          resolveTree(Shop, [layer]);
        });
      }),
      { numRuns: 400 },
    );
  });

  test('--set strings, typed through the schema as the command line does', () => {
    const kindAt = (p: readonly (string | number)[]) => scalarKind(packageSchemaAt(Shop, p));
    const setString = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: fc.constantFrom('a', 'b', '.', ',', '=', '[', ']', '0', '1', '{', '}', '\\', 'replicas', 'ports', 'image', 'tag', 'null', 'true', ' '), maxLength: 30 }),
    );
    fc.assert(
      fc.property(setString, (expression) => {
        clearErrorOrResult(() => resolveTree(Shop, [{ source: '--set', data: parseSet(expression, kindAt) }]));
      }),
      { numRuns: 1000 },
    );
  });

  test('mutated manifests: validate gives findings, never an exception', () => {
    const golden = path.join(__dirname, 'golden', 'apps', 'prod');
    const originals = fs.readdirSync(golden).map((f) => fs.readFileSync(path.join(golden, f), 'utf8'));
    const mutation = fc.record({
      file: fc.nat(originals.length - 1),
      at: fc.nat(),
      cut: fc.nat(40),
      insert: fc.oneof(fc.constantFrom(...YAML_BITS, '-1', '"x"', '[]', '{}', 'null', '123456789', '999999999999999999999'), fc.string({ maxLength: 10 })),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        let text = originals[mutations[0].file];
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.cut);
        }
        const { objects, findings } = parseManifests('mutated.yaml', text);
        const all = [...findings, ...validateObjects(objects)];
        for (const f of all) expect(formatFinding(f)).toMatch(/^(error|warning) \[[a-z0-9-]+\] /);
      }),
      { numRuns: 300 },
    );
  });
});
