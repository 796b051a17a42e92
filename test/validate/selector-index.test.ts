import * as fc from 'fast-check';
import { selectorMatches } from '../../lib/validate/objects';
import { SelectorIndex } from '../../lib/validate/selector-index';

const key = fc.constantFrom('app', 'tier', 'a=b', '__proto__');
const value = fc.oneof(fc.constantFrom('web', 'db', '1', 'b=c'), fc.constant(1), fc.constant(true), fc.constant({ nested: 1 }));
const labels = fc.dictionary(key, value, { maxKeys: 3 });
const selector = fc.oneof(
  fc.record({ matchLabels: labels }),
  fc.record({ matchLabels: labels, matchExpressions: fc.constant([{ key: 'tier', operator: 'Exists' }]) }),
  fc.record({ matchExpressions: fc.constant([{ key: 'app', operator: 'In', values: ['web'] }]) }),
  fc.constantFrom({}, null, 'app=web', { matchLabels: 'app' }),
);

test('the candidates of a pod are every selector of its namespace that matches it, in the order added (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('', 'shop'), selector), { maxLength: 12 }), fc.constantFrom('', 'shop', 'other'), labels, (entries, namespace, pod) => {
      const index = new SelectorIndex<number>();
      entries.forEach(([ns, s], i) => index.add(ns, s, i));
      const expected = entries.flatMap(([ns, s], i) => (ns === namespace && selectorMatches(s, pod) ? [i] : []));
      const found = index.candidates(namespace, pod);
      expect(found.filter((i) => selectorMatches(entries[i][1], pod))).toEqual(expected);
      expect([...found].sort((a, b) => a - b)).toEqual(found); // in the order added, each once
      expect(new Set(found).size).toBe(found.length);
      expect(index.size).toBe(entries.length);
    }),
    { numRuns: 2000 },
  );
});

test('a pod is compared only with the selectors that require its labels, and those that require none', () => {
  const index = new SelectorIndex<string>();
  for (let i = 0; i < 1000; i++) index.add('shop', { matchLabels: { app: `app-${i}` } }, `budget-${i}`);
  index.add('shop', { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, 'all');
  index.add('shop', { matchLabels: { app: 'app-7', tier: 'web' } }, 'web-7');
  expect(index.candidates('shop', { app: 'app-7', tier: 'web' })).toEqual(['budget-7', 'all', 'web-7']);
  expect(index.candidates('other', { app: 'app-7' })).toEqual([]);
});
