/**
 * The relay over real HTTP: a recording upstream stands in for the admin center, so every
 * test can assert exactly what reached it (or that nothing did).
 */
import { ADMIN_API_ROUTES } from "../../src/admin-api/wire";
import type { AccessLogEntry } from "../../src/server/access-log";
import { RELAY_USER_AGENT } from "../../src/server/forward-headers";
import { createRelayHandler, type RelayHandler } from "../../src/server/relay";
import {
  closedPortUrl,
  sendChunkedUntilAnswered,
  sendRaw,
  startRecordingUpstream,
  startStandaloneRelay,
  waitForEntries,
  type RecordingUpstream,
} from "./relay-harness";

const TOKEN = "eyJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwczovL2FkbWluLm1pY3Jvc29mdC5jb20ifQ.c2lnbmF0dXJl";
const AUTH = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
const SEARCH_BODY = JSON.stringify({ SearchString: "ada@", NextLink: "" });
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let upstream: RecordingUpstream;
let relay: RelayHandler;
let relayServer: { url: string; close(): Promise<void> };
let logs: AccessLogEntry[];

async function startRelay(options: { upstream?: string; timeoutMs?: number; maxBodyBytes?: number } = {}) {
  // Each relay writes to the array current at its start: a late line from an earlier test cannot leak in.
  const sink = logs;
  relay = createRelayHandler({ upstream: upstream.url, log: (entry) => sink.push(entry), ...options });
  relayServer = await startStandaloneRelay(relay);
}

beforeEach(async () => {
  logs = [];
  upstream = await startRecordingUpstream();
  await startRelay();
});

afterEach(async () => {
  await relayServer.close();
  relay.close();
  await upstream.close();
});

