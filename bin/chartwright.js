#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');

require('./register').register();

// In a checkout the TypeScript sources run directly; a published package runs its compiled build.
const source = path.join(__dirname, '..', 'lib', 'cli', 'main.ts');
const entry = fs.existsSync(source) ? source : path.join(__dirname, '..', 'build', 'lib', 'cli', 'main.js');
// a command that waits for something (synth) returns a promise of its exit code
Promise.resolve(require(entry).main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
  // a failed command ends now: timers the app left pending would otherwise keep the process alive
  if (code !== 0) process.exit();
});
