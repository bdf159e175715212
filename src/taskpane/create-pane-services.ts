/**
 * Composes what the pane receives (PaneServices) from Office.js and the build-time
 * configuration: the Outlook MailHost, a token provider (MSAL nested app auth in
 * Outlook; the demo server's token in a demo build), the admin center client on the
 * relay's origin, and the directory over it. Nothing here loads MSAL: the provider does,
 * on the first call that needs a token, after the pane has painted. The admin center client
 * (with zod) is a chunk of its own too: the directory waits for it on its first call.
 */
import type { AppConfig } from "../app-config";
import { AUTH_DIALOG_PAGE, AUTH_REDIRECT_PAGE, pageBeside } from "../auth/auth-dialog-protocol";
import { DEMO_TOKEN_PATH, SameOriginDemoTokenProvider } from "../auth/demo-token-provider";
import { createOfficeAuthDialog, type DialogOffice } from "../auth/dialog-fallback";
import { NestedAppAuthTokenProvider } from "../auth/nested-app-auth";
import type { TokenProvider } from "../auth/token-provider";
import { writeRoleFromToken } from "../auth/token-roles";
import { readOfficeAuthCapabilities } from "../office/auth-capabilities";
import { createOfficeMailHost } from "../office/office-mail-host";
import { directoryModule, exchangeDirectoryModule, suggestionsModule } from "./lazy-modules";
import type { PaneServices, SuggestionsService } from "./pane-services";
import { createLazyDirectory } from "./services/lazy-directory";
import { RetryNoticeHub } from "./services/retry-notices";

type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

export interface PaneEnvironment {
  /** The page's origin (window.location.origin): the only origin the sign-in dialog may answer from. */
  origin: string;
  /**
   * The pane's own URL (window.location.href). The relay, the sign-in pages and the demo's
   * token route are resolved against it, so an add-in hosted under a path
   * (https://host/gal/taskpane.html) calls https://host/gal/admin/api/... Default: the origin's root.
   */
  pageUrl?: string;
  /** Default: the global fetch. */
  fetch?: FetchFunction;
}

export function createPaneServices(
  office: typeof Office,
  config: AppConfig,
  environment: PaneEnvironment,
): PaneServices {
  const host = createOfficeMailHost(office);
  const pageUrl = environment.pageUrl ?? `${environment.origin}/`;
  const tokens = createTokenProvider(office, config, environment, pageUrl, host.context.userAddress);
  const retryNotices = new RetryNoticeHub();
  // The relay beside the pane (under its path, when hosted under one).
  const baseUrl = config.apiBaseUrl || paneBaseUrl(pageUrl);
  const fetchOption = environment.fetch ? { fetch: environment.fetch } : {};
  // The backend is chosen here, by ADDIN_BACKEND; src/composition/ wires each one.
  const directory = createLazyDirectory(() =>
    config.backend === "exchange"
      ? exchangeDirectoryModule.load().then(({ createNoticingExchangeDirectory }) =>
          createNoticingExchangeDirectory({
            baseUrl,
            tokens,
            ...(config.exchangeTenant ? { tenant: config.exchangeTenant } : {}),
            // After the token's tid: the user's own domain is one of the tenant's verified domains.
            fallbackTenant: host.context.userAddress.split("@")[1] ?? "",
            ...fetchOption,
            onRetryNotice: retryNotices.publish,
          }),
        )
      : directoryModule
          .load()
          .then(({ createNoticingDirectory }) =>
            createNoticingDirectory({ baseUrl, tokens, ...fetchOption, onRetryNotice: retryNotices.publish }),
          ),
  );
  return {
    host,
    directory,
    suggestions: createSuggestions(config, environment, pageUrl, tokens, host.context.userAddress),
    org: config.org,
    async signInAgain() {
      await tokens.getToken({ interactive: true, forceRefresh: true });
    },
    onRetryNotice: retryNotices.subscribe,
    // The token the first lookup needs anyway; only its `wids` claim is read.
    async writeAllowed() {
      return writeRoleFromToken(await tokens.getToken());
    },
  };
}

/** ADDIN_SUGGESTIONS=on: everything behind it (Graph's token, client, ranking) loads on first use. */
function createSuggestions(
  config: AppConfig,
  environment: PaneEnvironment,
  pageUrl: string,
  directoryTokens: TokenProvider,
  userAddress: string,
): SuggestionsService | null {
  const suggestions = config.suggestions;
  if (suggestions === null) return null;
  let reader: Promise<(signal?: AbortSignal) => ReturnType<SuggestionsService["read"]>> | null = null;
  return {
    windowDays: suggestions.windowDays,
    read(signal) {
      reader ??= suggestionsModule
        .load()
        .then(({ createPaneSuggestions }) =>
          createPaneSuggestions({
            suggestions,
            demo: config.demo,
            demoTokenUrl: `${paneBaseUrl(pageUrl)}${DEMO_TOKEN_PATH}?resource=graph`,
            paneBaseUrl: paneBaseUrl(pageUrl),
            directoryTokens,
            userAddress,
            org: config.org,
            ...(environment.fetch ? { fetch: environment.fetch } : {}),
          }),
        )
        .catch((error: unknown) => {
          reader = null;
          throw error;
        });
      return reader.then((read) => read(signal));
    },
  };
}

function createTokenProvider(
  office: typeof Office,
  config: AppConfig,
  environment: PaneEnvironment,
  pageUrl: string,
  userAddress: string,
): TokenProvider {
  if (config.demo) {
    return new SameOriginDemoTokenProvider({
      url: `${paneBaseUrl(pageUrl)}${DEMO_TOKEN_PATH}`,
      ...(environment.fetch ? { fetch: environment.fetch } : {}),
    });
  }
  const capabilities = readOfficeAuthCapabilities(office);
  return new NestedAppAuthTokenProvider({
    ...config.auth,
    nestedAppAuth: capabilities.nestedAppAuth,
    accountHint: capabilities.accountHint,
    // The mailbox address only where Office gives no account hint.
    ...(userAddress ? { loginHint: userAddress } : {}),
    redirectUri: pageBeside(AUTH_REDIRECT_PAGE, pageUrl),
    dialogFallback: capabilities.dialog
      ? createOfficeAuthDialog(office as unknown as DialogOffice, {
          dialogUrl: pageBeside(AUTH_DIALOG_PAGE, pageUrl),
          expectedOrigin: environment.origin,
        })
      : null,
  });
}

/** The folder the pane is served from, without the trailing slash: "https://host/gal" or "https://host". */
function paneBaseUrl(pageUrl: string): string {
  return new URL(".", pageUrl).href.replace(/\/$/, "");
}
