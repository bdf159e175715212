/** What the figures were measured on: they mean little without the machine and its load. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

export interface MachineInfo {
  date: string;
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string | null;
  /** 1-minute load average when the run started: other work on the machine skews timings. */
  loadAverageAtStart: number;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function chromiumVersion(): string | null {
  try {
    const output = execFileSync(CHROMIUM_PATH, ["--version"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 20_000,
    });
    return output.trim() || null;
  } catch {
    return null;
  }
}

function osDescription(): string {
  try {
    const release = readFileSync("/etc/os-release", "utf8");
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1];
    if (pretty) return `${pretty}, ${os.type()} ${os.release()}`;
  } catch {
    // Not Linux, or no os-release: the kernel line is enough.
  }
  return `${os.type()} ${os.release()}`;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: osDescription(),
    node: process.version,
    chromium: chromiumVersion(),
    loadAverageAtStart: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}
