/**
 * Validates the manifest without the network (npm run validate:offline):
 *   1. the project's structural checks (scripts/manifest-structure.ts) against the files
 *      webpack.config.js emits;
 *   2. conversion to the unified JSON manifest with office-addin-manifest-converter;
 *   3. `office-addin-manifest validate` of that JSON, which checks it locally against the
 *      JSON schema bundled with the tool.
 * A .json path (the unified manifest) is checked by `office-addin-manifest validate` alone,
 * which is offline for JSON, plus the same rule that every URL is on the origin and emitted.
 * `npm run validate` is Microsoft's online validation of the XML itself (needs network).
 *
 *   npx tsx scripts/validate-manifest-offline.ts [manifest.xml | manifest.json] [--origin https://localhost:3000]
 *   (for dist/manifest.xml built with ADDIN_PUBLIC_URL, pass that URL as --origin)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { convert } from "office-addin-manifest-converter";
import { validateManifest } from "office-addin-manifest";
import { listEmittedPaths } from "./emitted-files";
import { DEV_ORIGIN } from "./manifest-rewrite";
import { checkManifestStructure } from "./manifest-structure";

const UNIFIED_SCHEMA = (() => {
  const { $schema, manifestVersion } = JSON.parse(readFileSync("manifest.json", "utf8")) as {
    $schema: string;
    manifestVersion: string;
  };
  return { $schema, manifestVersion };
})();

interface ConvertedManifest {
  extensions?: {
    ribbons?: { tabs?: { groups?: { label?: string }[]; customMobileRibbonGroups?: unknown[] }[] }[];
  }[];
}

export interface OfflineValidationResult {
  structureProblems: string[];
  schemaProblems: string[];
}

export async function validateManifestOffline(
  manifestPath: string,
  origin: string,
): Promise<OfflineValidationResult> {
  const root = process.cwd();
  const emitted = new Set(await listEmittedPaths(root));
  if (manifestPath.endsWith(".json")) return validateUnifiedOffline(manifestPath, origin, emitted);
  const structureProblems = checkManifestStructure(readFileSync(manifestPath, "utf8"), {
    origin,
    emittedPaths: emitted,
  });

  const schemaProblems: string[] = [];
  const outputDirectory = mkdtempSync(path.join(os.tmpdir(), "gal-contact-manifest-"));
  try {
    await convert(manifestPath, outputDirectory, false);
    const jsonPath = path.join(outputDirectory, "manifest.json");
    if (!existsSync(jsonPath)) schemaProblems.push("The converter wrote no manifest.json.");
    else {
      // The converter still writes schema 1.17 (three icons per button at most); hold the
      // conversion to the schema our own manifest.json uses instead, without the placeholder
      // group (one dummy icon) it puts beside a MobileFormFactor's real mobile group.
      const converted = JSON.parse(readFileSync(jsonPath, "utf8")) as ConvertedManifest;
      for (const ribbon of converted.extensions?.[0]?.ribbons ?? []) {
        for (const tab of ribbon.tabs ?? []) {
          if (tab.customMobileRibbonGroups && tab.groups?.every((group) => group.label === "placeholder"))
            delete tab.groups;
        }
      }
      writeFileSync(jsonPath, JSON.stringify({ ...converted, ...UNIFIED_SCHEMA }, null, 2));
      schemaProblems.push(...(await schemaProblemsOf(jsonPath)));
    }
  } catch (error) {
    schemaProblems.push(
      `Conversion or validation failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    rmSync(outputDirectory, { recursive: true, force: true });
  }
  return { structureProblems, schemaProblems };
}

async function schemaProblemsOf(jsonPath: string): Promise<string[]> {
  const validation = await validateManifest(jsonPath);
  if (validation.isValid) return [];
  const errors = validation.report?.errors ?? [];
  if (errors.length === 0) return ["The JSON manifest is not valid."];
  return errors.map((error) => String(error.content ?? error.title ?? "unknown error"));
}

/** Unified manifest: the schema (offline, bundled with the tool) and every URL on the origin, emitted. */
async function validateUnifiedOffline(
  manifestPath: string,
  origin: string,
  emitted: ReadonlySet<string>,
): Promise<OfflineValidationResult> {
  const base = origin.replace(/\/+$/, "");
  const structureProblems: string[] = [];
  for (const url of readFileSync(manifestPath, "utf8").match(/https:\/\/[^"\s]+/g) ?? []) {
    if (url.startsWith("https://developer.microsoft.com/json-schemas/")) continue;
    if (!url.startsWith(`${base}/`)) structureProblems.push(`${url} is not on the add-in's origin ${base}.`);
    else if (!emitted.has(url.slice(base.length + 1)))
      structureProblems.push(`${url} points at a file the build does not emit.`);
  }
  let schemaProblems: string[];
  try {
    schemaProblems = await schemaProblemsOf(manifestPath);
  } catch (error) {
    schemaProblems = [`Validation failed: ${error instanceof Error ? error.message : String(error)}`];
  }
  return { structureProblems, schemaProblems };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { origin: { type: "string", default: DEV_ORIGIN } },
  });
  const manifestPath = positionals[0] ?? "manifest.xml";
  const { structureProblems, schemaProblems } = await validateManifestOffline(manifestPath, values.origin);
  for (const problem of structureProblems) console.error(`structure: ${problem}`);
  for (const problem of schemaProblems) console.error(`schema: ${problem}`);
  if (structureProblems.length + schemaProblems.length > 0) {
    console.error(`${manifestPath} is not valid.`);
    process.exitCode = 1;
    return;
  }
  console.log(
    manifestPath.endsWith(".json")
      ? `${manifestPath} is valid: URLs checked against the build, JSON valid against the schema.`
      : `${manifestPath} is valid: structure checked against the build, converted JSON valid against the schema.`,
  );
}

void main();
