/** Slow suite (large generated inputs, many processes): run by `npm run test:slow` and by .ci/run. */
const base = require('./jest.config.js');
module.exports = { ...base, testMatch: ['<rootDir>/test/slow/**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/'] };
