import {
  AppConfigError,
  BACKEND_SCOPES,
  DEFAULT_AUTHORITY,
  parseDomainList,
  readAppConfig,
  withDemoOverrides,
} from "./app-config";
import { DEFAULT_MAIL_TIP_TEMPLATE } from "./contacts/draft";

const CLIENT_ID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof AppConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected an AppConfigError");
}

describe("readAppConfig", () => {
  it("fills every default around the one required value", () => {
    expect(readAppConfig({ clientId: CLIENT_ID })).toEqual({
      backend: "admin-center",
      exchangeTenant: "",
      auth: { clientId: CLIENT_ID, authority: DEFAULT_AUTHORITY, scope: BACKEND_SCOPES["admin-center"] },
      apiBaseUrl: "",
      org: {
        internalDomains: [],
        mailTipTemplate: DEFAULT_MAIL_TIP_TEMPLATE,
        trustPolicy: "warn",
        approvers: "",
      },
      demo: false,
      suggestions: null,
    });
  });

  it("takes every value from the build", () => {
    const config = readAppConfig({
      clientId: ` ${CLIENT_ID} `,
      authority: "https://login.microsoftonline.us/contoso.onmicrosoft.us/",
      apiScope: "https://admin.microsoft.us/.default",
      apiBaseUrl: "https://relay.contoso.com/",
      internalDomains: "contoso.com, @Fabrikam.COM",
      mailTipTemplate: "Partner: {company}",
      trustPolicy: " Block ",
      approvers: "GAL-Approvers@contoso.com; Nestor Wilke <nestor@contoso.com>, gal-approvers@contoso.com",
      demo: "0",
    });
    expect(config).toEqual({
      backend: "admin-center",
      exchangeTenant: "",
      auth: {
        clientId: CLIENT_ID,
        authority: "https://login.microsoftonline.us/contoso.onmicrosoft.us",
        scope: "https://admin.microsoft.us/.default",
      },
      apiBaseUrl: "https://relay.contoso.com",
      org: {
        internalDomains: ["contoso.com", "fabrikam.com"],
        mailTipTemplate: "Partner: {company}",
        trustPolicy: "block",
        approvers: "GAL-Approvers@contoso.com; Nestor Wilke <nestor@contoso.com>, gal-approvers@contoso.com",
      },
      demo: false,
      suggestions: null,
    });
  });

  it("ADDIN_BACKEND=exchange: the scope follows the backend, the tenant is optional", () => {
    expect(readAppConfig({ clientId: CLIENT_ID, backend: "exchange" })).toMatchObject({
      backend: "exchange",
      exchangeTenant: "",
      auth: { scope: "https://outlook.office365.com/.default" },
    });
    expect(
      readAppConfig({
        clientId: CLIENT_ID,
        backend: " Exchange ",
        exchangeTenant: "contoso.onmicrosoft.com",
      }),
    ).toMatchObject({
      backend: "exchange",
      exchangeTenant: "contoso.onmicrosoft.com",
    });
    // An explicit scope still wins (sovereign clouds).
    expect(
      readAppConfig({
        clientId: CLIENT_ID,
        backend: "exchange",
        apiScope: "https://outlook.office365.us/.default",
      }).auth.scope,
    ).toBe("https://outlook.office365.us/.default");
  });

  it("refuses an unknown backend and a malformed tenant", () => {
    expect(
      problemsOf(() => readAppConfig({ clientId: CLIENT_ID, backend: "graph", exchangeTenant: "a/b" })),
    ).toEqual([
      expect.stringContaining("ADDIN_BACKEND must be admin-center or exchange"),
      expect.stringContaining("ADDIN_EXCHANGE_TENANT"),
    ]);
  });

  it("the demo's backend switch overrides the build's backend and scope, only in a demo build", () => {
    expect(readAppConfig(withDemoOverrides({ demo: "1" }, "?backend=exchange"))).toMatchObject({
      backend: "exchange",
      auth: { scope: "https://outlook.office365.com/.default" },
    });
    expect(
      readAppConfig(
        withDemoOverrides(
          { demo: "1", backend: "exchange", apiScope: "x/.default" },
          "?backend=admin-center",
        ),
      ),
    ).toMatchObject({ backend: "admin-center", auth: { scope: BACKEND_SCOPES["admin-center"] } });
    const demo = { demo: "1" };
    expect(withDemoOverrides(demo, "?backend=nonsense")).toBe(demo);
    expect(withDemoOverrides(demo, "?backend=admin-center")).toBe(demo);
    const production = { clientId: CLIENT_ID };
    expect(withDemoOverrides(production, "?backend=exchange")).toBe(production);
  });

  it("needs a client id outside the demo, and says which variable to set", () => {
    expect(problemsOf(() => readAppConfig({}))).toEqual([
      expect.stringContaining("ADDIN_CLIENT_ID is not set"),
    ]);
  });

  it("does not need a client id in the demo build", () => {
    expect(readAppConfig({ demo: "1" })).toMatchObject({ demo: true, auth: { clientId: "" } });
  });

  it("lists every problem at once", () => {
    const problems = problemsOf(() =>
      readAppConfig({
        clientId: "my-app",
        authority: "http://login.example",
        apiScope: "a b",
        apiBaseUrl: "http://relay.example",
        internalDomains: "contoso.com, not a domain",
        trustPolicy: "strict",
      }),
    );
    expect(problems).toHaveLength(6);
    expect(problems.join(" ")).toMatch(
      /ADDIN_CLIENT_ID.*ADDIN_AUTHORITY.*ADDIN_API_SCOPE.*ADDIN_API_BASE_URL.*not a domain.*ADDIN_TRUST_POLICY must be one of warn, block/s,
    );
  });

  it.each([
    ["https://relay.contoso.com/base", true],
    ["http://localhost:8080", true],
    ["http://127.0.0.1:3001", true],
    ["http://relay.contoso.com", false],
    ["https://relay.contoso.com/?x=1", false],
    ["https://user:pass@relay.contoso.com", false],
    ["javascript:alert(1)", false],
  ])("accepts %s as the API base only when it is safe: %s", (apiBaseUrl, accepted) => {
    const read = () => readAppConfig({ clientId: CLIENT_ID, apiBaseUrl });
    if (accepted) expect(read().apiBaseUrl).toBe(apiBaseUrl);
    else expect(read).toThrow(AppConfigError);
  });
});

