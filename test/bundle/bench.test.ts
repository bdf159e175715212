/**
 * The bench's own arithmetic: which files the budget weighs, where minified code comes from,
 * the floor page, percentiles and the switch order. (The budgets themselves are
 * bundle-budget.test.ts and round-trips-budget.test.ts.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { attribute, floorEntrySource, originOf, paneFluentImports } from "../../bench/bundle";
import { summarize } from "../../bench/report";
import { order } from "../../bench/time-to-verdict";

const { checks } = require("../../bench/budget.cjs") as {
  checks(pane: string, floor?: string): Array<{ name: string; path: string[]; limit?: string }>;
};

let directory: string;
beforeEach(() => (directory = mkdtempSync(path.join(os.tmpdir(), "bench-test-"))));
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe("the budget's file sets", () => {
  it("weighs the page's own scripts (minified HTML, unquoted), not Office.js from the CDN, and adds the verdict's chunks", () => {
    writeFileSync(
      path.join(directory, "taskpane.html"),
      "<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>" +
        "<script defer src=321.4771b483bc65.js></script><script defer src='./taskpane.7f033e128511.js'></script>" +
        "<script src=unsupported-host.js></script><link rel=icon href=assets/icon-32.png>",
    );
    for (const file of [
      "msal.4aac8b1605c0.js",
      "msal-naa.997ef8cc87d3.js",
      "directory.6340c7661b40.js",
      "exchange-directory.f005ca8949a8.js",
      "psl.0123456789ab.js",
    ])
      writeFileSync(path.join(directory, file), "");
    const [initial, toVerdict] = checks(directory);
    const names = (files: string[]) => files.map((file) => path.basename(file));
    expect(names(initial?.path ?? [])).toEqual([
      "321.4771b483bc65.js",
      "taskpane.7f033e128511.js",
      "unsupported-host.js",
    ]);
    expect(names(toVerdict?.path ?? [])).toEqual([
      ...names(initial?.path ?? []),
      "msal-naa.997ef8cc87d3.js",
      "directory.6340c7661b40.js",
    ]);
    expect(initial?.limit).toBe("200 kB");
  });

  it("fails loudly when a chunk the verdict needs is not in the build", () => {
    writeFileSync(path.join(directory, "taskpane.html"), "<script src=taskpane.7f033e128511.js></script>");
    expect(() => checks(directory)).toThrow(/no "msal-naa" chunk/);
  });
});

describe("source map attribution", () => {
  it("gives each source the code from its segment to the next, decoding multi-digit and negative VLQ", () => {
    // Line 1: col 0 → a, col 3 → b; line 2: col 2 → a (source index −1), col 18 → b ("gB" = 16).
    const map = {
      sources: [
        "webpack://x/./node_modules/@fluentui/react-button/lib/a.js",
        "webpack://x/./src/contacts/b.ts",
      ],
      mappings: "AAAA,GCAA;EDAA,gBCAA",
    };
    const owned = attribute(`aaabbb\n  cc${"d".repeat(20)}`, map);
    expect(owned.get("@fluentui/react-button")).toBe(`aaacc${"d".repeat(14)}`);
    expect(owned.get("src/contacts")).toBe(`bbb${"d".repeat(6)}`);
    expect(owned.get("(webpack runtime, glue)")).toBe("  ");
  });

  it("names a source by its innermost package or its src/ folder", () => {
    expect(originOf("webpack://app/./node_modules/a/node_modules/zod/v4/index.js")).toBe("zod");
    expect(originOf("webpack://app/./src/taskpane/App.tsx")).toBe("src/taskpane");
    expect(originOf("webpack://app/webpack/runtime/jsonp chunk loading")).toBe("(webpack runtime, glue)");
  });
});

describe("the floor", () => {
  it("mirrors the pane's value imports from Fluent UI, by exported name, not types or tests", () => {
    mkdirSync(path.join(directory, "components"));
    writeFileSync(
      path.join(directory, "components/A.tsx"),
      `import { Button, makeStyles as styles, type Theme } from "@fluentui/react-components";\nimport type { BadgeProps } from "@fluentui/react-components";\nimport { Other } from "@fluentui/react-other";`,
    );
    writeFileSync(path.join(directory, "A.test.tsx"), `import { Dialog } from "@fluentui/react-components";`);
    expect(paneFluentImports(directory)).toEqual(["Button", "FluentProvider", "makeStyles", "webLightTheme"]);
    writeFileSync(path.join(directory, "B.ts"), `import * as Fluent from "@fluentui/react-components";`);
    expect(() => paneFluentImports(directory)).toThrow(/import \*/);
  });

  it("renders each component inside FluentProvider and keeps the other values alive", () => {
    const source = floorEntrySource(["Button", "FluentProvider", "makeStyles", "webLightTheme"]);
    expect(source).toContain(
      `import { Button, FluentProvider, makeStyles, webLightTheme } from "@fluentui/react-components"`,
    );
    expect(source).toContain("window.__floorValues = [makeStyles, webLightTheme]");
    expect(source).toContain("[Button].map(");
  });
});

describe("statistics and order", () => {
  it("reports nearest-rank percentiles: observed values, never interpolated", () => {
    const samples = Array.from({ length: 50 }, (_, index) => 50 - index);
    expect(summarize(samples)).toEqual({ count: 50, median: 25, p95: 48, p99: 50 });
    expect(summarize(Array.from({ length: 200_000 }, (_, index) => index)).p99).toBe(197_999);
    expect(() => summarize([])).toThrow();
  });

  it("visits everyone once per round and never starts with the sender already shown", () => {
    const items = ["a", "b", "c", "d", "e"];
    for (let round = 0; round < 12; round++) {
      expect([...order(items, round)].sort()).toEqual(items);
      for (const shown of items) expect(order(items, round, shown)[0]).not.toBe(shown);
    }
    expect(order(items, 1)).not.toEqual(order(items, 2));
  });
});
