/**
 * `npm run serve`: the production server (built pane + admin center relay).
 *
 *   --port <n>             PORT            default 3000
 *   --host <addr>          HOST            default 127.0.0.1 (0.0.0.0 in a container)
 *   --dist <dir>           DIST_DIR        default ./dist
 *   --upstream <url>       ADMIN_UPSTREAM  default https://admin.microsoft.com
 *   --exchange-upstream <url> EXCHANGE_UPSTREAM default https://outlook.office365.com (InvokeCommand;
 *                          sovereign clouds: e.g. https://outlook.office365.us)
 *   --cert <file>          TLS_CERT_PATH   with --key: serve HTTPS directly
 *   --key <file>           TLS_KEY_PATH
 *   --trust-proxy          TRUST_PROXY=1   believe X-Forwarded-Proto (for HSTS) from the proxy in front
 *   --frame-ancestor <src> (repeatable)    replaces 'self' + the Outlook origins
 *   --timeout-ms <n>       RELAY_TIMEOUT_MS default 20000
 *   --base-path <path>     BASE_PATH        serve under a path (e.g. /gal) when the proxy forwards it unchanged
 *   --csp-report           CSP_REPORT=1     for trials: CSP violations reported to POST /csp-report and logged
 *
 * Logs are JSON lines on stdout. SIGINT/SIGTERM stop accepting, let in-flight requests
 * finish, then exit.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { optionsFromCommandLine } from "./cli-options";
import { startServer } from "./server";

async function main(): Promise<void> {
  const options = optionsFromCommandLine(process.argv.slice(2), process.env);
  if (!existsSync(path.join(options.distDir, options.indexFile ?? "taskpane.html"))) {
    throw new Error(`No built pane in ${options.distDir}: run \`npm run build\` first.`);
  }
  const server = await startServer(options);
  console.log(
    JSON.stringify({
      msg: "listening",
      url: server.url,
      upstream: options.upstream,
      exchangeUpstream: options.exchangeUpstream,
      distDir: options.distDir,
    }),
  );
  const shutdown = (signal: string): void => {
    console.log(JSON.stringify({ msg: "shutting down", signal }));
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(
    JSON.stringify({ msg: "failed to start", error: error instanceof Error ? error.message : String(error) }),
  );
  process.exit(1);
});