describe("parseDomainList", () => {
  it("trims, lower-cases, drops an @ and a trailing dot, skips empties and duplicates", () => {
    expect(parseDomainList(" Contoso.com ,, @contoso.com, sub.Contoso.com., müller.de ")).toEqual({
      domains: ["contoso.com", "sub.contoso.com", "müller.de"],
      invalid: [],
    });
  });

  it("reports entries that are not domains", () => {
    expect(parseDomainList("contoso, contoso.com, *.fabrikam.com, a b.com").invalid).toEqual([
      "contoso",
      "*.fabrikam.com",
      "a b.com",
    ]);
  });
});

describe("withDemoOverrides", () => {
  it("lets a demo build take the trust policy from the pane's address", () => {
    expect(readAppConfig(withDemoOverrides({ demo: "1" }, "?trustPolicy=block")).org.trustPolicy).toBe(
      "block",
    );
    expect(readAppConfig(withDemoOverrides({ demo: "1" }, "")).org.trustPolicy).toBe("warn");
  });

  it("carries the backend and the trust policy together", () => {
    const config = readAppConfig(withDemoOverrides({ demo: "1" }, "?backend=exchange&trustPolicy=block"));
    expect(config).toMatchObject({ backend: "exchange", org: { trustPolicy: "block" } });
  });

  it("is ignored by any other build", () => {
    const source = { clientId: CLIENT_ID, trustPolicy: "block" };
    expect(withDemoOverrides(source, "?trustPolicy=warn&backend=exchange")).toBe(source);
  });
});

describe("readAppConfig: suggestions (ADDIN_SUGGESTIONS)", () => {
  it("is off unless asked for", () => {
    expect(readAppConfig({ clientId: CLIENT_ID }).suggestions).toBeNull();
    expect(readAppConfig({ clientId: CLIENT_ID, suggestions: "off" }).suggestions).toBeNull();
  });

  it("on: the cloud's Graph, its Mail.ReadBasic scope, 30 days", () => {
    expect(readAppConfig({ clientId: CLIENT_ID, suggestions: "on" }).suggestions).toEqual({
      graphBaseUrl: "https://graph.microsoft.com",
      scope: "https://graph.microsoft.com/Mail.ReadBasic",
      windowDays: 30,
    });
    expect(
      readAppConfig({
        clientId: CLIENT_ID,
        suggestions: "on",
        authority: "https://login.microsoftonline.us/organizations",
        suggestionsDays: "14",
      }).suggestions,
    ).toEqual({
      graphBaseUrl: "https://graph.microsoft.us",
      scope: "https://graph.microsoft.us/Mail.ReadBasic",
      windowDays: 14,
    });
  });

  it("says what is wrong with the window or an unknown cloud's Graph", () => {
    expect(
      problemsOf(() => readAppConfig({ clientId: CLIENT_ID, suggestions: "on", suggestionsDays: "0" })),
    ).toEqual(["ADDIN_SUGGESTIONS_DAYS must be a whole number of days from 1 to 365."]);
    expect(
      problemsOf(() =>
        readAppConfig({
          clientId: CLIENT_ID,
          suggestions: "on",
          authority: "https://login.example.sovereign/x",
        }),
      ),
    ).toEqual([
      "ADDIN_SUGGESTIONS is on, but Microsoft Graph's host for the authority https://login.example.sovereign/x is not known: set ADDIN_GRAPH_BASE_URL.",
    ]);
  });

  it("the demo reads its stand-in Graph from the pane's own origin", () => {
    expect(readAppConfig({ demo: "1", suggestions: "on" }).suggestions).toMatchObject({ graphBaseUrl: "" });
  });
});
