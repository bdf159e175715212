/**
 * Several lookups or promotions at once, without tripping the directory's throttling.
 *
 * The admin center's limits are unknown and reported strict (../shared/admin-api-contract.md),
 * so a list runs through one `CallGate`: at most `concurrency` directory calls in flight
 * (start: 2), their starts spaced by `minIntervalMs`, and on a throttled or unavailable answer
 * (429/503, after the client's own retries under the one retry policy) the gate halves its
 * limit and pauses every start for the server's Retry-After (or a backoff), then climbs back
 * one step per run of successes, never above the start value. A row the service kept refusing
 * is put back in the queue a few times; past the retry policy's total-wait bound (the API's
 * patience) it fails on its own, and can be tried again later without touching the others.
 *
 * Why not p-limit / p-queue: neither pauses for a server-given delay nor adapts its limit;
 * the gate is the part of them we would use, plus exactly that.
 */
import type { AddressHolder } from "./directory-error";
import { DirectoryError } from "./directory-error";
import type {
  CallOptions,
  ContactDirectory,
  GeneralUpdate,
  MailContact,
  NewMailContact,
  OptionsUpdate,
} from "./directory";
import { DEFAULT_RETRY_POLICY, isRetryable } from "./retry-policy";

export interface BatchLimits {
  /** Directory calls in flight at the start, and the most ever (the gate only lowers it, then climbs back). */
  concurrency: number;
  /** Least time between two calls' starts: bursts are what trips throttling first. */
  minIntervalMs: number;
  /** Pause after a throttled answer that named no Retry-After. */
  backoffMs: number;
  /** Successes in a row before a lowered limit climbs one step back. */
  recoverAfter: number;
  /** Times the batch itself puts a throttled row back in the queue. */
  maxRequeues: number;
  /** The most a row waits in throttling pauses before it fails (the retry policy's bound). */
  maxWaitMs: number;
}

export const DEFAULT_BATCH_LIMITS: Readonly<BatchLimits> = {
  concurrency: 2,
  minIntervalMs: 60,
  backoffMs: 2_000,
  recoverAfter: 10,
  maxRequeues: 3,
  maxWaitMs: DEFAULT_RETRY_POLICY.maxTotalWaitMs,
};

export interface GateStats {
  /** Calls started through the gate. */
  calls: number;
  /** The most calls in flight at one moment. */
  maxInFlight: number;
  /** Throttled or unavailable answers the gate saw (it paused for each). */
  throttled: number;
  /** The limit now. */
  limit: number;
}

interface GateClock {
  now?: () => number;
}

/** Admission control for directory calls: bounded, spaced, and backing off together. */
export class CallGate {
  readonly limits: Readonly<BatchLimits>;
  readonly #now: () => number;
  #limit: number;
  #inFlight = 0;
  #nextStartAt = 0;
  #pausedUntil = 0;
  #successes = 0;
  readonly #waiting: Array<() => void> = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #stats = { calls: 0, maxInFlight: 0, throttled: 0 };

  constructor(limits: Partial<BatchLimits> = {}, clock: GateClock = {}) {
    this.limits = { ...DEFAULT_BATCH_LIMITS, ...limits };
    if (!(this.limits.concurrency >= 1)) throw new Error("CallGate: concurrency must be at least 1.");
    this.#limit = this.limits.concurrency;
    this.#now = clock.now ?? Date.now;
  }

  get stats(): GateStats {
    return { ...this.#stats, limit: this.#limit };
  }

  /** Runs `call` once a slot is free and the pacing allows; a throttled failure makes the gate back off. */
  async run<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.#admit(signal);
    try {
      const value = await call();
      this.#succeeded();
      return value;
    } catch (error) {
      if (isRetryable(error)) this.backOff(error.retryAfterMs);
      throw error;
    } finally {
      this.#inFlight -= 1;
      this.#pump();
    }
  }

  /**
   * The service asked to slow down (a throttled answer here, or a retry the client reported):
   * halve the limit and pause every start for `delayMs` (else the configured backoff).
   */
  backOff(delayMs?: number): void {
    this.#stats.throttled += 1;
    this.#successes = 0;
    this.#limit = Math.max(1, Math.floor(this.#limit / 2));
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#now() + (delayMs ?? this.limits.backoffMs));
    this.#pump();
  }

  #succeeded(): void {
    this.#successes += 1;
    if (this.#limit < this.limits.concurrency && this.#successes >= this.limits.recoverAfter) {
      this.#limit += 1;
      this.#successes = 0;
    }
  }

  #admit(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new DirectoryError({ kind: "aborted" }));
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const index = this.#waiting.indexOf(start);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(new DirectoryError({ kind: "aborted" }));
      };
      const start = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#waiting.push(start);
      this.#pump();
    });
  }

  /** Starts as many waiting calls as the limit and the clock allow; otherwise wakes up when they will. */
  #pump(): void {
    while (this.#waiting.length > 0 && this.#inFlight < this.#limit) {
      const now = this.#now();
      const notBefore = Math.max(this.#nextStartAt, this.#pausedUntil);
      if (now < notBefore) {
        this.#wakeAt(notBefore - now);
        return;
      }
      const start = this.#waiting.shift() as () => void;
      this.#inFlight += 1;
      this.#stats.calls += 1;
      this.#stats.maxInFlight = Math.max(this.#stats.maxInFlight, this.#inFlight);
      this.#nextStartAt = now + this.limits.minIntervalMs;
      start();
    }
  }

  #wakeAt(delayMs: number): void {
    if (this.#timer !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#pump();
    }, delayMs);
  }
}

