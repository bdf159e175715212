/**
 * `npm run demo`: builds what is stale (the pane in demo mode, the Outlook stand-in page),
 * starts the emulator and the server in-process, and serves the stand-in page.
 *
 *   --port <n>        PORT      default 3000 (0: any free port)
 *   --host <addr>     HOST      default 127.0.0.1
 *   --fixture <file>            message list, default demo/messages.json (format: docs/demo.md)
 *   --address-book <file>       emulator seed, default demo/address-book.json
 *   --rebuild                   build even when the output is fresh
 *   --base-path <path>          serve everything under a path (e.g. /gal), as an add-in hosted
 *                               at https://host/gal/ would be; default: the root
 *
 * Prints the URL, then one line per admin API call the pane makes. Ctrl-C (SIGINT) or
 * SIGTERM closes the servers and exits 0 (npm itself reports 130 after Ctrl-C). The script
 * also stops when its parent goes away, as npm does on SIGTERM without passing it on.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { BuildCancelledError, ensureDemoBuild, type DemoBuildPaths } from "../src/harness/demo-build";
import {
  DEFAULT_ADDRESS_BOOK_PATH,
  DEFAULT_DEMO_PORT,
  DEFAULT_FIXTURE_PATH,
  loadAddressBook,
  startDemo,
  type RunningDemo,
} from "../src/harness/demo-server";
import { loadMessageFixture } from "../src/harness/fixtures";
import type { AccessLogEntry } from "../src/server/access-log";

const PARENT_CHECK_INTERVAL_MS = 1000;

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
      "base-path": { type: "string" },
    },
  });
  const port = parsePort(values.port ?? process.env.PORT);
  const fixturePath = path.resolve(values.fixture ?? DEFAULT_FIXTURE_PATH);
  const addressBookPath = path.resolve(values["address-book"] ?? DEFAULT_ADDRESS_BOOK_PATH);
  // A mistake in either file is reported at once, not after a minute of building.
  await loadMessageFixture(fixturePath);
  await loadAddressBook(addressBookPath);

  // Ctrl-C works from the first moment: during the build it stops webpack, afterwards the servers.
  const building = new AbortController();
  let demo: RunningDemo | null = null;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the demo…`);
    building.abort();
    (demo ? demo.close() : Promise.resolve()).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : String(error));
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  // `npm run demo` does not pass SIGTERM on to its script: when npm goes away, stop too
  // rather than keep the port.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop("parent exited");
  }, PARENT_CHECK_INTERVAL_MS).unref();

  let build: DemoBuildPaths;
  try {
    build = await ensureDemoBuild({ force: values.rebuild ?? false, signal: building.signal });
  } catch (error) {
    if (error instanceof BuildCancelledError || stopping) return;
    throw error;
  }
  demo = await startDemo({
    ...build,
    port,
    host: values.host ?? process.env.HOST ?? "127.0.0.1",
    fixturePath,
    addressBookPath,
    ...(values["base-path"] ? { basePath: values["base-path"] } : {}),
    log: logAdminCall,
  });
  const shownUrl = demo.url.replace("127.0.0.1", "localhost");
  console.log(`\nDemo running: ${shownUrl}${values["base-path"] ? "/" : ""}`);
  console.log(
    `  ${demo.mailbox.messages.length} messages for ${demo.mailbox.user.displayName}, emulator at ${demo.emulator.url}`,
  );
  console.log("  Ctrl-C to stop.\n");
}

main().catch((error: unknown) => {
  console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
