/** The trial CSP report route over real HTTP: facts logged, nothing of the body kept. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CspViolation } from "./csp-report";
import { startServer, type RunningServer } from "./server";

let distDir: string;
let server: RunningServer;
const logged: CspViolation[] = [];

beforeAll(async () => {
  distDir = mkdtempSync(path.join(tmpdir(), "csp-report-"));
  writeFileSync(path.join(distDir, "taskpane.html"), "<!doctype html><title>pane</title>");
  server = await startServer({
    port: 0,
    distDir,
    basePath: "/gal",
    cspReports: true,
    cspReportLog: (violation) => logged.push(violation),
    log: () => undefined,
  });
});

afterAll(async () => {
  await server.close();
  rmSync(distDir, { recursive: true, force: true });
});

beforeEach(() => {
  logged.length = 0;
});

const SECRET = "eyJhbGciOi.secret-token";

it("points the CSP at the report route under the base path", async () => {
  const response = await fetch(`${server.url}/gal/taskpane.html`);
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("report-uri /gal/csp-report");
  expect(csp).toContain("report-to csp-endpoint");
  expect(response.headers.get("reporting-endpoints")).toBe('csp-endpoint="/gal/csp-report"');
});

it("logs a report-uri violation as facts: no query, fragment or sample", async () => {
  const response = await fetch(`${server.url}/gal/csp-report`, {
    method: "POST",
    headers: { "content-type": "application/csp-report" },
    body: JSON.stringify({
      "csp-report": {
        "document-uri": `https://addin.contoso.com/gal/taskpane.html?token=${SECRET}#hint`,
        "violated-directive": "connect-src",
        "effective-directive": "connect-src",
        "blocked-uri": `https://graph.microsoft.com/v1.0/me/messages?$search=${SECRET}`,
        "script-sample": SECRET,
        disposition: "enforce",
      },
    }),
  });
  expect(response.status).toBe(204);
  expect(logged).toEqual([
    {
      msg: "csp-violation",
      directive: "connect-src",
      blocked: "https://graph.microsoft.com",
      page: "/gal/taskpane.html",
      disposition: "enforce",
    },
  ]);
  expect(JSON.stringify(logged)).not.toContain(SECRET);
});

it("logs report-to batches, keyword sources as keywords, and ignores what is not a report", async () => {
  await fetch(`${server.url}/gal/csp-report`, {
    method: "POST",
    headers: { "content-type": "application/reports+json" },
    body: JSON.stringify([
      {
        type: "csp-violation",
        body: {
          documentURL: "https://addin.contoso.com/gal/taskpane.html",
          effectiveDirective: "script-src-elem",
          blockedURL: "inline",
          sample: SECRET,
          disposition: "report",
        },
      },
      { type: "deprecation", body: { message: SECRET } },
    ]),
  });
  await fetch(`${server.url}/gal/csp-report`, { method: "POST", body: "not json" });
  expect(logged).toEqual([
    {
      msg: "csp-violation",
      directive: "script-src-elem",
      blocked: "inline",
      page: "/gal/taskpane.html",
      disposition: "report",
    },
  ]);
});

it("refuses other methods and drops oversized bodies unread", async () => {
  expect((await fetch(`${server.url}/gal/csp-report`)).status).toBe(405);
  const big = await fetch(`${server.url}/gal/csp-report`, {
    method: "POST",
    body: JSON.stringify({ "csp-report": { "effective-directive": "img-src", padding: "x".repeat(40_000) } }),
  });
  expect(big.status).toBe(204);
  expect(logged).toEqual([]);
});
