/**
 * Composes what the pane receives (PaneServices) from Office.js and the build-time
 * configuration: the Outlook MailHost, a token provider (MSAL nested app auth in
 * Outlook; the demo server's token in a demo build), the admin center client on the
 * relay's origin, and the directory over it. Nothing here loads MSAL: the provider does,
 * on the first call that needs a token, after the pane has painted. The admin center client
 * (with zod) is a chunk of its own too: the directory waits for it on its first call.
 */
import type { AppConfig } from "../app-config";
import { AUTH_DIALOG_PATH, AUTH_REDIRECT_PATH } from "../auth/auth-dialog-protocol";
import { DEMO_TOKEN_PATH, SameOriginDemoTokenProvider } from "../auth/demo-token-provider";
import { createOfficeAuthDialog, type DialogOffice } from "../auth/dialog-fallback";
import { NestedAppAuthTokenProvider } from "../auth/nested-app-auth";
import type { TokenProvider } from "../auth/token-provider";
import { createOfficeMailHost } from "../office/office-mail-host";
import { directoryModule, exchangeDirectoryModule } from "./lazy-modules";
import type { PaneServices } from "./pane-services";
import { createLazyDirectory } from "./services/lazy-directory";
import { RetryNoticeHub } from "./services/retry-notices";

type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

export interface PaneEnvironment {
  /** The page's origin (window.location.origin): where the relay and the sign-in pages live. */
  origin: string;
  /** Default: the global fetch. */
  fetch?: FetchFunction;
}

export function createPaneServices(
  office: typeof Office,
  config: AppConfig,
  environment: PaneEnvironment,
): PaneServices {
  const host = createOfficeMailHost(office);
  const tokens = createTokenProvider(office, config, environment, host.context.userAddress);
  const retryNotices = new RetryNoticeHub();
  const baseUrl = config.apiBaseUrl || environment.origin;
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
    org: config.org,
    async signInAgain() {
      await tokens.getToken({ interactive: true, forceRefresh: true });
    },
    onRetryNotice: retryNotices.subscribe,
  };
}

function createTokenProvider(
  office: typeof Office,
  config: AppConfig,
  environment: PaneEnvironment,
  userAddress: string,
): TokenProvider {
  if (config.demo) {
    return new SameOriginDemoTokenProvider({
      url: `${environment.origin}${DEMO_TOKEN_PATH}`,
      ...(environment.fetch ? { fetch: environment.fetch } : {}),
    });
  }
  return new NestedAppAuthTokenProvider({
    ...config.auth,
    ...(userAddress ? { loginHint: userAddress } : {}),
    redirectUri: `${environment.origin}${AUTH_REDIRECT_PATH}`,
    dialogFallback: supportsDialogs(office)
      ? createOfficeAuthDialog(office as unknown as DialogOffice, {
          dialogUrl: `${environment.origin}${AUTH_DIALOG_PATH}`,
          expectedOrigin: environment.origin,
        })
      : null,
  });
}

function supportsDialogs(office: typeof Office): boolean {
  const requirements = office.context?.requirements;
  return (
    typeof office.context?.ui?.displayDialogAsync === "function" &&
    typeof requirements?.isSetSupported === "function" &&
    requirements.isSetSupported("DialogApi", "1.1")
  );
}
