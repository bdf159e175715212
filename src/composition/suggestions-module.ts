/**
 * Frequent-sender suggestions wired to Microsoft Graph: the pane loads this chunk
 * ("suggestions", with the Graph client and its zod schemas) only when the person opens
 * Suggestions, so the first download stays as it was.
 */
import type { SuggestionsConfig } from "../app-config";
import { SameOriginDemoTokenProvider } from "../auth/demo-token-provider";
import { NestedAppAuthTokenProvider } from "../auth/nested-app-auth";
import type { TokenProvider } from "../auth/token-provider";
import type { RetryListener } from "../contacts/retry-policy";
import { rankFrequentSenders, windowStart, type FrequentSenders } from "../contacts/suggestions";
import type { OrganizationConfig } from "../contacts/types";
import { GraphMailClient, type FetchFunction } from "../graph/client";

export interface FrequentSenderReaderOptions {
  /** Graph's origin, or the demo's own. */
  graphBaseUrl: string;
  tokens: TokenProvider;
  windowDays: number;
  userAddress: string;
  org: Pick<OrganizationConfig, "internalDomains">;
  fetch?: FetchFunction;
  onRetry?: RetryListener;
  now?: () => Date;
}

export interface FrequentSenderReading extends FrequentSenders {
  /** The window held more mail than the client reads: the counts cover the newest messages. */
  truncated: boolean;
}

export function createFrequentSenderReader(options: FrequentSenderReaderOptions) {
  const client = new GraphMailClient({
    baseUrl: options.graphBaseUrl,
    tokens: options.tokens,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  });
  return async (signal?: AbortSignal): Promise<FrequentSenderReading> => {
    const now = options.now?.() ?? new Date();
    const { messages, truncated } = await client.receivedSince(windowStart(now, options.windowDays), {
      ...(signal ? { signal } : {}),
    });
    const ranked = rankFrequentSenders(messages, {
      now,
      windowDays: options.windowDays,
      userAddress: options.userAddress,
      org: options.org,
    });
    return { ...ranked, truncated };
  };
}

export interface PaneSuggestionsOptions {
  suggestions: SuggestionsConfig;
  demo: boolean;
  /** The demo server's token route for Graph (`/demo/token?resource=graph`). */
  demoTokenUrl: string;
  /** Where the demo's Graph stand-in answers (the pane's own origin). */
  paneBaseUrl: string;
  /** The directory's provider: in Outlook, MSAL's, asked for Graph's scope on the same client. */
  directoryTokens: TokenProvider;
  userAddress: string;
  org: Pick<OrganizationConfig, "internalDomains">;
  /** The pane's fetch (tests): `init` may be left out, as the global's. */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

/** The pane's reader: Graph's token is never the directory's (the demo server's Graph token, or MSAL's for Mail.ReadBasic). */
export function createPaneSuggestions(
  options: PaneSuggestionsOptions,
): (signal?: AbortSignal) => Promise<FrequentSenderReading> {
  const { suggestions } = options;
  let tokens: TokenProvider;
  if (options.demo) {
    tokens = new SameOriginDemoTokenProvider({
      url: options.demoTokenUrl,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  } else if (options.directoryTokens instanceof NestedAppAuthTokenProvider) {
    tokens = options.directoryTokens.forScope(suggestions.scope);
  } else {
    throw new Error("Suggestions need MSAL's token provider outside the demo.");
  }
  return createFrequentSenderReader({
    graphBaseUrl: suggestions.graphBaseUrl || options.paneBaseUrl,
    tokens,
    windowDays: suggestions.windowDays,
    userAddress: options.userAddress,
    org: options.org,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
