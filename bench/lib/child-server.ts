/**
 * Runs a server in its own Node process, so that the load generator, the relay and the
 * emulator each get their own event loop, as they would in production. The child reports
 * its URL over the IPC channel; its stdout goes to /dev/null (the relay still formats
 * every access log line, as it does in production).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface ChildServer {
  url: string;
  pid: number;
  /** CPU time the child has used so far, µs (process.cpuUsage, user + system). */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

export interface ReadyMessage {
  ready: true;
  url: string;
}

interface CpuMessage {
  cpuMicros: number;
}

/**
 * Starts `script` (a .ts file under bench/processes) with `--import tsx`; `config` goes in
 * as JSON in argv; `nodeOptions` go before it (e.g. --cpu-prof).
 */
export function startChildServer(
  script: string,
  config: unknown,
  nodeOptions: readonly string[] = [],
): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    [...nodeOptions, "--import", "tsx", path.resolve(script), JSON.stringify(config)],
    { stdio: ["ignore", "ignore", "inherit", "ipc"] },
  );
  return new Promise<ChildServer>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${path.basename(script)} did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${path.basename(script)} exited (${code}) before it was ready`));
    });
    child.on("message", (message: unknown) => {
      const ready = message as Partial<ReadyMessage>;
      if (ready.ready !== true || typeof ready.url !== "string") return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({
        url: ready.url,
        pid: child.pid ?? -1,
        cpuMicros: () => askCpu(child),
        stop: () => stopChild(child),
      });
    });
  });
}

function askCpu(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      const answer = message as Partial<CpuMessage>;
      if (typeof answer.cpuMicros !== "number") return;
      child.off("message", onMessage);
      resolve(answer.cpuMicros);
    };
    child.on("message", onMessage);
    if (!child.send({ cpu: true })) reject(new Error("the child's IPC channel is closed"));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** For the child: tell the parent we listen at `url`, and close cleanly on SIGTERM. */
export function reportReady(url: string, close: () => Promise<void>): void {
  process.on("message", (message: unknown) => {
    if ((message as { cpu?: boolean }).cpu !== true) return;
    const usage = process.cpuUsage();
    process.send?.({ cpuMicros: usage.user + usage.system } satisfies CpuMessage);
  });
  process.send?.({ ready: true, url } satisfies ReadyMessage);
  const shutdown = () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  // The parent went away (crash, Ctrl-C): do not linger.
  process.once("disconnect", shutdown);
}
