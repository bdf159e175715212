import type { AccountInfo, Configuration } from "@azure/msal-browser";
import {
  NestedAppAuthTokenProvider,
  type AuthDialogFallback,
  type MsalModule,
  type MsalTokenResult,
  type NestedAppAuthModule,
  type NestableMsalClient,
  type NestedAppAuthOptions,
} from "./nested-app-auth";
import { SignInError } from "./sign-in-error";

const SCOPE = "https://admin.microsoft.com/.default";
const SECRET_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-payload.signature";

function account(username: string): AccountInfo {
  return {
    homeAccountId: `${username}-home`,
    environment: "login.microsoftonline.com",
    tenantId: "contoso-tenant",
    username,
    localAccountId: `${username}-local`,
  } as AccountInfo;
}

/** An MSAL error as MSAL shapes it: errorCode plus a message that may echo request details. */
function msalError(errorCode: string, extra: Record<string, unknown> = {}): Error & { errorCode: string } {
  return Object.assign(new Error(`${errorCode}: details mentioning ${SECRET_TOKEN}`), {
    errorCode,
    ...extra,
  });
}

type Step = "silent" | "ssoSilent" | "popup";

class FakeMsalClient implements NestableMsalClient {
  readonly calls: { step: Step; request: Record<string, unknown> }[] = [];
  activeAccount: AccountInfo | null = null;
  accounts: AccountInfo[] = [];
  silent: (request: Record<string, unknown>) => Promise<MsalTokenResult> = async () => {
    throw msalError("interaction_required");
  };
  sso: () => Promise<MsalTokenResult> = async () => {
    throw msalError("login_required");
  };
  popup: () => Promise<MsalTokenResult> = async () => {
    throw msalError("popup_window_error");
  };

  getActiveAccount() {
    return this.activeAccount;
  }
  getAllAccounts() {
    return this.accounts;
  }
  setActiveAccount(value: AccountInfo | null) {
    this.activeAccount = value;
  }
  acquireTokenSilent(request: { scopes: string[]; account?: AccountInfo; forceRefresh?: boolean }) {
    this.calls.push({ step: "silent", request });
    return this.silent(request);
  }
  ssoSilent(request: { scopes: string[]; loginHint?: string }) {
    this.calls.push({ step: "ssoSilent", request });
    return this.sso();
  }
  acquireTokenPopup(request: { scopes: string[]; loginHint?: string }) {
    this.calls.push({ step: "popup", request });
    return this.popup();
  }
  steps(): Step[] {
    return this.calls.map((call) => call.step);
  }
}

/** `bridge`: whether MSAL's NAA half finds Outlook's broker (else the full MSAL is the client). */
function setUp(options: Partial<NestedAppAuthOptions> = {}, { bridge = true } = {}) {
  const client = new FakeMsalClient();
  const configurations: Configuration[] = [];
  const loaded: ("naa" | "msal")[] = [];
  const msal: MsalModule = {
    createNestablePublicClientApplication: async (configuration) => {
      configurations.push(configuration);
      return client;
    },
  };
  const naa: NestedAppAuthModule = {
    createNestedAppAuthClient: async (configuration) => {
      configurations.push(configuration);
      return bridge ? client : null;
    },
  };
  const dialog = jest.fn<ReturnType<AuthDialogFallback>, Parameters<AuthDialogFallback>>(async () => ({
    accessToken: "dialog-token",
    expiresOn: null,
  }));
  let now = 1_000_000;
  const provider = new NestedAppAuthTokenProvider({
    clientId: "11111111-2222-3333-4444-555555555555",
    authority: "https://login.microsoftonline.com/organizations",
    scope: SCOPE,
    nestedAppAuth: true,
    loginHint: "megan@contoso.com",
    loadMsal: async () => {
      loaded.push("msal");
      return msal;
    },
    loadNestedAppAuth: async () => {
      loaded.push("naa");
      return naa;
    },
    dialogFallback: dialog,
    now: () => now,
    ...options,
  });
  return {
    provider,
    client,
    dialog,
    configurations,
    loads: () => loaded.length,
    loaded,
    advance: (ms: number) => (now += ms),
  };
}

