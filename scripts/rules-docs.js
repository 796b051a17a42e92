'use strict';
/**
 * Writes docs/rules/: the table of every rule (README.md) and a page per rule
 * of its own file, from lib/validate/rules/. Pages of rules that are gone are
 * removed; the folder holds only what this writes. Also the rule table of
 * docs/validation.md, between its `<!-- rules:start -->` and `<!-- rules:end -->`.
 *
 *   npm run docs:rules        (after adding or changing a rule)
 */
const fs = require('fs');
const path = require('path');

require('../bin/register').register();
const { ruleDocs } = require('../lib/validate/rules/docs.ts');
const { rulesTable } = require('../lib/validate/rules/index.ts');

const dir = path.join(__dirname, '..', 'docs', 'rules');
const pages = ruleDocs();
fs.mkdirSync(dir, { recursive: true });
for (const file of fs.readdirSync(dir)) {
  if (file.endsWith('.md') && !pages.has(file)) fs.rmSync(path.join(dir, file));
}
let written = 0;
for (const [file, text] of pages) {
  const target = path.join(dir, file);
  if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) continue;
  fs.writeFileSync(target, text);
  written++;
}
console.log(`docs/rules: ${pages.size} pages, ${written} written`);

const guide = path.join(__dirname, '..', 'docs', 'validation.md');
const text = fs.readFileSync(guide, 'utf8');
const start = text.indexOf('<!-- rules:start -->') + '<!-- rules:start -->'.length;
const end = text.indexOf('<!-- rules:end -->');
const updated = `${text.slice(0, start)}\n${rulesTable()}\n${text.slice(end)}`;
if (updated !== text) fs.writeFileSync(guide, updated);
console.log(`docs/validation.md: the rule table ${updated === text ? 'is current' : 'written'}`);
