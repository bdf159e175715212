/**
 * Builds what the demo serves, only when the sources changed since the last build:
 * the pane in demo mode (the shipped build, with Office.js swapped for the stand-in and
 * the demo's same-origin token source) and the Outlook stand-in page.
 *
 * A build counts as fresh when its output is newer than every input (src/, assets/,
 * the webpack configs, the lock file) and, for the pane, when it is a demo build at all
 * (its taskpane.html loads the stand-in, not Microsoft's CDN).
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
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
 * The demo build's configuration (src/app-config.ts): the demo token source, and the demo
 * organization's domains (the signed-in user's own domain counts as internal anyway).
 */
export const DEMO_BUILD_ENV: NodeJS.ProcessEnv = {
  ADDIN_DEMO: "1",
  ADDIN_INTERNAL_DOMAINS: "contoso.com,contoso.onmicrosoft.com",
};

/** The script name the demo build's taskpane.html must load instead of Office.js. */
export const OFFICE_STAND_IN_SCRIPT = "office-stand-in.js";

const INPUT_DIRECTORIES = ["src", "assets"];
const INPUT_FILES = ["webpack.config.js", "package-lock.json", "tsconfig.json", "manifest.xml"];
/** Test files do not go into a bundle. */
const IGNORED_INPUT = /\.test\.tsx?$|\/test-support\//;

/** The newest modification time among the build's inputs, in ms. */
export function newestInputTime(root: string = PROJECT_ROOT): number {
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
  for (const directory of INPUT_DIRECTORIES) visit(path.join(root, directory));
  for (const file of INPUT_FILES) visit(path.join(root, file));
  return newest;
}

function outputTime(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** True when the pane in `paneDir` is a demo build (loads the stand-in) newer than `inputsTime`. */
export function isPaneBuildFresh(paneDir: string, inputsTime: number): boolean {
  const html = path.join(paneDir, "taskpane.html");
  const built = outputTime(html);
  if (built === null || built < inputsTime) return false;
  const text = readFileSync(html, "utf8");
  return text.includes(OFFICE_STAND_IN_SCRIPT) && !text.includes("appsforoffice.microsoft.com");
}

export function isHarnessBuildFresh(harnessDir: string, inputsTime: number): boolean {
  const built = outputTime(path.join(harnessDir, "index.html"));
  return built !== null && built >= inputsTime && existsSync(path.join(harnessDir, OFFICE_STAND_IN_SCRIPT));
}

function runWebpack(configFile: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [PROJECT_ROOT] });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "--config", configFile, "--mode", "production"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) {
        resolve();
      } else {
        log(output.trim());
        reject(
          new Error(`webpack --config ${path.relative(PROJECT_ROOT, configFile)} failed (exit ${code}).`),
        );
      }
    });
  });
}

export interface EnsureBuildOptions {
  /** Rebuild even when fresh. */
  force?: boolean;
  log?: (line: string) => void;
}

/** Builds the pane (demo mode) and the stand-in page where stale; resolves with where they are. */
export async function ensureDemoBuild(options: EnsureBuildOptions = {}): Promise<DemoBuildPaths> {
  const log = options.log ?? ((line: string) => console.log(line));
  const inputsTime = newestInputTime();
  const { paneDir, harnessDir } = DEMO_BUILD_PATHS;

  if (options.force || !isPaneBuildFresh(paneDir, inputsTime)) {
    log("Building the task pane in demo mode (Office.js stand-in, demo token source)…");
    await runWebpack(path.join(PROJECT_ROOT, "webpack.config.js"), DEMO_BUILD_ENV, log);
    if (!isPaneBuildFresh(paneDir, 0)) {
      throw new Error(
        `The demo build in ${paneDir} does not load ${OFFICE_STAND_IN_SCRIPT}: is ADDIN_DEMO=1 supported by webpack.config.js?`,
      );
    }
  }
  if (options.force || !isHarnessBuildFresh(harnessDir, inputsTime)) {
    log("Building the Outlook stand-in page…");
    await runWebpack(path.join(PROJECT_ROOT, "src/harness/webpack.harness.js"), {}, log);
  }
  return { paneDir, harnessDir };
}