async function failure(promise: Promise<unknown>): Promise<SignInError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SignInError) return error;
    throw error;
  }
  throw new Error("expected the promise to fail");
}

describe("NestedAppAuthTokenProvider", () => {
  it("does not load MSAL until the first token is needed, then loads it once", async () => {
    const { provider, client, loads } = setUp();
    client.silent = async () => ({ accessToken: "t1", account: account("megan@contoso.com") });
    expect(loads()).toBe(0);
    await provider.getToken();
    await provider.getToken();
    expect(loads()).toBe(1);
  });

  it("configures MSAL with the given client, authority and an in-memory cache", async () => {
    const { provider, client, configurations } = setUp({
      redirectUri: "https://addin.contoso.com/auth-redirect.html",
    });
    client.silent = async () => ({ accessToken: "t1" });
    await provider.getToken();
    expect(configurations).toEqual([
      {
        auth: {
          clientId: "11111111-2222-3333-4444-555555555555",
          authority: "https://login.microsoftonline.com/organizations",
          redirectUri: "https://addin.contoso.com/auth-redirect.html",
        },
        cache: { cacheLocation: "memoryStorage" },
      },
    ]);
  });

  it("gets a token silently with the active account and the configured scope", async () => {
    const { provider, client } = setUp();
    client.activeAccount = account("megan@contoso.com");
    client.silent = async () => ({ accessToken: "silent-token" });
    await expect(provider.getToken()).resolves.toBe("silent-token");
    expect(client.calls).toEqual([
      {
        step: "silent",
        request: { scopes: [SCOPE], account: client.activeAccount, forceRefresh: false },
      },
    ]);
  });

  it("prefers the cached account that matches the Outlook user over another one", async () => {
    const { provider, client } = setUp();
    client.accounts = [account("someone@else.example"), account("Megan@Contoso.com")];
    client.silent = async () => ({ accessToken: "t" });
    await provider.getToken();
    expect(client.calls[0]?.request.account).toBe(client.accounts[1]);
  });

  it("passes forceRefresh to the silent call after a 401", async () => {
    const { provider, client } = setUp();
    client.activeAccount = account("megan@contoso.com");
    client.silent = async () => ({ accessToken: "fresh" });
    await provider.getToken({ forceRefresh: true });
    expect(client.calls[0]?.request.forceRefresh).toBe(true);
  });

  it("without a known account, asks NAA silently and then standard MSAL with the login hint", async () => {
    const { provider, client } = setUp();
    client.sso = async () => ({ accessToken: "sso-token", account: account("megan@contoso.com") });
    await expect(provider.getToken()).resolves.toBe("sso-token");
    expect(client.steps()).toEqual(["silent", "ssoSilent"]);
    expect(client.calls[1]?.request).toEqual({ scopes: [SCOPE], loginHint: "megan@contoso.com" });
    expect(client.activeAccount?.username).toBe("megan@contoso.com");
  });

  it("does not open any window when interaction is not allowed", async () => {
    const { provider, client, dialog } = setUp();
    const error = await failure(provider.getToken());
    expect(error.failure).toBe("interaction-required");
    expect(client.steps()).not.toContain("popup");
    expect(dialog).not.toHaveBeenCalled();
  });

  it("goes silent → popup when interaction is allowed, and remembers the account", async () => {
    const { provider, client, dialog } = setUp();
    client.popup = async () => ({ accessToken: "popup-token", account: account("megan@contoso.com") });
    await expect(provider.getToken({ interactive: true })).resolves.toBe("popup-token");
    expect(client.steps()).toEqual(["silent", "ssoSilent", "popup"]);
    expect(client.calls[2]?.request).toEqual({ scopes: [SCOPE], loginHint: "megan@contoso.com" });
    expect(dialog).not.toHaveBeenCalled();
    expect(client.activeAccount?.username).toBe("megan@contoso.com");
  });

  it("goes silent → popup → Office dialog when the popup cannot open", async () => {
    const { provider, client, dialog } = setUp();
    await expect(provider.getToken({ interactive: true })).resolves.toBe("dialog-token");
    expect(client.steps()).toEqual(["silent", "ssoSilent", "popup"]);
    expect(dialog).toHaveBeenCalledTimes(1);
  });

  it("reuses the dialog's token from memory until shortly before it expires", async () => {
    const { provider, client, dialog, advance } = setUp();
    dialog.mockResolvedValueOnce({ accessToken: "dialog-token", expiresOn: 1_000_000 + 60 * 60 * 1000 });
    await provider.getToken({ interactive: true });
    const callsAfterSignIn = client.calls.length;
    await expect(provider.getToken()).resolves.toBe("dialog-token");
    expect(client.calls.length).toBe(callsAfterSignIn);
    advance(56 * 60 * 1000);
    await expect(failure(provider.getToken())).resolves.toMatchObject({ failure: "interaction-required" });
  });

  it("drops the dialog's token on forceRefresh", async () => {
    const { provider } = setUp();
    await provider.getToken({ interactive: true });
    await expect(failure(provider.getToken({ forceRefresh: true }))).resolves.toMatchObject({
      failure: "interaction-required",
    });
  });

  it("stops when the person cancels the popup, without opening the dialog", async () => {
    const { provider, client, dialog } = setUp();
    client.popup = async () => {
      throw msalError("user_cancelled");
    };
    const error = await failure(provider.getToken({ interactive: true }));
    expect(error.failure).toBe("cancelled");
    expect(dialog).not.toHaveBeenCalled();
  });

  it("says sign-in is unavailable when the popup fails and the host has no dialog", async () => {
    const { provider } = setUp({ dialogFallback: null });
    const error = await failure(provider.getToken({ interactive: true }));
    expect(error.failure).toBe("unavailable");
    expect(error.code).toBe("popup_window_error");
  });

  it("opens one sign-in for several calls that need it at once", async () => {
    const { provider, client } = setUp();
    let release: (value: MsalTokenResult) => void = () => undefined;
    client.popup = () => new Promise((resolve) => (release = resolve));
    const first = provider.getToken({ interactive: true });
    const second = provider.getToken({ interactive: true });
    await new Promise((resolve) => setTimeout(resolve, 0));
    release({ accessToken: "shared" });
    await expect(Promise.all([first, second])).resolves.toEqual(["shared", "shared"]);
    expect(client.steps().filter((step) => step === "popup")).toHaveLength(1);
  });

  it("never puts a token or MSAL's message text into its errors", async () => {
    const { provider, client, dialog } = setUp();
    client.popup = async () => {
      throw msalError("popup_window_error");
    };
    dialog.mockRejectedValueOnce(new Error(`dialog broke with ${SECRET_TOKEN}`));
    const errors = [
      await failure(provider.getToken()),
      await failure(provider.getToken({ interactive: true })),
    ];
    for (const error of errors) {
      expect(error.message).not.toContain(SECRET_TOKEN);
      expect(error.message).not.toContain("details mentioning");
      expect(JSON.stringify({ ...error, message: error.message })).not.toContain(SECRET_TOKEN);
    }
    expect(JSON.stringify(provider)).not.toContain("dialog-token");
  });

  it("refuses an empty access token instead of sending 'Bearer '", async () => {
    const { provider, client } = setUp();
    client.activeAccount = account("megan@contoso.com");
    client.silent = async () => ({ accessToken: "" });
    await expect(failure(provider.getToken())).resolves.toMatchObject({ failure: "interaction-required" });
  });

  it("honours an aborted signal before doing anything", async () => {
    const { provider, loads } = setUp();
    const controller = new AbortController();
    controller.abort();
    await expect(failure(provider.getToken({ signal: controller.signal }))).resolves.toMatchObject({
      failure: "aborted",
    });
    expect(loads()).toBe(0);
  });

  it("retries loading MSAL after a failed load", async () => {
    let attempts = 0;
    const client = new FakeMsalClient();
    client.silent = async () => ({ accessToken: "after-retry" });
    const provider = new NestedAppAuthTokenProvider({
      nestedAppAuth: true,
      clientId: "c",
      authority: "https://login.microsoftonline.com/organizations",
      scope: SCOPE,
      loadNestedAppAuth: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error("ChunkLoadError");
        return { createNestedAppAuthClient: async () => client };
      },
    });
    await expect(failure(provider.getToken())).resolves.toMatchObject({ failure: "failed" });
    await expect(provider.getToken()).resolves.toBe("after-retry");
  });
});

