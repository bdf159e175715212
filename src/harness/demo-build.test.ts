import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  BUILD_INPUTS,
  BUILD_STAMP,
  isHarnessBuildFresh,
  isPaneBuildFresh,
  newestInputTime,
  OFFICE_STAND_IN_SCRIPT,
} from "./demo-build";

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "demo-build-"));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Writes a file with the given modification time (seconds since the epoch). */
function writeAt(file: string, text: string, seconds: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  utimesSync(file, seconds, seconds);
}

describe("newestInputTime", () => {
  it("is the newest file among a build's inputs, ignoring tests and test support", () => {
    writeAt(path.join(root, "src/a.ts"), "", 1_000);
    writeAt(path.join(root, "src/deep/b.tsx"), "", 2_000);
    writeAt(path.join(root, "assets/icon-32.png"), "", 1_500);
    writeAt(path.join(root, "src/deep/b.test.tsx"), "", 9_000);
    writeAt(path.join(root, "src/taskpane/test-support/fake.ts"), "", 9_000);
    writeAt(path.join(root, "README.md"), "", 9_000);
    expect(newestInputTime(BUILD_INPUTS.pane, root)).toBe(2_000_000);
    writeAt(path.join(root, "webpack.config.js"), "", 3_000);
    expect(newestInputTime(BUILD_INPUTS.pane, root)).toBe(3_000_000);
  });

  it("keeps the page's build apart from pane-only changes", () => {
    writeAt(path.join(root, "src/harness/page/HarnessApp.tsx"), "", 1_000);
    writeAt(path.join(root, "src/taskpane/App.tsx"), "", 5_000);
    expect(newestInputTime(BUILD_INPUTS.harness, root)).toBe(1_000_000);
    expect(newestInputTime(BUILD_INPUTS.pane, root)).toBe(5_000_000);
  });
});

describe("isPaneBuildFresh", () => {
  const paneHtml = (script: string) => `<!doctype html><script src="${script}"></script>`;

  it("wants a demo build (the stand-in, not the CDN) stamped after the last input change", () => {
    const dir = path.join(root, "dist-demo");
    writeAt(path.join(dir, "taskpane.html"), paneHtml(`/harness/${OFFICE_STAND_IN_SCRIPT}`), 500);
    expect(isPaneBuildFresh(dir, 1_000_000)).toBe(false); // never stamped
    writeAt(path.join(dir, BUILD_STAMP), "", 2_000);
    expect(isPaneBuildFresh(dir, 1_000_000)).toBe(true); // webpack may leave unchanged files' times alone
    expect(isPaneBuildFresh(dir, 3_000_000)).toBe(false);

    writeAt(
      path.join(dir, "taskpane.html"),
      paneHtml("https://appsforoffice.microsoft.com/lib/1/hosted/office.js"),
      500,
    );
    expect(isPaneBuildFresh(dir, 1_000_000)).toBe(false);
  });

  it("is stale when there is no build", () => {
    expect(isPaneBuildFresh(path.join(root, "nothing"), 0)).toBe(false);
  });
});

describe("isHarnessBuildFresh", () => {
  it("needs the page, the stand-in script and a stamp after the last input change", () => {
    const dir = path.join(root, "dist-harness");
    writeAt(path.join(dir, "index.html"), "", 500);
    writeAt(path.join(dir, BUILD_STAMP), "", 2_000);
    expect(isHarnessBuildFresh(dir, 1_000_000)).toBe(false);
    writeAt(path.join(dir, OFFICE_STAND_IN_SCRIPT), "", 500);
    expect(isHarnessBuildFresh(dir, 1_000_000)).toBe(true);
    expect(isHarnessBuildFresh(dir, 2_500_000)).toBe(false);
  });
});
