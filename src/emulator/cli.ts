/**
 * `npm run emulator -- [--port 4000] [--host 127.0.0.1] [--seed file.json] [--quiet]`
 * Starts the admin center emulator for the demo and for manual checks with curl.
 * PORT in the environment is used when --port is absent.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEMO_SEED } from "./demo-seed";
import { DEMO_TOKENS, startEmulator, type EmulatorSeed } from "./server";

const DEFAULT_PORT = 4000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      quiet: { type: "boolean", default: false },
    },
    strict: true,
  });
  const port = Number(values.port ?? process.env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid port: ${values.port ?? process.env.PORT}`);
  const seed: EmulatorSeed = values.seed
    ? (JSON.parse(readFileSync(values.seed, "utf8")) as EmulatorSeed)
    : DEMO_SEED;

  const emulator = await startEmulator({
    port,
    host: values.host ?? "127.0.0.1",
    seed,
    log: values.quiet ? undefined : (line) => console.log(line),
  });
  console.log(`Admin center and Exchange InvokeCommand emulator listening on ${emulator.url}`);
  console.log(
    `Tokens: admin center admin "${DEMO_TOKENS.admin}", read-only "${DEMO_TOKENS.readOnly}"; Exchange admin "${DEMO_TOKENS.exchangeAdmin}", read-only "${DEMO_TOKENS.exchangeReadOnly}"${values.seed ? " (unless the seed names others)" : ""}`,
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the emulator`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`Emulator failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
