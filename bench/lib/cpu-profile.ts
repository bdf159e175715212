/**
 * Where a Node process spent its CPU, from a V8 .cpuprofile (node --cpu-prof): self time
 * grouped into a few categories a reader can act on. Idle time is left out.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface CpuShare {
  category: string;
  /** Share of the busy (non-idle) time, 0..1. */
  share: number;
}

export interface CpuBreakdown {
  busyMs: number;
  shares: CpuShare[];
}

const SOCKET_WRITES = new Set([
  "writev",
  "writeBuffer",
  "writeUtf8String",
  "writeLatin1String",
  "writeAsciiString",
]);

/** The category of one stack frame's self time; `ownCode` marks the project's own source path. */
export function categorize(frame: ProfileNode["callFrame"], ownCode: string): string | null {
  if (frame.functionName === "(idle)") return null;
  if (frame.functionName === "(garbage collector)") return "garbage collection";
  if (frame.url === "" && SOCKET_WRITES.has(frame.functionName)) return "socket writes";
  if (frame.url.includes(ownCode)) return `${ownCode} (the relay's own code)`;
  if (/^node:(?:_http|http|https|net|internal\/(?:http|streams|stream_base|net))/.test(frame.url)) {
    return "Node's HTTP and streams";
  }
  if (frame.url.startsWith("node:")) return "other Node internals";
  if (frame.url === "") return "native and V8 (parsing, JSON, program)";
  return "other JavaScript";
}

export function cpuBreakdown(profile: CpuProfile, ownCode: string): CpuBreakdown {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const time = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const frame = frames.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    if (!frame) return;
    const category = categorize(frame, ownCode);
    if (category === null) return;
    busy += delta;
    time.set(category, (time.get(category) ?? 0) + delta);
  });
  return {
    busyMs: busy / 1000,
    shares: [...time.entries()]
      .map(([category, micros]) => ({ category, share: busy > 0 ? micros / busy : 0 }))
      .sort((a, b) => b.share - a.share),
  };
}
