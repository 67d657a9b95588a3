/** Jest runs in native ESM mode (see README, "Tests"). Type errors are caught by `npm run typecheck`. */
export default {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: false }],
  },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 60000,
  // The longest suites mostly wait for broadcasts to come due (web, on air, playout: 2 minutes each),
  // so three at a time finish sooner even on two cores; Jest's default there would be one.
  maxWorkers: 3,
};
