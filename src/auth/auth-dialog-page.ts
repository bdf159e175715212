/**
 * The sign-in dialog page's logic (auth-dialog.html, opened by dialog-fallback.ts through
 * Office's dialog API). First visit: start MSAL's redirect sign-in. Back from Microsoft
 * Entra (via the redirect bridge, auth-redirect.html): hand the token to the task pane
 * with messageParent and let the pane close the dialog. MSAL keeps its tokens in memory;
 * only its short-lived interaction state uses sessionStorage, as MSAL always does.
 */
import type { Configuration } from "@azure/msal-browser";
import { AUTH_REDIRECT_PAGE, pageBeside, type AuthDialogMessage } from "./auth-dialog-protocol";
import type { MsalTokenResult } from "./nested-app-auth";
import { signInErrorFrom } from "./sign-in-error";

export interface RedirectMsalClient {
  handleRedirectPromise(): Promise<MsalTokenResult | null>;
  acquireTokenRedirect(request: {
    scopes: string[];
    redirectStartPage?: string;
    loginHint?: string;
  }): Promise<void>;
}

export interface StandardMsalModule {
  createStandardPublicClientApplication(configuration: Configuration): Promise<RedirectMsalClient>;
}

export interface AuthDialogSettings {
  clientId: string;
  authority: string;
  scope: string;
}

export interface AuthDialogEnvironment {
  /** The add-in's origin, e.g. https://addin.contoso.com. */
  origin: string;
  /** This page's URL without query or hash: where MSAL returns after the redirect bridge. */
  pageUrl: string;
  /** The pane's login hint (from the dialog URL's fragment). */
  loginHint?: string;
  /** Office.context.ui.messageParent, restricted to our origin where the host allows. */
  messageParent(message: string): void;
  /** Shows the status on the page. */
  showStatus(status: AuthDialogStatus): void;
}

/** What the dialog page shows; the words are page-strings.ts's (signInDialog), shown by status-page.ts. */
export type AuthDialogStatus = "returning" | "opening" | "failed";

export type AuthDialogOutcome = "redirecting" | "token-sent" | "error-sent";

const loadStandardMsal = async (): Promise<StandardMsalModule> =>
  import(/* webpackChunkName: "msal" */ "@azure/msal-browser");

export async function runAuthDialog(
  settings: AuthDialogSettings,
  environment: AuthDialogEnvironment,
  loadMsal: () => Promise<StandardMsalModule> = loadStandardMsal,
): Promise<AuthDialogOutcome> {
  const send = (message: AuthDialogMessage) => environment.messageParent(JSON.stringify(message));
  try {
    const msal = await loadMsal();
    const client = await msal.createStandardPublicClientApplication({
      auth: {
        clientId: settings.clientId,
        authority: settings.authority,
        redirectUri: pageBeside(AUTH_REDIRECT_PAGE, environment.pageUrl),
      },
      cache: { cacheLocation: "memoryStorage" },
    });
    const result = await client.handleRedirectPromise();
    if (result?.accessToken) {
      environment.showStatus("returning");
      send({
        type: "gal-auth-token",
        accessToken: result.accessToken,
        expiresOn: result.expiresOn ? result.expiresOn.getTime() : null,
      });
      return "token-sent";
    }
    environment.showStatus("opening");
    await client.acquireTokenRedirect({
      scopes: [settings.scope],
      redirectStartPage: environment.pageUrl,
      ...(environment.loginHint ? { loginHint: environment.loginHint } : {}),
    });
    return "redirecting";
  } catch (error) {
    // The person already interacted here: consent and other Entra refusals go back to the
    // pane with their code, to be shown with the admin setup pointer.
    const { failure, code, aadsts } = signInErrorFrom(error, "interactive");
    environment.showStatus("failed");
    send({ type: "gal-auth-error", failure, ...(code ? { code } : {}), ...(aadsts ? { aadsts } : {}) });
    return "error-sent";
  }
}
