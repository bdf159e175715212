/**
 * Part 1, bundle weight: builds the pane exactly as `npm run build` does and the floor (React,
 * FluentProvider and the Fluent UI values the pane imports, each rendered once, nothing else)
 * side by side with the same settings, then weighs them with size-limit through the budget's
 * own checks (.size-limit.cjs). `tsx bench/bundle.ts <directory>` only builds (the budget test).
 */
import { decode } from "@jridgewell/sourcemap-codec";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import ts from "typescript";
import type { Configuration } from "webpack";
import { fig, kb, percent, table, type Section } from "./report";

type Check = { name: string; path: string[]; limit?: string };
export const { checks, chunkFiles, pageFiles, TO_VERDICT_CHUNKS } = require("./budget.cjs") as {
  checks(pane: string, floor?: string): Check[];
  chunkFiles(directory: string, name: string): string[];
  pageFiles(directory: string, page: string): string[];
  TO_VERDICT_CHUNKS: string[];
};
const ROOT = path.resolve(__dirname, "..");
const FLUENT = "@fluentui/react-components";
const UNMAPPED = "(webpack runtime, glue)";

/** Every Fluent UI value (not type) src/taskpane imports, read with the TypeScript parser. */
export function paneFluentImports(directory = path.join(ROOT, "src/taskpane")): string[] {
  const names = new Set(["FluentProvider", "webLightTheme"]);
  for (const file of readdirSync(directory, { recursive: true }) as string[]) {
    if (!/\.tsx?$/.test(file) || /\.test\.tsx?$|test-support|__fixtures__/.test(file)) continue;
    const source = ts.createSourceFile(file, readFileSync(path.join(directory, file), "utf8"), 99, false, 4);
    for (const node of source.statements) {
      if (!ts.isImportDeclaration(node) || (node.moduleSpecifier as ts.StringLiteral).text !== FLUENT)
        continue;
      const bindings = node.importClause?.isTypeOnly ? undefined : node.importClause?.namedBindings;
      if (bindings && !ts.isNamedImports(bindings)) throw new Error(`${file}: import * from ${FLUENT}`);
      for (const element of bindings?.elements ?? [])
        if (!element.isTypeOnly) names.add((element.propertyName ?? element.name).text);
    }
  }
  return [...names].sort();
}

/** The floor's entry: each component inside an error boundary (some need props), values kept on window. */
export function floorEntrySource(names: readonly string[]): string {
  const components = names.filter((name) => /^[A-Z]/.test(name) && name !== "FluentProvider");
  return `import { Component, createElement as h } from "react";
import { createRoot } from "react-dom/client";
import { ${names.join(", ")} } from "${FLUENT}";
window.__floorValues = [${names.filter((name) => !/^[A-Z]/.test(name)).join(", ")}];
class Contained extends Component {
  state = { failed: false };
  static getDerivedStateFromError() { return { failed: true }; }
  render() { return this.state.failed ? null : this.props.children; }
}
createRoot(document.getElementById("root"), { onCaughtError() {} }).render(
  h(FluentProvider, { theme: webLightTheme }, [${components.join(", ")}].map((C, i) => h(Contained, { key: i }, h(C, {})))),
);
`;
}

