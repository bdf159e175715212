/** Builds the demo once for the whole e2e run (nothing is rebuilt when the output is fresh). */
import { ensureDemoBuild } from "../../src/harness/demo-build";

export default async function globalSetup(): Promise<void> {
  await ensureDemoBuild({ log: (line) => process.stderr.write(`[e2e build] ${line}\n`) });
}
