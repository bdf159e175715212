/**
 * A server in its own process for the bench (bench/lib/child.ts starts it): argv[2] is
 * {"emulator": EmulatorSeed} or {"relay": {upstream, distDir}} (the production server, access
 * log on stdout, which the bench sends to /dev/null). Reports its URL and, when asked, its CPU time.
 */
import { startEmulator, type EmulatorSeed } from "../../src/emulator/server";
import { startServer } from "../../src/server/server";

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? "{}") as {
    emulator?: EmulatorSeed;
    relay?: { upstream: string; distDir: string };
  };
  const server = config.relay
    ? await startServer({ port: 0, ...config.relay })
    : await startEmulator({ port: 0, seed: config.emulator ?? {} });
  process.on("message", () => {
    const usage = process.cpuUsage();
    process.send?.({ cpuMicros: usage.user + usage.system });
  });
  process.send?.({ url: server.url });
  const stop = () => void server.close().finally(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("disconnect", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
