/**
 * The bootstrap's wiring, proven over real HTTP: a demo build's services fetch their token
 * from the pane's origin (/demo/token) and reach the emulator through the admin center
 * client; an Outlook build never loads MSAL until a token is needed.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { AppConfig } from "../app-config";
import { DEMO_TOKEN_PATH } from "../auth/demo-token-provider";
import { DEFAULT_MAIL_TIP_TEMPLATE } from "../contacts/draft";
import { DEMO_TOKENS, startEmulator, type RunningEmulator } from "../emulator/server";
import { createPaneServices } from "./create-pane-services";

let mockMsalLoads = 0;
let mockNaaLoads = 0;
const mockMsalConfigurations: unknown[] = [];
// The stand-in knows no account: silent fails.
const mockNotSignedInClient = () => {
  const notSignedIn = async () => {
    throw Object.assign(new Error("no identity platform in unit tests"), { errorCode: "no_account_error" });
  };
  return {
    getActiveAccount: () => null,
    getAllAccounts: () => [],
    setActiveAccount: () => undefined,
    acquireTokenSilent: notSignedIn,
    ssoSilent: notSignedIn,
    acquireTokenPopup: notSignedIn,
  };
};
// Count when the bootstrap's code loads either half of MSAL.
jest.mock("@azure/msal-browser", () => {
  mockMsalLoads += 1;
  return {
    createNestablePublicClientApplication: async (configuration: unknown) => {
      mockMsalConfigurations.push(configuration);
      return mockNotSignedInClient();
    },
  };
});
jest.mock("../auth/msal-naa", () => {
  mockNaaLoads += 1;
  return {
    createNestedAppAuthClient: async (configuration: unknown) => {
      mockMsalConfigurations.push(configuration);
      return mockNotSignedInClient();
    },
  };
});

function fakeOffice(userAddress: string, supported: (name: string) => boolean = () => true): typeof Office {
  return {
    context: {
      mailbox: {
        item: null,
        userProfile: { emailAddress: userAddress, displayName: "Megan Bowen" },
        addHandlerAsync: () => undefined,
      },
      displayLanguage: "en-US",
      requirements: { isSetSupported: supported },
      ui: { displayDialogAsync: () => undefined },
    },
    EventType: { ItemChanged: "olkItemSelectedChanged", OfficeThemeChanged: "officeThemeChanged" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  } as unknown as typeof Office;
}

function config(overrides: Partial<AppConfig>): AppConfig {
  return {
    backend: "admin-center",
    exchangeTenant: "",
    auth: {
      clientId: "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d",
      authority: "https://login.microsoftonline.com/organizations",
      scope: "https://admin.microsoft.com/.default",
    },
    apiBaseUrl: "",
    org: { internalDomains: ["contoso.com"], mailTipTemplate: DEFAULT_MAIL_TIP_TEMPLATE },
    demo: false,
    suggestions: null,
    ...overrides,
  };
}

/** Stands in for the demo server's token route on the pane's origin. */
async function startTokenServer(
  token: string,
): Promise<{ origin: string; hits: () => number; close(): Promise<void> }> {
  let hits = 0;
  const server = http.createServer((req, res) => {
    if (req.method === "GET" && req.url === DEMO_TOKEN_PATH) {
      hits += 1;
      res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      res.end(JSON.stringify({ token }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("createPaneServices", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({
      seed: {
        contacts: [
          {
            ContactExternalEmailAddress: "ada@analytical.example",
            ContactDisplayName: "Ada Lovelace",
            ContactCompany: "Analytical Engines",
          },
        ],
      },
    });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it("demo build: takes the token from the pane's origin and finds a contact in the emulator", async () => {
    const tokens = await startTokenServer(DEMO_TOKENS.admin);
    try {
      const services = createPaneServices(
        fakeOffice("megan@contoso.com"),
        config({ demo: true, apiBaseUrl: emulator.url }),
        { origin: tokens.origin },
      );
      const contact = await services.directory.findByAddress("ada@analytical.example");
      expect(contact).toMatchObject({ address: "ada@analytical.example", company: "Analytical Engines" });
      expect(await services.directory.findByAddress("nobody@analytical.example")).toBeNull();
      expect(tokens.hits()).toBe(1);
      expect(
        emulator.requests().filter((request) => request.path === "/admin/api/Contact/GetContacts"),
      ).not.toHaveLength(0);
    } finally {
      await tokens.close();
    }
  });

  it("ADDIN_BACKEND=exchange: the same pane services talk InvokeCommand, tenant from the user's domain", async () => {
    const tokens = await startTokenServer(DEMO_TOKENS.exchangeAdmin);
    try {
      const services = createPaneServices(
        fakeOffice("megan@contoso.com"),
        config({ demo: true, apiBaseUrl: emulator.url, backend: "exchange" }),
        { origin: tokens.origin },
      );
      const before = emulator.requests().length;
      const contact = await services.directory.findByAddress("ada@analytical.example");
      expect(contact).toMatchObject({ address: "ada@analytical.example", displayName: "Ada Lovelace" });
      expect(emulator.requests().slice(before)).toEqual([
        expect.objectContaining({
          path: "/adminapi/beta/contoso.com/InvokeCommand",
          cmdlet: "Get-MailContact",
          status: 200,
        }),
      ]);
    } finally {
      await tokens.close();
    }
  });

  it("demo build: a token the emulator refuses surfaces as 'unauthenticated' after one refresh", async () => {
    const tokens = await startTokenServer("not-a-token-the-emulator-knows");
    try {
      const services = createPaneServices(
        fakeOffice("megan@contoso.com"),
        config({ demo: true, apiBaseUrl: emulator.url }),
        { origin: tokens.origin },
      );
      await expect(services.directory.findByAddress("ada@analytical.example")).rejects.toMatchObject({
        kind: "unauthenticated",
      });
      expect(tokens.hits()).toBe(2);
    } finally {
      await tokens.close();
    }
  });

  it("Outlook build: loads MSAL's NAA half only when the first token is needed, not to paint", async () => {
    const services = createPaneServices(
      fakeOffice("megan@contoso.com"),
      config({ apiBaseUrl: emulator.url }),
      {
        origin: "https://addin.contoso.com",
      },
    );
    services.host.readCurrentItem();
    expect(mockNaaLoads).toBe(0);
    await expect(services.directory.findByAddress("ada@analytical.example")).rejects.toMatchObject({
      kind: "unauthenticated",
    });
    expect(mockNaaLoads).toBe(1);
    // Outlook brokers the token (NestedAppAuth 1.1): the whole library is never fetched.
    expect(mockMsalLoads).toBe(0);
  });

  it("hosted under a path: the relay and the demo token are called beside the pane", async () => {
    const requested: string[] = [];
    const services = createPaneServices(fakeOffice("megan@contoso.com"), config({ demo: true }), {
      origin: "https://addin.contoso.com",
      pageUrl: "https://addin.contoso.com/gal/taskpane.html?et=",
      fetch: async (url) => {
        requested.push(url);
        return url.endsWith("/demo/token")
          ? new Response(JSON.stringify({ token: DEMO_TOKENS.admin }), { status: 200 })
          : new Response("{}", { status: 400 });
      },
    });
    await services.directory.findByAddress("ada@analytical.example").catch(() => undefined);
    expect(requested[0]).toBe("https://addin.contoso.com/gal/demo/token");
    expect(requested[1]).toMatch(/^https:\/\/addin\.contoso\.com\/gal\/admin\/api\//);
  });

  it("hosted under a path: MSAL's redirect URI and the sign-in dialog are beside the pane", async () => {
    const opened: string[] = [];
    const office = fakeOffice("megan@contoso.com", (name) => name !== "NestedAppAuth");
    (office.context.ui as { displayDialogAsync: unknown }).displayDialogAsync = (url: string) => {
      opened.push(url);
    };
    const services = createPaneServices(office, config({ apiBaseUrl: emulator.url }), {
      origin: "https://addin.contoso.com",
      pageUrl: "https://addin.contoso.com/gal/taskpane.html",
    });
    mockMsalConfigurations.length = 0;
    await expect(services.directory.findByAddress("ada@analytical.example")).rejects.toBeDefined();
    expect(mockMsalConfigurations[0]).toMatchObject({
      auth: { redirectUri: "https://addin.contoso.com/gal/auth-redirect.html" },
    });
    // No NestedAppAuth here: "Sign in again" goes straight to the dialog, with the mailbox address as hint.
    void services.signInAgain().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(opened).toEqual(["https://addin.contoso.com/gal/auth-dialog.html#login_hint=megan%40contoso.com"]);
  });

  it("passes the organization's configuration through and reads the Outlook user", () => {
    const services = createPaneServices(fakeOffice("megan@contoso.com"), config({}), {
      origin: "https://addin.contoso.com",
    });
    expect(services.org).toEqual({
      internalDomains: ["contoso.com"],
      mailTipTemplate: DEFAULT_MAIL_TIP_TEMPLATE,
    });
    expect(services.host.context.userAddress).toBe("megan@contoso.com");
    expect(services.host.readCurrentItem()).toEqual({ kind: "none" });
  });

  it("ADDIN_SUGGESTIONS=on (demo): Graph's own token, the window's senders ranked from the emulator's mail", async () => {
    const now = Date.now();
    emulator.reset({
      mail: [1, 2, 3].map((days) => ({
        from: { name: "Ana Lima", address: "ana@supplier.example" },
        receivedDateTime: new Date(now - days * 86_400_000).toISOString(),
      })),
    });
    const asked: string[] = [];
    const services = createPaneServices(
      fakeOffice("megan@contoso.com"),
      config({
        demo: true,
        apiBaseUrl: emulator.url,
        suggestions: { graphBaseUrl: emulator.url, scope: "unused-in-the-demo", windowDays: 30 },
      }),
      {
        origin: "https://addin.contoso.com",
        fetch: async (url, init) => {
          asked.push(url.replace(emulator.url, ""));
          if (url.endsWith("/demo/token?resource=graph"))
            return new Response(JSON.stringify({ token: DEMO_TOKENS.graph }), { status: 200 });
          return fetch(url, init);
        },
      },
    );
    const reading = await services.suggestions!.read();
    expect(reading.senders.map((sender) => [sender.address, sender.messageCount])).toEqual([
      ["ana@supplier.example", 3],
    ]);
    expect(asked[0]).toBe("https://addin.contoso.com/demo/token?resource=graph");
    expect(asked[1]).toMatch(/^\/v1\.0\/me\/messages\?/);
  });

  it("suggestions are absent unless configured", () => {
    const services = createPaneServices(fakeOffice("megan@contoso.com"), config({}), {
      origin: "https://addin.contoso.com",
    });
    expect(services.suggestions).toBeNull();
  });
});