describe("allowlist", () => {
  it.each(Object.entries(ADMIN_API_ROUTES))(
    "forwards %s (%o) to the same method and path upstream",
    async (_name, route) => {
      const body = JSON.stringify({ ContactId: "c1", ContactExternalEmailAddress: "ada@example.com" });
      const response = await sendRaw(relayServer.url, {
        method: route.method,
        path: route.path,
        headers: AUTH,
        body,
      });
      expect(response.status).toBe(200);
      expect(response.body).toBe('{"ok":true}');
      expect(upstream.requests).toHaveLength(1);
      expect(upstream.requests[0]).toMatchObject({ method: route.method, url: route.path, body });
    },
  );

  const hostile: [method: string, path: string][] = [
    ["GET", "/admin/api/Contact/GetContacts"],
    ["HEAD", "/admin/api/Contact"],
    ["OPTIONS", "/admin/api/Contact"],
    ["DELETE", "/admin/api/Contact"],
    ["PATCH", "/admin/api/Contact"],
    ["PUT", "/admin/api/Contact/GetContacts"],
    ["POST", "/admin/api/Contact/options"],
    ["POST", "/admin/api/Contact/GetContacts?SearchString=a"],
    ["POST", "/admin/api/Contact?"],
    ["POST", "/admin/api/contact"],
    ["POST", "/ADMIN/API/Contact/GetContacts"],
    ["PUT", "/admin/api/Contact/Options"],
    ["POST", "/admin/api/Contact/"],
    ["POST", "/admin/api/Contact/GetContacts/"],
    ["POST", "//admin/api/Contact"],
    ["POST", "/admin//api/Contact"],
    ["POST", "/admin/api/Contact%2FGetContacts"],
    ["POST", "/admin/api/Contact%2fGetContacts"],
    ["POST", "/admin/api/Users/GetUsers"],
    ["POST", "/admin/api/Contact/../Users"],
    ["POST", "/admin/api/Contact/./GetContacts"],
    ["POST", "/admin/api/%2e%2e/api/Contact"],
    ["POST", "/admin/api/Contact/%2E%2E/Contact"],
    ["POST", "/admin\\api\\Contact"],
    ["POST", "/admin/api/Contact/8a7c1f6e-0000-4000-8000-000000000001"],
    ["PUT", "/admin/api/Contact/options;jsessionid=1"],
    ["POST", "http://evil.example/admin/api/Contact"],
    ["POST", "/admin/api/Contact%00"],
    ["POST", "/%61dmin/api/Contact"],
    ["POST", "/admin/api/Contact/GetContacts%20"],
    ["POST", "/assets/../admin/api/Contact"],
    ["POST", "/admin/api"],
  ];

  it.each(hostile)("refuses %s %s with 404 and never calls the upstream", async (method, path) => {
    const response = await sendRaw(relayServer.url, { method, path, headers: AUTH, body: SEARCH_BODY });
    expect(response.status).toBe(404);
    expect(upstream.requests).toHaveLength(0);
  });

  it("answers 404 itself, standalone, for paths outside /admin/api", async () => {
    const response = await sendRaw(relayServer.url, { method: "GET", path: "/taskpane.html" });
    expect(response.status).toBe(404);
    expect(upstream.requests).toHaveLength(0);
  });

  it("passes paths outside /admin/api to the next handler when mounted as middleware", async () => {
    const passedOn: string[] = [];
    const http = await import("node:http");
    const server = http.createServer((req, res) =>
      relay(req, res, () => {
        passedOn.push(req.url ?? "");
        res.writeHead(204).end();
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address() as import("node:net").AddressInfo;
    try {
      const base = `http://127.0.0.1:${address.port}`;
      expect((await sendRaw(base, { method: "GET", path: "/taskpane.html?_host_Info=Outlook" })).status).toBe(
        204,
      );
      expect(
        (await sendRaw(base, { method: "POST", path: "/admin/api/Users", headers: AUTH, body: "{}" })).status,
      ).toBe(404);
      expect(passedOn).toEqual(["/taskpane.html?_host_Info=Outlook"]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("header hygiene", () => {
  it("sends the upstream only the allowlisted headers, with the token unchanged", async () => {
    await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: {
        ...AUTH,
        accept: "application/json",
        "accept-language": "de-CH,de;q=0.9,en;q=0.8",
        cookie: "OIDCAuth=session-cookie-value; RootAuthToken=root-cookie",
        "x-forwarded-for": "203.0.113.7",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "http",
        forwarded: "for=203.0.113.7",
        "x-real-ip": "203.0.113.7",
        origin: "https://evil.example",
        referer: "https://outlook.office.com/mail/inbox/id/AAMkAG",
        "user-agent": "Mozilla/5.0 (Windows NT 10.0) Edg/126.0",
        "sec-fetch-site": "same-origin",
        "sec-fetch-mode": "cors",
        "sec-fetch-dest": "empty",
        "sec-ch-ua": '"Chromium";v="126"',
        connection: "keep-alive, x-hop-secret",
        "x-hop-secret": "hop-value",
        "keep-alive": "timeout=5",
        "proxy-authorization": "Basic cHJveHk6cHJveHk=",
        te: "trailers",
        "x-ms-anything": "1",
      },
      body: SEARCH_BODY,
    });

    expect(upstream.requests).toHaveLength(1);
    const received = upstream.requests[0]!;
    expect(Object.keys(received.headers).sort()).toEqual(
      [
        "accept",
        "accept-encoding",
        "accept-language",
        "authorization",
        "client-request-id",
        "connection",
        "content-length",
        "content-type",
        "host",
        "origin",
        "referer",
        "user-agent",
      ].sort(),
    );
    const upstreamOrigin = new URL(upstream.url).origin;
    expect(received.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      accept: "application/json",
      "accept-language": "de-CH,de;q=0.9,en;q=0.8",
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(SEARCH_BODY)),
      "user-agent": RELAY_USER_AGENT,
      origin: upstreamOrigin,
      referer: `${upstreamOrigin}/`,
      "accept-encoding": "identity",
    });
    // The relay's own hop to the upstream is keep-alive; nothing the browser named travels.
    expect(received.headers.connection).toBe("keep-alive");
    expect(received.body).toBe(SEARCH_BODY);
  });

  it("returns status and body unchanged with only the safe response headers", async () => {
    upstream.reply = () => ({
      status: 429,
      headers: {
        "content-type": "application/json; charset=utf-8",
        "retry-after": "7",
        "request-id": "6f1c2d3e-upstream",
        "set-cookie": ["s=upstream-session; HttpOnly", "t=other"],
        "access-control-allow-origin": "*",
        "x-powered-by": "ASP.NET",
        server: "Microsoft-IIS/10.0",
        "x-frame-options": "DENY",
      },
      body: '{"error":{"code":"TooManyRequests","message":"slow down"}}',
    });
    const response = await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: AUTH,
      body: SEARCH_BODY,
    });
    expect(response.status).toBe(429);
    expect(response.body).toBe('{"error":{"code":"TooManyRequests","message":"slow down"}}');
    expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(response.headers["retry-after"]).toBe("7");
    expect(response.headers["request-id"]).toBe("6f1c2d3e-upstream");
    expect(response.headers["content-length"]).toBe(String(Buffer.byteLength(response.body)));
    for (const dropped of [
      "set-cookie",
      "access-control-allow-origin",
      "x-powered-by",
      "server",
      "x-frame-options",
    ]) {
      expect(response.headers[dropped]).toBeUndefined();
    }
  });

  it("adds a fresh client-request-id when missing and echoes it back", async () => {
    const response = await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: AUTH,
      body: SEARCH_BODY,
    });
    const sent = upstream.requests[0]!.headers["client-request-id"];
    expect(sent).toMatch(UUID_PATTERN);
    expect(response.headers["client-request-id"]).toBe(sent);
    await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: AUTH,
      body: SEARCH_BODY,
    });
    expect(upstream.requests[1]!.headers["client-request-id"]).not.toBe(sent);
  });

  it("keeps the caller's client-request-id", async () => {
    const id = "0b8f3c1e-5d2a-4e6f-9a7b-1c2d3e4f5a6b";
    await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: { ...AUTH, "client-request-id": id },
      body: SEARCH_BODY,
    });
    expect(upstream.requests[0]!.headers["client-request-id"]).toBe(id);
  });

  it("replaces a client-request-id that is not a plain id", async () => {
    await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: { ...AUTH, "client-request-id": "a b <script>" },
      body: SEARCH_BODY,
    });
    expect(upstream.requests[0]!.headers["client-request-id"]).toMatch(UUID_PATTERN);
  });

  it("decodes a compressed answer the upstream sent despite Accept-Encoding: identity", async () => {
    const { gzipSync } = await import("node:zlib");
    const json = JSON.stringify({ Contacts: [], NextLink: null });
    upstream.reply = () => ({
      status: 200,
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: gzipSync(json),
    });
    const response = await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: AUTH,
      body: SEARCH_BODY,
    });
    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(response.body).toBe(json);
  });

  it("says the answer was too large when a compressed answer inflates past the limit", async () => {
    const { gzipSync } = await import("node:zlib");
    // 9 MiB of JSON whitespace compresses to a few KiB: small on the wire, over the 8 MiB limit once decoded.
    const bomb = gzipSync(Buffer.alloc(9 * 1024 * 1024, " "));
    upstream.reply = () => ({
      status: 200,
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: bomb,
    });
    const response = await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: AUTH,
      body: SEARCH_BODY,
    });
    expect(response.status).toBe(502);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: "UpstreamResponseTooLarge" } });
  });
});

