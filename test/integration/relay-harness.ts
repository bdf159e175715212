/**
 * Test support for the relay's integration tests: a recording upstream (a real HTTP
 * server that remembers exactly what reached it) and a raw HTTP client that sends
 * request targets and headers verbatim, so hostile paths are not "fixed" on the way.
 */
import http, { type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface UpstreamReply {
  status: number;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
}

export interface RecordingUpstream {
  url: string;
  requests: RecordedRequest[];
  /** What to answer; "hang" never answers, a promise answers when it settles. Default: 200 with a small JSON body. */
  reply: (request: RecordedRequest) => UpstreamReply | "hang" | Promise<UpstreamReply>;
  close(): Promise<void>;
}

export async function startRecordingUpstream(): Promise<RecordingUpstream> {
  const requests: RecordedRequest[] = [];
  const upstream: RecordingUpstream = {
    url: "",
    requests,
    reply: () => ({ status: 200, headers: { "content-type": "application/json" }, body: '{"ok":true}' }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      const reply = upstream.reply(recorded);
      if (reply === "hang") return;
      void Promise.resolve(reply).then((answer) => {
        res.writeHead(answer.status, answer.headers ?? {});
        res.end(answer.body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  upstream.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return upstream;
}

/** Listens on a port, then closes it: nothing answers there afterwards. */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method: string;
  /** Sent verbatim as the request target. */
  path: string;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
}

/** One request on a fresh connection, target and headers exactly as given. */
export function sendRaw(
  baseUrl: string,
  request: RawRequest,
  client: typeof http = http,
): Promise<RawResponse> {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = client.request(
      {
        host: base.hostname,
        port: base.port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(request.body);
  });
}

/**
 * Streams a chunked body in pieces until the server answers (or `maxChunks` are sent),
 * like a client that never declares a length. Write errors after the answer are expected:
 * the server closes the connection on a refusal.
 */
export function sendChunkedUntilAnswered(
  baseUrl: string,
  request: Omit<RawRequest, "body">,
  chunk: Buffer,
  maxChunks: number,
): Promise<RawResponse & { chunksSent: number }> {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let chunksSent = 0;
    let answered = false;
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: request.method,
        path: request.path,
        headers: { ...request.headers, "transfer-encoding": "chunked" },
        agent: false,
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (data: Buffer) => chunks.push(data));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            chunksSent,
          }),
        );
      },
    );
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const writeNext = (): void => {
      if (answered || req.destroyed) return;
      if (chunksSent >= maxChunks) {
        req.end();
        return;
      }
      chunksSent += 1;
      req.write(chunk, () => setImmediate(writeNext));
    };
    req.flushHeaders();
    writeNext();
  });
}

/** The relay alone, mounted on a plain node:http server the way webpack-dev-server would mount it. */
export async function startStandaloneRelay(
  relayHandler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => relayHandler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Waits (a bounded number of event-loop turns, not wall-clock time) until `entries` holds
 * at least `count` items: a server writes its log line when the response finishes on its
 * side, which may be just after the client has read the whole answer.
 */
export async function waitForEntries<T>(entries: readonly T[], count: number): Promise<readonly T[]> {
  for (let turn = 0; turn < 10_000 && entries.length < count; turn += 1) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  return entries;
}
