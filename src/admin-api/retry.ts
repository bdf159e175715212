/**
 * Retries for the idempotent calls (search and both PUTs; never create).
 *
 * Throttling is normal weather for this API, so 429/503 and transient failures are
 * retried with exponential backoff and full jitter, honouring Retry-After, within a
 * bound on attempts and on total waiting. A Retry-After longer than the remaining
 * budget ends the loop at once with the throttled error (carrying `retryAfterMs`) so
 * the pane can tell the person when to come back instead of spinning.
 */
import { DirectoryError, isDirectoryError } from "./errors";
import type { AdminApiRouteName } from "./wire";

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  /** Backoff ceiling for attempt n is min(maxDelayMs, baseDelayMs * 2^(n-1)); the delay is random below it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The most time spent waiting between attempts for one call. */
  maxTotalWaitMs: number;
  /** Injectable for tests; defaults to a setTimeout that stops on abort. */
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

/** What the pane needs to say "throttled, retrying in 3 s". */
export interface RetryNotice {
  route: AdminApiRouteName;
  /** The attempt that will be made after the delay (2 for the first retry). */
  attempt: number;
  delayMs: number;
  /** The failure that caused the retry (kind "throttled" or "transient"). */
  error: DirectoryError;
}

export type RetryListener = (notice: RetryNotice) => void;

export function isRetryable(error: unknown): error is DirectoryError {
  return isDirectoryError(error) && (error.kind === "throttled" || error.kind === "transient");
}

/** Waits `ms`, or rejects with `abortReason()` as soon as `signal` aborts (at once if it already has). */
export function sleepUnlessAborted(
  ms: number,
  signal?: AbortSignal,
  abortReason: () => unknown = () => new Error("aborted"),
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The wait before `nextAttempt`: the server's Retry-After when given, else full-jitter backoff. */
export function retryDelayMs(error: DirectoryError, nextAttempt: number, policy: RetryPolicy): number {
  if (error.retryAfterMs !== undefined) return error.retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (nextAttempt - 2));
  return Math.floor((policy.random ?? Math.random)() * ceiling);
}

export interface RetryContext {
  route: AdminApiRouteName;
  signal?: AbortSignal;
  onRetry?: RetryListener;
}

/** Runs `operation(attempt)` and retries it on throttled/transient failures within the policy's bounds. */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  context: RetryContext,
): Promise<T> {
  const sleep = policy.sleep ?? sleepUnlessAborted;
  let waitedMs = 0;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!isRetryable(error) || attempt >= policy.maxAttempts || context.signal?.aborted) throw error;
      const delayMs = retryDelayMs(error, attempt + 1, policy);
      if (waitedMs + delayMs > policy.maxTotalWaitMs) throw error;
      context.onRetry?.({ route: context.route, attempt: attempt + 1, delayMs, error });
      try {
        await sleep(delayMs, context.signal);
      } catch (sleepError) {
        throw new DirectoryError({
          kind: "aborted",
          route: context.route,
          cause: sleepError,
          message: "The call was cancelled while waiting to retry.",
        });
      }
      waitedMs += delayMs;
      if (context.signal?.aborted) {
        throw new DirectoryError({
          kind: "aborted",
          route: context.route,
          message: "The call was cancelled.",
        });
      }
    }
  }
}
