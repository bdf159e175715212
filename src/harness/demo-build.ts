/**
 * Builds what the demo serves, only when the sources changed since the last build:
 * the pane in demo mode (the shipped build, with Office.js swapped for the stand-in and
 * the demo's same-origin token source) and the Outlook stand-in page.
 *
 * A build counts as fresh when it was stamped after the last change to any of its inputs
 * (BUILD_INPUTS) and, for the pane, when it is a demo build at all (its taskpane.html
 * loads the stand-in, not Microsoft's CDN).
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(__dirname, "../..");

export interface DemoBuildPaths {
  /** The pane built with ADDIN_DEMO=1. */
  paneDir: string;
  /** The stand-in page and the Office stand-in script. */
  harnessDir: string;
}

export const DEMO_BUILD_PATHS: DemoBuildPaths = {
  paneDir: path.join(PROJECT_ROOT, "dist-demo"),
  harnessDir: path.join(PROJECT_ROOT, "dist-harness"),
};

/**
 * The demo build's configuration (src/app-config.ts): the demo token source, the demo
 * organization's domains (the signed-in user's own domain counts as internal anyway), and
 * frequent-sender suggestions (read from the demo's own Graph stand-in).
 */
export const DEMO_BUILD_ENV: NodeJS.ProcessEnv = {
  ADDIN_DEMO: "1",
  ADDIN_INTERNAL_DOMAINS: "contoso.com,contoso.onmicrosoft.com",
  // The demo's admin, Megan Bowen: proposals from the user without a role reach her inbox.
  ADDIN_APPROVERS: "megan@contoso.com",
  ADDIN_SUGGESTIONS: "on",
};

/** The script name the demo build's taskpane.html must load instead of Office.js. */
export const OFFICE_STAND_IN_SCRIPT = "office-stand-in.js";

/** What each build reads; a change to any of these makes that build stale. Paths relative to the project. */
export const BUILD_INPUTS = {
  pane: [
    "src",
    "assets",
    "webpack.config.js",
    "package-lock.json",
    "tsconfig.json",
    "manifest.xml",
    "manifest.json",
    "manifest.de-de.json",
  ],
  harness: [
    "src/harness",
    "src/admin-api",
    "src/auth",
    "src/emulator",
    "src/office",
    "package-lock.json",
    "tsconfig.json",
  ],
} as const;

/** Test files do not go into a bundle. */
const IGNORED_INPUT = /\.test\.tsx?$|\/test-support\//;

/**
 * Written into an output folder after a successful build. webpack does not rewrite files
 * whose content did not change, so the outputs' own times cannot tell a fresh build.
 * A dotfile: the static file server never serves it.
 */
export const BUILD_STAMP = ".demo-build-stamp";

/** The newest modification time among `inputs` (files or folders, walked), in ms. */
export function newestInputTime(inputs: readonly string[], root: string = PROJECT_ROOT): number {
  let newest = 0;
  const visit = (entry: string) => {
    let info;
    try {
      info = statSync(entry);
    } catch {
      return;
    }
    if (info.isDirectory()) {
      for (const child of readdirSync(entry)) visit(path.join(entry, child));
    } else if (!IGNORED_INPUT.test(entry.split(path.sep).join("/"))) {
      newest = Math.max(newest, info.mtimeMs);
    }
  };
  for (const input of inputs) visit(path.join(root, input));
  return newest;
}

function stampTime(outputDir: string): number | null {
  try {
    return statSync(path.join(outputDir, BUILD_STAMP)).mtimeMs;
  } catch {
    return null;
  }
}

/** Before a build: an interrupted build must not look fresh. */
function removeStamp(outputDir: string): void {
  rmSync(path.join(outputDir, BUILD_STAMP), { force: true });
}

function writeStamp(outputDir: string): void {
  writeFileSync(path.join(outputDir, BUILD_STAMP), `${new Date().toISOString()}\n`);
}

