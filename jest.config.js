// Unit tests sit next to the code (src/**/*.test.ts[x]); integration tests in test/. E2E runs separately.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  transform: {
    // tsconfig.json sets isolatedModules, so ts-jest transpiles each file alone (fast); types are
    // checked once by `npm run typecheck`, not per test file.
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  setupFilesAfterEnv: ["<rootDir>/test/setup/jest.setup.ts", "<rootDir>/test/setup/secret-guard.ts"],
  moduleNameMapper: {
    "\\.(css|png|svg)$": "<rootDir>/test/setup/file-stub.js",
  },
  testTimeout: 20000,
};
