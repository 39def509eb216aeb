/** Browser end-to-end tests (test/e2e): a production build in Chromium. Run by `npm run test:e2e`. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  // One production build for all the files (test/e2e/harness.ts buildForTests).
  globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
  setupFilesAfterEnv: ['<rootDir>/test/setup/failOnConsoleError.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', {}] },
  // One browser at a time: the build and Chromium already use the machine's cores.
  maxWorkers: 1,
  testTimeout: 180_000,
};
