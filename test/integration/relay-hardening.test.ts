/**
 * The server's plumbing under hostile or unlucky traffic, over real HTTP: what the access
 * log keeps of odd request targets, honest outcomes for cancelled calls, nothing forwarded
 * after a refusal that closed the connection, header/body time limits that hold, source
 * maps kept private, and one caller's burst unable to starve another.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ADMIN_API_ROUTES } from "../../src/admin-api/wire";
import type { AccessLogEntry } from "../../src/server/access-log";
import { createRelayHandler, type RelayHandler } from "../../src/server/relay";
import { startServer, type RunningServer, type ServerOptions } from "../../src/server/server";
import {
  sendRaw,
  startRecordingUpstream,
  startStandaloneRelay,
  waitForEntries,
  type RecordingUpstream,
} from "./relay-harness";

const SEARCH = ADMIN_API_ROUTES.search;
const SEARCH_BODY = JSON.stringify({ SearchString: "", NextLink: "" });
const json = { "content-type": "application/json" };

let workDir: string;
let distDir: string;
let upstream: RecordingUpstream;
let server: RunningServer | undefined;
let logs: AccessLogEntry[];

async function start(options: Partial<ServerOptions> = {}): Promise<RunningServer> {
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
  workDir = mkdtempSync(path.join(os.tmpdir(), "relay-hardening-"));
  distDir = path.join(workDir, "dist");
  mkdirSync(distDir);
  writeFileSync(path.join(distDir, "taskpane.html"), "<!doctype html><title>pane</title>");
  writeFileSync(path.join(distDir, "taskpane.3f2a9c1b4d5e6f70.js"), "console.log('pane');");
  writeFileSync(path.join(distDir, "taskpane.3f2a9c1b4d5e6f70.js.map"), '{"sourcesContent":["secret"]}');
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

/** Writes `bytes` on one connection and collects everything the server sends until it closes. */
function exchangeRaw(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(bytes));
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
  });
}

describe("the access log", () => {
  it("logs the path only: no ;params, no origin or userinfo of an absolute-form target", async () => {
    const { url } = await start();
    await sendRaw(url, { method: "GET", path: "/taskpane.html;jsessionid=SECRET-SESSION" });
    await sendRaw(url, { method: "GET", path: "http://user:SECRET-PASS@example.test/taskpane.html" });
    await waitForEntries(logs, 2);
    expect(logs.map((entry) => entry.path)).toEqual(["/taskpane.html", "/taskpane.html"]);
    expect(JSON.stringify(logs)).not.toMatch(/SECRET|user/);
  });

  it("logs a call the caller cancelled with an honest outcome, not as a 200", async () => {
    upstream.reply = () => "hang";
    const { url } = await start();
    const { hostname, port } = new URL(url);
    const request = http.request({
      host: hostname,
      port,
      method: SEARCH.method,
      path: SEARCH.path,
      headers: { ...json, authorization: "Bearer cancel-token" },
    });
    request.on("error", () => undefined);
    request.end(SEARCH_BODY);
    for (let turn = 0; turn < 10_000 && upstream.requests.length === 0; turn += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    request.destroy();
    const [entry] = await waitForEntries(logs, 1);
    expect(entry).toMatchObject({ path: SEARCH.path, aborted: true, outcome: "ClientAborted" });
    expect(entry!.status).not.toBe(200);
  });
});

describe("connections", () => {
  it.each([
    ["refused before its body (no token: 401)", "", SEARCH_BODY],
    ["refused after its body (not JSON: 400)", "Authorization: Bearer first\r\n", "{not json"],
  ])(
    "never forwards a request pipelined after a refusal that said Connection: close, %s",
    async (_title, firstHeaders, firstBody) => {
      const { url } = await start();
      const request = (headers: string, body: string) =>
        `${SEARCH.method} ${SEARCH.path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${headers}Content-Length: ${body.length}\r\n\r\n${body}`;
      // The second request, in the same packet, is one the relay would forward on its own.
      const answer = await exchangeRaw(
        url,
        request(firstHeaders, firstBody) + request("Authorization: Bearer pipelined\r\n", SEARCH_BODY),
      );
      expect(answer).toMatch(/^HTTP\/1\.1 40[01]/);
      expect(answer.match(/HTTP\/1\.1 \d{3}/g)).toHaveLength(1);
      expect(upstream.requests).toEqual([]);
    },
  );

  it("holds the header time limit close to its value (connectionsCheckingInterval)", async () => {
    const { url } = await start({ headersTimeoutMs: 400, requestTimeoutMs: 800 });
    const started = performance.now();
    // Headers that never finish: the server must answer 408 and close, not wait for Node's 30 s sweep.
    const answer = await exchangeRaw(url, "GET /taskpane.html HTTP/1.1\r\nHost: x\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(performance.now() - started).toBeLessThan(5_000);
  }, 15_000);
});

describe("source maps", () => {
  it("are not served unless asked for", async () => {
    const { url } = await start();
    expect((await sendRaw(url, { method: "GET", path: "/taskpane.3f2a9c1b4d5e6f70.js.map" })).status).toBe(
      404,
    );
    expect((await sendRaw(url, { method: "GET", path: "/taskpane.3f2a9c1b4d5e6f70.js" })).status).toBe(200);
    await server!.close();
    const asked = await start({ serveSourceMaps: true });
    const map = await sendRaw(asked.url, { method: "GET", path: "/taskpane.3f2a9c1b4d5e6f70.js.map" });
    expect(map.status).toBe(200);
  });
});

describe("fairness between callers", () => {
  let relay: RelayHandler;
  let relayServer: { url: string; close(): Promise<void> };

  afterEach(async () => {
    await relayServer.close();
    relay.close();
  });

  it("one caller's burst of slow calls cannot make another caller wait into a 504", async () => {
    upstream.reply = (request) =>
      request.headers.authorization === "Bearer burst"
        ? "hang"
        : { status: 200, headers: json, body: '{"Contacts":[]}' };
    relay = createRelayHandler({ upstream: upstream.url, timeoutMs: 3_000 });
    relayServer = await startStandaloneRelay(relay);
    const burst = Array.from({ length: 40 }, () =>
      sendRaw(relayServer.url, {
        method: SEARCH.method,
        path: SEARCH.path,
        headers: { ...json, authorization: "Bearer burst" },
        body: SEARCH_BODY,
      }).catch(() => null),
    );
    for (let turn = 0; turn < 10_000 && upstream.requests.length < 4; turn += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const other = await sendRaw(relayServer.url, {
      method: SEARCH.method,
      path: SEARCH.path,
      headers: { ...json, authorization: "Bearer someone-else" },
      body: SEARCH_BODY,
    });
    expect(other.status).toBe(200);
    // The burst got at most its share of upstream sockets; the rest waited behind it.
    expect(upstream.requests.filter((r) => r.headers.authorization === "Bearer burst").length).toBeLessThan(
      32,
    );
    await relayServer.close();
    await upstream.close();
    await Promise.all(burst);
    upstream = await startRecordingUpstream();
  }, 15_000);
});
