/**
 * The probe's sign-in: the device-code flow with @azure/msal-node, with the add-in's own
 * app registration (its client id). The token lives in this process's memory only: MSAL's
 * default cache is in memory (no cache plugin is configured), nothing is printed but the
 * device-code instructions, and nothing is written to disk.
 */
import { PublicClientApplication, type AccountInfo } from "@azure/msal-node";

export interface SignInOptions {
  clientId: string;
  tenant: string;
  /** Default https://login.microsoftonline.com (sovereign clouds: e.g. https://login.microsoftonline.us). */
  authorityHost?: string;
  /** Where the device-code instructions go (default: stderr). */
  print?: (message: string) => void;
}

export type TokenAttempt = { ok: true; token: string; user: string } | { ok: false; errorCode: string };

/** The AADSTS code in an MSAL error (e.g. AADSTS65001: consent missing), else MSAL's own code. */
export function aadstsCode(error: unknown): string {
  const text =
    error instanceof Error
      ? `${error.message} ${(error as { errorMessage?: string }).errorMessage ?? ""}`
      : "";
  const code = /AADSTS\d{5,6}/.exec(text)?.[0];
  if (code) return code;
  const msalCode = (error as { errorCode?: unknown } | null)?.errorCode;
  return typeof msalCode === "string" && msalCode !== "" ? msalCode : "unknown_error";
}

/** Signs in once (device code), then gets a token per scope silently for the same account. */
export class DeviceCodeSignIn {
  readonly #app: PublicClientApplication;
  readonly #print: (message: string) => void;
  #account: AccountInfo | null = null;

  constructor(options: SignInOptions) {
    const host = (options.authorityHost ?? "https://login.microsoftonline.com").replace(/\/+$/, "");
    this.#app = new PublicClientApplication({
      auth: { clientId: options.clientId, authority: `${host}/${options.tenant}` },
    });
    this.#print = options.print ?? ((message) => process.stderr.write(`${message}\n`));
  }

  async token(scope: string): Promise<TokenAttempt> {
    try {
      const result = this.#account
        ? await this.#app
            .acquireTokenSilent({ account: this.#account, scopes: [scope] })
            .catch(() => this.#deviceCode(scope))
        : await this.#deviceCode(scope);
      if (!result?.accessToken) return { ok: false, errorCode: "no_token" };
      this.#account = result.account ?? this.#account;
      return { ok: true, token: result.accessToken, user: result.account?.username ?? "" };
    } catch (error) {
      return { ok: false, errorCode: aadstsCode(error) };
    }
  }

  #deviceCode(scope: string) {
    return this.#app.acquireTokenByDeviceCode({
      scopes: [scope],
      deviceCodeCallback: (response) => this.#print(response.message),
    });
  }

  /** Keeps MSAL's state (and any token in it) out of console.log / JSON output. */
  toJSON(): string {
    return "DeviceCodeSignIn(<redacted>)";
  }
}
