/**
 * Builds, side by side and with the same settings, the pane exactly as `npm run build`
 * does (webpack.config.js, production, Office.js from the CDN) and the floor page (React,
 * FluentProvider and the Fluent components the pane imports, nothing else), into a
 * directory of the caller's choice, and describes what each page loads.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Configuration, StatsCompilation } from "webpack";
import { floorEntrySource } from "./floor-source";
import { paneFluentImports } from "./fluent-imports";
import { attributeGeneratedCode, UNMAPPED, type SourceMapLike } from "./source-map-attribution";
import { builtFileOf, pageTags, total, weighFiles, type WeighedFile, type Weight } from "./weigh";

export const PROJECT_ROOT = path.resolve(__dirname, "../..");
export const PANE_PAGE = "taskpane.html";
export const FLOOR_PAGE = "floor.html";
/** The chunk group webpack.config.js gives the sign-in library (webpackChunkName "msal"). */
export const SIGN_IN_CHUNK_GROUP = "msal";

/** Build variables that would change what the production pane loads: unset for a build like `npm run build`. */
const BUILD_VARIABLES_CLEARED = ["ADDIN_DEMO", "ADDIN_OFFICE_JS", "ADDIN_PUBLIC_URL"];

export interface PageWeight {
  page: string;
  /** JS and CSS the page's own tags load from our origin. */
  files: WeighedFile[];
  total: Weight;
  /** Scripts from other origins (Office.js from Microsoft's CDN), listed apart and not weighed. */
  external: string[];
}

export interface PackageSize {
  /** An npm package, or a folder of src/. */
  origin: string;
  /** Minified bytes the source map attributes to it. */
  bytes: number;
  /** Those bytes gzipped on their own (level 9): an estimate of its share of the download. */
  gzipAlone: number;
}

export interface PaneBuildReport {
  fluentImports: string[];
  pane: PageWeight;
  floor: PageWeight;
  /** The sign-in library's chunk group (MSAL), loaded on demand. */
  signIn: { files: WeighedFile[]; total: Weight; loadedByPageTags: boolean };
  /** Every chunk that loads on demand, by webpack's chunk names (or id). */
  onDemandChunks: Array<{ chunk: string; files: WeighedFile[]; total: Weight }>;
  /** What fills the pane's initial JS, largest first (minified bytes, from the source maps). */
  initialComposition: PackageSize[];
  /** The same for the floor, for comparison. */
  floorComposition: PackageSize[];
  buildSeconds: number;
}

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => Promise<Configuration>;

async function paneConfiguration(outputPath: string): Promise<Configuration> {
  const requireFromRoot = createRequire(path.join(PROJECT_ROOT, "package.json"));
  const factory = requireFromRoot("./webpack.config.js") as ConfigFactory;
  const saved = Object.fromEntries(BUILD_VARIABLES_CLEARED.map((name) => [name, process.env[name]]));
  for (const name of BUILD_VARIABLES_CLEARED) delete process.env[name];
  try {
    const config = await factory({}, { mode: "production" });
    return { ...config, output: { ...config.output, path: outputPath } };
  } finally {
    for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
  }
}

/** The floor: the pane's own settings (mode, minifier, chunk splitting, file names), its own entry and page. */
function floorConfiguration(pane: Configuration, entryFile: string, outputPath: string): Configuration {
  const requireFromRoot = createRequire(path.join(PROJECT_ROOT, "package.json"));
  const HtmlWebpackPlugin = requireFromRoot("html-webpack-plugin") as typeof import("html-webpack-plugin");
  return {
    mode: pane.mode,
    context: PROJECT_ROOT,
    entry: { floor: entryFile },
    output: { ...pane.output, path: outputPath },
    devtool: pane.devtool,
    resolve: {
      ...pane.resolve,
      // The generated entry lives outside the project: resolve packages from the project's node_modules.
      modules: ["node_modules", path.join(PROJECT_ROOT, "node_modules")],
    },
    module: pane.module,
    optimization: pane.optimization,
    plugins: [
      new HtmlWebpackPlugin({
        filename: FLOOR_PAGE,
        template: path.join(PROJECT_ROOT, "bench/floor/floor.html"),
        chunks: ["floor"],
      }),
    ],
    performance: { hints: false },
  };
}

function runWebpack(configs: Configuration[]): Promise<StatsCompilation[]> {
  const requireFromRoot = createRequire(path.join(PROJECT_ROOT, "package.json"));
  const webpack = requireFromRoot("webpack") as typeof import("webpack");
  return new Promise((resolve, reject) => {
    webpack(configs, (error, multiStats) => {
      if (error || !multiStats) {
        reject(error ?? new Error("webpack returned no stats"));
        return;
      }
      if (multiStats.hasErrors()) {
        const messages = multiStats.stats
          .flatMap((stats) => stats.toJson({ all: false, errors: true }).errors ?? [])
          .map((problem) => problem.message);
        reject(new Error(`webpack failed:\n${messages.slice(0, 5).join("\n")}`));
        return;
      }
      resolve(
        multiStats.stats.map((stats) =>
          stats.toJson({
            all: false,
            assets: true,
            chunks: true,
            chunkGroups: true,
            entrypoints: true,
            ids: true,
          }),
        ),
      );
    });
  });
}

