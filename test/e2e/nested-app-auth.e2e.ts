/**
 * The sign-in chunks as the pane's build makes them, run in Chromium: MSAL's nested app
 * authentication half (src/auth/msal-naa.ts, reached through webpack's "msal-naa" alias into
 * msal-browser's files) gets tokens from a stand-in for Outlook's broker, which answers MSAL's
 * bridge messages as Outlook does; the whole library is fetched only where there is no broker.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./demo-session";

const ROOT = path.resolve(__dirname, "../..");
const ORIGIN = "https://addin.test";
const SCOPE = "https://admin.microsoft.com/.default";

let out: string;
let browser: Browser;

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), "naa-e2e-"));
  await promisify(execFile)(
    process.execPath,
    [
      "node_modules/webpack-cli/bin/cli.js",
      "--config",
      "test/e2e/naa-page.webpack.cjs",
      "--env",
      `out=${out}`,
    ],
    { cwd: ROOT, maxBuffer: 1 << 24 },
  );
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

interface BridgeRequest {
  method: string;
  tokenParams?: { clientId?: string; scope?: string; forceRefresh?: boolean };
}

/** A page from the test origin (a secure context, as MSAL's crypto needs), with or without Outlook's broker. */
async function open(broker: { silent: "token" | "interaction-required" } | null): Promise<{
  page: Page;
  fetched: string[];
  bridgeRequests: () => Promise<BridgeRequest[]>;
}> {
  const page = await browser.newPage();
  const fetched: string[] = [];
  await page.route(`${ORIGIN}/**`, (route) => {
    const file = new URL(route.request().url()).pathname.slice(1);
    fetched.push(file);
    if (file === "naa.html")
      return route.fulfill({ contentType: "text/html", body: '<script src="naa-page.js"></script>' });
    return route.fulfill({ contentType: "text/javascript", body: readFileSync(path.join(out, file)) });
  });
  if (broker) {
    await page.addInitScript((silent) => {
      const base64url = (value: object) =>
        btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        aud: "11111111-2222-3333-4444-555555555555",
        iss: "https://login.microsoftonline.com/contoso-tenant/v2.0",
        iat: now,
        exp: now + 3600,
        oid: "megan-oid",
        tid: "contoso-tenant",
        preferred_username: "megan@contoso.com",
        name: "Megan Bowen",
      };
      const idToken = `${base64url({ alg: "none", typ: "JWT" })}.${base64url(claims)}.signature`;
      const account = {
        homeAccountId: "megan-oid.contoso-tenant",
        environment: "login.microsoftonline.com",
        tenantId: "contoso-tenant",
        username: "megan@contoso.com",
        localAccountId: "megan-oid",
      };
      const requests: unknown[] = [];
      const listeners: ((message: string) => void)[] = [];
      let issued = 0;
      const answer = (request: { method: string; requestId: string; tokenParams?: { scope?: string } }) => {
        const ok = { messageType: "NestedAppAuthResponse", requestId: request.requestId, success: true };
        if (request.method === "GetInitContext")
          return {
            ...ok,
            initContext: { sdkName: "stand-in", sdkVersion: "1.0", capabilities: {}, accountContext: null },
          };
        if (request.method === "GetToken" && silent === "interaction-required")
          return {
            ...ok,
            success: false,
            error: { status: "USER_INTERACTION_REQUIRED", code: "interaction_required" },
          };
        issued += 1;
        return {
          ...ok,
          token: {
            access_token: `naa-access-${issued}`,
            expires_in: 3600,
            id_token: idToken,
            scope: request.tokenParams?.scope,
          },
          account,
        };
      };
      Object.assign(window, {
        bridgeRequests: requests,
        nestedAppAuthBridge: {
          addEventListener: (_type: string, listener: (message: string) => void) => listeners.push(listener),
          removeEventListener: () => undefined,
          postMessage: (message: string) => {
            const request = JSON.parse(message);
            requests.push(request);
            setTimeout(() => listeners.forEach((listener) => listener(JSON.stringify(answer(request)))));
          },
        },
      });
    }, broker.silent);
  }
  await page.goto(`${ORIGIN}/naa.html`);
  await page.waitForFunction(() => "NestedAppAuthTokenProvider" in window);
  return {
    page,
    fetched,
    bridgeRequests: () =>
      page.evaluate(() => (window as unknown as { bridgeRequests: BridgeRequest[] }).bridgeRequests),
  };
}

/** Runs the provider in the page; `calls` are getToken's arguments, each awaited in turn. */
async function tokens(page: Page, nestedAppAuth: boolean, calls: object[]): Promise<string[]> {
  return page.evaluate(
    async ({ nestedAppAuth, calls, scope }) => {
      type TokenSource = { getToken(request: object): Promise<string> };
      const Provider = (
        window as unknown as { NestedAppAuthTokenProvider: new (options: object) => TokenSource }
      ).NestedAppAuthTokenProvider;
      const provider = new Provider({
        clientId: "11111111-2222-3333-4444-555555555555",
        authority: "https://login.microsoftonline.com/organizations",
        scope,
        nestedAppAuth,
        dialogFallback: null,
      });
      const results: string[] = [];
      for (const call of calls) {
        results.push(
          await provider.getToken(call).catch((error: { failure?: string }) => `failed: ${error.failure}`),
        );
      }
      return results;
    },
    { nestedAppAuth, calls, scope: SCOPE },
  );
}

test("Outlook brokers the token: MSAL's NAA half asks once, keeps it in memory only, refreshes on request", async () => {
  const { page, fetched, bridgeRequests } = await open({ silent: "token" });
  await expect(tokens(page, true, [{}, {}, { forceRefresh: true }])).resolves.toEqual([
    "naa-access-1",
    "naa-access-1",
    "naa-access-2",
  ]);
  const requests = await bridgeRequests();
  expect(requests.map((request) => request.method)).toEqual(["GetInitContext", "GetToken", "GetToken"]);
  expect(requests[1]?.tokenParams).toMatchObject({
    clientId: "11111111-2222-3333-4444-555555555555",
    scope: SCOPE,
  });
  expect(requests[2]?.tokenParams?.forceRefresh).toBe(true);
  expect(
    await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })),
  ).not.toMatch(/naa-access/);
  expect(fetched.filter((file) => file.startsWith("msal"))).toEqual(["msal-naa.js"]);
  await page.close();
});

test("where Outlook asks for interaction, the silent refusal says so and the popup goes through the broker", async () => {
  const { page, bridgeRequests } = await open({ silent: "interaction-required" });
  await expect(tokens(page, true, [{}, { interactive: true }])).resolves.toEqual([
    "failed: interaction-required",
    "naa-access-1",
  ]);
  expect((await bridgeRequests()).map((request) => request.method)).toEqual([
    "GetInitContext",
    "GetToken",
    "GetToken",
    "GetTokenPopup",
  ]);
  await page.close();
});

test("without a broker or NestedAppAuth 1.1, the whole MSAL is fetched and its NAA half is not", async () => {
  const { page, fetched } = await open(null);
  const [result] = await tokens(page, false, [{}]);
  // MSAL itself answered "nobody signed in yet": the whole library loaded and ran.
  expect(result).toBe("failed: interaction-required");
  expect(fetched.filter((file) => file.startsWith("msal"))).toEqual(["msal.js"]);
  await page.close();
});
