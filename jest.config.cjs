/** Jest: unit tests under tests/unit, mirroring the source tree. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/unit'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Electron's package throws on require here (no binary can be had); unit
  // tests get a small double instead. ESM-only electron-store likewise.
  moduleNameMapper: {
    '^electron$': '<rootDir>/tests/unit/mocks/electron.ts',
    '^electron-store$': '<rootDir>/tests/unit/mocks/electron-store.ts',
  },
  transformIgnorePatterns: ['/node_modules/(?!(zod|sip\.js)/)'],
  clearMocks: true,
};
