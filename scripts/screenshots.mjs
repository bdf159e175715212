// `npm run screenshots`: runs the screenshot e2e test with WRITE_SCREENSHOTS=1, the only way
// docs/screenshots/*.png are (re)written; a plain `npm run test:e2e` leaves them alone.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const jest = createRequire(import.meta.url).resolve("jest/bin/jest");
const run = spawnSync(
  process.execPath,
  [jest, "--config", "test/e2e/jest.e2e.config.js", "test/e2e/screenshots.e2e.ts", ...process.argv.slice(2)],
  { stdio: "inherit", env: { ...process.env, WRITE_SCREENSHOTS: "1" } },
);
process.exit(run.status ?? 1);
