'use strict';
// See jest.config.js: synth's type check is off in tests (and the CLI they start) unless a test turns it on.
process.env.CHARTWRIGHT_TYPECHECK = '0';
