/**
 * What the sign-in dialog page (auth-dialog.html) sends back to the task pane through
 * Office's messageParent, and the paths of the two sign-in pages. Shared by both sides so
 * they cannot drift. The token travels only in this message (never in a URL or storage).
 */
import { errorCodeOrUndefined, type SignInFailure } from "./sign-in-error";

/** The Office dialog page: starts MSAL's redirect sign-in and reports back to the pane. */
export const AUTH_DIALOG_PATH = "/auth-dialog.html";
/**
 * Where Microsoft Entra sends the browser back (the app registration's SPA redirect URI):
 * MSAL's redirect bridge, for both the pane's popup and the dialog's redirect.
 */
export const AUTH_REDIRECT_PATH = "/auth-redirect.html";

export type AuthDialogMessage =
  | {
      type: "gal-auth-token";
      accessToken: string;
      /** Epoch ms, or null when unknown. */ expiresOn: number | null;
    }
  | { type: "gal-auth-error"; failure: SignInFailure; code?: string };

const FAILURES: readonly SignInFailure[] = [
  "interaction-required",
  "cancelled",
  "unavailable",
  "aborted",
  "failed",
];

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
    const failure = FAILURES.find((candidate) => candidate === message.failure) ?? "failed";
    const code = errorCodeOrUndefined(message.code);
    return code ? { type: "gal-auth-error", failure, code } : { type: "gal-auth-error", failure };
  }
  return null;
}
