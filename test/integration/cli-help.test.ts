/**
 * Every command-line entry point answers --help with its usage and exit code 0 (asking for
 * help is not a mistake), without starting anything.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

test.each([
  ["emulator", "src/emulator/cli.ts", /Usage: npm run emulator/],
  ["serve", "src/server/cli.ts", /Usage: npm run serve/],
  ["probe", "src/probe/cli.ts", /Usage: npm run probe/],
  ["demo", "scripts/demo.ts", /Usage: npm run demo/],
])(
  "npm run %s -- --help prints the usage and exits 0",
  (_name, entry, usage) => {
    const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, entry), "--help"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 30_000,
      env: { ...process.env, PORT: "0" },
    });
    expect({ status: run.status, stdout: run.stdout }).toEqual({
      status: 0,
      stdout: expect.stringMatching(usage),
    });
  },
  40_000,
);
