/** The cluster tests (test/cluster/*.cluster.ts): run by `npm run test:cluster`, one at a time against one control plane. */
module.exports = {
  ...require('./jest.config'),
  testMatch: ['**/cluster/**/*.cluster.ts'],
  maxWorkers: 1,
  testTimeout: 180000,
};
