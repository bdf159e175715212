/**
 * `npm run probe -- --tenant contoso.onmicrosoft.com --client-id <id> [--backend admin-center|exchange|both]`
 *
 * Tells an admin, in five minutes and without writing anything, which backend works in
 * their tenant and the ADDIN_BACKEND line to build with. Exit code 0: a backend works;
 * 1: none does; 2: usage. `--help` prints the flags.
 */
import { buildLine } from "./backends";
import { USAGE, parseProbeCliArguments, runProbeCli, type ProbeCliArguments } from "./run";

async function main(): Promise<number> {
  let args: ProbeCliArguments | null;
  try {
    args = parseProbeCliArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (args === null) {
    console.log(USAGE);
    return 0;
  }
  try {
    const { verdicts, text } = await runProbeCli(args);
    console.log(text);
    return buildLine(verdicts) ? 0 : 1;
  } catch (error) {
    // Never the error object itself: MSAL and fetch errors can carry request details.
    console.error(`Probe failed: ${error instanceof Error ? error.name : "unexpected error"}`);
    return 1;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
