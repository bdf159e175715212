/**
 * Frequent-sender suggestions wired to Microsoft Graph: the pane loads this chunk
 * ("suggestions", with the Graph client and its zod schemas) only when the person opens
 * Suggestions, so the first download stays as it was.
 */
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