describe("refusals before anything goes upstream", () => {
  it("refuses a declared Content-Length over the limit with 413 without waiting for the body", async () => {
    const http = await import("node:http");
    const base = new URL(relayServer.url);
    const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: base.hostname,
          port: base.port,
          method: "POST",
          path: ADMIN_API_ROUTES.create.path,
          headers: { ...AUTH, "content-length": String(10 * 1024 * 1024) },
          agent: false,
        },
        (res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => (body += chunk.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      // Only the headers and a first small piece: the answer must not depend on the rest.
      req.write("{");
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toEqual({
      error: { code: "PayloadTooLarge", message: "The request body is larger than 65536 bytes." },
    });
    expect(upstream.requests).toHaveLength(0);
  });

  it("refuses a chunked body that grows over the limit with 413", async () => {
    const response = await sendChunkedUntilAnswered(
      relayServer.url,
      { method: "POST", path: ADMIN_API_ROUTES.create.path, headers: AUTH },
      Buffer.alloc(16 * 1024, 0x20),
      64,
    );
    expect(response.status).toBe(413);
    // 64 KiB / 16 KiB: the fifth chunk crosses the limit; the relay did not read everything offered.
    expect(response.chunksSent).toBeLessThan(64);
    expect(upstream.requests).toHaveLength(0);
  });

  it("accepts a body exactly at the limit", async () => {
    await relayServer.close();
    relay.close();
    await startRelay({ maxBodyBytes: 64 });
    const body = JSON.stringify({ SearchString: "x".repeat(64 - 33), NextLink: "" });
    expect(Buffer.byteLength(body)).toBe(64);
    const response = await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: AUTH,
      body,
    });
    expect(response.status).toBe(200);
    const over = await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: AUTH,
      body: `${body} `,
    });
    expect(over.status).toBe(413);
    expect(upstream.requests).toHaveLength(1);
  });

  it.each([
    ["no Authorization", {}],
    ["a Basic credential", { authorization: "Basic YWRtaW46cGFzc3dvcmQ=" }],
    ["an empty bearer", { authorization: "Bearer " }],
    ["a lower-case scheme with spaces in the token", { authorization: "bearer a b" }],
    ["only a cookie", { cookie: "OIDCAuth=session-cookie-value" }],
  ])("refuses a call with %s with 401", async (_label, credentials) => {
    const response = await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: { "content-type": "application/json", ...credentials },
      body: SEARCH_BODY,
    });
    expect(response.status).toBe(401);
    expect(response.headers["www-authenticate"]).toBe("Bearer");
    expect(JSON.parse(response.body).error.code).toBe("Unauthenticated");
    expect(upstream.requests).toHaveLength(0);
  });

  it.each([
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/jsonp",
  ])("refuses a body of type %s with 415", async (contentType) => {
    const response = await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: { ...AUTH, "content-type": contentType },
      body: SEARCH_BODY,
    });
    expect(response.status).toBe(415);
    expect(upstream.requests).toHaveLength(0);
  });

  it("refuses a body without a content type with 415, and a JSON type with a charset passes", async () => {
    const bare = await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: { authorization: AUTH.authorization },
      body: SEARCH_BODY,
    });
    expect(bare.status).toBe(415);
    const withCharset = await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: { ...AUTH, "content-type": "application/json; charset=utf-8" },
      body: SEARCH_BODY,
    });
    expect(withCharset.status).toBe(200);
    expect(upstream.requests).toHaveLength(1);
  });

  it("refuses a body that is not JSON with 400", async () => {
    const response = await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: AUTH,
      body: "{SearchString:",
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.code).toBe("InvalidJson");
    expect(upstream.requests).toHaveLength(0);
  });
});

