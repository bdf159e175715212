/**
 * The demo, started in-process: the emulator on an ephemeral port, seeded with the demo
 * address book, and in front of it the production server (the relay and the built pane)
 * with the demo's own routes mounted ahead of the relay:
 *
 *   /                      the Outlook stand-in page (src/harness/page)
 *   /harness/...           its bundle and the Office stand-in script
 *   /__demo/mailbox        the page's messages (from the fixture)
 *   /__demo/session        who the pane is signed in as (admin or without the role)
 *   /demo/token            the pane's bearer token for that person (demo build only)
 *   /__demo/reset          restore the seed, clear faults and settings
 *   /__emulator/...        the emulator's control surface, proxied (address book, faults)
 *   /v1.0/me/mailFolders/inbox/messages  Microsoft Graph's stand-in (suggestions), proxied to the emulator
 *   /admin/api/...         relay → emulator, exactly as in production
 *   everything else        the built pane (dist in demo mode)
 *
 * `npm run demo` (scripts/demo.ts) and the e2e tests both start the demo through here.
 */
import { readFile } from "node:fs/promises";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { z } from "zod";
import { EmulatorSeedSchema, type EmulatorSeed } from "../emulator/seed";
import { DEMO_TOKENS, startEmulator, type RunningEmulator } from "../emulator/server";
import type { AccessLogger } from "../server/access-log";
import type { RequestHandler } from "../server/handler";
import { sendJsonError } from "../server/json-response";
import { normalizeBasePath, startServer, type RunningServer } from "../server/server";
import { createStaticHandler } from "../server/static";
import {
  DEMO_ROUTES,
  DEMO_TOKEN_ROUTE,
  HARNESS_ASSET_PREFIX,
  type DemoBackend,
  type DemoRole,
  type DemoSession,
} from "./demo-routes";
import { buildDemoMailbox, loadMessageFixture, type DemoMailbox } from "./fixtures";
import { demoMail } from "./demo-mail";
import { GRAPH_MESSAGES_PATH } from "../graph/wire";

export const DEFAULT_DEMO_PORT = 3000;
export const DEFAULT_FIXTURE_PATH = path.resolve(__dirname, "../../demo/messages.json");
export const DEFAULT_ADDRESS_BOOK_PATH = path.resolve(__dirname, "../../demo/address-book.json");

export interface DemoOptions {
  /** 0: ephemeral. Default 3000. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The pane built in demo mode. */
  paneDir: string;
  /** The stand-in page's bundle (src/harness/webpack.harness.js output). */
  harnessDir: string;
  fixturePath?: string;
  addressBookPath?: string;
  /**
   * Serve the whole demo under this path ("/gal"), as an add-in hosted at
   * https://host/gal/ would be: the stand-in page at /gal/, the pane at /gal/taskpane.html,
   * the relay at /gal/admin/api/. Default "" (the root, as always).
   */
  basePath?: string;
  /** Access log of the server (admin API calls, static files, demo routes). Default: none. */
  log?: AccessLogger;
}

export interface RunningDemo {
  /** Where the demo is served, without a trailing slash: http://127.0.0.1:3000 (or …:3000/gal). */
  url: string;
  port: number;
  emulator: RunningEmulator;
  mailbox: DemoMailbox;
  session(): DemoSession;
  /** Which backend the pane runs on from its next load (what the page's Backend switch sets). */
  setBackend(backend: DemoBackend): void;
  /** Restores the seeded address book, clears faults and settings, signs in as admin. */
  reset(): void;
  close(): Promise<void>;
}

export class DemoSetupError extends Error {
  override name = "DemoSetupError";
}

