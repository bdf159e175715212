/**
 * The composition root's Exchange half: the Exchange Online (InvokeCommand) directory as
 * the pane uses it, for builds with ADDIN_BACKEND=exchange. Loaded on demand (chunk
 * "exchange-directory"), so an admin-center build never downloads it and the other way round.
 *
 * As with the admin center's (directory-module.ts), each call gets its own client whose
 * retry listener knows which call and address a notice is about; the directories share what
 * they created, so a not-found right after a create reads as "not visible yet".
 */
import type { ContactDirectory } from "../contacts/directory";
import { ExchangeRestClient, type ExchangeRestClientOptions } from "../exchange-rest/client";
import { ExchangeRestDirectory } from "../exchange-rest/directory";
import type { DirectoryRetryNotice } from "../taskpane/services/retry-notices";

export interface NoticingExchangeDirectoryOptions extends Omit<ExchangeRestClientOptions, "onRetry"> {
  onRetryNotice(notice: DirectoryRetryNotice): void;
}

export function createNoticingExchangeDirectory(options: NoticingExchangeDirectoryOptions): ContactDirectory {
  const { onRetryNotice, ...clientOptions } = options;
  const created = new Map<string, number>();
  let calls = 0;

  function run<T>(address: string, call: (directory: ExchangeRestDirectory) => Promise<T>): Promise<T> {
    const id = ++calls;
    let waited = false;
    const client = new ExchangeRestClient({
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
    return call(new ExchangeRestDirectory(client, { created })).finally(() => {
      if (waited) onRetryNotice({ kind: "finished", call: id, address });
    });
  }

  return {
    findByAddress: (address, callOptions) =>
      run(address, (directory) => directory.findByAddress(address, callOptions)),
    findHolder: (address, callOptions) =>
      run(address, (directory) => directory.findHolder(address, callOptions)),
    create: (contact, callOptions) =>
      run(contact.address, (directory) => directory.create(contact, callOptions)),
    updateGeneral: (current, changes, callOptions) =>
      run(current.address, (directory) => directory.updateGeneral(current, changes, callOptions)),
    updateOptions: (current, changes, callOptions) =>
      run(current.address, (directory) => directory.updateOptions(current, changes, callOptions)),
  };
}
