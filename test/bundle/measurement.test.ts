/**
 * The pieces the bundle budget and the bench weigh with: which files a page's tags load,
 * compressed sizes, source-map attribution, the floor's component list and entry, and
 * the budget rule itself.
 */
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from "node:zlib";
import { sourceOrigin } from "../../bench/bundle/build";
import { floorEntrySource } from "../../bench/bundle/floor-source";
import { importedValueNames } from "../../bench/bundle/fluent-imports";
import {
  attributeGeneratedCode,
  decodeVlqSegment,
  UNMAPPED,
} from "../../bench/bundle/source-map-attribution";
import { chunkKey } from "../../bench/bundle/to-verdict";
import { builtFileOf, pageTags, total, weigh } from "../../bench/bundle/weigh";
import { initialBudgetBytes, KB } from "../../bench/goals";

describe("pageTags", () => {
  it("reads scripts and stylesheets from minified HTML with unquoted attributes", () => {
    const html =
      "<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>" +
      "<script defer src=511.8c761c97888d.js></script><script defer src=taskpane.fcebaffe3a02.js></script>" +
      "<link rel=icon type=image/png href=assets/icon-32.png><link href=main.0123abcd.css rel=stylesheet>";
    expect(pageTags(html)).toEqual({
      local: ["511.8c761c97888d.js", "taskpane.fcebaffe3a02.js", "main.0123abcd.css"],
      external: ["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"],
    });
  });

  it("reads quoted attributes, counts protocol-relative URLs as external, ignores inline scripts and other links", () => {
    const html = `<script>var inline = 1;</script><script type="module" src='./app.js?v=2'></script>
      <script src="//cdn.example/x.js"></script><link rel="preload stylesheet" href="/theme.css">
      <link rel="preconnect" href="https://login.microsoftonline.com">`;
    expect(pageTags(html)).toEqual({
      local: ["./app.js?v=2", "/theme.css"],
      external: ["//cdn.example/x.js"],
    });
  });

  it("maps page URLs to files of the build", () => {
    expect(builtFileOf("./app.js?v=2")).toBe("app.js");
    expect(builtFileOf("/theme.css#x")).toBe("theme.css");
    expect(builtFileOf("chunks/a%20b.js")).toBe("chunks/a b.js");
  });
});

describe("weigh", () => {
  it("reports raw size and sizes that decompress back to the content", () => {
    const content = Buffer.from("const answer = 42;\n".repeat(500));
    const weight = weigh(content);
    expect(weight.raw).toBe(content.length);
    expect(weight.gzip).toBeLessThan(weight.raw / 10);
    expect(weight.brotli).toBeLessThan(weight.raw / 10);
    expect(weight.brotli).toBeLessThanOrEqual(weight.gzip);
    expect(total([weight, weight])).toEqual({
      raw: weight.raw * 2,
      gzip: weight.gzip * 2,
      brotli: weight.brotli * 2,
    });
  });

  it("counts gzip at level 9 and brotli at its best quality", () => {
    const content = Buffer.from("export default function pane() { return null; }\n".repeat(40));
    const weight = weigh(content);
    expect(weight.gzip).toBe(gzipSync(content, { level: 9 }).length);
    expect(weight.gzip).toBeLessThanOrEqual(gzipSync(content, { level: 1 }).length);
    const fastBrotli = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
    expect(weight.brotli).toBeLessThanOrEqual(fastBrotli.length);
    expect(gunzipSync(gzipSync(content, { level: 9 })).equals(content)).toBe(true);
    expect(brotliDecompressSync(brotliCompressSync(content)).equals(content)).toBe(true);
  });
});

