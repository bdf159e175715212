/** The product's own client stacks (AdminCenterClient → AdminCenterDirectory, ExchangeRestClient → ExchangeRestDirectory) pointed at a base URL. */
import { AdminCenterClient } from "../../src/admin-api/client";
import { AdminCenterDirectory } from "../../src/admin-api/directory-adapter";
import { FixedTokenProvider } from "../../src/auth/token-provider";
import { analyzeSender } from "../../src/contacts/sender";
import { DEFAULT_ORGANIZATION_CONFIG, prefillDraft } from "../../src/contacts/draft";
import type { ContactDraft } from "../../src/contacts/types";
import { DEMO_TOKENS } from "../../src/emulator/server";
import { ExchangeRestClient } from "../../src/exchange-rest/client";
import { ExchangeRestDirectory } from "../../src/exchange-rest/directory";

export type BenchBackend = "admin-center" | "exchange";

export function directoryAt(baseUrl: string): AdminCenterDirectory {
  return new AdminCenterDirectory(
    new AdminCenterClient({ baseUrl, tokens: new FixedTokenProvider(DEMO_TOKENS.admin) }),
  );
}

export function exchangeDirectoryAt(baseUrl: string): ExchangeRestDirectory {
  return new ExchangeRestDirectory(
    new ExchangeRestClient({
      baseUrl,
      tokens: new FixedTokenProvider(DEMO_TOKENS.exchangeAdmin),
      tenant: "contoso.onmicrosoft.com",
      user: "megan@contoso.com",
    }),
  );
}

/** The draft the pane would prefill for this sender, as a user of contoso.com sees it. */
export function draftFor(displayName: string, emailAddress: string): ContactDraft {
  const analysis = analyzeSender(
    { from: { displayName, emailAddress }, sender: null, userAddress: "megan@contoso.com" },
    DEFAULT_ORGANIZATION_CONFIG,
  );
  if (analysis.kind !== "external") {
    throw new Error(
      `${emailAddress} is not an external sender (${analysis.kind}): pick another for the bench`,
    );
  }
  return prefillDraft(analysis, DEFAULT_ORGANIZATION_CONFIG);
}
