'use strict';
/**
 * Writes docs/reference/constructs.md, the props reference: every construct's
 * props with their types, defaults and first sentences, from the TSDoc of
 * lib/ (the one place a default is stated), and lib/construct/prop-names.ts,
 * the prop names constructs check given props against.
 * test/docs/props-docs.test.ts fails when either differs.
 *
 *   npm run docs:props        (after changing a construct's props or their TSDoc)
 */
const fs = require('fs');
const path = require('path');

require('../bin/register').register();
const { constructDocs, propsDocs, propNamesSource } = require('../test/support/props-docs.ts');

const docs = constructDocs();
const root = path.join(__dirname, '..');
for (const [file, text] of [
  ['docs/reference/constructs.md', propsDocs(docs)],
  ['lib/construct/prop-names.ts', propNamesSource(docs)],
]) {
  const target = path.join(root, file);
  const unchanged = fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text;
  if (!unchanged) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
  console.log(`${file}: ${unchanged ? 'up to date' : 'written'}`);
}
