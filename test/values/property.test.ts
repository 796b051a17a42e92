import * as fc from 'fast-check';
import { UserError } from '../../lib';
import { resolveTree } from '../../lib/values/resolve';
import { describeSet, parseSet } from '../../lib/values/set';
import { Shop, shopValues } from './fixtures';

const KEYS = ['replicas', 'image', 'repository', 'tag', 'mode', 'ports', 'annotations', 'replicaDb', 'db', 'replica', 'enabled', 'storage', 'resources', 'limits', 'cpu', 'global', 'imageRegistry'];

const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('list'), tie('map')),
  leaf: fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('live', '1Gi', '500m', 'x')),
  list: fc.array(tie('node'), { maxLength: 3 }),
  map: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie('node'), { maxKeys: 5 }),
}));

const PROBLEM_LINE = /^  \S.*: .+$/;

describe('values checking never crashes (property)', () => {
  test('random values either resolve to schema-valid values or fail with a UserError listing each problem', () => {
    fc.assert(
      fc.property(value.map as fc.Arbitrary<Record<string, unknown>>, (data) => {
        try {
          const result = resolveTree(Shop, [{ source: 'random.yaml', data }]);
          const { db, replica, global, ...own } = result;
          expect(shopValues.safeParse(own).success).toBe(true);
          void db; void replica; void global;
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          const [head, ...lines] = err.message.split('\n');
          expect(head).toMatch(/^invalid values for (package|dependency) /);
          expect(lines.length).toBeGreaterThan(0);
          for (const line of lines) expect(line).toMatch(PROBLEM_LINE);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('random --set expressions either parse or fail with a UserError', () => {
    const expr = fc.oneof(fc.string(), fc.stringMatching(/^[a-z\\.[\]0-9{},=]{0,20}$/));
    fc.assert(
      fc.property(expr, (e) => {
        try {
          parseSet(e);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          expect(err.message.startsWith(`--set ${describeSet(e)}: `)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
