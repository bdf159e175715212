/**
 * The layering rule in eslint.config.mjs bites: an import of a backend (src/admin-api/,
 * src/exchange-rest/) from the domain or the pane fails `npm run lint`, while the
 * composition root may import one. ESLint's own Node API (lintText) lints virtual files
 * with the project's config, as `npm run lint` sees them; in a child process, because the
 * config is an ES module that jest's CommonJS runtime cannot load.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

const PROBES = {
  contacts: ["src/contacts/layering-probe.ts", 'export { AdminCenterClient } from "../admin-api/client";\n'],
  pane: [
    "src/taskpane/state/layering-probe.ts",
    'export type { ContactRecord } from "../../admin-api/wire";\n',
  ],
  secondBackend: ["src/taskpane/layering-probe.tsx", 'export * from "../exchange-rest/directory";\n'],
  compositionRoot: ["src/composition/layering-probe.ts", 'export * from "../admin-api/client";\n'],
  paneToRoot: ["src/taskpane/layering-probe.ts", 'export * from "../composition/directory-module";\n'],
} as const;

const LINT_ALL = `
import { ESLint } from "eslint";
const probes = JSON.parse(process.argv[1]);
const eslint = new ESLint();
const out = {};
for (const [name, [filePath, code]] of Object.entries(probes)) {
  const [result] = await eslint.lintText(code, { filePath });
  out[name] = result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}
process.stdout.write(JSON.stringify(out));
`;

let restricted: Record<keyof typeof PROBES, string[]>;

beforeAll(() => {
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", LINT_ALL, JSON.stringify(PROBES)], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`ESLint did not run: ${run.stderr}`);
  restricted = JSON.parse(run.stdout) as typeof restricted;
}, 60_000);

test.each(["contacts", "pane", "secondBackend"] as const)(
  "the %s probe may not import a backend",
  (probe) => {
    expect(restricted[probe]).toEqual([expect.stringMatching(/only src\/composition\/ wires a backend in/)]);
  },
);

test("the composition root may import a backend, and the pane may import the composition root", () => {
  expect(restricted.compositionRoot).toEqual([]);
  expect(restricted.paneToRoot).toEqual([]);
});