/** True when `paneDir` holds a demo build (it loads the stand-in, not the CDN) stamped after `inputsTime`. */
export function isPaneBuildFresh(paneDir: string, inputsTime: number): boolean {
  const stamped = stampTime(paneDir);
  if (stamped === null || stamped < inputsTime) return false;
  let html: string;
  try {
    html = readFileSync(path.join(paneDir, "taskpane.html"), "utf8");
  } catch {
    return false;
  }
  return html.includes(OFFICE_STAND_IN_SCRIPT) && !html.includes("appsforoffice.microsoft.com");
}

export function isHarnessBuildFresh(harnessDir: string, inputsTime: number): boolean {
  const stamped = stampTime(harnessDir);
  return (
    stamped !== null &&
    stamped >= inputsTime &&
    existsSync(path.join(harnessDir, "index.html")) &&
    existsSync(path.join(harnessDir, OFFICE_STAND_IN_SCRIPT))
  );
}

function runWebpack(
  configFile: string,
  extraArgs: string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [PROJECT_ROOT] });
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [cli, "--config", configFile, "--mode", "production", ...extraArgs],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, ...env, ADDIN_BUILD_PROGRESS: "1" },
        stdio: ["ignore", "pipe", "pipe"],
        // Stopping the demo while it builds stops the build too.
        signal,
      },
    );
    let output = "";
    let progress = "";
    const collect = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output += text;
      // webpack.config.js's progress lines ("webpack: 40 % building"): the latest goes in the ticker.
      progress = [...text.matchAll(/^webpack: (\d+ %)/gm)].at(-1)?.[1] ?? progress;
    };
    // webpack's own output is kept for a failure; meanwhile a line every 15 s says it is alive
    // and how far it got (the first build takes about 2 minutes on 2 cores).
    const started = Date.now();
    const ticker = setInterval(
      () =>
        log(
          `  …still building (${Math.round((Date.now() - started) / 1000)} s${progress ? `, ${progress}` : ""})`,
        ),
      15_000,
    );
    child.on("close", () => clearInterval(ticker));
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) {
        resolve();
      } else if (signal?.aborted) {
        reject(new BuildCancelledError());
      } else {
        log(output.trim());
        reject(
          new Error(`webpack --config ${path.relative(PROJECT_ROOT, configFile)} failed (exit ${code}).`),
        );
      }
    });
  });
}

export class BuildCancelledError extends Error {
  override name = "BuildCancelledError";
  constructor() {
    super("The build was cancelled.");
  }
}

export interface EnsureBuildOptions {
  /** Rebuild even when fresh. */
  force?: boolean;
  log?: (line: string) => void;
  /** Aborting kills a running build; ensureDemoBuild then rejects with BuildCancelledError. */
  signal?: AbortSignal;
}

/** Builds the pane (demo mode) and the stand-in page where stale; resolves with where they are. */
export async function ensureDemoBuild(options: EnsureBuildOptions = {}): Promise<DemoBuildPaths> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { paneDir, harnessDir } = DEMO_BUILD_PATHS;

  if (options.force || !isPaneBuildFresh(paneDir, newestInputTime(BUILD_INPUTS.pane))) {
    log("Building the task pane in demo mode (Office.js stand-in, demo token source)…");
    removeStamp(paneDir);
    // Into its own folder: a production build in dist/ is never replaced by a demo build.
    await runWebpack(
      path.join(PROJECT_ROOT, "webpack.config.js"),
      ["--output-path", paneDir],
      DEMO_BUILD_ENV,
      log,
      options.signal,
    );
    writeStamp(paneDir);
    if (!isPaneBuildFresh(paneDir, 0)) {
      throw new Error(
        `The demo build in ${paneDir} does not load ${OFFICE_STAND_IN_SCRIPT}: is ADDIN_DEMO=1 supported by webpack.config.js?`,
      );
    }
  }
  if (options.force || !isHarnessBuildFresh(harnessDir, newestInputTime(BUILD_INPUTS.harness))) {
    log("Building the Outlook stand-in page…");
    removeStamp(harnessDir);
    await runWebpack(path.join(PROJECT_ROOT, "src/harness/webpack.harness.js"), [], {}, log, options.signal);
    writeStamp(harnessDir);
  }
  return { paneDir, harnessDir };
}
