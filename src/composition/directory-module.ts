/**
 * The composition root: the one place that wires a backend into the pane (the lint rule in
 * eslint.config.mjs forbids src/contacts/ and src/taskpane/ to import one). A second
 * backend (src/exchange-rest/) is wired beside it, in exchange-directory-module.ts.
 *
 * The admin center directory as the pane uses it. Loaded on demand (chunk "directory"):
 * the client, its response schemas and zod are not needed for the pane's first paint.
 *
 * Each call gets its own client, whose retry listener therefore knows which call (and
 * which address) a retry notice is about; the client itself is cheap (configuration only)
 * and shares the token provider.
 */
import { AdminCenterClient, type AdminCenterClientOptions } from "../admin-api/client";
import { AdminCenterDirectory } from "../admin-api/directory-adapter";
import type { ContactDirectory } from "../contacts/directory";
import type { DirectoryRetryNotice } from "../taskpane/services/retry-notices";

export interface NoticingDirectoryOptions extends Omit<AdminCenterClientOptions, "onRetry"> {
  onRetryNotice(notice: DirectoryRetryNotice): void;
}

export function createNoticingDirectory(options: NoticingDirectoryOptions): ContactDirectory {
  const { onRetryNotice, ...clientOptions } = options;
  let calls = 0;

  function run<T>(address: string, call: (directory: ContactDirectory) => Promise<T>): Promise<T> {
    const id = ++calls;
    let waited = false;
    const client = new AdminCenterClient({
      ...clientOptions,
      onRetry: (notice) => {
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
      },
    });
    return call(new AdminCenterDirectory(client)).finally(() => {
      if (waited) onRetryNotice({ kind: "finished", call: id, address });
    });
  }

  return {
    findByAddress: (address, callOptions) =>
      run(address, (directory) => directory.findByAddress(address, callOptions)),
    create: (contact, callOptions) =>
      run(contact.address, (directory) => directory.create(contact, callOptions)),
    updateGeneral: (current, changes, callOptions) =>
      run(current.address, (directory) => directory.updateGeneral(current, changes, callOptions)),
    updateOptions: (current, changes, callOptions) =>
      run(current.address, (directory) => directory.updateOptions(current, changes, callOptions)),
  };
}