describe("which half of MSAL is loaded", () => {
  afterEach(() => {
    delete (globalThis as { nestedAppAuthBridge?: unknown }).nestedAppAuthBridge;
  });

  it("with NestedAppAuth 1.1 and Outlook's broker, loads only the NAA half", async () => {
    const { provider, client, loaded } = setUp();
    client.silent = async () => ({ accessToken: "brokered" });
    await expect(provider.getToken()).resolves.toBe("brokered");
    await provider.forScope("https://graph.microsoft.com/Mail.ReadBasic").getToken();
    expect(loaded).toEqual(["naa"]);
  });

  it("falls back to the whole MSAL, with the same configuration, when the NAA half finds no broker", async () => {
    const { provider, client, loaded, configurations } = setUp({}, { bridge: false });
    client.silent = async () => ({ accessToken: "standard" });
    await expect(provider.getToken()).resolves.toBe("standard");
    expect(loaded).toEqual(["naa", "msal"]);
    expect(configurations[1]).toEqual(configurations[0]);
  });

  it("without NestedAppAuth 1.1 and no bridge on the page, loads only the whole MSAL", async () => {
    const { provider, client, loaded } = setUp({ nestedAppAuth: false });
    client.silent = async () => ({ accessToken: "standard" });
    await provider.getToken();
    expect(loaded).toEqual(["msal"]);
  });

  it("without NestedAppAuth 1.1 but with a bridge on the page, tries the NAA half first, as MSAL would", async () => {
    (globalThis as { nestedAppAuthBridge?: unknown }).nestedAppAuthBridge = {};
    const { provider, client, loaded } = setUp({ nestedAppAuth: false });
    client.silent = async () => ({ accessToken: "brokered" });
    await provider.getToken();
    expect(loaded).toEqual(["naa"]);
  });
});

