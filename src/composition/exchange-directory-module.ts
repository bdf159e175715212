/**
 * The composition root's Exchange half: the Exchange Online (InvokeCommand) directory as
 * the pane uses it, for builds with ADDIN_BACKEND=exchange. Loaded on demand (chunk
 * "exchange-directory"), so an admin-center build never downloads it and the other way round.
 */
import type { ContactDirectory } from "../contacts/directory";
import { ExchangeRestClient, type ExchangeRestClientOptions } from "../exchange-rest/client";
import { ExchangeRestDirectory } from "../exchange-rest/directory";
import type { DirectoryRetryNotice } from "../taskpane/services/retry-notices";
import { noticingDirectory } from "./noticing-directory";

export interface NoticingExchangeDirectoryOptions extends Omit<ExchangeRestClientOptions, "onRetry"> {
  onRetryNotice(notice: DirectoryRetryNotice): void;
}

export function createNoticingExchangeDirectory(options: NoticingExchangeDirectoryOptions): ContactDirectory {
  const { onRetryNotice, ...clientOptions } = options;
  // Shared by the per-call directories: a not-found right after a create reads as "not visible yet".
  const created = new Map<string, number>();
  return noticingDirectory(
    onRetryNotice,
    (onRetry) =>
      new ExchangeRestDirectory(new ExchangeRestClient({ ...clientOptions, onRetry }), { created }),
    { findsHolders: true, readsDetails: true },
  );
}
