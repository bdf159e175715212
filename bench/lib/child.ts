/** Servers in their own Node process (bench/processes/server.ts), so load generator, relay and emulator each have their own event loop. */
import { fork } from "node:child_process";
import path from "node:path";

export interface ChildServer {
  url: string;
  /** CPU time the child has used so far (user + system), µs. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

export function startChildServer(config: object, execArgv: string[] = []): Promise<ChildServer> {
  const child = fork(path.join(__dirname, "../processes/server.ts"), [JSON.stringify(config)], {
    execArgv: [...execArgv, "--import", "tsx"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`the bench's server process exited (${code})`));
      child.once("exit", onExit);
      const onMessage = (message: Record<string, T>) => {
        if (!(key in message)) return;
        child.off("message", onMessage).off("exit", onExit);
        resolve(message[key] as T);
      };
      child.on("message", onMessage);
    });
  return next<string>("url").then((url) => ({
    url,
    cpuMicros: () => {
      const answer = next<number>("cpuMicros");
      child.send({ cpu: true });
      return answer;
    },
    stop: () =>
      new Promise<void>((resolve) =>
        child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM")),
      ),
  }));
}
