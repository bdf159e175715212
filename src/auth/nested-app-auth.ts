/**
 * Admin center tokens in Outlook through MSAL's nested app authentication (NAA): Outlook
 * itself brokers the token, so the pane needs no popup in hosts that support NAA.
 *
 * Order: a token the sign-in dialog gave us earlier (memory only) → MSAL silent → when the
 * request allows interaction: with NestedAppAuth 1.1, MSAL's popup (Outlook's own prompt),
 * and the Office dialog only when that popup was blocked or the bridge failed; without it,
 * straight to the Office dialog (standard MSAL popups in an add-in webview are unreliable:
 * storage partitioning breaks MSAL's popup bridge, and its wait is 60 s). Consent and
 * other Entra refusals are never retried through the dialog: they reach the person with
 * their code (SignInError "admin-setup").
 *
 * MSAL is loaded with a dynamic import on the first token request, so the pane's first
 * paint (the sender card) never waits for it: where the host can broker tokens, only its NAA
 * half (msal-naa.ts); the whole library only where it cannot. Its cache lives in memory only.
 */
import type { AccountInfo, Configuration } from "@azure/msal-browser";
import type { TokenProvider, TokenRequest } from "./token-provider";
import { isPopupOrBridgeFailure, msalErrorCode, SignInError, signInErrorFrom } from "./sign-in-error";

export interface MsalTokenResult {
  accessToken: string;
  account?: AccountInfo | null;
  expiresOn?: Date | null;
}

/** The part of MSAL's IPublicClientApplication this provider uses (tests pass a fake). */
export interface NestableMsalClient {
  getActiveAccount(): AccountInfo | null;
  getAllAccounts(): AccountInfo[];
  setActiveAccount(account: AccountInfo | null): void;
  acquireTokenSilent(request: {
    scopes: string[];
    account?: AccountInfo;
    forceRefresh?: boolean;
  }): Promise<MsalTokenResult>;
  ssoSilent(request: { scopes: string[]; loginHint?: string }): Promise<MsalTokenResult>;
  acquireTokenPopup(request: { scopes: string[]; loginHint?: string }): Promise<MsalTokenResult>;
}

/** The part of the `@azure/msal-browser` module this provider uses. */
export interface MsalModule {
  createNestablePublicClientApplication(configuration: Configuration): Promise<NestableMsalClient>;
}

/** msal-naa.ts: MSAL's NAA half, null where the host has no bridge. */
export interface NestedAppAuthModule {
  createNestedAppAuthClient(configuration: Configuration): Promise<NestableMsalClient | null>;
}

export interface DialogToken {
  accessToken: string;
  /** Epoch ms; null when the dialog could not tell. */
  expiresOn: number | null;
}

/** Opens the Office dialog sign-in; resolves with a token or rejects with a SignInError. */
export type AuthDialogFallback = (request: {
  signal?: AbortSignal;
  loginHint?: string;
}) => Promise<DialogToken>;

/** The signed-in account as Office tells it (Office.auth.getAuthContext, NestedAppAuth 1.1). */
export interface AccountHint {
  loginHint?: string;
  userPrincipalName?: string;
}

export interface NestedAppAuthOptions {
  clientId: string;
  authority: string;
  /** e.g. one of app-config's BACKEND_SCOPES. */
  scope: string;
  /** Whether the host has NestedAppAuth 1.1 (MSAL's bridge); without it the dialog is the interactive route. */
  nestedAppAuth: boolean;
  /** Office's account hints (UPN, login hint); preferred over `loginHint`. */
  accountHint?: () => Promise<AccountHint | null>;
  /** The Outlook user's mailbox address: the hint when Office gives none. */
  loginHint?: string;
  /** Where popup responses land when NAA is unavailable (our MSAL redirect-bridge page). */
  redirectUri?: string;
  /** Loads MSAL; default: a dynamic import (a separate chunk). */
  loadMsal?: () => Promise<MsalModule>;
  /** Loads MSAL's NAA half; default: a dynamic import of msal-naa.ts (a smaller chunk). */
  loadNestedAppAuth?: () => Promise<NestedAppAuthModule>;
  /** The Office dialog route; null when the host has no dialog API. */
  dialogFallback?: AuthDialogFallback | null;
  /** Clock for the dialog token's expiry; default Date.now. */
  now?: () => number;
}

