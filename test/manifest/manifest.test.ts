/**
 * manifest.xml: the project's structural checks against what the build emits, the icons
 * it names, the production URL rewrite as the build applies it, and the offline
 * validation pipeline (converter + JSON schema) run as `npm run validate:offline` runs it.
 *
 * The build configuration and the Microsoft tools are driven in child processes (tsx):
 * they need Node's own module loader, which jest replaces.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import {
  DEV_ORIGIN,
  parsePublicUrl,
  PublicUrlError,
  rewriteManifestUrls,
} from "../../scripts/manifest-rewrite";
import { checkManifestStructure, iconReferences } from "../../scripts/manifest-structure";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const MANIFEST = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

interface BuildInspection {
  emitted: string[];
  manifest: string;
}

async function inspectBuild(env: Record<string, string> = {}): Promise<BuildInspection> {
  const { stdout } = await run(TSX, ["scripts/inspect-build.ts"], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_PUBLIC_URL: "", ADDIN_OFFICE_JS: "", ADDIN_DEMO: "", ...env },
  });
  return JSON.parse(stdout) as BuildInspection;
}

async function validateOffline(manifestPath: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ["scripts/validate-manifest-offline.ts", manifestPath], {
      cwd: ROOT,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  if (bytes.toString("latin1", 1, 4) !== "PNG") throw new Error(`${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

let build: BuildInspection;
let emittedPaths: Set<string>;

beforeAll(async () => {
  build = await inspectBuild();
  emittedPaths = new Set(build.emitted);
}, 60_000);

describe("manifest.xml against the build", () => {
  it("is read from the build configuration: pages, icons, support page and manifest", () => {
    expect(build.emitted).toEqual(
      expect.arrayContaining([
        "taskpane.html",
        "auth-dialog.html",
        "auth-redirect.html",
        "support.html",
        "manifest.xml",
        "assets/icon-16.png",
        "assets/icon-128.png",
        "manifest.json",
        "assets/icon-192.png",
        "assets/icon-outline-32.png",
      ]),
    );
  });

  it("passes every structural check: order, resids, https URLs to emitted files, pinning", () => {
    expect(checkManifestStructure(MANIFEST, { origin: DEV_ORIGIN, emittedPaths })).toEqual([]);
  });

  it("gives the unified manifest's package icons their sizes: color 192 px, outline 32 px", () => {
    const { icons } = JSON.parse(readFileSync(path.join(ROOT, "manifest.json"), "utf8")) as {
      icons: { color: string; outline: string };
    };
    expect(pngSize(path.join(ROOT, icons.color))).toEqual({ width: 192, height: 192 });
    expect(pngSize(path.join(ROOT, icons.outline))).toEqual({ width: 32, height: 32 });
  });

  it("names each icon at the size its PNG really has", () => {
    const references = iconReferences(MANIFEST);
    expect(references.map((reference) => reference.size).sort((a, b) => a - b)).toEqual(
      // desktop buttons 16-80; Outlook mobile's 25/32/48 at scale 1-3; IconUrl, HighResolutionIconUrl
      expect.arrayContaining([16, 20, 24, 25, 32, 40, 48, 50, 64, 75, 80, 96, 128, 144]),
    );
    for (const reference of references) {
      const file = path.join(ROOT, reference.url.slice(`${DEV_ORIGIN}/`.length));
      expect({ where: reference.where, ...pngSize(file) }).toEqual({
        where: reference.where,
        width: reference.size,
        height: reference.size,
      });
    }
  });
});

describe("the structural checks catch real mistakes", () => {
  const check = (xml: string) => checkManifestStructure(xml, { origin: DEV_ORIGIN, emittedPaths }).join("\n");
  const replaceOnce = (from: string, to: string) => {
    expect(MANIFEST).toContain(from);
    return MANIFEST.replace(from, to);
  };

  it.each([
    [
      "a resid with no resource",
      () => replaceOnce('<Label resid="TaskpaneButton.Label"/>', '<Label resid="TaskpaneButton.Lable"/>'),
      /resid "TaskpaneButton.Lable" is not defined/,
    ],
    [
      "a resid of the wrong kind",
      () => replaceOnce('<Label resid="Group.Label"/>', '<Label resid="TaskpaneButton.Tooltip"/>'),
      /is in LongStrings, expected ShortStrings/,
    ],
    [
      "an http URL",
      () => replaceOnce("https://localhost:3000/support.html", "http://localhost:3000/support.html"),
      /is not https/,
    ],
    [
      "a URL on another origin",
      () => replaceOnce("https://localhost:3000/support.html", "https://example.com/support.html"),
      /not on the add-in's origin/,
    ],
    [
      "a page the build does not emit",
      () => MANIFEST.replace(/taskpane\.html/g, "task-pane.html"),
      /"task-pane.html", which the build does not emit/,
    ],
    [
      "elements out of schema order",
      () =>
        replaceOnce("<Permissions>ReadItem</Permissions>", "").replace(
          "<FormSettings>",
          "<Permissions>ReadItem</Permissions><FormSettings>",
        ),
      /FormSettings is out of order/,
    ],
    [
      "a pinnable pane lost",
      () => replaceOnce("<SupportsPinning>true</SupportsPinning>", ""),
      /must set SupportsPinning true/,
    ],
    [
      "a resource nobody uses",
      () =>
        replaceOnce(
          '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>',
          '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/><bt:Url id="Spare.Url" DefaultValue="https://localhost:3000/taskpane.html"/>',
        ),
      /Resource "Spare.Url" .* is never used/,
    ],
    ["broken XML", () => MANIFEST.replace("</OfficeApp>", ""), /not well-formed XML/],
  ])("reports %s", (_label, mutate, expected) => {
    expect(check(mutate())).toMatch(expected);
  });
});

describe("production manifest (ADDIN_PUBLIC_URL)", () => {
  it("accepts an https base and keeps a path prefix", () => {
    expect(parsePublicUrl("https://addin.contoso.com/")).toBe("https://addin.contoso.com");
    expect(parsePublicUrl("https://contoso.com/gal/")).toBe("https://contoso.com/gal");
  });

  it.each([
    "http://addin.contoso.com",
    "https://addin.contoso.com/?v=1",
    "https://u:p@addin.contoso.com",
    "addin",
  ])("refuses %s", (value) => {
    expect(() => parsePublicUrl(value)).toThrow(PublicUrlError);
  });

  it("is what the build writes: every URL on the public base, still structurally valid", async () => {
    const production = await inspectBuild({ ADDIN_PUBLIC_URL: "https://addin.contoso.com" });
    expect(production.manifest).not.toContain("localhost");
    expect(production.manifest).toBe(rewriteManifestUrls(MANIFEST, "https://addin.contoso.com"));
    expect(
      checkManifestStructure(production.manifest, { origin: "https://addin.contoso.com", emittedPaths }),
    ).toEqual([]);
  }, 60_000);

  it("makes the build refuse a non-https public URL", async () => {
    await expect(inspectBuild({ ADDIN_PUBLIC_URL: "http://addin.contoso.com" })).rejects.toMatchObject({
      stderr: expect.stringContaining("must be https"),
    });
  }, 60_000);

  it("leaves the localhost manifest alone without ADDIN_PUBLIC_URL", () => {
    expect(build.manifest).toBe(MANIFEST);
  });
});

describe("offline validation (npm run validate:offline)", () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), "manifest-test-"));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("converts manifest.xml and finds the JSON manifest valid", async () => {
    const result = await validateOffline("manifest.xml");
    expect(result).toEqual({ code: 0, output: expect.stringContaining("manifest.xml is valid") });
  }, 60_000);

  it("fails on what only the JSON schema knows (a control id over 64 characters), naming the complaint", async () => {
    const broken = path.join(scratch, "long-control-id.xml");
    const longId = "galContactOpenPaneButton".repeat(3);
    writeFileSync(broken, MANIFEST.replace(/galContactOpenPaneButton/g, longId));
    expect(
      checkManifestStructure(readFileSync(broken, "utf8"), { origin: DEV_ORIGIN, emittedPaths }),
    ).toEqual([]);
    const result = await validateOffline(broken);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(
      /schema: \/extensions\/0\/ribbons\/.*\/id must NOT have more than 64 characters/,
    );
  }, 60_000);

  it("fails when the converter itself refuses the XML", async () => {
    const broken = path.join(scratch, "bad-id.xml");
    writeFileSync(broken, MANIFEST.replace(/<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>"));
    const result = await validateOffline(broken);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(
      /structure: <Id> must be a GUID[\s\S]*schema: Conversion or validation failed/,
    );
  }, 60_000);
});
