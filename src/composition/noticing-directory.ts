/**
 * What both backends' composition modules share: each call gets its own directory (and
 * client), whose retry listener therefore knows which call and address a "busy, trying
 * again" notice is about. Clients are cheap (configuration only) and share the token provider.
 */
import type { ContactDirectory } from "../contacts/directory";
import type { RetryListener } from "../contacts/retry-policy";
import type { DirectoryRetryNotice } from "../taskpane/services/retry-notices";

export function noticingDirectory<D extends ContactDirectory>(
  onRetryNotice: (notice: DirectoryRetryNotice) => void,
  directoryFor: (onRetry: RetryListener) => D,
  /** The seam's optional methods this backend has (findHolder, readDetails). */
  optional: { findsHolders?: boolean; readsDetails?: boolean } = {},
): ContactDirectory {
  let calls = 0;

  function run<T>(address: string, call: (directory: D) => Promise<T>): Promise<T> {
    const id = ++calls;
    let waited = false;
    const directory = directoryFor((notice) => {
      waited = true;
      onRetryNotice({
        kind: "waiting",
        call: id,
        address,
        operation: notice.operation,
        attempt: notice.attempt,
        delayMs: notice.delayMs,
        reason: notice.error.kind === "throttled" ? "throttled" : "unavailable",
      });
    });
    return call(directory).finally(() => {
      if (waited) onRetryNotice({ kind: "finished", call: id, address });
    });
  }

  const wrapped: ContactDirectory = {
    findByAddress: (address, options) =>
      run(address, (directory) => directory.findByAddress(address, options)),
    create: (contact, options) => run(contact.address, (directory) => directory.create(contact, options)),
    updateGeneral: (current, changes, options) =>
      run(current.address, (directory) => directory.updateGeneral(current, changes, options)),
    updateOptions: (current, changes, options) =>
      run(current.address, (directory) => directory.updateOptions(current, changes, options)),
  };
  if (optional.findsHolders) {
    wrapped.findHolder = (address, options) =>
      run(address, (directory) => directory.findHolder?.(address, options) ?? Promise.resolve(null));
  }
  if (optional.readsDetails) {
    wrapped.readDetails = (contact, options) =>
      run(
        contact.address,
        (directory) => directory.readDetails?.(contact, options) ?? Promise.resolve(contact),
      );
  }
  return wrapped;
}