export async function loadAddressBook(file: string): Promise<EmulatorSeed> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new DemoSetupError(`Cannot read the address book ${file}: ${(error as Error).message}`);
  }
  const parsed = EmulatorSeedSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
    throw new DemoSetupError(`${file} is not a valid emulator seed:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

const SessionRequestSchema = z
  .object({
    role: z.enum(["admin", "readonly"]).optional(),
    backend: z.enum(["admin-center", "exchange"]).optional(),
  })
  .strict();

/** The emulator's token for a person on a backend: each service's tokens are for its own audience. */
function demoToken(role: DemoRole, backend: DemoBackend): string {
  if (backend === "exchange")
    return role === "admin" ? DEMO_TOKENS.exchangeAdmin : DEMO_TOKENS.exchangeReadOnly;
  return role === "admin" ? DEMO_TOKENS.admin : DEMO_TOKENS.readOnly;
}
const MAX_CONTROL_BODY_BYTES = 64 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}

function readSmallBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_CONTROL_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () =>
      resolve(size > MAX_CONTROL_BODY_BYTES ? null : Buffer.concat(chunks).toString("utf8")),
    );
    req.on("error", reject);
  });
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? "").split("?", 1)[0] ?? "";
}

/**
 * The demo's Graph (GET /v1.0/me/mailFolders/inbox/messages: the one call suggestions make) on the pane's own origin, forwarded to the emulator
 * with the pane's bearer token: production calls graph.microsoft.com directly (CORS), and no
 * production route forwards Graph.
 */
function graphStandInProxy(emulatorUrl: string): RequestHandler {
  const upstream = new URL(emulatorUrl);
  return (req, res, next) => {
    if (pathOf(req) !== GRAPH_MESSAGES_PATH) {
      next();
      return;
    }
    const headers: Record<string, string> = { accept: "application/json" };
    for (const name of ["authorization", "client-request-id"]) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const query = (req.url ?? "").slice(pathOf(req).length);
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: `${GRAPH_MESSAGES_PATH}${query}`,
        headers,
      },
      (answer) => {
        const passed: Record<string, string> = { "cache-control": "no-store" };
        for (const name of ["content-type", "retry-after", "client-request-id", "request-id"]) {
          const value = answer.headers[name];
          if (typeof value === "string") passed[name] = value;
        }
        res.writeHead(answer.statusCode ?? 502, passed);
        answer.pipe(res);
      },
    );
    forward.on("error", () => sendJsonError(res, 502, "EmulatorUnavailable", "The emulator did not answer."));
    forward.end();
  };
}

/** Serves the stand-in page at "/" and its bundle under /harness/. */
function harnessHandler(harnessDir: string): RequestHandler {
  const serve = createStaticHandler({ root: harnessDir, indexFile: "index.html" });
  return (req, res, next) => {
    const target = req.url ?? "";
    const requestPath = pathOf(req);
    if (requestPath !== "/" && !requestPath.startsWith(HARNESS_ASSET_PREFIX)) {
      next();
      return;
    }
    req.url = requestPath === "/" ? "/" : target.slice(HARNESS_ASSET_PREFIX.length - 1);
    serve(req, res, () => {
      req.url = target;
      next();
    });
  };
}

/** Forwards /__emulator/... to the in-process emulator, body and status unchanged. */
function emulatorControlProxy(emulatorUrl: string): RequestHandler {
  const upstream = new URL(emulatorUrl);
  return (req, res, next) => {
    if (!pathOf(req).startsWith(DEMO_ROUTES.emulatorPrefix)) {
      next();
      return;
    }
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { "content-type": req.headers["content-type"] ?? "application/json" },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, {
          "content-type": answer.headers["content-type"] ?? "application/json",
          "cache-control": "no-store",
        });
        answer.pipe(res);
      },
    );
    forward.on("error", () => sendJsonError(res, 502, "EmulatorUnavailable", "The emulator did not answer."));
    req.pipe(forward);
  };
}

export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const fixture = await loadMessageFixture(options.fixturePath ?? DEFAULT_FIXTURE_PATH);
  const mailbox = buildDemoMailbox(fixture);
  const addressBook = await loadAddressBook(options.addressBookPath ?? DEFAULT_ADDRESS_BOOK_PATH);
  // Dated from the demo's start, so "the last 30 days" always has mail in it.
  const seed: EmulatorSeed = { ...addressBook, mail: addressBook.mail ?? demoMail(new Date()) };
  const emulator = await startEmulator({ port: 0, seed });
  let role: DemoRole = "admin";
  // A deployment choice, not data: it survives "Reset demo".
  let backend: DemoBackend = "admin-center";
  const session = (): DemoSession => ({ role, backend });

  const reset = (): void => {
    emulator.reset(seed);
    role = "admin";
  };

  const demoRoutes: RequestHandler = (req, res, next) => {
    const requestPath = pathOf(req);
    if (requestPath === DEMO_ROUTES.mailbox && req.method === "GET") {
      sendJson(res, 200, mailbox);
    } else if (requestPath === DEMO_ROUTES.session && req.method === "GET") {
      sendJson(res, 200, session());
    } else if (requestPath === DEMO_ROUTES.session && req.method === "POST") {
      void readSmallBody(req).then((text) => {
        let body: unknown = null;
        try {
          body = text === null ? null : JSON.parse(text);
        } catch {
          body = null;
        }
        const parsed = SessionRequestSchema.safeParse(body);
        if (!parsed.success) {
          sendJsonError(
            res,
            400,
            "BadRequest",
            'Expected {"role": "admin" | "readonly", "backend": "admin-center" | "exchange"} (either or both).',
          );
          return;
        }
        role = parsed.data.role ?? role;
        backend = parsed.data.backend ?? backend;
        sendJson(res, 200, session());
      });
    } else if (requestPath === DEMO_TOKEN_ROUTE && req.method === "GET") {
      // The demo's stand-in for sign-in: the emulator's token for the chosen person, or the
      // token for their own mail in Graph (?resource=graph: suggestions).
      const graph =
        new URLSearchParams((req.url ?? "").slice(requestPath.length)).get("resource") === "graph";
      sendJson(res, 200, { token: graph ? DEMO_TOKENS.graph : demoToken(role, backend) });
    } else if (requestPath === DEMO_ROUTES.reset && req.method === "POST") {
      reset();
      sendJson(res, 200, session());
    } else {
      next();
    }
  };

  let server: RunningServer;
  try {
    server = await startServer({
      port: options.port ?? DEFAULT_DEMO_PORT,
      host: options.host ?? "127.0.0.1",
      distDir: options.paneDir,
      upstream: emulator.url,
      exchangeUpstream: emulator.url,
      frameAncestors: ["'self'"],
      ...(options.basePath ? { basePath: options.basePath } : {}),
      extraHandlers: [
        harnessHandler(options.harnessDir),
        demoRoutes,
        emulatorControlProxy(emulator.url),
        graphStandInProxy(emulator.url),
      ],
      log: options.log ?? (() => undefined),
      shutdownGraceMs: 2000,
    });
  } catch (error) {
    await emulator.close();
    throw error;
  }

  return {
    url: `${server.url}${normalizeBasePath(options.basePath ?? "")}`,
    port: server.port,
    emulator,
    mailbox,
    session,
    setBackend: (next) => {
      backend = next;
    },
    reset,
    async close() {
      await server.close();
      await emulator.close();
    },
  };
}
