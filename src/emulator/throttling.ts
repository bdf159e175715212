/**
 * The "strict" throttling variant: what "reported by other tool builders as strict" could mean,
 * played per caller (bearer token) so that a client that does not pace itself is refused the way
 * Microsoft 365 refuses it: 429 with Retry-After. At most `maxInFlight` requests at once and
 * `perWindow` requests started in any rolling `windowMs`. "off" (the default) never refuses.
 * The token is only a map key held in memory: never logged or returned.
 */
export interface ThrottleRule {
  maxInFlight: number;
  perWindow: number;
  windowMs: number;
  /** Seconds, as the Retry-After header carries them. */
  retryAfterSeconds: number;
}

export const STRICT_THROTTLING: Readonly<ThrottleRule> = {
  maxInFlight: 2,
  perWindow: 20,
  windowMs: 1000,
  retryAfterSeconds: 1,
};

interface CallerState {
  inFlight: number;
  /** Start times of the admitted requests still inside the window, oldest first. */
  starts: number[];
}

export class Throttle {
  readonly #callers = new Map<string, CallerState>();
  readonly #now: () => number;
  /** Requests refused since the last reset, for the control surface. */
  refused = 0;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /**
   * Admits a request of `caller` under `rule` and returns its release (call once it is answered),
   * or null when the caller is over the rule: answer 429 with Retry-After.
   */
  admit(caller: string, rule: ThrottleRule | null): (() => void) | null {
    if (rule === null) return () => {};
    const now = this.#now();
    const state = this.#callers.get(caller) ?? { inFlight: 0, starts: [] };
    this.#callers.set(caller, state);
    while (state.starts.length > 0 && (state.starts[0] as number) <= now - rule.windowMs)
      state.starts.shift();
    if (state.inFlight >= rule.maxInFlight || state.starts.length >= rule.perWindow) {
      this.refused += 1;
      return null;
    }
    state.inFlight += 1;
    state.starts.push(now);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state.inFlight -= 1;
    };
  }

  reset(): void {
    this.#callers.clear();
    this.refused = 0;
  }
}

export function throttleRule(variant: "off" | "strict"): ThrottleRule | null {
  return variant === "strict" ? STRICT_THROTTLING : null;
}
