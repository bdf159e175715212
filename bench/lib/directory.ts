/** The product's own client stacks, as the pane builds them, pointed at an emulator's URL. */
import { AdminCenterClient } from "../../src/admin-api/client";
import { AdminCenterDirectory } from "../../src/admin-api/directory-adapter";
import { FixedTokenProvider } from "../../src/auth/token-provider";
import { DEFAULT_ORGANIZATION_CONFIG, prefillDraft } from "../../src/contacts/draft";
import { analyzeSender } from "../../src/contacts/sender";
import { DEMO_TOKENS } from "../../src/emulator/server";
import { ExchangeRestClient } from "../../src/exchange-rest/client";
import { ExchangeRestDirectory } from "../../src/exchange-rest/directory";

export const BACKENDS = ["admin-center", "exchange"] as const;
export type BenchBackend = (typeof BACKENDS)[number];

export function directoryFor(backend: BenchBackend, baseUrl: string, fetch?: typeof globalThis.fetch) {
  if (backend === "admin-center")
    return new AdminCenterDirectory(
      new AdminCenterClient({ baseUrl, tokens: new FixedTokenProvider(DEMO_TOKENS.admin), fetch }),
    );
  const tokens = new FixedTokenProvider(DEMO_TOKENS.exchangeAdmin);
  const client = new ExchangeRestClient({
    baseUrl,
    tokens,
    tenant: "contoso.onmicrosoft.com",
    user: "megan@contoso.com",
  });
  return new ExchangeRestDirectory(client);
}

/** The draft the pane would prefill for this external sender, as a user of contoso.com sees it. */
export function draftFor(displayName: string, emailAddress: string) {
  const from = { displayName, emailAddress };
  const analysis = analyzeSender(
    { from, sender: null, userAddress: "megan@contoso.com" },
    DEFAULT_ORGANIZATION_CONFIG,
  );
  if (analysis.kind !== "external")
    throw new Error(`${emailAddress} is not an external sender (${analysis.kind})`);
  return prefillDraft(analysis, DEFAULT_ORGANIZATION_CONFIG);
}
