/**
 * Admin center tokens in Outlook through MSAL's nested app authentication (NAA): Outlook
 * itself brokers the token, so the pane needs no popup in hosts that support NAA.
 *
 * Order: a token the sign-in dialog gave us earlier (memory only) → MSAL silent → when the
 * request allows interaction, MSAL's popup (NAA: Outlook's own prompt) → as a last resort
 * the Office dialog running MSAL's redirect flow on our own page.
 *
 * MSAL is loaded with a dynamic import on the first token request, so the pane's first
 * paint (the sender card) never waits for it. Its cache lives in memory only.
 */
import type { AccountInfo, Configuration } from "@azure/msal-browser";
import type { TokenProvider, TokenRequest } from "./token-provider";
import { msalErrorCode, SignInError } from "./sign-in-error";

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

export interface DialogToken {
  accessToken: string;
  /** Epoch ms; null when the dialog could not tell. */
  expiresOn: number | null;
}

/** Opens the Office dialog sign-in; resolves with a token or rejects with a SignInError. */
export type AuthDialogFallback = (request: { signal?: AbortSignal }) => Promise<DialogToken>;

export interface NestedAppAuthOptions {
  clientId: string;
  authority: string;
  /** e.g. DEFAULT_ADMIN_CENTER_SCOPE. */
  scope: string;
  /** The Outlook user's address: lets MSAL pick the right account without asking. */
  loginHint?: string;
  /** Where popup responses land when NAA is unavailable (our MSAL redirect-bridge page). */
  redirectUri?: string;
  /** Loads MSAL; default: a dynamic import (a separate chunk). */
  loadMsal?: () => Promise<MsalModule>;
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

export class NestedAppAuthTokenProvider implements TokenProvider {
  readonly #options: NestedAppAuthOptions;
  readonly #now: () => number;
  #client: Promise<NestableMsalClient> | null = null;
  #interaction: Promise<string> | null = null;
  #dialogToken: { accessToken: string; reuseUntil: number } | null = null;

  constructor(options: NestedAppAuthOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  async getToken(request: TokenRequest = {}): Promise<string> {
    throwIfAborted(request.signal);
    if (request.forceRefresh) this.#dialogToken = null;
    const remembered = this.#dialogToken;
    if (remembered && this.#now() < remembered.reuseUntil) return remembered.accessToken;

    const client = await this.#loadClient();
    throwIfAborted(request.signal);
    let silentFailure: unknown;
    try {
      return await this.#acquireSilently(client, request.forceRefresh === true);
    } catch (error) {
      silentFailure = error;
    }
    throwIfAborted(request.signal);
    if (!request.interactive) throw new SignInError("interaction-required", msalErrorCode(silentFailure));
    // Several failing calls may ask at once: one window, one answer for all.
    this.#interaction ??= this.#acquireInteractively(client, request.signal).finally(() => {
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
    this.#client ??= this.#createClient().catch((error: unknown) => {
      // A failed load (chunk blocked, offline) may succeed on the next attempt.
      this.#client = null;
      throw new SignInError("failed", msalErrorCode(error) ?? "msal_load_failed");
    });
    return this.#client;
  }

  async #createClient(): Promise<NestableMsalClient> {
    const msal = await (this.#options.loadMsal ?? loadMsalBrowser)();
    return msal.createNestablePublicClientApplication({
      auth: {
        clientId: this.#options.clientId,
        authority: this.#options.authority,
        ...(this.#options.redirectUri ? { redirectUri: this.#options.redirectUri } : {}),
      },
      // Tokens in memory only: never localStorage/sessionStorage.
      cache: { cacheLocation: "memoryStorage" },
    });
  }

  #knownAccount(client: NestableMsalClient): AccountInfo | undefined {
    const active = client.getActiveAccount();
    if (active) return active;
    const accounts = client.getAllAccounts();
    const hint = this.#options.loginHint?.toLowerCase();
    return (
      (hint ? accounts.find((account) => account.username.toLowerCase() === hint) : undefined) ?? accounts[0]
    );
  }

  async #acquireSilently(client: NestableMsalClient, forceRefresh: boolean): Promise<string> {
    const account = this.#knownAccount(client);
    const scopes = this.#scopes();
    if (account) {
      return this.#accept(client, await client.acquireTokenSilent({ scopes, account, forceRefresh }));
    }
    try {
      // NAA: Outlook knows the signed-in account, no account object needed.
      return this.#accept(client, await client.acquireTokenSilent({ scopes, forceRefresh }));
    } catch (error) {
      // Standard MSAL (no NAA in this host) needs an account or a hint for silent SSO.
      if (!this.#options.loginHint) throw error;
      return this.#accept(client, await client.ssoSilent({ scopes, loginHint: this.#options.loginHint }));
    }
  }

  async #acquireInteractively(client: NestableMsalClient, signal: AbortSignal | undefined): Promise<string> {
    try {
      const result = await client.acquireTokenPopup({
        scopes: this.#scopes(),
        ...(this.#options.loginHint ? { loginHint: this.#options.loginHint } : {}),
      });
      return this.#accept(client, result);
    } catch (popupError) {
      const code = msalErrorCode(popupError);
      if (code === "user_cancelled") throw new SignInError("cancelled", code);
      throwIfAborted(signal);
      const dialog = this.#options.dialogFallback;
      if (!dialog) throw new SignInError("unavailable", code);
      return this.#fromDialog(dialog, signal);
    }
  }

  async #fromDialog(dialog: AuthDialogFallback, signal: AbortSignal | undefined): Promise<string> {
    let token: DialogToken;
    try {
      token = await dialog({ signal });
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
    if (!result.accessToken) throw new SignInError("failed", "empty_access_token");
    if (result.account) client.setActiveAccount(result.account);
    return result.accessToken;
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SignInError("aborted");
}
