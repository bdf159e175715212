/**
 * Builds the pane and the floor into a directory and writes the PaneBuildReport as JSON:
 *
 *   node --import tsx bench/bundle/build-cli.ts <output directory> <report.json>
 *
 * The bundle budget test runs this in a child process, so webpack runs in plain Node
 * rather than inside Jest's module sandbox.
 */
import { writeFileSync } from "node:fs";
import { buildPaneAndFloor } from "./build";

async function main(): Promise<void> {
  const [outputDirectory, reportFile] = process.argv.slice(2);
  if (!outputDirectory || !reportFile) {
    throw new Error("usage: build-cli.ts <output directory> <report.json>");
  }
  const report = await buildPaneAndFloor({ outputDirectory });
  writeFileSync(reportFile, JSON.stringify(report));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