/** Builds pane/ and floor/ into `directory` in one webpack run, without the demo's variables; returns the seconds it took. */
export async function buildPaneAndFloor(directory: string): Promise<number> {
  mkdirSync(directory, { recursive: true });
  const entry = path.join(directory, "floor-entry.js");
  writeFileSync(entry, floorEntrySource(paneFluentImports()));
  const saved = { ...process.env };
  for (const name of ["ADDIN_DEMO", "ADDIN_OFFICE_JS", "ADDIN_PUBLIC_URL"]) delete process.env[name];
  const configure = require("../webpack.config.js") as (env: object, argv: object) => Promise<Configuration>;
  const { devServer: _, ...pane } = (await configure({}, { mode: "production" }).finally(() =>
    Object.assign(process.env, saved),
  )) as Configuration & { devServer?: unknown };
  const HtmlWebpackPlugin = require("html-webpack-plugin") as typeof import("html-webpack-plugin");
  const floor: Configuration = {
    ...pane,
    entry: { floor: entry },
    output: { ...pane.output, path: path.join(directory, "floor") },
    resolve: { ...pane.resolve, modules: ["node_modules", path.join(ROOT, "node_modules")] },
    plugins: [
      new HtmlWebpackPlugin({ filename: "floor.html", template: path.join(__dirname, "floor.html") }),
    ],
    performance: { hints: false },
  };
  const webpack = require("webpack") as typeof import("webpack");
  const started = performance.now();
  await new Promise<void>((resolve, reject) =>
    webpack(
      [{ ...pane, output: { ...pane.output, path: path.join(directory, "pane") } }, floor],
      (error, stats) =>
        error || stats?.hasErrors() ? reject(error ?? new Error(stats?.toString("errors-only"))) : resolve(),
    ),
  );
  return (performance.now() - started) / 1000;
}

