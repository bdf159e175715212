/**
 * The production server (relay + static files) in its own process, configured as
 * `npm run serve` configures it, access log included (JSON lines on stdout, which the
 * bench sends to /dev/null). argv[2]: {"upstream": url, "distDir": dir}.
 */
import { startServer } from "../../src/server/server";
import { reportReady } from "../lib/child-server";

async function main(): Promise<void> {
  const { upstream, distDir } = JSON.parse(process.argv[2] ?? "{}") as { upstream: string; distDir: string };
  const server = await startServer({ port: 0, upstream, distDir });
  reportReady(server.url, () => server.close());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
