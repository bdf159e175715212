/**
 * Writes a manifest (the XML or the unified JSON one) whose URLs point at the server that hosts the add-in.
 *
 *   ADDIN_PUBLIC_URL=https://addin.contoso.com npx tsx scripts/build-manifest.ts
 *   npx tsx scripts/build-manifest.ts --public-url https://addin.contoso.com --out dist/manifest.xml
 *   npx tsx scripts/build-manifest.ts --public-url https://addin.contoso.com --in manifest.json --out dist/manifest.json
 *
 * `npm run build` does the same through webpack (webpack.config.js); this script is for
 * producing a manifest for another host without rebuilding the pane.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PublicUrlError, rewriteManifestUrls } from "./manifest-rewrite";

const { values } = parseArgs({
  options: {
    "public-url": { type: "string" },
    in: { type: "string", default: "manifest.xml" },
    out: { type: "string", default: path.join("dist", "manifest.xml") },
  },
});

const publicUrl = values["public-url"] ?? process.env.ADDIN_PUBLIC_URL;
if (!publicUrl) {
  console.error(
    "Give the add-in's public https URL: --public-url https://addin.contoso.com (or ADDIN_PUBLIC_URL).",
  );
  process.exit(2);
}

try {
  const xml = rewriteManifestUrls(readFileSync(values.in, "utf8"), publicUrl);
  mkdirSync(path.dirname(values.out), { recursive: true });
  writeFileSync(values.out, xml);
  console.log(`Wrote ${values.out} for ${publicUrl}`);
} catch (error) {
  if (!(error instanceof PublicUrlError)) throw error;
  console.error(error.message);
  process.exit(2);
}
