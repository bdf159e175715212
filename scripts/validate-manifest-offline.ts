/**
 * Validates the manifest without the network (npm run validate:offline):
 *   1. the project's structural checks (scripts/manifest-structure.ts) against the files
 *      webpack.config.js emits;
 *   2. conversion to the unified JSON manifest with office-addin-manifest-converter;
 *   3. `office-addin-manifest validate` of that JSON, which checks it locally against the
 *      JSON schema bundled with the tool.
 * `npm run validate` is Microsoft's online validation of the XML itself (needs network).
 *
 *   npx tsx scripts/validate-manifest-offline.ts [manifest.xml] [--origin https://localhost:3000]
 *   (for dist/manifest.xml built with ADDIN_PUBLIC_URL, pass that URL as --origin)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { convert } from "office-addin-manifest-converter";
import { validateManifest } from "office-addin-manifest";
import { listEmittedPaths } from "./emitted-files";
import { DEV_ORIGIN } from "./manifest-rewrite";
import { checkManifestStructure } from "./manifest-structure";

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
  const structureProblems = checkManifestStructure(readFileSync(manifestPath, "utf8"), {
    origin,
    emittedPaths: emitted,
  });

  const schemaProblems: string[] = [];
  const outputDirectory = mkdtempSync(path.join(os.tmpdir(), "gal-contact-manifest-"));
  try {
    await convert(manifestPath, outputDirectory, false);
    const jsonPath = path.join(outputDirectory, "manifest.json");
    if (!existsSync(jsonPath)) {
      schemaProblems.push("The converter wrote no manifest.json.");
    } else {
      const validation = await validateManifest(jsonPath);
      if (!validation.isValid) {
        const errors = validation.report?.errors ?? [];
        if (errors.length === 0) schemaProblems.push("The converted JSON manifest is not valid.");
        for (const error of errors)
          schemaProblems.push(String(error.content ?? error.title ?? "unknown error"));
      }
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

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { origin: { type: "string", default: DEV_ORIGIN } },
  });
  if (positionals.length > 1) {
    console.error(`Give one manifest to validate, not ${positionals.length}: ${positionals.join(" ")}`);
    process.exitCode = 2;
    return;
  }
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
    `${manifestPath} is valid: structure checked against the build, converted JSON valid against the schema.`,
  );
}

void main();
