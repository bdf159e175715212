/**
 * The add-in hosted under a path (ADDIN_PUBLIC_URL=https://host/gal): the demo served at
 * /gal/ loads the pane, its chunks and the Office stand-in from /gal/, and the pane reaches
 * the relay at /gal/admin/api/ and its token at /gal/demo/token. Nothing is asked of the root.
 */
import { strings } from "../../src/taskpane/strings";
import { startDemoSession, type DemoSession } from "./demo-session";

let session: DemoSession;

beforeAll(async () => {
  session = await startDemoSession({ basePath: "/gal" });
});

afterAll(async () => {
  await session?.close();
});

it("serves the pane under /gal with the CSP built from the demo build's configuration", async () => {
  const response = await fetch(`${session.demo.url}/taskpane.html`);
  const csp = response.headers.get("content-security-policy") ?? "";
  // The demo build turns suggestions on, which read senders from Microsoft Graph.
  expect(csp).toContain("connect-src 'self' https://login.microsoftonline.com https://graph.microsoft.com;");
  expect(csp).not.toContain("unsafe-eval");
});

it("runs under /gal: verdict from the emulator through /gal/admin/api, no request outside /gal/, no CSP violation", async () => {
  const demo = await session.open();
  const violations: string[] = [];
  demo.page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const outside: string[] = [];
  const relayed: string[] = [];
  demo.page.on("request", (request) => {
    const url = new URL(request.url());
    if (!/^https?:$/.test(url.protocol)) return;
    if (!url.pathname.startsWith("/gal/")) outside.push(url.pathname);
    if (url.pathname.startsWith("/gal/admin/api/")) relayed.push(url.pathname);
  });
  await demo.select("northwind-delivery");
  await demo.paneShows(strings.verdict.exists);
  expect(relayed.length).toBeGreaterThan(0);
  expect(session.demo.emulator.requests().length).toBeGreaterThan(0);
  expect(outside).toEqual([]);
  expect(violations).toEqual([]);
  expect(demo.problems).toEqual([]);
});
