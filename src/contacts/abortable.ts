/**
 * Waiting on a promise that cannot itself be cancelled (a shared in-flight search, a
 * chunk download), while still letting the caller walk away when its signal aborts.
 */
import { DirectoryError } from "./directory-error";

/** `promise`, or `makeError()` rejected as soon as `signal` aborts (at once if it already has). */
export function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  makeError: () => DirectoryError = () => new DirectoryError({ kind: "aborted" }),
): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(makeError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(makeError());
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