describe("fallback order by what the host supports and what went wrong", () => {
  it("without NestedAppAuth 1.1 goes straight to the Office dialog, never a popup, with the hint", async () => {
    const { provider, client, dialog } = setUp({ nestedAppAuth: false });
    await expect(provider.getToken({ interactive: true })).resolves.toBe("dialog-token");
    expect(client.steps()).not.toContain("popup");
    expect(dialog).toHaveBeenCalledWith(expect.objectContaining({ loginHint: "megan@contoso.com" }));
  });

  it("without NestedAppAuth and without a dialog, says sign-in is unavailable", async () => {
    const { provider, client } = setUp({ nestedAppAuth: false, dialogFallback: null });
    await expect(failure(provider.getToken({ interactive: true }))).resolves.toMatchObject({
      failure: "unavailable",
    });
    expect(client.steps()).not.toContain("popup");
  });

  it.each(["popup_window_error", "block_nested_popups", "timed_out", "nested_app_auth_bridge_disabled"])(
    "with NAA, opens the dialog after the popup fails with %s (blocked or bridge)",
    async (code) => {
      const { provider, client, dialog } = setUp();
      client.popup = async () => {
        throw msalError(code);
      };
      await expect(provider.getToken({ interactive: true })).resolves.toBe("dialog-token");
      expect(dialog).toHaveBeenCalledTimes(1);
    },
  );

  it.each([
    ["consent_required", { name: "InteractionRequiredAuthError", errorNo: "65001" }, "AADSTS65001"],
    [
      "invalid_resource",
      { errorMessage: "AADSTS500011: The resource principal named x was not found" },
      "AADSTS500011",
    ],
    ["invalid_client", {}, undefined],
  ] as const)(
    "with NAA, a popup refused by Entra (%s) reaches the person with its code, not the dialog",
    async (code, extra, aadsts) => {
      const { provider, client, dialog } = setUp();
      client.popup = async () => {
        throw msalError(code, extra);
      };
      const error = await failure(provider.getToken({ interactive: true }));
      expect(error).toMatchObject({ failure: "admin-setup", code, aadsts });
      expect(dialog).not.toHaveBeenCalled();
      expect(error.message).not.toContain("was not found");
    },
  );

  it.each(["interaction_required", "consent_required", "login_required", "no_account_error"])(
    "a silent %s asks for interaction (the pane offers Sign in again)",
    async (code) => {
      const { provider, client } = setUp({ loginHint: undefined });
      client.silent = async () => {
        throw msalError(code, { name: "InteractionRequiredAuthError" });
      };
      await expect(failure(provider.getToken())).resolves.toMatchObject({
        failure: "interaction-required",
        code,
      });
    },
  );

  it.each([
    ["no_network_connectivity", "network"],
    ["post_request_failed", "network"],
    ["invalid_resource", "admin-setup"],
    ["server_error_without_number", "failed"],
  ] as const)(
    "a silent %s is %s, and even an interactive request opens no window",
    async (code, expected) => {
      const { provider, client, dialog } = setUp({ loginHint: undefined });
      client.silent = async () => {
        throw msalError(code);
      };
      await expect(failure(provider.getToken({ interactive: true }))).resolves.toMatchObject({
        failure: expected,
        code,
      });
      expect(client.steps()).not.toContain("popup");
      expect(dialog).not.toHaveBeenCalled();
    },
  );

  it("prefers Office's login hint and UPN over the mailbox address, asking Office once", async () => {
    const accountHint = jest.fn(async () => ({
      loginHint: "hint-from-office",
      userPrincipalName: "megan.b@contoso.onmicrosoft.com",
    }));
    const { provider, client, dialog } = setUp({ accountHint, loginHint: "megan@contoso.com" });
    client.accounts = [account("megan@contoso.com"), account("Megan.B@contoso.onmicrosoft.com")];
    client.silent = async (request) => {
      if (request.account) throw msalError("interaction_required");
      throw msalError("no_tokens_found");
    };
    await expect(provider.getToken({ interactive: true })).resolves.toBe("dialog-token");
    await expect(provider.getToken({ interactive: true, forceRefresh: true })).resolves.toBe("dialog-token");
    expect(client.calls[0]?.request.account).toBe(client.accounts[1]);
    expect(client.calls.find((call) => call.step === "popup")?.request.loginHint).toBe("hint-from-office");
    expect(dialog).toHaveBeenCalledWith(expect.objectContaining({ loginHint: "hint-from-office" }));
    expect(accountHint).toHaveBeenCalledTimes(1);
  });

  it("falls back to the mailbox address when Office has no auth context", async () => {
    const { provider, client } = setUp({ accountHint: async () => null });
    await failure(provider.getToken());
    expect(client.calls.find((call) => call.step === "ssoSilent")?.request.loginHint).toBe(
      "megan@contoso.com",
    );
  });
});

