import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isHarnessBuildFresh, isPaneBuildFresh, newestInputTime, OFFICE_STAND_IN_SCRIPT } from "./demo-build";

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "demo-build-"));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function writeAt(file: string, text: string, seconds: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  utimesSync(file, seconds, seconds);
}

describe("newestInputTime", () => {
  it("is the newest source, asset or build file, ignoring tests", () => {
    writeAt(path.join(root, "src/a.ts"), "", 1_000);
    writeAt(path.join(root, "src/deep/b.tsx"), "", 2_000);
    writeAt(path.join(root, "assets/icon-32.png"), "", 1_500);
    writeAt(path.join(root, "src/deep/b.test.tsx"), "", 9_000);
    writeAt(path.join(root, "src/taskpane/test-support/fake.ts"), "", 9_000);
    writeAt(path.join(root, "README.md"), "", 9_000);
    expect(newestInputTime(root)).toBe(2_000_000);
    writeAt(path.join(root, "webpack.config.js"), "", 3_000);
    expect(newestInputTime(root)).toBe(3_000_000);
  });
});

describe("isPaneBuildFresh", () => {
  const paneHtml = (script: string) => `<!doctype html><script src="${script}"></script>`;

  it("wants a demo build (the stand-in, not the CDN) newer than the inputs", () => {
    const html = path.join(root, "dist-demo/taskpane.html");
    writeAt(html, paneHtml(`/harness/${OFFICE_STAND_IN_SCRIPT}`), 2_000);
    expect(isPaneBuildFresh(path.dirname(html), 1_000_000)).toBe(true);
    expect(isPaneBuildFresh(path.dirname(html), 3_000_000)).toBe(false);

    writeAt(html, paneHtml("https://appsforoffice.microsoft.com/lib/1/hosted/office.js"), 2_000);
    expect(isPaneBuildFresh(path.dirname(html), 1_000_000)).toBe(false);
  });

  it("is stale when there is no build", () => {
    expect(isPaneBuildFresh(path.join(root, "nothing"), 0)).toBe(false);
  });
});

describe("isHarnessBuildFresh", () => {
  it("needs the page and the stand-in script, newer than the inputs", () => {
    const dir = path.join(root, "dist-harness");
    writeAt(path.join(dir, "index.html"), "", 2_000);
    expect(isHarnessBuildFresh(dir, 1_000_000)).toBe(false);
    writeAt(path.join(dir, OFFICE_STAND_IN_SCRIPT), "", 2_000);
    expect(isHarnessBuildFresh(dir, 1_000_000)).toBe(true);
    expect(isHarnessBuildFresh(dir, 2_500_000)).toBe(false);
  });
});
