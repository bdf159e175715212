// End-to-end tests: the demo (stand-in page, the pane's demo build, relay, emulator) in
// Debian's Chromium through playwright-core. One worker: one browser and one demo server
// per file, and the machine's two cores stay usable. Run with `npm run test:e2e`.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: "../..",
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  maxWorkers: 1,
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  globalSetup: "<rootDir>/test/e2e/global-setup.ts",
  testTimeout: 90000,
};