const SCRIPT_OR_STYLE = /\.(?:js|css)$/;

function weighPage(directory: string, page: string): PageWeight {
  const tags = pageTags(readFileSync(path.join(directory, page), "utf8"));
  const files = weighFiles(directory, tags.local.map(builtFileOf));
  return { page, files, total: total(files), external: tags.external };
}

/** Where a source of the bundle comes from: its npm package, its folder under src/, or webpack itself. */
export function sourceOrigin(source: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(
    source.slice(source.lastIndexOf("node_modules/")),
  );
  if (inPackage) return inPackage[1] as string;
  const inSource = /(?:^|\/)src\/([^/]+)/.exec(source);
  if (inSource) return `src/${inSource[1]}`;
  if (/webpack\/(?:runtime|bootstrap)/.test(source)) return "(webpack runtime)";
  return source === UNMAPPED ? UNMAPPED : source.replace(/^webpack:\/\/[^/]*\//, "");
}

/** Minified code of `files` by origin, from their source maps. */
export function composition(directory: string, files: readonly WeighedFile[]): PackageSize[] {
  const code = new Map<string, string[]>();
  const own = (origin: string, pieces: string[]) => {
    const owned = code.get(origin) ?? [];
    for (const piece of pieces) owned.push(piece);
    code.set(origin, owned);
  };
  for (const { file } of files) {
    if (!file.endsWith(".js")) continue;
    const generated = readFileSync(path.join(directory, file), "utf8");
    let map: SourceMapLike;
    try {
      map = JSON.parse(readFileSync(path.join(directory, `${file}.map`), "utf8")) as SourceMapLike;
    } catch {
      own(`(no source map: ${file})`, [generated]);
      continue;
    }
    for (const [source, pieces] of attributeGeneratedCode(generated, map)) own(sourceOrigin(source), pieces);
  }
  return [...code.entries()]
    .map(([origin, pieces]) => {
      const text = Buffer.from(pieces.join(""), "utf8");
      return { origin, bytes: text.length, gzipAlone: gzipSync(text, { level: 9 }).length };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

function chunkGroupFiles(stats: StatsCompilation, group: string): string[] {
  return (stats.namedChunkGroups?.[group]?.assets ?? [])
    .map((asset) => asset.name)
    .filter((name) => SCRIPT_OR_STYLE.test(name));
}

export interface BuildOptions {
  /** Receives the builds: pane/ and floor/ are created inside it. */
  outputDirectory: string;
}

export async function buildPaneAndFloor(options: BuildOptions): Promise<PaneBuildReport> {
  const paneDirectory = path.join(options.outputDirectory, "pane");
  const floorDirectory = path.join(options.outputDirectory, "floor");
  const sourceDirectory = path.join(options.outputDirectory, "floor-source");
  mkdirSync(sourceDirectory, { recursive: true });

  const fluentImports = paneFluentImports(path.join(PROJECT_ROOT, "src/taskpane"));
  const entryFile = path.join(sourceDirectory, "floor-entry.js");
  writeFileSync(entryFile, floorEntrySource(fluentImports));

  const pane = await paneConfiguration(paneDirectory);
  const started = performance.now();
  const [paneStats, floorStats] = await runWebpack([
    pane,
    floorConfiguration(pane, entryFile, floorDirectory),
  ]);
  const buildSeconds = (performance.now() - started) / 1000;
  if (!paneStats || !floorStats) throw new Error("webpack returned too few stats");

  const panePage = weighPage(paneDirectory, PANE_PAGE);
  const floorPage = weighPage(floorDirectory, FLOOR_PAGE);
  const paneEntryFiles = (paneStats.entrypoints?.taskpane?.assets ?? [])
    .map((asset) => asset.name)
    .filter((name) => SCRIPT_OR_STYLE.test(name));
  const tagged = new Set(panePage.files.map((file) => file.file));
  const untagged = paneEntryFiles.filter((file) => !tagged.has(file));
  if (untagged.length > 0) {
    throw new Error(`${PANE_PAGE} does not load these entry files through its tags: ${untagged.join(", ")}`);
  }

  const signInFiles = weighFiles(paneDirectory, chunkGroupFiles(paneStats, SIGN_IN_CHUNK_GROUP));
  if (signInFiles.length === 0) {
    throw new Error(`no "${SIGN_IN_CHUNK_GROUP}" chunk in the pane's build: is MSAL still loaded on demand?`);
  }
  const onDemandChunks = (paneStats.chunks ?? [])
    .filter((chunk) => !chunk.initial)
    .map((chunk) => {
      const files = weighFiles(
        paneDirectory,
        (chunk.files ?? []).filter((file) => SCRIPT_OR_STYLE.test(file)),
      );
      return { chunk: chunk.names?.join("+") || String(chunk.id), files, total: total(files) };
    })
    .sort((a, b) => b.total.gzip - a.total.gzip);

  return {
    fluentImports,
    pane: panePage,
    floor: floorPage,
    signIn: {
      files: signInFiles,
      total: total(signInFiles),
      loadedByPageTags: signInFiles.some((file) => tagged.has(file.file)),
    },
    onDemandChunks,
    initialComposition: composition(paneDirectory, panePage.files),
    floorComposition: composition(floorDirectory, floorPage.files),
    buildSeconds,
  };
}
