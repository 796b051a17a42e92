import { nameProblem, nameRule } from '../../lib/validate/apiserver';

/**
 * Names the API server narrows for a kind beyond a DNS-1123 subdomain
 * (test/fixtures/apiserver-corpus/names, checked against a real server).
 */
const problem = (kind: string, name: string) => {
  const { format, max } = nameRule(kind);
  return nameProblem(name, format, max);
};

test('a Job name is at most 63 characters: its pods carry it as a label value', () => {
  expect(problem('Job', 'j'.repeat(63))).toBeUndefined();
  expect(problem('Job', 'migrate.v2')).toBeUndefined();
  expect(problem('Job', 'j'.repeat(64))).toBe('is 64 characters long; at most 63 are allowed');
});

test('a StatefulSet name has no dots: it begins its pods\' host names', () => {
  expect(problem('StatefulSet', 'db-0')).toBeUndefined();
  expect(problem('StatefulSet', 'db.v1')).toMatch(/^is not a DNS-1123 label/);
  expect(problem('Deployment', 'web.v1')).toBeUndefined();
});
