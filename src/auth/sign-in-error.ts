/**
 * The one error every token provider throws. Its message is written for a person and
 * never carries a token, a claim or an MSAL error text (those can echo request details);
 * only MSAL's short error code is kept, for support.
 */
export type SignInFailure =
  /** Silent sign-in was not possible and the request did not allow interaction. */
  | "interaction-required"
  /** The person closed the sign-in window or cancelled. */
  | "cancelled"
  /** No way to sign in here: popups and the Office dialog are both unavailable. */
  | "unavailable"
  /** The caller aborted through its AbortSignal. */
  | "aborted"
  /** Anything else (network, misconfigured app registration, consent refused...). */
  | "failed";

const MESSAGES: Record<SignInFailure, string> = {
  "interaction-required": "Sign-in is needed. Choose Sign in to continue.",
  cancelled: "Sign-in was cancelled.",
  unavailable:
    "Sign-in could not open: this Outlook blocked both the sign-in popup and the sign-in dialog. Allow popups for Outlook or try Outlook on the web.",
  aborted: "Sign-in was stopped.",
  failed:
    "Sign-in failed. Try again; if it keeps failing, ask your administrator to check the add-in's registration.",
};

export class SignInError extends Error {
  readonly failure: SignInFailure;
  /** MSAL's or Office's error code (e.g. "interaction_required", "12006"), never its message. */
  readonly code?: string;

  constructor(failure: SignInFailure, code?: string) {
    super(code ? `${MESSAGES[failure]} (${code})` : MESSAGES[failure]);
    this.name = "SignInError";
    this.failure = failure;
    this.code = code;
  }
}

/** The value when it is a short, code-like string (`user_cancelled`, `12006`), else undefined: free text can echo request details. */
export function errorCodeOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" && /^[A-Za-z0-9_.-]{1,64}$/.test(value) ? value : undefined;
}

/** MSAL errors carry `errorCode`; anything else yields no code. Only short, code-like values are kept. */
export function msalErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  return errorCodeOrUndefined((error as { errorCode?: unknown }).errorCode);
}