/** A dialog token is not reused in its last five minutes: a call that starts must not expire mid-way. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;
/** Without an expiry from the dialog, assume the usual minimum lifetime of an Entra access token. */
const ASSUMED_LIFETIME_MS = 60 * 60 * 1000;

const loadMsalBrowser = async (): Promise<MsalModule> =>
  import(/* webpackChunkName: "msal" */ "@azure/msal-browser");
const loadMsalNaa = async (): Promise<NestedAppAuthModule> =>
  import(/* webpackChunkName: "msal-naa" */ "./msal-naa");

/**
 * Whether the host may broker tokens: NestedAppAuth 1.1, or the bridge (or Office's hook that
 * makes it) already on the page, which are what MSAL itself looks for.
 */
function hostMayBroker(nestedAppAuth: boolean): boolean {
  if (nestedAppAuth) return true;
  const page = globalThis as { nestedAppAuthBridge?: unknown; __initializeNestedAppAuth?: unknown };
  return page.nestedAppAuthBridge !== undefined || typeof page.__initializeNestedAppAuth === "function";
}

export class NestedAppAuthTokenProvider implements TokenProvider {
  readonly #options: NestedAppAuthOptions;
  readonly #now: () => number;
  #client: Promise<NestableMsalClient> | null = null;
  #interaction: Promise<string> | null = null;
  #dialogToken: { accessToken: string; reuseUntil: number } | null = null;
  #hints: Promise<{ loginHint?: string; username?: string }> | null = null;
  /** A provider made by forScope: MSAL's client and the account hints are its parent's. */
  readonly #parent: NestedAppAuthTokenProvider | null = null;

