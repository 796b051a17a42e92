'use strict';
// Jest transformer: the transpiler the chartwright command uses (bin/register.js).
const { transpile } = require('../../bin/register');

module.exports = {
  process(source, filename) {
    return { code: transpile(source, filename) };
  },
};
