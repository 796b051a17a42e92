'use strict';
/**
 * Writes docs/cli.md from the command definitions in lib/cli/ (one file per
 * command: flags, help, examples). test/cli/docs.test.ts fails when the two
 * differ.
 *
 *   npm run docs:cli        (after changing a command, a flag or an example)
 */
const fs = require('fs');
const path = require('path');

require('../bin/register').register();
const { cliDocs } = require('../lib/cli/docs.ts');

const target = path.join(__dirname, '..', 'docs', 'cli.md');
const text = cliDocs();
const unchanged = fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text;
if (!unchanged) fs.writeFileSync(target, text);
console.log(`docs/cli.md: ${unchanged ? 'up to date' : 'written'}`);
