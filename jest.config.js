/** Tests run TypeScript through the same transpiler as the CLI; `npm test` type-checks first. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': '<rootDir>/test/support/transform.js' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 60000,
  // synth's type check costs seconds per fresh project folder and `npm test` type-checks first;
  // test/synth/typecheck.test.ts turns it on where it is the subject
  setupFiles: ['<rootDir>/test/support/no-typecheck.js'],
};
