/** Fast suite: everything except test/slow. The browser end-to-end tests live in test/e2e. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/slow/', '/test/e2e/'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/failOnConsoleError.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', {}] },
};
