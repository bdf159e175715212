/**
 * A fair share of the relay's upstream connections per caller. Callers are told apart by a
 * hash of their bearer token (the token itself is never kept): each may have at most
 * `perCaller` calls upstream at once, and waits in its own line for more, so one caller's
 * burst of slow calls cannot take every socket and make another caller wait into a 504.
 */
import { createHash } from "node:crypto";

/** Release the slot when the upstream call is over (answered, failed or cancelled). */
export type ReleaseSlot = () => void;

interface Caller {
  active: number;
  waiting: Array<(release: ReleaseSlot) => void>;
}

export function callerKey(authorization: string): string {
  return createHash("sha256").update(authorization).digest("base64url").slice(0, 22);
}

export class CallerSlots {
  readonly #perCaller: number;
  readonly #callers = new Map<string, Caller>();

  constructor(perCaller: number) {
    if (!Number.isInteger(perCaller) || perCaller < 1)
      throw new Error("perCaller must be a positive integer");
    this.#perCaller = perCaller;
  }

  /** A slot for this caller, at once or when one of its own calls ends; null if `signal` aborts first. */
  acquire(key: string, signal: AbortSignal): Promise<ReleaseSlot | null> {
    if (signal.aborted) return Promise.resolve(null);
    const caller = this.#callers.get(key) ?? { active: 0, waiting: [] };
    this.#callers.set(key, caller);
    if (caller.active < this.#perCaller) {
      caller.active += 1;
      return Promise.resolve(this.#releaser(key, caller));
    }
    return new Promise((resolve) => {
      const grant = (release: ReleaseSlot): void => {
        signal.removeEventListener("abort", onAbort);
        resolve(release);
      };
      const onAbort = (): void => {
        const index = caller.waiting.indexOf(grant);
        if (index >= 0) caller.waiting.splice(index, 1);
        resolve(null);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      caller.waiting.push(grant);
    });
  }

  /** Calls in flight plus calls waiting, for this caller. */
  load(key: string): number {
    const caller = this.#callers.get(key);
    return caller === undefined ? 0 : caller.active + caller.waiting.length;
  }

  #releaser(key: string, caller: Caller): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = caller.waiting.shift();
      // The slot passes straight to the caller's next call in line; otherwise it is freed.
      if (next !== undefined) next(this.#releaser(key, caller));
      else if (--caller.active === 0) this.#callers.delete(key);
    };
  }
}