describe("source map attribution", () => {
  it("decodes Base64 VLQ segments, negative and multi-digit values included", () => {
    expect(decodeVlqSegment("AAAA")).toEqual([0, 0, 0, 0]);
    expect(decodeVlqSegment("gBAAgB")).toEqual([16, 0, 0, 16]);
    expect(decodeVlqSegment("2HAAD")).toEqual([123, 0, 0, -1]);
    expect(decodeVlqSegment("hBCAE")).toEqual([-16, 1, 0, 2]);
    expect(() => decodeVlqSegment("g")).toThrow(/truncated/);
    expect(() => decodeVlqSegment("A!")).toThrow(/not Base64 VLQ/);
  });

  it("gives each source the characters from its segment to the next, and the rest to no source", () => {
    // Line 1: "aaabbb" — col 0 → source 0, col 3 → source 1. Line 2: "  cc" — col 2 → source 0 (relative −1).
    const generated = "aaabbb\n  cc";
    const map = { sources: ["a.js", "b.js"], mappings: "AAAA,GCAA;EDAA" };
    const owners = attributeGeneratedCode(generated, map);
    expect(owners.get("a.js")?.join("")).toBe("aaa" + "cc");
    expect(owners.get("b.js")?.join("")).toBe("bbb\n");
    expect(owners.get(UNMAPPED)?.join("")).toBe("  ");
    const attributed = [...owners.values()].flat().join("").length;
    expect(attributed).toBe(generated.length);
  });

  it("names a source by its package or src/ folder", () => {
    expect(sourceOrigin("webpack://app/./node_modules/@fluentui/react-button/lib/Button.js")).toBe(
      "@fluentui/react-button",
    );
    expect(sourceOrigin("webpack://app/./node_modules/a/node_modules/zod/v4/index.js")).toBe("zod");
    expect(sourceOrigin("webpack://app/./src/contacts/sender.ts")).toBe("src/contacts");
    expect(sourceOrigin("webpack://app/webpack/runtime/jsonp chunk loading")).toBe("(webpack runtime)");
  });
});

describe("the floor", () => {
  it("takes value imports of the package only, by their exported names", () => {
    const source = `
      import { Button, makeStyles as styles, type Theme } from "@fluentui/react-components";
      import type { ButtonProps } from "@fluentui/react-components";
      import { Other } from "@fluentui/react-other";
      import {
        Text,
        tokens, // a comment
      } from "@fluentui/react-components";`;
    expect(importedValueNames(source, "x.tsx", "@fluentui/react-components")).toEqual([
      "Button",
      "makeStyles",
      "Text",
      "tokens",
    ]);
  });

  it("refuses imports it cannot mirror", () => {
    expect(() =>
      importedValueNames(
        `import * as Fluent from "@fluentui/react-components";`,
        "x.ts",
        "@fluentui/react-components",
      ),
    ).toThrow(/import \*/);
  });

  it("renders every component inside FluentProvider and keeps the other values", () => {
    const entry = floorEntrySource(["Button", "Text", "makeStyles", "tokens"]);
    expect(entry).toMatch(
      /import \{ Button, FluentProvider, Text, makeStyles, tokens, webLightTheme \} from "@fluentui\/react-components"/,
    );
    expect(entry).toContain("const components = { Button, Text };");
    expect(entry).toContain("window.__floorValues = [makeStyles, tokens, webLightTheme];");
    expect(() => floorEntrySource(["Button; alert(1)"])).toThrow(/not an identifier/);
  });
});

describe("budget and chunk names", () => {
  it("is 1.25× the floor or 200 KB, whichever is smaller", () => {
    expect(initialBudgetBytes(100 * KB)).toBe(125 * KB);
    expect(initialBudgetBytes(160 * KB)).toBe(200 * KB);
    expect(initialBudgetBytes(170 * KB)).toBe(200 * KB);
  });

  it("names a chunk file by what precedes its content hash", () => {
    expect(chunkKey("msal.f2f6dbae317d.js")).toBe("msal");
    expect(chunkKey("511.8c761c97888d.js")).toBe("511");
    expect(chunkKey("auth-dialog.6419633b193f.css")).toBe("auth-dialog");
  });
});
