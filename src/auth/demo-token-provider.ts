/**
 * The demo's token source (build with ADDIN_DEMO=1). The demo server answers
 * `GET /demo/token` on the pane's own origin with `{"token": "..."}` for the identity
 * currently chosen on the demo page (admin, or a user without the admin role). The token
 * thus never appears in a URL, the HTML, storage or React state; it lives in this object's
 * memory, and a forced refresh (after a 401, or "Sign in again") asks the server again,
 * which is how switching identity on the demo page reaches the pane.
 */
import type { TokenProvider, TokenRequest } from "./token-provider";
import { SignInError } from "./sign-in-error";

export const DEMO_TOKEN_PATH = "/demo/token";

type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

export interface SameOriginDemoTokenOptions {
  /** Default: DEMO_TOKEN_PATH, resolved against the page's origin. */
  url?: string;
  fetch?: FetchFunction;
}

export class SameOriginDemoTokenProvider implements TokenProvider {
  readonly #url: string;
  readonly #fetch: FetchFunction;
  #token: string | null = null;
  #pending: Promise<string> | null = null;

  constructor(options: SameOriginDemoTokenOptions = {}) {
    this.#url = options.url ?? DEMO_TOKEN_PATH;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async getToken(request: TokenRequest = {}): Promise<string> {
    if (request.signal?.aborted) throw new SignInError("aborted");
    if (request.forceRefresh || request.interactive) this.#token = null;
    if (this.#token) return this.#token;
    this.#pending ??= this.#fetchToken().finally(() => {
      this.#pending = null;
    });
    return this.#pending;
  }

  /** Keeps the token out of console.log / JSON output. */
  toJSON(): string {
    return "SameOriginDemoTokenProvider(<redacted>)";
  }

  async #fetchToken(): Promise<string> {
    let response: Response;
    try {
      response = await this.#fetch(this.#url, {
        method: "GET",
        cache: "no-store",
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
    } catch {
      throw new SignInError("failed", "demo_token_unreachable");
    }
    if (!response.ok) throw new SignInError("failed", `demo_token_http_${response.status}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new SignInError("failed", "demo_token_not_json");
    }
    const token = typeof body === "object" && body !== null ? (body as { token?: unknown }).token : undefined;
    if (typeof token !== "string" || token === "") throw new SignInError("failed", "demo_token_missing");
    this.#token = token;
    return token;
  }
}
