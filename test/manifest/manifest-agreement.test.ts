/**
 * One add-in, two manifests: manifest.xml (every client, line-of-business) and manifest.json
 * (unified, Outlook on the web and new Outlook for Windows) state the facts of
 * manifest.data.ts, each in its own words; ADDIN_PUBLIC_URL rewrites both; the multi-select
 * variant exists only when asked for and differs only in what multi-select needs.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ADDIN, DEV_ORIGIN, MULTISELECT } from "../../manifest.data";
import { type ManifestFacts, unifiedFacts, xmlFacts } from "../../scripts/manifest-facts";
import { checkManifestStructure } from "../../scripts/manifest-structure";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
const read = (name: string) => readFileSync(path.join(ROOT, name), "utf8");
const XML = read("manifest.xml");
const JSON_MANIFEST = read("manifest.json");
const GERMAN = read("manifest.de-de.json");

const on = (base: string, relative: readonly string[]) => relative.map((url) => `${base}/${url}`).sort();

function expectedFacts(base: string, urls: readonly string[]): ManifestFacts {
  return {
    id: ADDIN.id,
    version: ADDIN.version,
    name: { ...ADDIN.name },
    description: { ...ADDIN.description },
    buttonLabel: { ...ADDIN.button.label },
    tooltip: { ...ADDIN.button.tooltip },
    urls: on(base, urls),
    permission: "",
    mailbox: [ADDIN.mailbox.addin, ADDIN.mailbox.button, ADDIN.mailbox.pinnable],
    pinnableFrom: [ADDIN.mailbox.pinnable],
    multiselect: false,
  };
}
const xmlExpected = (base = DEV_ORIGIN) => ({
  ...expectedFacts(base, [...ADDIN.urls, ...ADDIN.mobileIconUrls]),
  permission: ADDIN.permission.xml,
});
const unifiedExpected = (base = DEV_ORIGIN) => ({
  ...expectedFacts(base, ADDIN.urls),
  permission: ADDIN.permission.unified,
});

async function inspectBuild(env: Record<string, string>): Promise<Record<string, string>> {
  const { stdout } = await run(bin("tsx"), ["scripts/inspect-build.ts"], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_PUBLIC_URL: "", ADDIN_MULTISELECT: "", ...env },
  });
  return (JSON.parse(stdout) as { manifests: Record<string, string> }).manifests;
}

/** `office-addin-manifest validate` exactly as a person types it; offline for JSON. */
async function validateJson(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(bin("office-addin-manifest"), ["validate", file], { cwd: ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

describe("both manifests state manifest.data.ts", () => {
  it("manifest.xml: id, version, names and descriptions in English and German, URLs, ReadItem, Mailbox sets", () => {
    expect(xmlFacts(XML)).toEqual(xmlExpected());
  });

  it("manifest.json (with its German file): the same facts", () => {
    expect(unifiedFacts(JSON_MANIFEST, GERMAN)).toEqual(unifiedExpected());
  });

  it.each([
    [
      "a version bumped in one file only",
      () => JSON_MANIFEST.replace('"version": "1.0.0"', '"version": "1.0.1"'),
    ],
    [
      "a German name missing",
      () => JSON_MANIFEST,
      () => GERMAN.replace('"name.short": "GAL-Kontakt"', '"name.short": "GAL"'),
    ],
    ["a heavier permission", () => JSON_MANIFEST.replace("MailboxItem.Read.User", "Mailbox.ReadWrite.User")],
    ["the pinnable pane lost", () => JSON_MANIFEST.replace('"pinnable": true', '"pinnable": false')],
  ])("notices %s", (_label, manifest, german = () => GERMAN) => {
    expect(unifiedFacts(manifest(), german())).not.toEqual(unifiedExpected());
  });

  it("gives every German string of manifest.json a place that exists in it", () => {
    const manifest = JSON.parse(JSON_MANIFEST) as unknown;
    const lookup = (key: string): unknown =>
      key
        .split(/\.(?![^[]*\])|\[|\]\.?/)
        .filter(Boolean)
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], manifest);
    const keys = Object.keys(JSON.parse(GERMAN) as object).filter((key) => key !== "$schema");
    expect(keys.filter((key) => typeof lookup(key) !== "string")).toEqual([]);
    expect(keys.length).toBeGreaterThan(6);
  });
});

describe("office-addin-manifest validate manifest.json (offline)", () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), "unified-manifest-"));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("finds manifest.json valid", async () => {
    expect(await validateJson("manifest.json")).toMatchObject({ code: 0 });
  }, 60_000);

  it("fails on a manifest the schema refuses, naming the complaint", async () => {
    const broken = path.join(scratch, "manifest.json");
    writeFileSync(broken, JSON_MANIFEST.replace('"accentColor": "#0F6CBD"', '"accentColor": "blue"'));
    const result = await validateJson(broken);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/accentColor/);
  }, 60_000);
});

describe("the build writes both manifests", () => {
  const PUBLIC = "https://contoso.com/gal";

  it("rewrites both to ADDIN_PUBLIC_URL, facts unchanged, and writes no multi-select variant by default", async () => {
    const manifests = await inspectBuild({ ADDIN_PUBLIC_URL: PUBLIC });
    expect(Object.keys(manifests).sort()).toEqual(["manifest.de-de.json", "manifest.json", "manifest.xml"]);
    expect(xmlFacts(manifests["manifest.xml"] ?? "")).toEqual(xmlExpected(PUBLIC));
    expect(unifiedFacts(manifests["manifest.json"] ?? "", GERMAN)).toEqual(unifiedExpected(PUBLIC));
  }, 60_000);

  it("ADDIN_MULTISELECT=on adds a variant asking for ReadWriteMailbox and Mailbox 1.13; the defaults keep ReadItem", async () => {
    const manifests = await inspectBuild({ ADDIN_MULTISELECT: "on" });
    expect(xmlFacts(manifests["manifest.xml"] ?? "")).toEqual(xmlExpected());
    expect(unifiedFacts(manifests["manifest.json"] ?? "", GERMAN)).toEqual(unifiedExpected());
    const variant = (expected: ManifestFacts, permission: string): ManifestFacts => ({
      ...expected,
      permission,
      mailbox: [ADDIN.mailbox.addin, ADDIN.mailbox.button, MULTISELECT.mailbox],
      pinnableFrom: [MULTISELECT.mailbox],
      multiselect: true,
    });
    const xml = manifests["manifest.multiselect.xml"] ?? "";
    expect(xmlFacts(xml)).toEqual(variant(xmlExpected(), MULTISELECT.permission.xml));
    expect(unifiedFacts(manifests["manifest.multiselect.json"] ?? "", GERMAN)).toEqual(
      variant(unifiedExpected(), MULTISELECT.permission.unified),
    );
    const emittedPaths = new Set([...ADDIN.urls, ...ADDIN.mobileIconUrls]);
    expect(
      checkManifestStructure(xml, {
        origin: DEV_ORIGIN,
        emittedPaths,
        permission: MULTISELECT.permission.xml,
      }),
    ).toEqual([]);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "multiselect-")), "manifest.json");
    writeFileSync(file, manifests["manifest.multiselect.json"] ?? "");
    expect(await validateJson(file)).toMatchObject({ code: 0 });
    rmSync(path.dirname(file), { recursive: true, force: true });
  }, 60_000);
});
