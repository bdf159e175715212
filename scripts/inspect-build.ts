/**
 * Prints, as JSON, what the production build configuration (webpack.config.js, with the
 * current environment) would emit for the manifest to point at, and the manifest it would
 * write to dist/. Lets tests check the build's wiring without running a 30-second build.
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
    typeof candidate !== "string" && candidate.from === "manifest.xml";
  const pattern = copy?.patterns?.find(isManifestPattern);
  if (!pattern) throw new Error("webpack.config.js does not copy manifest.xml");
  const source = path.join(root, "manifest.xml");
  const content = readFileSync(source);
  const manifest = pattern.transform ? await pattern.transform(content, source) : content;
  console.log(
    JSON.stringify({
      emitted: await listEmittedPaths(root),
      manifest: Buffer.isBuffer(manifest) ? manifest.toString("utf8") : manifest,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
