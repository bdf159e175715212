/** The emulator in its own process for the relay benchmark. argv[2]: the EmulatorSeed as JSON. */
import { startEmulator, type EmulatorSeed } from "../../src/emulator/server";
import { reportReady } from "../lib/child-server";

async function main(): Promise<void> {
  const seed = JSON.parse(process.argv[2] ?? "{}") as EmulatorSeed;
  const emulator = await startEmulator({ port: 0, seed });
  reportReady(emulator.url, () => emulator.close());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
