'use strict';
/**
 * Writes docs/reference/constructs.md, the props reference: every construct's
 * props with their types, defaults and first sentences, from the TSDoc of
 * lib/ (the one place a default is stated). test/docs/props-docs.test.ts
 * fails when the two differ.
 *
 *   npm run docs:props        (after changing a construct's props or their TSDoc)
 */
const fs = require('fs');
const path = require('path');

require('../bin/register').register();
const { propsDocs } = require('../test/support/props-docs.ts');

const target = path.join(__dirname, '..', 'docs', 'reference', 'constructs.md');
const text = propsDocs();
const unchanged = fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text;
if (!unchanged) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
}
console.log(`docs/reference/constructs.md: ${unchanged ? 'up to date' : 'written'}`);