export function originOf(source: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(
    source.slice(source.lastIndexOf("node_modules/")),
  );
  if (inPackage) return inPackage[1] as string;
  if (/webpack\/(?:runtime|bootstrap)/.test(source)) return UNMAPPED;
  return /(?:^|\/)(src\/[^/]+)/.exec(source)?.[1] ?? source.replace(/^webpack:\/\/[^/]*\//, "");
}

/** The generated code of each origin (package or src/ folder) per the source map: a segment owns the code up to the next. */
export function attribute(
  code: string,
  map: { sources: string[]; mappings: string },
  owned = new Map<string, string>(),
) {
  const lines = code.split("\n");
  const own = (origin: string, text: string) => owned.set(origin, (owned.get(origin) ?? "") + text);
  decode(map.mappings).forEach((segments, index) => {
    let [from, owner] = [0, UNMAPPED];
    for (const [column, source] of segments) {
      own(owner, lines[index]?.slice(from, column) ?? "");
      [from, owner] = [column, source === undefined ? UNMAPPED : originOf(map.sources[source] ?? "")];
    }
    own(owner, lines[index]?.slice(from) ?? "");
  });
  return owned;
}

/** Minified code per origin of built .js files, from the maps beside them (files copied as they are have none). */
function composition(files: readonly string[]): Map<string, string> {
  const owned = new Map<string, string>();
  for (const file of files.filter((name) => name.endsWith(".js") && existsSync(`${name}.map`)))
    attribute(readFileSync(file, "utf8"), JSON.parse(readFileSync(`${file}.map`, "utf8")), owned);
  return owned;
}

/** size-limit's own measurement of `files` (ES modules: imported when the bench weighs, not by tests). */
export async function sizes(files: string[], gzip = true): Promise<number> {
  const [{ default: sizeLimit }, { default: filePlugin }] = await Promise.all([
    import("size-limit"),
    import("@size-limit/file"),
  ]);
  const [result] = (await sizeLimit([filePlugin], { checks: [{ files, gzip, brotli: !gzip }] })) as [
    { size: number },
  ];
  return result.size;
}

export async function measureBundle(context: { resultsDirectory: string }): Promise<Section> {
  const directory = path.join(context.resultsDirectory, "build");
  const seconds = await buildPaneAndFloor(directory);
  const [paneDir, floorDir] = [path.join(directory, "pane"), path.join(directory, "floor")];
  const sets = checks(paneDir, floorDir).map(async (check) => ({
    ...check,
    gzip: await sizes(check.path),
    brotli: await sizes(check.path, false),
  }));
  const [initial, toVerdict, floor] = (await Promise.all(sets)) as [any, any, any];
  const limit = Math.min(1.25 * floor.gzip, 200_000);
  const onDemand = readdirSync(paneDir)
    .filter((file) => /^[a-z-]+\.[0-9a-f]{12}\.js$/.test(file) && !/^auth-/.test(file))
    .filter((file) => !initial.path.includes(path.join(paneDir, file)));
  const chunks = await Promise.all(
    onDemand.map(async (file) => [file, await sizes([path.join(paneDir, file)])] as const),
  );
  const msalInitial = initial.path.some((file: string) => /^msal[.-]/.test(path.basename(file)));
  const floorCode = composition(floor.path);
  const beyond = [...composition(toVerdict.path)]
    .map(([origin, code]) => [origin, code.length - (floorCode.get(origin)?.length ?? 0), code] as const)
    .filter(([, bytes]) => bytes > 1000)
    .sort((a, b) => b[1] - a[1]);
  const heaviest = beyond.slice(0, 5).map(([origin, bytes]) => `${origin} ${kb(bytes)} minified`);
  const officeJs = readFileSync(path.join(ROOT, "node_modules/@microsoft/office-js/dist/office.js"));
  const names = (files: string[]) => files.map((file) => `\`${path.basename(file)}\``).join(", ");
  return {
    title: "1. Bundle weight",
    about: `The pane as \`npm run build\` makes it (production, Office.js from Microsoft's CDN, not counted) and the floor (React, \`FluentProvider\` and the ${paneFluentImports().length} Fluent UI values src/taskpane imports, each rendered once), built side by side with the same settings in ${seconds.toFixed(0)} s, weighed by size-limit (@size-limit/file: gzip level 9, brotli quality 11) with the budget's own file sets (\`.size-limit.cjs\`, also \`npm run size\` and test/bundle/bundle-budget.test.ts). **Initial** = the scripts taskpane.html's tags load. **To first verdict** = initial + the on-demand chunks a production pane needs before its first verdict (${TO_VERDICT_CHUNKS.join(", ")}: sign-in and lookup; part 2 checks in Chromium that nothing else arrives first). Office.js loader on npm, for orientation: ${kb(gzipSync(officeJs, { level: 9 }).length)} gzip.`,
    figures: [
      fig(
        "initial, gzip (pane vs floor)",
        `${kb(initial.gzip)} vs ${kb(floor.gzip)}`,
        `≤ min(1.25× floor, 200 KB) = ${kb(limit)}`,
        initial.gzip <= limit,
        `${percent(initial.gzip / limit)} of budget.`,
      ),
      fig("initial, brotli (pane vs floor)", `${kb(initial.brotli)} vs ${kb(floor.brotli)}`),
      fig(
        "sign-in library (MSAL) loads on demand, not with the page",
        msalInitial ? "with the page" : "on demand",
        "on demand",
        !msalInitial,
      ),
      fig(
        "to first verdict, gzip",
        kb(toVerdict.gzip),
        "< 240.0 KB",
        toVerdict.gzip < 240_000,
        `Heaviest beyond the floor: ${heaviest.join(", ")}.`,
      ),
      fig("to first verdict, brotli", kb(toVerdict.brotli)),
    ],
    detail: [
      table("set|files|gzip|brotli", [
        ...[
          ["pane, initial", initial],
          ["pane, to first verdict", toVerdict],
          ["floor", floor],
        ].map(([name, set]) => [name, names(set.path), kb(set.gzip), kb(set.brotli)]),
      ]),
      "On-demand chunks of the pane (gzip):",
      table(
        "chunk|gzip",
        chunks.sort((a, b) => b[1] - a[1]).map(([file, gzip]) => [`\`${file}\``, kb(gzip)]),
      ),
      "What the to-first-verdict JavaScript carries beyond the floor, by package or src/ folder (from the source maps; minified bytes, and that code gzipped on its own):",
      table(
        "origin|minified|gzip alone",
        beyond.map(([origin, bytes, code]) => [origin, kb(bytes), kb(gzipSync(code, { level: 9 }).length)]),
      ),
    ],
  };
}

if (require.main === module)
  buildPaneAndFloor(path.resolve(process.argv[2] ?? "bench/results/build")).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
