/**
 * Where the admin center bearer token comes from. Tokens live in memory only: never in
 * React state, storage, URLs or logs. Implementations: MSAL nested app authentication
 * in Outlook (src/auth/nested-app-auth.ts), a fixed token in the demo and tests.
 */
export interface TokenRequest {
  /** True after a 401: skip any cache and get a new token (silently where possible). */
  forceRefresh?: boolean;
  /** True when the user clicked "Sign in again": interactive sign-in is allowed. */
  interactive?: boolean;
  signal?: AbortSignal;
}

export interface TokenProvider {
  getToken(request?: TokenRequest): Promise<string>;
}

/** The demo's and tests' provider: always the same token. */
export class FixedTokenProvider implements TokenProvider {
  readonly #token: string;
  constructor(token: string) {
    this.#token = token;
  }
  async getToken(): Promise<string> {
    return this.#token;
  }
  /** Keeps the token out of console.log / JSON / util.inspect output. */
  toJSON(): string {
    return "FixedTokenProvider(<redacted>)";
  }
}
