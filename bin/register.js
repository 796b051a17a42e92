'use strict';
/**
 * Lets Node require TypeScript files: each `.ts`/`.tsx` file is transpiled
 * in-process by sucrase, without type-checking (that is `npm run build` and
 * `npm test`'s job). Sucrase keeps line numbers, so stack traces point at the
 * right lines of the TypeScript source.
 *
 * Transpiled files are cached by content hash in node_modules/.cache/chartwright
 * (or the system's temporary folder), so a second run skips sucrase entirely.
 * CHARTWRIGHT_TRANSPILE_CACHE=0 turns the cache off.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');

const CACHE_VERSION = '1';
let registered = false;
let cacheDir;

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

function findCacheDir() {
  if (process.env.CHARTWRIGHT_TRANSPILE_CACHE === '0') return null;
  const sucraseVersion = require('sucrase/package.json').version;
  const modules = path.join(process.cwd(), 'node_modules');
  const base = fs.existsSync(modules) ? path.join(modules, '.cache') : os.tmpdir();
  const dir = path.join(base, 'chartwright', `transpiled-${CACHE_VERSION}-${sucraseVersion}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  } catch {
    return null;
  }
}

function cachedTranspile(code, filename) {
  if (cacheDir === undefined) cacheDir = findCacheDir();
  if (cacheDir === null) return transpile(code, filename);
  const key = crypto.createHash('sha1').update(filename).update('\0').update(code).digest('hex');
  const file = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    const js = transpile(code, filename);
    try {
      // write then rename, so a concurrent reader never sees half a file
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, js);
      fs.renameSync(tmp, file);
    } catch {
      // a read-only or full disk only costs speed
    }
    return js;
  }
}

function register() {
  if (registered) return;
  registered = true;
  for (const ext of ['.ts', '.tsx']) {
    Module._extensions[ext] = function loadTypeScript(module, filename) {
      module._compile(cachedTranspile(fs.readFileSync(filename, 'utf8'), filename), filename);
    };
  }
}

module.exports = { register, transpile };
