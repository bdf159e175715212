/**
 * The Exchange (InvokeCommand) directory as the pane uses it, for builds with
 * ADDIN_BACKEND=exchange. Loaded on demand (chunk "exchange-directory"), like the admin
 * center's: the client, its schemas and zod are not needed for the first paint.
 */
import type { ContactDirectory } from "../../contacts/directory";
import { ExchangeRestClient, type ExchangeRestClientOptions } from "../../exchange-rest/client";
import { ExchangeRestDirectory } from "../../exchange-rest/directory";

export type ExchangeDirectoryOptions = Pick<
  ExchangeRestClientOptions,
  "baseUrl" | "tokens" | "tenant" | "fallbackTenant" | "user" | "fetch"
>;

export function createExchangeDirectory(options: ExchangeDirectoryOptions): ContactDirectory {
  return new ExchangeRestDirectory(new ExchangeRestClient(options));
}