/** The directory with every call admitted by `gate`: what a batch's promotions use. */
export function gatedDirectory(directory: ContactDirectory, gate: CallGate): ContactDirectory {
  const findHolder = directory.findHolder?.bind(directory);
  return {
    findByAddress: (address: string, options?: CallOptions) =>
      gate.run(() => directory.findByAddress(address, options), options?.signal),
    ...(findHolder
      ? {
          findHolder: (address: string, options?: CallOptions): Promise<AddressHolder | null> =>
            gate.run(() => findHolder(address, options), options?.signal),
        }
      : {}),
    create: (contact: NewMailContact, options?: CallOptions) =>
      gate.run(() => directory.create(contact, options), options?.signal),
    updateGeneral: (current: MailContact, changes: GeneralUpdate, options?: CallOptions) =>
      gate.run(() => directory.updateGeneral(current, changes, options), options?.signal),
    updateOptions: (current: MailContact, changes: OptionsUpdate, options?: CallOptions) =>
      gate.run(() => directory.updateOptions(current, changes, options), options?.signal),
  };
}

/** What one row's task came to: done, or failed with the error that stopped it (and what it got so far). */
export type RowResult<R> =
  { status: "done"; value: R } | { status: "failed"; error: DirectoryError; value?: R };

export interface RowAttempt<R> {
  /** 1 for the first run of the row. */
  attempt: number;
  /** The previous attempt's result when the batch put the row back (a promotion resumes from it). */
  previous?: RowResult<R>;
  signal?: AbortSignal;
}

export interface BatchRunOptions<T, R> {
  gate: CallGate;
  signal?: AbortSignal;
  /** Rows at once (each may make several calls; the gate bounds those). Default: the gate's concurrency. */
  concurrency?: number;
  onStart?(item: T, attempt: number): void;
  /** A throttled row goes back in the queue: it will run again after the pause. */
  onRequeued?(item: T, result: RowResult<R>): void;
  onSettled?(item: T, result: RowResult<R>): void;
}

/**
 * Runs `task` for each item, at most `concurrency` at once, in order. A row that failed because
 * the service was throttled or unavailable (and not ambiguously: a promotion resumes from its
 * state, it never blindly repeats) goes back to the end of the queue, at most `maxRequeues`
 * times and while its pauses stay within `maxWaitMs`. Resolves with every row's last result, in
 * item order; never rejects for a row's failure.
 */
export async function runBatch<T, R>(
  items: readonly T[],
  task: (item: T, attempt: RowAttempt<R>) => Promise<RowResult<R>>,
  options: BatchRunOptions<T, R>,
): Promise<RowResult<R>[]> {
  const { gate, signal } = options;
  const limits = gate.limits;
  const results: RowResult<R>[] = new Array<RowResult<R>>(items.length);
  const queue: Array<{ index: number; attempt: number; waitedMs: number; previous?: RowResult<R> }> =
    items.map((_, index) => ({ index, attempt: 1, waitedMs: 0 }));

  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const item = items[next.index] as T;
      if (signal?.aborted) {
        results[next.index] = { status: "failed", error: new DirectoryError({ kind: "aborted" }) };
        continue;
      }
      options.onStart?.(item, next.attempt);
      let result: RowResult<R>;
      try {
        result = await task(item, { attempt: next.attempt, previous: next.previous, signal });
      } catch (error) {
        result = { status: "failed", error: asDirectoryError(error) };
      }
      const pauseMs = result.status === "failed" ? (result.error.retryAfterMs ?? limits.backoffMs) : 0;
      const again =
        result.status === "failed" &&
        isRetryable(result.error) &&
        result.error.ambiguous !== true &&
        next.attempt <= limits.maxRequeues &&
        next.waitedMs + pauseMs <= limits.maxWaitMs &&
        !signal?.aborted;
      if (again) {
        options.onRequeued?.(item, result);
        queue.push({
          index: next.index,
          attempt: next.attempt + 1,
          waitedMs: next.waitedMs + pauseMs,
          previous: result,
        });
        continue;
      }
      results[next.index] = result;
      options.onSettled?.(item, result);
    }
  };

  const workers = Math.max(1, Math.min(options.concurrency ?? limits.concurrency, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

function asDirectoryError(error: unknown): DirectoryError {
  if (error instanceof DirectoryError) return error;
  return new DirectoryError({ kind: "protocol", detail: "not a DirectoryError", cause: error });
}
