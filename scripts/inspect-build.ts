/**
 * Prints, as JSON, what the production build configuration (webpack.config.js, with the
 * current environment) would emit for the manifests to point at, and the manifests it would
 * write to dist/ (manifest: the XML one; manifests: every manifest file by its dist/ name).
 * Lets tests check the build's wiring without running a 30-second build.
 *
 *   npx tsx scripts/inspect-build.ts
 *   ADDIN_PUBLIC_URL=https://addin.contoso.com npx tsx scripts/inspect-build.ts
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { listEmittedPaths } from "./emitted-files";

interface ManifestCopyPattern {
  from: string;
  to?: string;
  transform?: (content: Buffer, absoluteFrom: string) => Buffer | string | Promise<Buffer | string>;
}

async function main(): Promise<void> {
  const root = process.cwd();
  const requireFromRoot = createRequire(path.join(root, "package.json"));
  const CopyWebpackPlugin = requireFromRoot("copy-webpack-plugin") as new (...args: never[]) => {
    patterns?: (string | ManifestCopyPattern)[];
  };
  const factory = requireFromRoot("./webpack.config.js") as (
    env: Record<string, string>,
    argv: { mode: string },
  ) => Promise<{ plugins?: unknown[] }>;
  const config = await factory({}, { mode: "production" });
  const copy = (config.plugins ?? []).find((plugin) => plugin instanceof CopyWebpackPlugin) as
    { patterns?: (string | ManifestCopyPattern)[] } | undefined;
  const isManifestPattern = (candidate: string | ManifestCopyPattern): candidate is ManifestCopyPattern =>
    typeof candidate !== "string" && /^manifest\.[\w.-]+$/.test(candidate.from);
  const manifests: Record<string, string> = {};
  for (const pattern of copy?.patterns?.filter(isManifestPattern) ?? []) {
    const source = path.join(root, pattern.from);
    const content = readFileSync(source);
    const written = pattern.transform ? await pattern.transform(content, source) : content;
    manifests[pattern.to ?? pattern.from] = Buffer.isBuffer(written) ? written.toString("utf8") : written;
  }
  if (!manifests["manifest.xml"]) throw new Error("webpack.config.js does not copy manifest.xml");
  console.log(
    JSON.stringify({
      emitted: await listEmittedPaths(root),
      manifest: manifests["manifest.xml"],
      manifests,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
