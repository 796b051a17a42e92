import { chartwrightVerdict, comparison, readAllowList, readCorpus } from '../support/corpus';

/**
 * chartwright's side of the API-server corpus, without a cluster: each case
 * is accepted or rejected as its expectation (what a real API server does,
 * checked by test/cluster/corpus.cluster.ts) says, unless the allow-list
 * records the difference. A fixed gap fails here until its entry goes.
 */
const cases = readCorpus();
const allowed = readAllowList();

test.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
  const verdict = chartwrightVerdict(c);
  const how = comparison({ case: c, serverValid: c.expectValid, serverMessage: '', chartwright: verdict });
  const expected = c.update && !c.expectValid ? 'not-checked' : allowed[c.id]?.direction ?? 'agree';
  // the rules are in the comparison so that a failure shows what chartwright found
  expect({ how, rules: verdict.rules }).toEqual({ how: expected, rules: verdict.rules });
});
