/**
 * `npm run demo`: builds what is stale (the pane in demo mode, the Outlook stand-in page),
 * starts the emulator and the server in-process, and serves the stand-in page.
 *
 *   --port <n>        PORT      default 3000 (0: any free port)
 *   --host <addr>     HOST      default 127.0.0.1
 *   --fixture <file>            message list, default demo/messages.json (format: docs/demo.md)
 *   --address-book <file>       emulator seed, default demo/address-book.json
 *   --rebuild                   build even when the output is fresh
 *
 * Prints the URL, then one line per admin API call the pane makes. Ctrl-C (SIGINT) or
 * SIGTERM closes the servers and exits 0.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureDemoBuild } from "../src/harness/demo-build";
import { DEFAULT_DEMO_PORT, startDemo } from "../src/harness/demo-server";
import type { AccessLogEntry } from "../src/server/access-log";

function parsePort(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_DEMO_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port: ${value}`);
  return port;
}

/** Only the pane's admin API calls, readable: the page's own polling would drown them. */
function logAdminCall(entry: AccessLogEntry): void {
  if (entry.route === undefined) return;
  const upstream = entry.upstreamStatus !== undefined ? "" : ` (${entry.outcome ?? "no answer"})`;
  console.log(
    `  ${entry.method} ${entry.path} → ${entry.status}${upstream}  ${Math.round(entry.durationMs)} ms`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      fixture: { type: "string" },
      "address-book": { type: "string" },
      rebuild: { type: "boolean" },
    },
  });
  const build = await ensureDemoBuild({ force: values.rebuild ?? false });
  const demo = await startDemo({
    ...build,
    port: parsePort(values.port ?? process.env.PORT),
    host: values.host ?? process.env.HOST ?? "127.0.0.1",
    fixturePath: values.fixture ? path.resolve(values.fixture) : undefined,
    addressBookPath: values["address-book"] ? path.resolve(values["address-book"]) : undefined,
    log: logAdminCall,
  });
  const shownUrl = demo.url.replace("127.0.0.1", "localhost");
  console.log(`\nDemo running: ${shownUrl}`);
  console.log(
    `  ${demo.mailbox.messages.length} messages for ${demo.mailbox.user.displayName}, emulator at ${demo.emulator.url}`,
  );
  console.log("  Ctrl-C to stop.\n");

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the demo…`);
    demo.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : String(error));
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
