/**
 * The production server over real HTTP(S): static hosting of the built pane, security
 * headers on every kind of response, HSTS only over HTTPS, the demo's extra handlers,
 * and the access log of everything.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { ADMIN_API_ROUTES } from "../../src/admin-api/wire";
import type { AccessLogEntry } from "../../src/server/access-log";
import { DEFAULT_FRAME_ANCESTORS } from "../../src/server/security-headers";
import { startServer, type RunningServer, type ServerOptions } from "../../src/server/server";
import { IMMUTABLE_CACHE_CONTROL, REVALIDATE_CACHE_CONTROL } from "../../src/server/static";
import {
  sendRaw,
  startRecordingUpstream,
  waitForEntries,
  type RawResponse,
  type RecordingUpstream,
} from "./relay-harness";

const TOKEN = "server-test-token-9d7c";
const HASHED_SCRIPT = "taskpane.3f2a9c1b4d5e6f70.js";
const HASHED_STYLE = "taskpane.0a1b2c3d.css";

let workDir: string;
let distDir: string;
let upstream: RecordingUpstream;
let server: RunningServer | undefined;
let logs: AccessLogEntry[];

async function start(options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  // Each server writes to the array current at its start: a late line from an earlier test cannot leak in.
  const sink = logs;
  server = await startServer({
    port: 0,
    distDir,
    upstream: upstream.url,
    log: (entry) => sink.push(entry),
    ...options,
  });
  return server;
}

beforeAll(() => {
  workDir = mkdtempSync(path.join(os.tmpdir(), "relay-server-"));
  distDir = path.join(workDir, "dist");
  mkdirSync(path.join(distDir, "assets"), { recursive: true });
  writeFileSync(path.join(distDir, "taskpane.html"), "<!doctype html><title>pane</title>");
  writeFileSync(path.join(distDir, HASHED_SCRIPT), "console.log('pane');");
  writeFileSync(path.join(distDir, HASHED_STYLE), "body{margin:0}");
  writeFileSync(path.join(distDir, "assets", "icon-32.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(path.join(distDir, ".env"), "SECRET=1");
  writeFileSync(path.join(workDir, "outside.txt"), "outside the root");
  symlinkSync(path.join(workDir, "outside.txt"), path.join(distDir, "escape.txt"));
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

beforeEach(async () => {
  logs = [];
  upstream = await startRecordingUpstream();
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await upstream.close();
});

function expectSecurityHeaders(
  response: RawResponse,
  frameAncestors: readonly string[] = DEFAULT_FRAME_ANCESTORS,
) {
  const csp = response.headers["content-security-policy"];
  expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
  expect(csp).toContain("connect-src 'self' https://login.microsoftonline.com;");
  expect(csp).toContain(`frame-ancestors ${frameAncestors.join(" ")}`);
  expect(csp).toContain("object-src 'none'");
  expect(response.headers["x-content-type-options"]).toBe("nosniff");
  expect(response.headers["referrer-policy"]).toBe("no-referrer");
  for (const name of Object.keys(response.headers)) expect(name).not.toMatch(/^access-control-/);
}

describe("static files", () => {
  it("serves the pane for / and by name, ignoring Office's query string, never cached", async () => {
    const { url } = await start();
    for (const target of [
      "/",
      "/taskpane.html",
      "/taskpane.html?_host_Info=Outlook$Win32$16.02$en-US$$$$0",
    ]) {
      const response = await sendRaw(url, { method: "GET", path: target });
      expect(response.status).toBe(200);
      expect(response.body).toBe("<!doctype html><title>pane</title>");
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(response.headers["cache-control"]).toBe(REVALIDATE_CACHE_CONTROL);
    }
  });

  it("serves hashed bundles as immutable, plain assets as revalidated, each with its content type", async () => {
    const { url } = await start();
    const script = await sendRaw(url, { method: "GET", path: `/${HASHED_SCRIPT}` });
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(script.headers["cache-control"]).toBe(IMMUTABLE_CACHE_CONTROL);
    const style = await sendRaw(url, { method: "GET", path: `/${HASHED_STYLE}` });
    expect(style.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(style.headers["cache-control"]).toBe(IMMUTABLE_CACHE_CONTROL);
    const icon = await sendRaw(url, { method: "GET", path: "/assets/icon-32.png" });
    expect(icon.status).toBe(200);
    expect(icon.headers["content-type"]).toBe("image/png");
    expect(icon.headers["content-length"]).toBe("4");
    expect(icon.headers["cache-control"]).toBe(REVALIDATE_CACHE_CONTROL);
  });

  it("answers 304 to a matching If-None-Match and HEAD without a body", async () => {
    const { url } = await start();
    const first = await sendRaw(url, { method: "GET", path: "/taskpane.html" });
    const etag = first.headers.etag;
    expect(etag).toBeDefined();
    const again = await sendRaw(url, {
      method: "GET",
      path: "/taskpane.html",
      headers: { "if-none-match": etag! },
    });
    expect(again.status).toBe(304);
    expect(again.body).toBe("");
    const head = await sendRaw(url, { method: "HEAD", path: `/${HASHED_SCRIPT}` });
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    expect(head.headers["content-length"]).toBe(String("console.log('pane');".length));
  });

  it.each([
    "/../outside.txt",
    "/%2e%2e/outside.txt",
    "/%2E%2E%2Foutside.txt",
    "/assets/..%2f..%2foutside.txt",
    "/assets/%2e%2e/%2e%2e/outside.txt",
    "/..%5coutside.txt",
    "/assets\\..\\..\\outside.txt",
    "/escape.txt",
    "/.env",
    "/%2eenv",
    "//taskpane.html",
    "/assets/",
    "/assets",
    "/taskpane.html%00.png",
    "/%E0%A4%A",
    "/missing.js",
  ])("refuses %s with 404", async (target) => {
    const { url } = await start();
    const response = await sendRaw(url, { method: "GET", path: target });
    expect(response.status).toBe(404);
    expect(response.body).not.toContain("outside the root");
    expect(response.body).not.toContain("SECRET");
    expectSecurityHeaders(response);
  });

  it("refuses methods other than GET and HEAD", async () => {
    const { url } = await start();
    for (const method of ["POST", "PUT", "DELETE", "OPTIONS"]) {
      expect((await sendRaw(url, { method, path: "/taskpane.html" })).status).toBe(404);
    }
  });
});

describe("security headers", () => {
  it("are on relay responses, relay refusals, static files and 404s; no HSTS over plain HTTP", async () => {
    const { url } = await start();
    const responses = [
      await sendRaw(url, {
        method: "POST",
        path: ADMIN_API_ROUTES.search.path,
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body: "{}",
      }),
      await sendRaw(url, {
        method: "OPTIONS",
        path: ADMIN_API_ROUTES.search.path,
        headers: { origin: "https://evil.example" },
      }),
      await sendRaw(url, { method: "GET", path: "/taskpane.html" }),
      await sendRaw(url, { method: "GET", path: "/nothing-here" }),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 404, 200, 404]);
    for (const response of responses) {
      expectSecurityHeaders(response);
      expect(response.headers["strict-transport-security"]).toBeUndefined();
    }
  });

  it("frame-ancestors can be replaced (the demo allows only 'self')", async () => {
    const frameAncestors = ["'self'"];
    const { url } = await start({ frameAncestors });
    expectSecurityHeaders(await sendRaw(url, { method: "GET", path: "/" }), frameAncestors);
  });

  it("sets HSTS behind a proxy only when trustProxy is on and the proxy says https", async () => {
    const untrusting = await start();
    const spoofed = await sendRaw(untrusting.url, {
      method: "GET",
      path: "/",
      headers: { "x-forwarded-proto": "https" },
    });
    expect(spoofed.headers["strict-transport-security"]).toBeUndefined();
    await untrusting.close();

    const trusting = await start({ trustProxy: true });
    const viaProxy = await sendRaw(trusting.url, {
      method: "GET",
      path: "/",
      headers: { "x-forwarded-proto": "https" },
    });
    expect(viaProxy.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    const plainViaProxy = await sendRaw(trusting.url, {
      method: "GET",
      path: "/",
      headers: { "x-forwarded-proto": "http" },
    });
    expect(plainViaProxy.headers["strict-transport-security"]).toBeUndefined();
  });
});

function opensslAvailable(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

(opensslAvailable() ? describe : describe.skip)("over HTTPS", () => {
  it("serves the pane and relays with HSTS, using a throwaway self-signed certificate", async () => {
    const certPath = path.join(workDir, "cert.pem");
    const keyPath = path.join(workDir, "key.pem");
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=IP:127.0.0.1,DNS:localhost",
        "-keyout",
        keyPath,
        "-out",
        certPath,
      ],
      { stdio: "ignore" },
    );
    const running = await start({ tls: { certPath, keyPath } });
    expect(running.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const ca = (await import("node:fs")).readFileSync(certPath);
    const get = (method: string, target: string, headers: Record<string, string> = {}, body?: string) =>
      new Promise<RawResponse>((resolve, reject) => {
        const req = https.request(
          { host: "127.0.0.1", port: running.port, method, path: target, headers, ca, agent: false },
          (res) => {
            let text = "";
            res.on("data", (chunk: Buffer) => (text += chunk.toString()));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    const page = await get("GET", "/taskpane.html");
    expect(page.status).toBe(200);
    expect(page.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expectSecurityHeaders(page);
    const relayed = await get(
      "POST",
      ADMIN_API_ROUTES.search.path,
      { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      "{}",
    );
    expect(relayed.status).toBe(200);
    expect(relayed.headers["strict-transport-security"]).toBeDefined();
    expect(upstream.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});

describe("extra handlers and logging", () => {
  it("runs extra handlers before the relay and the static files", async () => {
    const { url } = await start({
      extraHandlers: [
        (req, res, next) => {
          if (req.url === "/__demo/ping") res.writeHead(200, { "content-type": "text/plain" }).end("pong");
          else next();
        },
      ],
    });
    const ping = await sendRaw(url, { method: "GET", path: "/__demo/ping" });
    expect(ping).toMatchObject({ status: 200, body: "pong" });
    expectSecurityHeaders(ping);
    expect((await sendRaw(url, { method: "GET", path: "/taskpane.html" })).status).toBe(200);
  });

  it("answers 500 without details when a handler throws, and keeps serving", async () => {
    const { url } = await start({
      extraHandlers: [
        (req, _res, next) => {
          if (req.url === "/__demo/broken") throw new Error(`internal detail ${TOKEN}`);
          next();
        },
      ],
    });
    const broken = await sendRaw(url, { method: "GET", path: "/__demo/broken" });
    expect(broken.status).toBe(500);
    expect(broken.body).not.toContain("internal detail");
    expect((await sendRaw(url, { method: "GET", path: "/" })).status).toBe(200);
  });

  it("logs every request once, with the relayed call's request id and upstream status", async () => {
    const { url } = await start();
    await sendRaw(url, {
      method: "GET",
      path: "/taskpane.html?_host_Info=Outlook",
      headers: { cookie: "a=cookie-secret" },
    });
    await sendRaw(url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        "content-type": "application/json",
        cookie: "a=cookie-secret",
      },
      body: '{"SearchString":"grace@"}',
    });
    await sendRaw(url, { method: "GET", path: "/missing" });
    await waitForEntries(logs, 3);
    expect(logs.map((entry) => [entry.method, entry.path, entry.status])).toEqual([
      ["GET", "/taskpane.html", 200],
      ["POST", ADMIN_API_ROUTES.search.path, 200],
      ["GET", "/missing", 404],
    ]);
    expect(logs[1]).toMatchObject({
      route: "search",
      upstreamStatus: 200,
      requestId: upstream.requests[0]!.headers["client-request-id"],
    });
    const serialized = JSON.stringify(logs);
    expect(serialized).not.toContain(TOKEN);
    expect(serialized).not.toContain("cookie-secret");
    expect(serialized).not.toContain("grace@");
    expect(serialized).not.toContain("_host_Info");
  });

  it("close() stops accepting but lets an in-flight relayed call finish", async () => {
    const { url, close } = await start();
    let answerUpstream: (reply: { status: number; body: string }) => void = () => undefined;
    upstream.reply = () => new Promise((resolve) => (answerUpstream = resolve));
    const inFlight = sendRaw(url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: "{}",
    });
    while (upstream.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));

    const closed = close();
    server = undefined;
    await expect(sendRaw(url, { method: "GET", path: "/" })).rejects.toThrow(/ECONNREFUSED/);
    answerUpstream({ status: 200, body: '{"Contacts":[]}' });
    await expect(inFlight).resolves.toMatchObject({ status: 200, body: '{"Contacts":[]}' });
    await closed;
  });
});

describe("npm run serve", () => {
  it("starts from flags, serves, and exits 0 after a clean shutdown on SIGTERM", async () => {
    const child = spawn(
      path.join("node_modules", ".bin", "tsx"),
      ["src/server/cli.ts", "--port", "0", "--dist", distDir, "--upstream", upstream.url],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const lines: string[] = [];
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const listening = new Promise<string>((resolve, reject) => {
      let buffered = "";
      child.stdout.on("data", (chunk: Buffer) => {
        buffered += chunk.toString();
        const complete = buffered.split("\n");
        buffered = complete.pop() ?? "";
        for (const line of complete) {
          lines.push(line);
          const parsed = JSON.parse(line) as { msg?: string; url?: string };
          if (parsed.msg === "listening" && parsed.url) resolve(parsed.url);
        }
      });
      child.on("exit", () => reject(new Error(`exited before listening: ${lines.join("\n")}`)));
    });
    try {
      const url = await listening;
      const page = await sendRaw(url, { method: "GET", path: "/taskpane.html" });
      expect(page.status).toBe(200);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      const messages = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(messages).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ method: "GET", path: "/taskpane.html", status: 200 }),
          expect.objectContaining({ msg: "shutting down", signal: "SIGTERM" }),
        ]),
      );
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
