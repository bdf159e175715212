import type { Configuration } from "@azure/msal-browser";
import { parseAuthDialogMessage } from "./auth-dialog-protocol";
import { runAuthDialog, type AuthDialogEnvironment, type RedirectMsalClient } from "./auth-dialog-page";
import type { MsalTokenResult } from "./nested-app-auth";

const SETTINGS = {
  clientId: "11111111-2222-3333-4444-555555555555",
  authority: "https://login.microsoftonline.com/organizations",
  scope: "https://admin.microsoft.com/.default",
};

function setUp(
  redirectResult: MsalTokenResult | null | Error,
  overrides: Partial<AuthDialogEnvironment> = {},
) {
  const sent: string[] = [];
  const statuses: string[] = [];
  const redirects: unknown[] = [];
  const configurations: Configuration[] = [];
  const client: RedirectMsalClient = {
    handleRedirectPromise: async () => {
      if (redirectResult instanceof Error) throw redirectResult;
      return redirectResult;
    },
    acquireTokenRedirect: async (request) => {
      redirects.push(request);
    },
  };
  const environment: AuthDialogEnvironment = {
    origin: "https://addin.contoso.com",
    pageUrl: "https://addin.contoso.com/auth-dialog.html",
    messageParent: (message) => sent.push(message),
    showStatus: (text) => statuses.push(text),
    ...overrides,
  };
  const run = () =>
    runAuthDialog(SETTINGS, environment, async () => ({
      createStandardPublicClientApplication: async (configuration) => {
        configurations.push(configuration);
        return client;
      },
    }));
  return { run, sent, statuses, redirects, configurations };
}

describe("runAuthDialog (the sign-in dialog page)", () => {
  it("starts the redirect sign-in on the first visit, returning to this page through the bridge", async () => {
    const { run, sent, redirects, configurations } = setUp(null);
    await expect(run()).resolves.toBe("redirecting");
    expect(redirects).toEqual([
      { scopes: [SETTINGS.scope], redirectStartPage: "https://addin.contoso.com/auth-dialog.html" },
    ]);
    expect(configurations[0]).toEqual({
      auth: {
        clientId: SETTINGS.clientId,
        authority: SETTINGS.authority,
        redirectUri: "https://addin.contoso.com/auth-redirect.html",
      },
      cache: { cacheLocation: "memoryStorage" },
    });
    expect(sent).toEqual([]);
  });

  it("sends the token to the pane when back from sign-in, and does not redirect again", async () => {
    const { run, sent, redirects, statuses } = setUp({
      accessToken: "dialog-access-token",
      expiresOn: new Date(1_700_000_000_000),
    });
    await expect(run()).resolves.toBe("token-sent");
    expect(sent.map(parseAuthDialogMessage)).toEqual([
      { type: "gal-auth-token", accessToken: "dialog-access-token", expiresOn: 1_700_000_000_000 },
    ]);
    expect(redirects).toEqual([]);
    expect(statuses).toEqual(["returning"]);
  });

  it("under a path, returns through the redirect page beside it and passes the pane's login hint", async () => {
    const { run, redirects, configurations } = setUp(null, {
      pageUrl: "https://addin.contoso.com/gal/auth-dialog.html",
      loginHint: "megan@contoso.com",
    });
    await run();
    expect(configurations[0]?.auth.redirectUri).toBe("https://addin.contoso.com/gal/auth-redirect.html");
    expect(redirects).toEqual([
      {
        scopes: [SETTINGS.scope],
        redirectStartPage: "https://addin.contoso.com/gal/auth-dialog.html",
        loginHint: "megan@contoso.com",
      },
    ]);
  });

  it("reports a consent refusal as an admin-setup failure with its codes", async () => {
    const error = Object.assign(new Error("AADSTS65001: The user or administrator has not consented"), {
      name: "InteractionRequiredAuthError",
      errorCode: "consent_required",
    });
    const { run, sent } = setUp(error);
    await run();
    expect(parseAuthDialogMessage(sent[0] ?? "")).toEqual({
      type: "gal-auth-error",
      failure: "admin-setup",
      code: "consent_required",
      aadsts: "AADSTS65001",
    });
  });

  it("reports a failure to the pane with MSAL's code and the AADSTS number only, not its message", async () => {
    const error = Object.assign(new Error("AADSTS700016: Application with identifier 'x' was not found"), {
      errorCode: "invalid_client",
    });
    const { run, sent } = setUp(error);
    await expect(run()).resolves.toBe("error-sent");
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toContain("was not found");
    expect(parseAuthDialogMessage(sent[0] ?? "")).toEqual({
      type: "gal-auth-error",
      failure: "admin-setup",
      code: "invalid_client",
      aadsts: "AADSTS700016",
    });
  });
});