  constructor(options: NestedAppAuthOptions, parent: NestedAppAuthTokenProvider | null = null) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#parent = parent;
  }

  /**
   * Tokens for another resource (Microsoft Graph's Mail.ReadBasic for suggestions) from the same
   * MSAL client and account: one sign-in, one cache. The Office dialog signs in for the
   * directory's scope only, so this provider's interactive route is MSAL's (NestedAppAuth 1.1).
   */
  forScope(scope: string): NestedAppAuthTokenProvider {
    return new NestedAppAuthTokenProvider({ ...this.#options, scope, dialogFallback: null }, this);
  }

  async getToken(request: TokenRequest = {}): Promise<string> {
    throwIfAborted(request.signal);
    if (request.forceRefresh) this.#dialogToken = null;
    const remembered = this.#dialogToken;
    if (remembered && this.#now() < remembered.reuseUntil) return remembered.accessToken;

    const client = await this.#loadClient();
    const hints = await this.#loadHints();
    throwIfAborted(request.signal);
    let silentFailure: SignInError;
    try {
      return await this.#acquireSilently(client, hints, request.forceRefresh === true);
    } catch (error) {
      silentFailure = signInErrorFrom(error, "silent");
    }
    throwIfAborted(request.signal);
    // Only where signing in helps: a network failure or an Entra refusal must not send the
    // person round a sign-in that ends the same way.
    if (!request.interactive || silentFailure.failure !== "interaction-required") throw silentFailure;
    // Several failing calls may ask at once: one window, one answer for all.
    this.#interaction ??= this.#acquireInteractively(client, hints, request.signal).finally(() => {
      this.#interaction = null;
    });
    return this.#interaction;
  }

  /** Keeps configuration and cached tokens out of console / JSON output. */
  toJSON(): string {
    return "NestedAppAuthTokenProvider(<redacted>)";
  }

  #scopes(): string[] {
    return [this.#options.scope];
  }

  #loadClient(): Promise<NestableMsalClient> {
    if (this.#parent) return this.#parent.#loadClient();
    this.#client ??= this.#createClient().catch((error: unknown) => {
      // A failed load (chunk blocked, offline) may succeed on the next attempt.
      this.#client = null;
      throw new SignInError("failed", msalErrorCode(error) ?? "msal_load_failed");
    });
    return this.#client;
  }

  async #createClient(): Promise<NestableMsalClient> {
    const configuration: Configuration = {
      auth: {
        clientId: this.#options.clientId,
        authority: this.#options.authority,
        ...(this.#options.redirectUri ? { redirectUri: this.#options.redirectUri } : {}),
      },
      // Tokens in memory only: never localStorage/sessionStorage.
      cache: { cacheLocation: "memoryStorage" },
    };
    if (hostMayBroker(this.#options.nestedAppAuth)) {
      const naa = await (this.#options.loadNestedAppAuth ?? loadMsalNaa)();
      const client = await naa.createNestedAppAuthClient(configuration);
      if (client) return client;
    }
    const msal = await (this.#options.loadMsal ?? loadMsalBrowser)();
    return msal.createNestablePublicClientApplication(configuration);
  }

  /** Office's hints once per provider; the mailbox address where Office gives none. */
  #loadHints(): Promise<{ loginHint?: string; username?: string }> {
    if (this.#parent) return this.#parent.#loadHints();
    this.#hints ??= (async () => {
      const fromOffice = await (this.#options.accountHint?.() ?? Promise.resolve(null)).catch(() => null);
      const fallback = this.#options.loginHint || undefined;
      const loginHint = fromOffice?.loginHint ?? fromOffice?.userPrincipalName ?? fallback;
      const username = fromOffice?.userPrincipalName ?? fallback;
      return { ...(loginHint ? { loginHint } : {}), ...(username ? { username } : {}) };
    })();
    return this.#hints;
  }

  #knownAccount(client: NestableMsalClient, username: string | undefined): AccountInfo | undefined {
    const active = client.getActiveAccount();
    if (active) return active;
    const accounts = client.getAllAccounts();
    const wanted = username?.toLowerCase();
    return (
      (wanted ? accounts.find((account) => account.username.toLowerCase() === wanted) : undefined) ??
      accounts[0]
    );
  }

  async #acquireSilently(
    client: NestableMsalClient,
    hints: { loginHint?: string; username?: string },
    forceRefresh: boolean,
  ): Promise<string> {
    const account = this.#knownAccount(client, hints.username);
    const scopes = this.#scopes();
    if (account) {
      return this.#accept(client, await client.acquireTokenSilent({ scopes, account, forceRefresh }));
    }
    try {
      // NAA: Outlook knows the signed-in account, no account object needed.
      return this.#accept(client, await client.acquireTokenSilent({ scopes, forceRefresh }));
    } catch (error) {
      // Standard MSAL (no NAA in this host) needs an account or a hint for silent SSO.
      if (!hints.loginHint) throw error;
      return this.#accept(client, await client.ssoSilent({ scopes, loginHint: hints.loginHint }));
    }
  }

  async #acquireInteractively(
    client: NestableMsalClient,
    hints: { loginHint?: string },
    signal: AbortSignal | undefined,
  ): Promise<string> {
    const dialog = this.#options.dialogFallback;
    if (!this.#options.nestedAppAuth) {
      if (!dialog) throw new SignInError("unavailable", "no_dialog_api");
      return this.#fromDialog(dialog, hints.loginHint, signal);
    }
    try {
      const result = await client.acquireTokenPopup({
        scopes: this.#scopes(),
        ...(hints.loginHint ? { loginHint: hints.loginHint } : {}),
      });
      return this.#accept(client, result);
    } catch (popupError) {
      if (popupError instanceof SignInError) throw popupError;
      throwIfAborted(signal);
      // The dialog helps where the popup could not open or answer, never where Entra said no.
      if (!isPopupOrBridgeFailure(popupError)) throw signInErrorFrom(popupError, "interactive");
      if (!dialog) throw new SignInError("unavailable", msalErrorCode(popupError));
      return this.#fromDialog(dialog, hints.loginHint, signal);
    }
  }

  async #fromDialog(
    dialog: AuthDialogFallback,
    loginHint: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<string> {
    let token: DialogToken;
    try {
      token = await dialog({ signal, ...(loginHint ? { loginHint } : {}) });
    } catch (error) {
      if (error instanceof SignInError) throw error;
      throw new SignInError("failed", "dialog_failed");
    }
    if (!token.accessToken) throw new SignInError("failed", "dialog_empty_token");
    const expiresOn = token.expiresOn ?? this.#now() + ASSUMED_LIFETIME_MS;
    this.#dialogToken = { accessToken: token.accessToken, reuseUntil: expiresOn - EXPIRY_MARGIN_MS };
    return token.accessToken;
  }

  #accept(client: NestableMsalClient, result: MsalTokenResult): string {
    if (!result.accessToken) throw new SignInError("interaction-required", "empty_access_token");
    if (result.account) client.setActiveAccount(result.account);
    return result.accessToken;
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SignInError("aborted");
}
