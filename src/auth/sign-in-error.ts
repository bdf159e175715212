/**
 * The one error every token provider throws, and how MSAL's and the NAA bridge's errors
 * map onto it. It carries facts only (a reason, MSAL's short error code, the AADSTS
 * number): the sentences a person reads are chosen by the pane from `failure`
 * (src/taskpane/strings.ts, `signIn`). Never a token, a claim or an MSAL message text
 * (those can echo request details).
 */
export type SignInFailure =
  /** Silent sign-in was not possible; signing in interactively can help ("Sign in again"). */
  | "interaction-required"
  /** The person closed the sign-in window or cancelled. */
  | "cancelled"
  /** No way to sign in here: popups and the Office dialog are both unavailable. */
  | "unavailable"
  /** The caller aborted through its AbortSignal. */
  | "aborted"
  /** The identity platform could not be reached: trying again later helps, signing in does not. */
  | "network"
  /**
   * Microsoft Entra refused for a reason only an administrator can fix (consent not granted,
   * unknown resource or client, app registration): the code and the admin setup docs help.
   */
  | "admin-setup"
  /** Anything else. */
  | "failed";

export const SIGN_IN_FAILURES: readonly SignInFailure[] = [
  "interaction-required",
  "cancelled",
  "unavailable",
  "aborted",
  "network",
  "admin-setup",
  "failed",
];

export class SignInError extends Error {
  readonly failure: SignInFailure;
  /** MSAL's or Office's error code (e.g. "interaction_required", "12006"), never its message. */
  readonly code?: string;
  /** Microsoft Entra's error number when it gave one, e.g. "AADSTS65001". */
  readonly aadsts?: string;

  constructor(failure: SignInFailure, code?: string, aadsts?: string) {
    super(`sign-in ${failure}${code ? ` (${code})` : ""}${aadsts ? ` ${aadsts}` : ""}`);
    this.name = "SignInError";
    this.failure = failure;
    this.code = code;
    this.aadsts = aadsts;
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

/**
 * Entra's AADSTS number: MSAL's ServerError / InteractionRequiredAuthError keep it in
 * `errorNo`; otherwise it leads the server's message ("AADSTS65001: ..."). Only the
 * number is kept, never the text around it.
 */
export function aadstsCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { errorNo, errorMessage, message } = error as Record<string, unknown>;
  if ((typeof errorNo === "string" || typeof errorNo === "number") && /^\d{4,7}$/.test(String(errorNo))) {
    return `AADSTS${String(errorNo)}`;
  }
  for (const text of [errorMessage, message]) {
    const match = typeof text === "string" ? /\bAADSTS(\d{4,7})\b/.exec(text) : null;
    if (match) return `AADSTS${match[1]}`;
  }
  return undefined;
}

/**
 * InteractionRequiredAuthError's codes where signing in interactively helps (MSAL maps
 * Entra's server errors with these codes onto that class).
 */
const INTERACTION_HELPS = new Set(["interaction_required", "consent_required", "login_required"]);
/**
 * MSAL's "nobody is signed in yet" answers from a silent call (empty memory cache, no
 * account): the first sign-in is what helps. Silent calls only.
 */
const NOT_SIGNED_IN_YET = new Set(["no_tokens_found", "no_account_error", "no_account_found"]);
const CANCELLED = new Set(["user_cancelled", "user_canceled"]);
/** Unreachable identity platform, or NAA reporting no network. */
const NETWORK = new Set([
  "no_network_connectivity",
  "network_error",
  "post_request_failed",
  "get_request_failed",
  "endpoints_resolution_error",
]);
/** Entra refusals an administrator fixes (registration, consent, resource). */
const ADMIN_SETUP = new Set([
  "invalid_resource",
  "invalid_client",
  "unauthorized_client",
  "invalid_scope",
  "access_denied",
]);
/**
 * The popup could not open or its answer could not come back (blocked, closed by the
 * host, storage partitioning breaking MSAL's redirect bridge, the 60 s wait running out),
 * or the NAA bridge itself failed: the Office dialog, a window of its own, can still work.
 */
const POPUP_OR_BRIDGE = new Set([
  "popup_window_error",
  "empty_window_error",
  "block_nested_popups",
  "popup_relay_unsupported_flow",
  "redirect_bridge_empty_response",
  "timed_out",
  "monitor_window_timeout",
  "nested_app_auth_bridge_disabled",
  "unsupported_method",
  "bridge_timeout",
  "bridge_handshake_failed",
  "bridge_connection_reset",
  "bridge_response_invalid",
  "popup_will_redirect",
]);

/**
 * What an MSAL (or NAA bridge) error means for the person. `interactive`: the error came
 * from a popup the person already saw, where another sign-in would only repeat it (a
 * consent_required there means an administrator has to consent).
 */
export function signInErrorFrom(error: unknown, stage: "silent" | "interactive"): SignInError {
  if (error instanceof SignInError) return error;
  const code = msalErrorCode(error);
  const aadsts = aadstsCode(error);
  const failure = ((): SignInFailure => {
    if (code !== undefined && CANCELLED.has(code)) return "cancelled";
    if (code !== undefined && NETWORK.has(code)) return "network";
    if (code !== undefined && ADMIN_SETUP.has(code)) return "admin-setup";
    if (code !== undefined && INTERACTION_HELPS.has(code)) {
      return stage === "silent" ? "interaction-required" : "admin-setup";
    }
    // Silently, "nobody signed in yet" and a hidden iframe or bridge that could not answer
    // are what an interactive sign-in (popup or Office dialog) is for.
    if (
      stage === "silent" &&
      code !== undefined &&
      (NOT_SIGNED_IN_YET.has(code) || POPUP_OR_BRIDGE.has(code))
    ) {
      return aadsts === undefined ? "interaction-required" : "admin-setup";
    }
    if (aadsts !== undefined) return "admin-setup";
    return "failed";
  })();
  return new SignInError(failure, code, aadsts);
}

/** Whether the Office dialog is worth opening after this popup error (popup blocked, bridge broken). */
export function isPopupOrBridgeFailure(error: unknown): boolean {
  const code = msalErrorCode(error);
  return code !== undefined && POPUP_OR_BRIDGE.has(code) && aadstsCode(error) === undefined;
}
