'use strict';
/**
 * Lets Node require TypeScript files: each `.ts`/`.tsx` file is transpiled
 * in-process by sucrase, without type-checking (that is `npm run build` and
 * `npm test`'s job). Sucrase keeps line numbers, so stack traces point at the
 * right lines of the TypeScript source.
 */
const fs = require('fs');
const Module = require('module');

let registered = false;

function transpile(code, filename) {
  const { transform } = require('sucrase');
  try {
    return transform(code, {
      transforms: filename.endsWith('.tsx') ? ['typescript', 'imports', 'jsx'] : ['typescript', 'imports'],
      filePath: filename,
      production: true,
      disableESTransforms: true,
    }).code;
  } catch (err) {
    const error = new SyntaxError(`${filename}: ${err.message}`);
    error.code = 'CHARTWRIGHT_TS_SYNTAX';
    throw error;
  }
}

function register() {
  if (registered) return;
  registered = true;
  for (const ext of ['.ts', '.tsx']) {
    Module._extensions[ext] = function loadTypeScript(module, filename) {
      module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
    };
  }
}

module.exports = { register, transpile };
