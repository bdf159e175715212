/**
 * What the sign-in dialog page (auth-dialog.html) sends back to the task pane through
 * Office's messageParent, and the paths of the two sign-in pages. Shared by both sides so
 * they cannot drift. The token travels only in this message (never in a URL or storage).
 */
import { errorCodeOrUndefined, SIGN_IN_FAILURES, type SignInFailure } from "./sign-in-error";

/**
 * The Office dialog page: starts MSAL's redirect sign-in and reports back to the pane.
 * Page names, resolved against the pane's own URL (`pageUrl`), so an add-in hosted under
 * a path (https://host/gal/) finds them beside its taskpane.html.
 */
export const AUTH_DIALOG_PAGE = "auth-dialog.html";
/**
 * Where Microsoft Entra sends the browser back (the app registration's SPA redirect URI):
 * MSAL's redirect bridge, for both the pane's popup and the dialog's redirect.
 */
export const AUTH_REDIRECT_PAGE = "auth-redirect.html";

/** A page beside `pageUrl` (the pane's or the dialog's own URL), without query or hash. */
export function pageBeside(page: string, pageUrl: string): string {
  return new URL(page, pageUrl).href;
}

/**
 * The dialog URL's fragment carries the login hint (an address, never a token): a
 * fragment never reaches the server or its access log.
 */
export function dialogUrlWithHint(dialogUrl: string, loginHint: string | undefined): string {
  if (!loginHint) return dialogUrl;
  return `${dialogUrl}#${new URLSearchParams({ login_hint: loginHint }).toString()}`;
}

/** The hint dialogUrlWithHint put into the fragment, if any. */
export function loginHintFromHash(hash: string): string | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, "")).get("login_hint");
  return value && value.length <= 256 ? value : undefined;
}

export type AuthDialogMessage =
  | {
      type: "gal-auth-token";
      accessToken: string;
      /** Epoch ms, or null when unknown. */ expiresOn: number | null;
    }
  | { type: "gal-auth-error"; failure: SignInFailure; code?: string; aadsts?: string };

/** Parses a dialog message; anything that is not exactly one of ours is null (ignored). */
export function parseAuthDialogMessage(raw: string): AuthDialogMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const message = value as Record<string, unknown>;
  if (message.type === "gal-auth-token") {
    if (typeof message.accessToken !== "string" || message.accessToken === "") return null;
    const expiresOn =
      typeof message.expiresOn === "number" && Number.isFinite(message.expiresOn) ? message.expiresOn : null;
    return { type: "gal-auth-token", accessToken: message.accessToken, expiresOn };
  }
  if (message.type === "gal-auth-error") {
    const failure = SIGN_IN_FAILURES.find((candidate) => candidate === message.failure) ?? "failed";
    const code = errorCodeOrUndefined(message.code);
    const aadsts =
      typeof message.aadsts === "string" && /^AADSTS\d{4,7}$/.test(message.aadsts)
        ? message.aadsts
        : undefined;
    return { type: "gal-auth-error", failure, ...(code ? { code } : {}), ...(aadsts ? { aadsts } : {}) };
  }
  return null;
}