describe("upstream failures", () => {
  it("answers 504 with a clear JSON body when the upstream never answers", async () => {
    await relayServer.close();
    relay.close();
    await startRelay({ timeoutMs: 250 });
    upstream.reply = () => "hang";
    const response = await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: AUTH,
      body: SEARCH_BODY,
    });
    expect(response.status).toBe(504);
    expect(JSON.parse(response.body)).toEqual({
      error: { code: "UpstreamTimeout", message: "The admin center did not answer within 0.3 s." },
    });
    expect(upstream.requests).toHaveLength(1);
    await waitForEntries(logs, 1);
    expect(logs.at(-1)).toMatchObject({ status: 504, outcome: "UpstreamTimeout" });
    expect(logs.at(-1)?.upstreamStatus).toBeUndefined();
  });

  it("answers 502 when the upstream is unreachable", async () => {
    await relayServer.close();
    relay.close();
    await startRelay({ upstream: await closedPortUrl() });
    const response = await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: AUTH,
      body: SEARCH_BODY,
    });
    expect(response.status).toBe(502);
    expect(JSON.parse(response.body)).toEqual({
      error: { code: "UpstreamUnreachable", message: "The admin center could not be reached." },
    });
  });

  it("passes an upstream error status and body through unchanged", async () => {
    const html = "<html><body>Sign in to your account</body></html>";
    upstream.reply = () => ({
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8" },
      body: html,
    });
    const signIn = await sendRaw(relayServer.url, {
      method: "POST",
      path: ADMIN_API_ROUTES.search.path,
      headers: AUTH,
      body: SEARCH_BODY,
    });
    expect(signIn).toMatchObject({ status: 200, body: html });
    expect(signIn.headers["content-type"]).toBe("text/html; charset=utf-8");

    upstream.reply = () => ({
      status: 403,
      headers: { "content-type": "application/json" },
      body: '{"Message":"no role"}',
    });
    const forbidden = await sendRaw(relayServer.url, {
      method: "PUT",
      path: ADMIN_API_ROUTES.updateOptions.path,
      headers: AUTH,
      body: "{}",
    });
    expect(forbidden).toMatchObject({ status: 403, body: '{"Message":"no role"}' });
    await waitForEntries(logs, 2);
    expect(logs.at(-1)).toMatchObject({ status: 403, upstreamStatus: 403, route: "updateOptions" });
  });
});

