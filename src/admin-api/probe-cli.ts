/**
 * `npm run probe -- --base-url URL [--token-file FILE] [--search TEXT]`
 *
 * The token comes from --token-file or the ADMIN_CENTER_TOKEN environment variable,
 * never from the command line (it would end up in shell history and process lists).
 * Exit code 0: the response matches the client's schema; 1: mismatch or failure; 2: usage.
 */
import { FixedTokenProvider } from "../auth/token-provider";
import { isDirectoryError } from "../contacts/directory-error";
import { formatProbeReport, runProbe } from "./probe";
import { parseProbeArguments, readProbeToken, type ProbeArguments } from "./probe-arguments";

async function main(): Promise<number> {
  let args: ProbeArguments;
  let token: string;
  try {
    args = parseProbeArguments(process.argv.slice(2));
    token = await readProbeToken(args, process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  try {
    const report = await runProbe({
      baseUrl: args.baseUrl,
      tokens: new FixedTokenProvider(token),
      searchString: args.searchString,
    });
    console.log(formatProbeReport(report));
    return report.ok ? 0 : 1;
  } catch (error) {
    console.error(`Probe failed: ${isDirectoryError(error) ? error.message : "unexpected error"}`);
    return 1;
  }
}

main().then((code) => {
  process.exitCode = code;
});
