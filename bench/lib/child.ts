/**
 * A server in its own Node process, so load generator, relay and emulator each have their own event
 * loop. Forked with {"emulator": EmulatorSeed} or {"relay": {upstream, distDir}} (the production
 * server, access log to /dev/null), this file runs it and reports its URL and, when asked, its CPU time.
 */
import { fork } from "node:child_process";
import { startEmulator, type EmulatorSeed } from "../../src/emulator/server";
import { startServer } from "../../src/server/server";

export type ChildServer = { url: string; cpuMicros(): Promise<number>; stop(): Promise<void> };
type Config = { emulator?: EmulatorSeed; relay?: { upstream: string; distDir: string } };

export async function startChildServer(config: Config, execArgv: string[] = []): Promise<ChildServer> {
  const child = fork(__filename, [JSON.stringify(config)], {
    execArgv: [...execArgv, "--import", "tsx"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`the bench's server process exited (${code})`));
      const onMessage = (message: Record<string, T>) => {
        if (!(key in message)) return;
        child.off("message", onMessage).off("exit", onExit);
        resolve(message[key] as T);
      };
      child.once("exit", onExit).on("message", onMessage);
    });
  const cpuMicros = () => (child.send({ cpu: true }), next<number>("cpuMicros"));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = () => (child.exitCode === null && child.kill("SIGTERM"), exited);
  return { url: await next<string>("url"), cpuMicros, stop };
}

async function serve(config: Config): Promise<void> {
  const server = config.relay
    ? await startServer({ port: 0, ...config.relay })
    : await startEmulator({ port: 0, seed: config.emulator ?? {} });
  process.on("message", () => {
    const usage = process.cpuUsage();
    process.send?.({ cpuMicros: usage.user + usage.system });
  });
  process.send?.({ url: server.url });
  const stop = () => void server.close().finally(() => process.exit(0));
  process.once("SIGTERM", stop).once("disconnect", stop);
}

if (require.main === module)
  serve(JSON.parse(process.argv[2] ?? "{}") as Config).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
