/**
 * What the pane hears about a backend's own retries (the shared retry policy): a call the client is
 * waiting to send again (throttled or a passing failure), and that call finishing. Each
 * notice names the address the call is about, so the pane shows it for that person only.
 */
import type { DirectoryOperation } from "../../contacts/directory-error";

export type DirectoryRetryNotice =
  | {
      kind: "waiting";
      /** Identifies one directory call, across its attempts. */
      call: number;
      /** The stored address the call is about (the one searched for, created or updated). */
      address: string;
      operation: DirectoryOperation;
      /** The attempt that will be made after the delay (2 for the first retry). */
      attempt: number;
      delayMs: number;
      reason: "throttled" | "unavailable";
    }
  /** The call that waited has settled (answered, failed for good, or was cancelled). */
  | { kind: "finished"; call: number; address: string };

export type RetryNoticeListener = (notice: DirectoryRetryNotice) => void;

/** Fans notices out to whoever listens (the pane's controller). */
export class RetryNoticeHub {
  readonly #listeners = new Set<RetryNoticeListener>();

  readonly subscribe = (listener: RetryNoticeListener): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  readonly publish = (notice: DirectoryRetryNotice): void => {
    for (const listener of [...this.#listeners]) listener(notice);
  };
}
