/**
 * webpack.config.js's own additions, compiled for real on a one-line entry (fast): the
 * build configuration the server's CSP reads, and the warning for ADDIN_OFFICE_JS=self.
 * Driven in a child process: the config loads TypeScript through tsx, which needs Node's
 * own module loader (jest replaces it).
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");

/** Compiles a tiny entry with only the project's own plugin; prints warnings and the written file. */
const COMPILE = `
const fs = require("node:fs"), os = require("node:os"), path = require("node:path");
const webpack = require("webpack");
const factory = require("./webpack.config.js");
(async () => {
  const config = await factory({}, { mode: "production" });
  const plugin = config.plugins.find((candidate) => candidate.constructor === Object);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "build-config-"));
  fs.writeFileSync(path.join(work, "entry.js"), "export const x = 1;\\n");
  webpack({ mode: "production", context: work, entry: "./entry.js", output: { path: path.join(work, "dist") }, plugins: [plugin] },
    (error, stats) => {
      if (error) throw error;
      const written = JSON.parse(fs.readFileSync(path.join(work, "dist", factory.BUILD_CONFIG_FILE), "utf8"));
      process.stdout.write(JSON.stringify({ warnings: stats.compilation.warnings.map((w) => w.message), written }));
      fs.rmSync(work, { recursive: true, force: true });
    });
})();
`;

async function compile(
  env: Record<string, string>,
): Promise<{ warnings: string[]; written: Record<string, string> }> {
  const { stdout } = await run(process.execPath, ["-e", COMPILE], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_PUBLIC_URL: "", ADDIN_DEMO: "", ...env },
  });
  return JSON.parse(stdout) as { warnings: string[]; written: Record<string, string> };
}

it("writes the configuration the CSP is built from, and warns about self-hosted office.js", async () => {
  const self = await compile({
    ADDIN_OFFICE_JS: "self",
    ADDIN_AUTHORITY: "https://login.microsoftonline.us/contoso",
    ADDIN_SUGGESTIONS: "on",
  });
  expect(self.written).toMatchObject({
    authority: "https://login.microsoftonline.us/contoso",
    suggestions: "on",
  });
  expect(self.warnings.join("\n")).toMatch(/nested app authentication/);

  const cdn = await compile({ ADDIN_OFFICE_JS: "cdn", ADDIN_AUTHORITY: "", ADDIN_SUGGESTIONS: "" });
  expect(cdn.warnings.join("\n")).not.toMatch(/nested app authentication/);
}, 60_000);