describe("forScope: a second resource (Microsoft Graph) from the same sign-in", () => {
  const GRAPH_SCOPE = "https://graph.microsoft.com/Mail.ReadBasic";

  it("asks MSAL for the other scope with the same client, loaded once", async () => {
    const { provider, client, loads, configurations } = setUp();
    client.silent = async (request) => ({
      accessToken: `token-for-${(request.scopes as string[])[0]}`,
      account: account("megan@contoso.com"),
    });
    const graph = provider.forScope(GRAPH_SCOPE);
    await expect(graph.getToken()).resolves.toBe(`token-for-${GRAPH_SCOPE}`);
    await expect(provider.getToken()).resolves.toBe(`token-for-${SCOPE}`);
    expect(loads()).toBe(1);
    expect(configurations).toHaveLength(1);
    expect(client.calls.map((call) => call.request.scopes)).toEqual([[GRAPH_SCOPE], [SCOPE]]);
  });

  it("never opens the Office dialog for Graph: that dialog signs in for the directory's scope", async () => {
    const { provider, dialog } = setUp({ nestedAppAuth: false });
    const error = await failure(provider.forScope(GRAPH_SCOPE).getToken({ interactive: true }));
    expect(error.failure).toBe("unavailable");
    expect(dialog).not.toHaveBeenCalled();
  });
});