describe("access log", () => {
  it("never contains the token or a cookie, and names method, path, status, duration and request id", async () => {
    const secretCookie = "OIDCAuth=cookie-secret-5f1e; s.SessID=cookie-secret-77aa";
    const withSecrets = { ...AUTH, cookie: secretCookie };
    const requests = [
      { method: "POST", path: ADMIN_API_ROUTES.search.path, headers: withSecrets, body: SEARCH_BODY },
      { method: "POST", path: ADMIN_API_ROUTES.create.path, headers: withSecrets, body: "{}" },
      { method: "PUT", path: ADMIN_API_ROUTES.updateGeneral.path, headers: withSecrets, body: "{}" },
      { method: "PUT", path: ADMIN_API_ROUTES.updateOptions.path, headers: withSecrets, body: "{}" },
      {
        method: "POST",
        path: `/admin/api/Contact/GetContacts?token=${TOKEN}`,
        headers: withSecrets,
        body: "{}",
      },
      {
        method: "POST",
        path: ADMIN_API_ROUTES.search.path,
        headers: { cookie: secretCookie },
        body: SEARCH_BODY,
      },
      {
        method: "POST",
        path: ADMIN_API_ROUTES.search.path,
        headers: { ...withSecrets, "content-type": "text/plain" },
        body: "hi",
      },
      { method: "GET", path: "/admin/api/Contact", headers: withSecrets },
    ];
    for (const request of requests) await sendRaw(relayServer.url, request);

    await waitForEntries(logs, requests.length);
    expect(logs).toHaveLength(requests.length);
    const lines = logs.map((entry) => JSON.stringify(entry));
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain("cookie-secret");
      expect(line).not.toContain("ada@");
      expect(line).not.toContain("?");
    }
    for (const entry of logs) {
      expect(entry.method).toMatch(/^(GET|POST|PUT)$/);
      expect(entry.path).toMatch(/^\/admin\/api\//);
      expect(entry.status).toBeGreaterThanOrEqual(200);
      expect(typeof entry.durationMs).toBe("number");
      expect(entry.durationMs).toBeGreaterThanOrEqual(0);
      expect(entry.requestId).toMatch(/^[A-Za-z0-9._-]+$/);
    }
    expect(logs.map((entry) => entry.status)).toEqual([200, 200, 200, 200, 404, 401, 415, 404]);
    expect(logs.slice(0, 4).map((entry) => entry.upstreamStatus)).toEqual([200, 200, 200, 200]);
    expect(logs[4]!.path).toBe("/admin/api/Contact/GetContacts");
    // The request id logged is the one the upstream saw, for correlation.
    expect(upstream.requests.map((request) => request.headers["client-request-id"])).toEqual(
      logs.slice(0, 4).map((entry) => entry.requestId),
    );
  });
});
