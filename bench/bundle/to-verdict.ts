/**
 * "To verdict": everything the pane loads from our origin before its first verdict.
 *
 * Measured in Chromium on the demo build (what its frame had loaded when the verdict
 * appeared), then carried over to the production build: the demo build differs only in
 * where the token comes from (the demo server instead of MSAL) and in loading the Office
 * stand-in instead of Office.js. So production's to-verdict set is its initial files,
 * plus the sign-in library's chunks (a production pane needs a token before its first
 * search), plus any other on-demand chunk the demo loaded before its verdict.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PANE_PAGE, type PaneBuildReport } from "./build";
import { builtFileOf, pageTags, total, weighFiles, type WeighedFile, type Weight } from "./weigh";

export interface ToVerdictWeight {
  /** Production build: initial + sign-in + on-demand chunks the demo loaded before its verdict. */
  production: { files: WeighedFile[]; total: Weight };
  /** Demo build, as measured: the JS and CSS its frame had loaded from our origin. */
  demoMeasured: { files: WeighedFile[]; total: Weight };
  /** Loaded before the verdict in the demo, though not by the page's tags (on demand). */
  demoOnDemand: string[];
  /** The demo's Office.js stand-in, which Office.js from Microsoft's CDN replaces in production: not counted. */
  standIns: string[];
  /** On-demand files of the demo with no production chunk of the same name or id: counted at the demo's size. */
  unmatched: string[];
}

const SCRIPT_OR_STYLE = /\.(?:js|css)$/;
/** The demo server serves the stand-in page's bundle and the Office stand-in under this prefix. */
const HARNESS_PREFIX = "/harness/";

/** Webpack's chunk name (or id) of an emitted file: what is before its content hash. */
export function chunkKey(file: string): string {
  return path.basename(file).replace(/\.[0-9a-f]{8,32}\.(?:js|css)$/, "");
}

export function toVerdictWeight(
  build: PaneBuildReport,
  paneDirectory: string,
  demoDirectory: string,
  loadedPaths: readonly string[],
): ToVerdictWeight {
  const loaded = loadedPaths.filter((loadedPath) => SCRIPT_OR_STYLE.test(loadedPath));
  const standIns = loaded.filter((loadedPath) => loadedPath.startsWith(HARNESS_PREFIX));
  const paneFiles = loaded.filter((loadedPath) => !loadedPath.startsWith(HARNESS_PREFIX)).map(builtFileOf);
  const demoInitial = new Set(
    pageTags(readFileSync(path.join(demoDirectory, PANE_PAGE), "utf8"))
      .local.filter((url) => !url.startsWith(HARNESS_PREFIX))
      .map(builtFileOf),
  );
  const missingInitial = [...demoInitial].filter((file) => !paneFiles.includes(file));
  if (missingInitial.length > 0) {
    throw new Error(
      `the demo verdict appeared before these initial files loaded: ${missingInitial.join(", ")}`,
    );
  }
  const demoOnDemand = paneFiles.filter((file) => !demoInitial.has(file));

  const productionFiles = new Map<string, WeighedFile>();
  for (const file of [...build.pane.files, ...build.signIn.files]) productionFiles.set(file.file, file);
  const unmatched: string[] = [];
  for (const file of demoOnDemand) {
    const key = chunkKey(file);
    const match = build.onDemandChunks
      .flatMap((chunk) => chunk.files)
      .find((candidate) => chunkKey(candidate.file) === key);
    if (match) {
      productionFiles.set(match.file, match);
    } else {
      // No production chunk of that name or id: count the demo's own file, which holds the same modules.
      unmatched.push(file);
      for (const demoFile of weighFiles(demoDirectory, [file])) {
        productionFiles.set(`${file} (demo build)`, { ...demoFile, file: `${file} (demo build)` });
      }
    }
  }
  const demoMeasured = weighFiles(demoDirectory, paneFiles);
  return {
    production: { files: [...productionFiles.values()], total: total([...productionFiles.values()]) },
    demoMeasured: { files: demoMeasured, total: total(demoMeasured) },
    demoOnDemand,
    standIns,
    unmatched,
  };
}
