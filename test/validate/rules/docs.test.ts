import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../../lib/validate';
import { ruleDocs } from '../../../lib/validate/rules/docs';
import { POLICY_RULES } from '../../../lib/validate/rules/registry';
import { REPO } from '../../support/project';

const DOCS = path.join(REPO, 'docs', 'rules');

test('docs/rules/ is what the rule definitions generate (run `npm run docs:rules` after changing a rule)', () => {
  const pages = ruleDocs();
  expect(fs.readdirSync(DOCS).filter((f) => f.endsWith('.md')).sort()).toEqual([...pages.keys()].sort());
  for (const [file, text] of pages) expect([file, fs.readFileSync(path.join(DOCS, file), 'utf8')]).toEqual([file, text]);
});

test('every rule of its own file is in the rule list once, has a test and a page, and its example trips it', () => {
  const ids = RULES.map((r) => r.id);
  for (const rule of POLICY_RULES) {
    expect(ids.filter((id) => id === rule.id)).toEqual([rule.id]);
    expect(fs.existsSync(path.join(REPO, 'lib', 'validate', 'rules', `${rule.id}.ts`))).toBe(true);
    expect(fs.existsSync(path.join(REPO, 'test', 'validate', 'rules', `${rule.id}.test.ts`))).toBe(true);
    expect(ruleDocs().get(`${rule.id}.md`)).toContain(`[${rule.id}]`);
  }
});
