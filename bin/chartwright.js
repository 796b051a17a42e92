#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');

require('./register').register();

// In a checkout the TypeScript sources run directly; a published package runs its compiled build.
const source = path.join(__dirname, '..', 'lib', 'cli', 'main.ts');
const entry = fs.existsSync(source) ? source : path.join(__dirname, '..', 'build', 'lib', 'cli', 'main.js');
process.exitCode = require(entry).main(process.argv.slice(2));
