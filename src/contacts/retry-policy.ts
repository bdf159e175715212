/**
 * The one retry policy, for every backend (src/admin-api/, src/exchange-rest/)
 * and for the workflow's waits.
 *
 * Throttling is normal weather for these APIs, so "throttled" and "unavailable" failures
 * are retried with exponential backoff and full jitter, honouring Retry-After, within a
 * bound on attempts and on total waiting. A Retry-After longer than the remaining budget
 * ends the loop at once with the throttled error (carrying `retryAfterMs`), so the pane
 * can say when to come back instead of spinning. A create is never retried here: a failed
 * create may have happened, and only the workflow (which looks first) may send another.
 *
 * p-retry was considered: it neither honours a server-given delay nor bounds total waiting
 * without wrapping, which would leave this file about as long.
 */
import { DirectoryError, isDirectoryError, type DirectoryOperation } from "./directory-error";

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  /** Backoff ceiling for attempt n is min(maxDelayMs, baseDelayMs * 2^(n-2)); the delay is random below it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The most time spent waiting between attempts for one call. */
  maxTotalWaitMs: number;
  /** Injectable for tests; defaults to `sleep` below. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable for tests; defaults to Math.random. */
  random?: () => number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxTotalWaitMs: 30_000,
};

/** What the pane needs to say "busy, trying again in 3 s". */
export interface RetryNotice {
  operation: DirectoryOperation;
  /** The attempt that will be made after the delay (2 for the first retry). */
  attempt: number;
  delayMs: number;
  /** The failure that caused the retry (kind "throttled" or "unavailable"). */
  error: DirectoryError;
}

export type RetryListener = (notice: RetryNotice) => void;

export function isRetryable(error: unknown): error is DirectoryError {
  return isDirectoryError(error) && (error.kind === "throttled" || error.kind === "unavailable");
}

/** Waits `ms`; rejects with a DirectoryError kind "aborted" as soon as `signal` aborts (at once if it has). */
export function sleep(ms: number, signal?: AbortSignal, operation?: DirectoryOperation): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DirectoryError({ kind: "aborted", operation, cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The wait before `nextAttempt`: the server's Retry-After when given, else full-jitter backoff. */
export function retryDelayMs(error: DirectoryError, nextAttempt: number, policy: RetryPolicy): number {
  if (error.retryAfterMs !== undefined) return error.retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (nextAttempt - 2));
  return Math.floor((policy.random ?? Math.random)() * ceiling);
}

export interface RetryContext {
  operation: DirectoryOperation;
  signal?: AbortSignal;
  onRetry?: RetryListener;
}

/** Runs `attempt(n)` and retries it on throttled/unavailable failures within the policy's bounds. */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  policy: RetryPolicy,
  context: RetryContext,
): Promise<T> {
  const wait = policy.sleep ?? sleep;
  // Never a blind second create: the workflow looks before it creates again.
  const maxAttempts = context.operation === "create" ? 1 : policy.maxAttempts;
  let waitedMs = 0;
  for (let number = 1; ; number += 1) {
    try {
      return await attempt(number);
    } catch (error) {
      if (!isRetryable(error) || number >= maxAttempts || context.signal?.aborted) throw error;
      const delayMs = retryDelayMs(error, number + 1, policy);
      if (waitedMs + delayMs > policy.maxTotalWaitMs) throw error;
      context.onRetry?.({ operation: context.operation, attempt: number + 1, delayMs, error });
      try {
        await wait(delayMs, context.signal);
      } catch (sleepError) {
        throw new DirectoryError({ kind: "aborted", operation: context.operation, cause: sleepError });
      }
      waitedMs += delayMs;
      if (context.signal?.aborted)
        throw new DirectoryError({ kind: "aborted", operation: context.operation });
    }
  }
}

/**
 * Polls `read` until it yields a value, waiting `delaysMs[i]` before the (i+2)th read:
 * the workflow's "wait until the new contact is visible". Null when it never does.
 */
export async function pollUntilFound<T>(
  read: () => Promise<T | null>,
  delaysMs: readonly number[],
  options: { signal?: AbortSignal; sleep?: (ms: number, signal?: AbortSignal) => Promise<void> } = {},
): Promise<T | null> {
  const wait = options.sleep ?? sleep;
  for (let index = 0; ; index++) {
    const found = await read();
    if (found !== null) return found;
    const delay = delaysMs[index];
    if (delay === undefined) return null;
    await wait(delay, options.signal);
  }
}
