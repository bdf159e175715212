/**
 * Part 1, bundle weight: builds the pane exactly as `npm run build` does and the floor (React,
 * FluentProvider and the Fluent UI values the pane imports, each rendered once, nothing else)
 * side by side with the same settings, then weighs them with size-limit through the budget's
 * own checks (.size-limit.cjs). `tsx bench/bundle.ts <directory>` only builds (the budget test).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import ts from "typescript";
import type { Configuration } from "webpack";
import { fig, kb, percent, table, type Section } from "./report";

export const ROOT = path.resolve(__dirname, "..");
const requireFromRoot = createRequire(path.join(ROOT, "package.json"));
const budget = requireFromRoot("./bench/budget.cjs") as {
  checks(pane: string, floor?: string): Array<{ name: string; path: string[]; limit?: string }>;
  chunkFiles(directory: string, name: string): string[];
  TO_VERDICT_CHUNKS: string[];
};
export const { TO_VERDICT_CHUNKS, checks: budgetChecks, chunkFiles } = budget;
/** Initial gzip: at most this multiple of the floor's, and at most the size-limit "initial" limit. */
export const INITIAL_VS_FLOOR = 1.25;
const FLUENT = "@fluentui/react-components";

/** Every Fluent UI value (not type) src/taskpane imports, read with the TypeScript parser. */
export function paneFluentImports(directory = path.join(ROOT, "src/taskpane")): string[] {
  const names = new Set<string>();
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
  return [...names, "FluentProvider", "webLightTheme"].filter((n, i, all) => all.indexOf(n) === i).sort();
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

/** Builds pane/ and floor/ into `directory` in one webpack run; returns the seconds it took. */
export async function buildPaneAndFloor(directory: string): Promise<number> {
  mkdirSync(directory, { recursive: true });
  const entry = path.join(directory, "floor-entry.js");
  writeFileSync(entry, floorEntrySource(paneFluentImports()));
  const factory = requireFromRoot("./webpack.config.js") as (e: object, a: object) => Promise<Configuration>;
  const cleared = ["ADDIN_DEMO", "ADDIN_OFFICE_JS", "ADDIN_PUBLIC_URL"].filter((name) => name in process.env);
  const saved = cleared.map((name) => [name, process.env[name]] as const);
  for (const name of cleared) delete process.env[name];
  const pane = await factory({}, { mode: "production" }).finally(() =>
    Object.assign(process.env, Object.fromEntries(saved)),
  );
  const HtmlWebpackPlugin = requireFromRoot("html-webpack-plugin") as typeof import("html-webpack-plugin");
  const { devServer: _unused, ...paneSettings } = pane as Configuration & { devServer?: unknown };
  const floor: Configuration = {
    ...paneSettings,
    entry: { floor: entry },
    output: { ...pane.output, path: path.join(directory, "floor") },
    resolve: { ...pane.resolve, modules: ["node_modules", path.join(ROOT, "node_modules")] },
    plugins: [
      new HtmlWebpackPlugin({ filename: "floor.html", template: path.join(ROOT, "bench/floor.html") }),
    ],
    performance: { hints: false },
  };
  const webpack = requireFromRoot("webpack") as typeof import("webpack");
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

/** The generated code of each source (by package or src/ folder) per its source map: a segment owns the code up to the next. */
export function attribute(
  generated: string,
  map: { sources: string[]; mappings: string },
  owned = new Map<string, string>(),
) {
  const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const origins = map.sources.map(originOf);
  const lines = generated.split("\n");
  const own = (origin: string, code: string) => owned.set(origin, (owned.get(origin) ?? "") + code);
  let source = 0;
  map.mappings.split(";").forEach((segments, index) => {
    const line = lines[index] ?? "";
    let [column, from, owner] = [0, 0, UNMAPPED];
    for (const segment of segments.split(",").filter(Boolean)) {
      const values: number[] = [];
      let [value, shift] = [0, 0];
      for (const character of segment) {
        const digit = digits.indexOf(character);
        value += (digit & 31) << shift;
        shift += 5;
        if (digit & 32) continue;
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        [value, shift] = [0, 0];
      }
      column += values[0] ?? 0;
      own(owner, line.slice(from, column));
      from = column;
      if (values.length >= 4) source += values[1] ?? 0;
      owner = values.length >= 4 ? (origins[source] ?? UNMAPPED) : UNMAPPED;
    }
    own(owner, line.slice(from));
  });
  return owned;
}

/** Minified code per origin of built .js files, from the source maps beside them. */
export function composition(files: readonly string[]): Map<string, string> {
  const owned = new Map<string, string>();
  // Files copied as they are (unsupported-host.js) have no map: their few bytes stay unattributed.
  for (const file of files.filter((name) => name.endsWith(".js") && existsSync(`${name}.map`)))
    attribute(
      readFileSync(file, "utf8"),
      JSON.parse(readFileSync(`${file}.map`, "utf8")) as { sources: string[]; mappings: string },
      owned,
    );
  return owned;
}

const UNMAPPED = "(webpack runtime, glue)";

export function originOf(source: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(
    source.slice(source.lastIndexOf("node_modules/")),
  );
  if (inPackage) return inPackage[1] as string;
  if (/webpack\/(?:runtime|bootstrap)/.test(source)) return UNMAPPED;
  return /(?:^|\/)(src\/[^/]+)/.exec(source)?.[1] ?? source.replace(/^webpack:\/\/[^/]*\//, "");
}

/** size-limit's own measurement of `files` (ES modules: imported when the bench weighs, not by tests). */
export async function sizes(files: string[], gzip: boolean): Promise<number> {
  const [{ default: sizeLimit }, { default: filePlugin }] = await Promise.all([
    import("size-limit"),
    import("@size-limit/file"),
  ]);
  const [result] = (await sizeLimit([filePlugin], { checks: [{ files, gzip, brotli: !gzip }] })) as Array<{
    size: number;
  }>;
  return result?.size ?? 0;
}

export async function measureBundle(context: { resultsDirectory: string }): Promise<Section> {
  const directory = path.join(context.resultsDirectory, "build");
  const seconds = await buildPaneAndFloor(directory);
  const [paneDir, floorDir] = [path.join(directory, "pane"), path.join(directory, "floor")];
  const [initial, toVerdict, floor] = budget.checks(paneDir, floorDir) as [any, any, any];
  const weigh = async (files: string[]) => ({
    gzip: await sizes(files, true),
    brotli: await sizes(files, false),
  });
  const [i, v, f] = [await weigh(initial.path), await weigh(toVerdict.path), await weigh(floor.path)];
  const limit = Math.min(INITIAL_VS_FLOOR * f.gzip, 200_000);
  const chunks = readdirSync(paneDir).filter((file) => /^[a-z-]+\.[0-9a-f]{12}\.js$/.test(file));
  const onDemand = await Promise.all(
    chunks
      .filter((file) => !initial.path.includes(path.join(paneDir, file)) && !/^auth-/.test(file))
      .map(async (file) => [file, await sizes([path.join(paneDir, file)], true)] as const),
  );
  const msalInitial = initial.path.some((file: string) => /^msal[.-]/.test(path.basename(file)));
  const floorCode = composition(floor.path);
  const beyond = [...composition(toVerdict.path)]
    .map(([origin, code]) => [origin, code.length - (floorCode.get(origin)?.length ?? 0), code] as const)
    .filter(([, bytes]) => bytes > 1000)
    .sort((a, b) => b[1] - a[1]);
  const heaviest = beyond
    .slice(0, 5)
    .map(([origin, bytes]) => `${origin} ${kb(bytes)} minified`)
    .join(", ");
  const officeJs = path.join(ROOT, "node_modules/@microsoft/office-js/dist/office.js");
  const name = (files: string[]) => files.map((file) => `\`${path.basename(file)}\``).join(", ");
  return {
    title: "1. Bundle weight",
    about: `The pane as \`npm run build\` makes it (production, Office.js from Microsoft's CDN, not counted) and the floor (React, \`FluentProvider\` and the ${paneFluentImports().length} Fluent UI values src/taskpane imports, each rendered once), built side by side with the same settings in ${seconds.toFixed(0)} s, weighed by size-limit (@size-limit/file: gzip level 9, brotli quality 11) with the budget's own file sets (\`.size-limit.cjs\`, also \`npm run size\` and test/bundle/bundle-budget.test.ts). **Initial** = the scripts taskpane.html's tags load. **To first verdict** = initial + the on-demand chunks a production pane needs before its first verdict (${TO_VERDICT_CHUNKS.join(", ")}: sign-in and lookup; part 2 checks in Chromium that nothing else arrives first). Office.js loader on npm, for orientation: ${kb(gzipSync(readFileSync(officeJs), { level: 9 }).length)} gzip.`,
    figures: [
      fig(
        "initial, gzip (pane vs floor)",
        `${kb(i.gzip)} vs ${kb(f.gzip)}`,
        `≤ min(${INITIAL_VS_FLOOR}× floor, 200 KB) = ${kb(limit)}`,
        i.gzip <= limit,
        `${percent(i.gzip / limit)} of budget.`,
      ),
      fig("initial, brotli (pane vs floor)", `${kb(i.brotli)} vs ${kb(f.brotli)}`),
      fig(
        "sign-in library (MSAL) loads on demand, not with the page",
        msalInitial ? "with the page" : "on demand",
        "on demand",
        !msalInitial,
      ),
      fig(
        "to first verdict, gzip",
        kb(v.gzip),
        "< 240.0 KB",
        v.gzip < 240_000,
        `Heaviest beyond the floor: ${heaviest}.`,
      ),
      fig("to first verdict, brotli", kb(v.brotli)),
    ],
    detail: [
      table("set|files|gzip|brotli", [
        ["pane, initial", name(initial.path), kb(i.gzip), kb(i.brotli)],
        ["pane, to first verdict", name(toVerdict.path), kb(v.gzip), kb(v.brotli)],
        ["floor", name(floor.path), kb(f.gzip), kb(f.brotli)],
      ]),
      "On-demand chunks of the pane (gzip):",
      table(
        "chunk|gzip",
        onDemand.sort((a, b) => b[1] - a[1]).map(([file, gzip]) => [`\`${file}\``, kb(gzip)]),
      ),
      "What the to-first-verdict JavaScript carries beyond the floor, by package or src/ folder (from the source maps; minified bytes, and that code gzipped on its own):",
      table(
        "origin|minified|gzip alone",
        beyond.map(([origin, bytes, code]) => [origin, kb(bytes), kb(gzipSync(code, { level: 9 }).length)]),
      ),
    ],
  };
}

if (require.main === module) {
  buildPaneAndFloor(path.resolve(process.argv[2] ?? "bench/results/build")).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
