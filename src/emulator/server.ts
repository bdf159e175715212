/**
 * A faithful stand-in for the Microsoft 365 admin center contact API
 * (../shared/admin-api-contract.md), on the real paths, over real HTTP (node:http),
 * plus a control surface under /__emulator/ for tests and the demo: reset and seed,
 * inspect state and the request log, inject faults, change latency and variants.
 *
 * Never logs or records tokens or bodies: the optional log gets method, path, status,
 * duration and request id; the request log holds the same minus duration.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { z } from "zod";
import {
  ADMIN_API_ROUTES,
  EXCHANGE_WRITE_ROLES,
  isWriteRoute,
  type AdminApiRouteName,
  type ContactRecord,
} from "../admin-api/wire";
import { ContactStore, SeedConflictError } from "./contact-store";
import { EmulatedApiError, missingRoleMessage, validationError } from "./exchange-validation";
import {
  CMDLET_ROUTE,
  FaultQueue,
  FaultSpecSchema,
  GRAPH_MESSAGES_ROUTE,
  type Fault,
  type FaultSpec,
  type RequestFacts,
} from "./faults";
import { GRAPH_CORS_HEADERS, GraphMailbox, graphError, graphFolderOf } from "./graph-mail";
import {
  emptyResponse,
  errorResponse,
  faultResponse,
  jsonResponse,
  presentContact,
  type EmulatedResponse,
} from "./responses";
import {
  applySettingsPatch,
  EmulatorSeedSchema,
  EmulatorSettingsPatchSchema,
  settingsFromSeed,
  tokensFromSeed,
  type EmulatorSeed,
  type EmulatorSettings,
  type EmulatorSettingsPatch,
  type TokenGrant,
} from "./seed";
import { generateSyntheticContacts } from "./synthetic-contacts";
import { STRICT_THROTTLING, Throttle, throttleRule } from "./throttling";
import { INVOKE_COMMAND_PATH_PATTERN, isWriteCmdlet } from "../exchange-rest/wire";
import { InvokeCommandEmulator, exchangeErrorResponse, exchangeStatusResponse } from "./invoke-command";

export { DEMO_TOKENS } from "./seed";
export type { EmulatorSeed, EmulatorSettings, EmulatorSettingsPatch, EmulatorVariants } from "./seed";
export type { FaultSpec } from "./faults";
export type { ContactRecord } from "../admin-api/wire";

export interface EmulatorOptions {
  /** 0 = ephemeral (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  seed?: EmulatorSeed;
  /** One line per request: method, path, status, duration, request id. Never tokens or bodies. */
  log?: (line: string) => void;
}

/** One call to /admin/api, as the request log keeps it. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** 0 while in flight, and for a connection the emulator dropped on purpose. */
  status: number;
  /** The caller's client-request-id, or the one the emulator generated. */
  requestId: string;
  /** Arrival time, ISO 8601. */
  at: string;
  /** InvokeCommand: the cmdlet the body named, when it named a known one. */
  cmdlet?: string;
}

export interface RunningEmulator {
  /** http://HOST:PORT, no trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
  /** Clears contacts, faults and the request log, then applies the seed. Throws on an invalid seed. */
  reset(seed?: EmulatorSeed): void;
  /** Stored state, including contacts still inside their replication lag. Copies. */
  contacts(): ContactRecord[];
  requests(): RecordedRequest[];
  /** Same as POST /__emulator/faults. */
  addFault(spec: FaultSpec): void;
  /** Same as DELETE /__emulator/faults. */
  clearFaults(): void;
  /** Same as POST /__emulator/settings. */
  updateSettings(patch: EmulatorSettingsPatch): void;
  settings(): EmulatorSettings;
}

const MAX_BODY_BYTES = 1024 * 1024;
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
const CONTROL_PREFIX = "/__emulator/";
const API_PREFIX = "/admin/api";

class EmulatorState {
  store = new ContactStore();
  settings: EmulatorSettings = settingsFromSeed({});
  tokens = new Map<string, TokenGrant>();
  faults = new FaultQueue();
  throttle = new Throttle();
  requests: RecordedRequest[] = [];
  mailbox = new GraphMailbox([]);

  reset(rawSeed: unknown): void {
    const seed = EmulatorSeedSchema.parse(rawSeed ?? {});
    const store = new ContactStore();
    store.load(
      seed.contacts ?? [],
      seed.recipients ?? [],
      generateSyntheticContacts(seed.generateContacts ?? 0),
    );
    // Only replace state once the new seed has loaded: a bad seed leaves the old state intact.
    this.store = store;
    this.settings = settingsFromSeed(seed);
    this.tokens = tokensFromSeed(seed);
    this.mailbox = new GraphMailbox(seed.mail ?? []);
    this.faults.reset();
    this.throttle.reset();
    this.requests = [];
  }
}

/** The ContactId an update's body names, if the body is a JSON object with one. */
function contactIdOf(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    const id =
      typeof body === "object" && body !== null ? (body as { ContactId?: unknown }).ContactId : undefined;
    return typeof id === "string" ? id : undefined;
  } catch {
    return undefined;
  }
}

/** What a handled request did, as promotion faults need it: the contact a create made, the ones a search found. */
/** The stored id of the contact an InvokeCommand's Identity names, for promotion faults. */
function identityOf(requestText: string, store: ContactStore): string | undefined {
  try {
    const body = JSON.parse(requestText) as { CmdletInput?: { Parameters?: { Identity?: unknown } } };
    const identity = body.CmdletInput?.Parameters?.Identity;
    return typeof identity === "string" ? (store.idOf(identity) ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

/** New-MailContact takes no company, mail tip or visibility: the promotion's updates set them. */
const NOT_STORED_BY_NEW_MAIL_CONTACT = [
  "ContactCompany",
  "ContactMailTip",
  "ContactHiddenFromAddressListsEnabled",
];

function invokeOutcomeFacts(
  reply: EmulatedResponse,
  idsBefore: ReadonlySet<string> | null,
  after: readonly ContactRecord[],
): RequestFacts {
  if (reply.status >= 300 || idsBefore === null) return {};
  const made = after.find((contact) => !idsBefore.has(contact.ContactId));
  if (made === undefined) return {};
  return {
    created: {
      contactId: made.ContactId,
      answeredWithContact: true,
      notStored: NOT_STORED_BY_NEW_MAIL_CONTACT,
    },
  };
}

function outcomeFacts(
  route: AdminApiRouteName,
  requestText: string,
  reply: EmulatedResponse,
  idsBefore: ReadonlySet<string> | null,
  after: readonly ContactRecord[],
): RequestFacts {
  if (reply.status >= 300) return {};
  if (route === "create" && idsBefore !== null) {
    const made = after.find((contact) => !idsBefore.has(contact.ContactId));
    if (made === undefined) return {};
    const body = JSON.parse(requestText) as Record<string, unknown>;
    const stored = made as unknown as Record<string, unknown>;
    const notStored = Object.keys(body).filter((field) => {
      const asked = body[field];
      const set = asked === true || (typeof asked === "string" && asked.trim() !== "");
      return set && field in stored && stored[field] !== asked;
    });
    return {
      created: {
        contactId: made.ContactId,
        answeredWithContact: reply.body.includes(made.ContactId),
        notStored,
      },
    };
  }
  if (route === "search") {
    try {
      const body = JSON.parse(reply.body) as { Contacts?: Array<{ ContactId?: unknown }> };
      return { found: (body.Contacts ?? []).map((contact) => String(contact.ContactId)) };
    } catch {
      return { found: [] };
    }
  }
  return {};
}

function matchRoute(method: string, path: string): AdminApiRouteName | null {
  for (const [name, route] of Object.entries(ADMIN_API_ROUTES) as Array<
    [AdminApiRouteName, { method: string; path: string }]
  >) {
    if (route.method === method && route.path === path) return name;
  }
  return null;
}

interface RecordedCall {
  method: string;
  entry: RecordedRequest;
  /** Frees the caller's throttling slot (set once the call is admitted); called by finish and drop. */
  release: () => void;
  finish(reply: EmulatedResponse): void;
  drop(): void;
}

function withHeaders(reply: EmulatedResponse, headers: Record<string, string> | undefined): EmulatedResponse {
  for (const [name, value] of Object.entries(headers ?? {})) reply.headers[name.toLowerCase()] = value;
  return reply;
}

const TOO_MANY_REQUESTS = "Too many requests. Wait before sending more.";

/** Throttling is per caller, as the services do it: the bearer token (held in memory only, never logged). */
function callerOf(request: IncomingMessage): string {
  return request.headers.authorization ?? "";
}

function originOf(request: IncomingMessage): string {
  const host = request.headers.host;
  return host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? `http://${host}` : "http://emulator.invalid";
}

function pickRequestId(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && REQUEST_ID_PATTERN.test(value) ? value : randomUUID();
}

class BodyTooLargeError extends Error {}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on("end", () =>
      tooLarge ? reject(new BodyTooLargeError()) : resolve(Buffer.concat(chunks).toString("utf8")),
    );
    request.on("error", reject);
  });
}

/** Parses a JSON object body; an empty body is `{}` when `emptyIsObject`. */
function parseJsonObject(text: string, emptyIsObject: boolean): Record<string, unknown> {
  if (text.trim() === "" && emptyIsObject) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw validationError("The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw validationError("The request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`).join("; ");
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const state = new EmulatorState();
  state.reset(options.seed ?? {});
  const log = options.log;
  const sleeping = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        sleeping.delete(timer);
        resolve();
      }, ms);
      sleeping.add(timer);
    });

  function send(
    response: ServerResponse,
    reply: EmulatedResponse,
    requestId: string,
    extraHeaders: Record<string, string> = {},
  ): void {
    if (response.destroyed || response.writableEnded) return;
    const body = Buffer.from(reply.body, "utf8");
    response.writeHead(reply.status, {
      ...reply.headers,
      ...extraHeaders,
      "client-request-id": requestId,
      "request-id": requestId,
      "content-length": String(body.length),
    });
    response.end(body);
  }

  function logLine(
    method: string,
    path: string,
    status: number | "dropped",
    started: number,
    requestId: string,
  ) {
    log?.(`${method} ${path} ${status} ${Math.round(performance.now() - started)}ms ${requestId}`);
  }

  /** The grant of the request's bearer token, if the emulator issued it. */
  function grantOf(request: IncomingMessage) {
    const header = request.headers.authorization ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match ? state.tokens.get(match[1] as string) : undefined;
  }

  function authorize(request: IncomingMessage, route: AdminApiRouteName): void {
    const grant = grantOf(request);
    // A token for another resource (audience) is refused like a missing one.
    const role = grant?.resource === "admin-center" ? grant.role : undefined;
    if (role === undefined) {
      throw new EmulatedApiError(
        401,
        "Authentication failed. The access token is missing, invalid or expired.",
      );
    }
    if (role === "readonly" && isWriteRoute(route)) {
      throw new EmulatedApiError(403, missingRoleMessage(EXCHANGE_WRITE_ROLES));
    }
  }

  /** The route's own behaviour, synchronous so that every check-then-write is atomic. */
  function handleRoute(route: AdminApiRouteName, request: IncomingMessage, text: string): EmulatedResponse {
    const variants = state.settings.variants;
    try {
      authorize(request, route);
      const body = parseJsonObject(text, false);
      switch (route) {
        case "search": {
          const searchString = body.SearchString ?? "";
          const nextLink = body.NextLink ?? null;
          if (typeof searchString !== "string")
            throw validationError('The value of "SearchString" must be a string.');
          if (nextLink !== null && typeof nextLink !== "string") {
            throw validationError('The value of "NextLink" must be a string.');
          }
          const page = state.store.search(searchString, nextLink, state.settings.pageSize);
          return jsonResponse(200, {
            Contacts: page.contacts.map((contact) => presentContact(contact, variants)),
            NextLink: page.nextLink,
          });
        }
        case "create": {
          const created = state.store.create(body, state.settings.replicationLagMs);
          if (variants.createResponse === "ack") return jsonResponse(200, { Succeeded: true });
          if (variants.createResponse === "empty") return emptyResponse(200);
          return jsonResponse(200, presentContact(created, variants));
        }
        case "updateGeneral":
          return jsonResponse(200, presentContact(state.store.updateGeneral(body), variants));
        case "updateOptions":
          return jsonResponse(200, presentContact(state.store.updateOptions(body), variants));
      }
    } catch (error) {
      if (error instanceof EmulatedApiError) {
        return errorResponse(error.status, error.message, variants.errorBody, error.code);
      }
      throw error;
    }
  }

  /** One API request, recorded for the control surface and answered (or dropped) once: every API's handler (admin center, Exchange, Graph). */
  function recordedCall(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    requestId: string,
    started: number,
    /** Headers every answer carries (Graph's CORS). */
    extraHeaders: Record<string, string> = {},
  ): RecordedCall {
    const method = request.method ?? "GET";
    const entry: RecordedRequest = { method, path, status: 0, requestId, at: new Date().toISOString() };
    state.requests.push(entry);
    const call: RecordedCall = {
      method,
      entry,
      release: () => {},
      finish: (reply) => {
        call.release();
        entry.status = reply.status;
        send(response, reply, requestId, extraHeaders);
        logLine(method, path, reply.status, started, requestId);
      },
      drop: () => {
        call.release();
        request.socket.destroy();
        logLine(method, path, "dropped", started, requestId);
      },
    };
    return call;
  }

  /**
   * Waits the configured latency plus the fault's (before any check: a check and the write it
   * guards are never split by a wait), then answers with the fault (or drops the connection)
   * when it strikes before the call is applied, telling promotion faults. True when it did.
   */
  async function faultBeforeApply(
    call: RecordedCall,
    fault: Fault | null,
    observe: () => void,
    faultReply: (status: number, fault: Fault) => EmulatedResponse,
  ): Promise<boolean> {
    const latency = state.settings.latencyMs + (fault?.latencyMs ?? 0);
    if (latency > 0) await sleep(latency);
    if (!fault || fault.afterApply || (!fault.drop && fault.status === undefined)) return false;
    observe();
    if (fault.drop) call.drop();
    else call.finish(faultReply(fault.status ?? 500, fault));
    return true;
  }

  /** A fault that strikes after a successful call was applied: the change stays, its answer is lost. */
  function faultAfterApply(
    call: RecordedCall,
    fault: Fault | null,
    reply: EmulatedResponse,
    faultReply: (status: number, fault: Fault) => EmulatedResponse,
  ): boolean {
    if (!fault?.afterApply || reply.status >= 300) return false;
    if (fault.drop) call.drop();
    else call.finish(faultReply(fault.status ?? 500, fault));
    return true;
  }

  async function handleApi(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    requestId: string,
    started: number,
  ): Promise<void> {
    const call = recordedCall(request, response, path, requestId, started);
    const { method, finish } = call;

    const route = matchRoute(method, path);
    let text: string;
    try {
      text = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        finish(errorResponse(413, "The request body is too large.", state.settings.variants.errorBody));
        return;
      }
      throw error;
    }
    if (route === null) {
      finish(errorResponse(404, "The requested resource was not found.", state.settings.variants.errorBody));
      return;
    }
    const admitted = state.throttle.admit(
      callerOf(request),
      throttleRule(state.settings.variants.throttling),
    );
    if (admitted === null) {
      return finish(
        withHeaders(errorResponse(429, TOO_MANY_REQUESTS, state.settings.variants.errorBody), {
          "Retry-After": String(STRICT_THROTTLING.retryAfterSeconds),
        }),
      );
    }
    call.release = admitted;

    const facts: RequestFacts = { contactId: contactIdOf(text) };
    const fault = state.faults.take(route, facts);
    const faultReply = (status: number, struck: Fault) =>
      faultResponse(status, struck.body, struck.headers, state.settings.variants.errorBody);
    if (await faultBeforeApply(call, fault, () => state.faults.observe(route, facts), faultReply)) return;

    const idsBefore = route === "create" ? new Set(state.store.all().map((c) => c.ContactId)) : null;
    const reply = handleRoute(route, request, text);
    state.faults.observe(route, {
      ...facts,
      ...outcomeFacts(route, text, reply, idsBefore, state.store.all()),
    });
    if (faultAfterApply(call, fault, reply, faultReply)) return;
    finish(reply);
  }

  const invokeCommand = new InvokeCommandEmulator(
    () => state.store,
    () => state.settings,
  );

  /** POST /adminapi/beta/{tenant}/InvokeCommand[?$skiptoken=n]: Exchange's admin REST call. */
  async function handleInvoke(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    query: string,
    tenant: string,
    requestId: string,
    started: number,
  ): Promise<void> {
    const call = recordedCall(request, response, path, requestId, started);
    const { method, entry, finish } = call;
    const variant = state.settings.variants.errorBody;
    let text: string;
    try {
      text = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return finish(
          exchangeErrorResponse(
            413,
            "Microsoft.OData.ODataException",
            "The request body is too large.",
            variant,
          ),
        );
      }
      throw error;
    }
    if (method !== "POST") {
      return finish(
        exchangeErrorResponse(
          405,
          "Microsoft.OData.ODataException",
          "The HTTP method is not allowed.",
          variant,
        ),
      );
    }
    const cmdlet = InvokeCommandEmulator.cmdletOf(text);
    if (cmdlet) entry.cmdlet = cmdlet;
    const admitted = state.throttle.admit(
      callerOf(request),
      throttleRule(state.settings.variants.throttling),
    );
    if (admitted === null) {
      return finish(
        withHeaders(exchangeStatusResponse(429, variant), {
          "Retry-After": String(STRICT_THROTTLING.retryAfterSeconds),
        }),
      );
    }
    call.release = admitted;

    const alias = cmdlet ? CMDLET_ROUTE[cmdlet] : null;
    const facts: RequestFacts = { contactId: identityOf(text, state.store) };
    const fault = cmdlet ? state.faults.take(cmdlet, facts) : null;
    // Without a body of its own, a fault answers as Exchange answers that status.
    const faultReply = (status: number, struck: Fault) =>
      struck.body === undefined
        ? withHeaders(exchangeStatusResponse(status, variant), struck.headers)
        : faultResponse(status, struck.body, struck.headers, variant);
    const observeFault = () => {
      if (alias) state.faults.observe(alias, facts);
    };
    if (await faultBeforeApply(call, fault, observeFault, faultReply)) return;

    const grant = grantOf(request);
    if (grant === undefined || grant.resource !== "exchange") {
      // What Exchange answers a token issued for another audience, or none.
      return finish(
        withHeaders(exchangeStatusResponse(401, variant), {
          "WWW-Authenticate":
            'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", error="invalid_token"',
        }),
      );
    }
    const idsBefore =
      cmdlet === "New-MailContact" ? new Set(state.store.all().map((c) => c.ContactId)) : null;
    const reply = invokeCommand.handle({
      tenant,
      query,
      bodyText: text,
      role: grant.role,
      origin: originOf(request),
    });
    // Promotion faults follow an Exchange promotion as they follow the admin center's.
    if (alias)
      state.faults.observe(alias, { ...facts, ...invokeOutcomeFacts(reply, idsBefore, state.store.all()) });
    // Only a write has something to keep when its answer is lost.
    const writeFault = cmdlet && isWriteCmdlet(cmdlet) ? fault : null;
    if (faultAfterApply(call, writeFault, reply, faultReply)) return;
    finish(reply);
  }

  /**
   * GET /v1.0/me/mailFolders/{folder}/messages: Graph's messages of the signed-in user in one
   * well-known folder (suggestions read the Inbox), CORS-open as Graph is. Recorded, delayed
   * and faulted through the same helpers as the directory APIs; a read has no answer to lose
   * after it is applied, so an after-apply fault does nothing here (as for Exchange's reads).
   */
  async function handleGraph(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    folder: string,
    search: string,
    requestId: string,
    started: number,
  ): Promise<void> {
    if (request.method === "OPTIONS") {
      send(response, emptyResponse(204), requestId, GRAPH_CORS_HEADERS);
      return;
    }
    const call = recordedCall(request, response, path, requestId, started, GRAPH_CORS_HEADERS);
    const { method, finish } = call;
    const fault = state.faults.take(GRAPH_MESSAGES_ROUTE);
    const faultReply = (status: number, struck: Fault) =>
      struck.body === undefined
        ? withHeaders(
            graphError(
              status,
              status === 429 ? "ApplicationThrottled" : "ServiceNotAvailable",
              "Injected fault.",
            ),
            struck.headers,
          )
        : faultResponse(status, struck.body, struck.headers, "odata");
    if (await faultBeforeApply(call, fault, () => undefined, faultReply)) return;
    if (method !== "GET") return finish(graphError(405, "BadRequest", "The HTTP method is not allowed."));
    const grant = grantOf(request);
    if (grant === undefined || grant.resource !== "graph") {
      return finish(
        graphError(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience."),
      );
    }
    const reply = state.mailbox.list(folder, path, search, originOf(request));
    if (faultAfterApply(call, fault, reply, faultReply)) return;
    finish(reply);
  }

  /** The control surface: no auth, CORS-open so the demo's switches can call it from a page. */
  async function handleControl(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    requestId: string,
    started: number,
  ): Promise<void> {
    const method = request.method ?? "GET";
    const cors = {
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
      "access-control-allow-headers": "content-type",
    };
    const finish = (reply: EmulatedResponse) => {
      send(response, reply, requestId, cors);
      logLine(method, path, reply.status, started, requestId);
    };
    const badRequest = (message: string) => jsonResponse(400, { error: { code: "BadRequest", message } });
    let text: string;
    try {
      text = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        return finish(jsonResponse(413, { error: { code: "PayloadTooLarge" } }));
      throw error;
    }
    const action = `${method} ${path.slice(CONTROL_PREFIX.length)}`;
    try {
      switch (action) {
        case "OPTIONS reset":
        case "OPTIONS contacts":
        case "OPTIONS requests":
        case "OPTIONS faults":
        case "OPTIONS settings":
          return finish(emptyResponse(204));
        case "POST reset":
          state.reset(parseJsonObject(text, true));
          return finish(emptyResponse(204));
        case "GET contacts":
          return finish(jsonResponse(200, { Contacts: state.store.all() }));
        case "GET requests":
          return finish(jsonResponse(200, { Requests: state.requests }));
        case "POST faults":
          state.faults.add(FaultSpecSchema.parse(parseJsonObject(text, false)));
          return finish(emptyResponse(204));
        case "GET faults": {
          const { pending, reports } = state.faults.describe();
          return finish(jsonResponse(200, { Faults: pending, Reports: reports }));
        }
        case "DELETE faults":
          state.faults.clear();
          return finish(emptyResponse(204));
        case "GET settings":
          return finish(jsonResponse(200, state.settings));
        case "POST settings":
          state.settings = applySettingsPatch(
            state.settings,
            EmulatorSettingsPatchSchema.parse(parseJsonObject(text, true)),
          );
          return finish(emptyResponse(204));
        default:
          return finish(
            jsonResponse(404, { error: { code: "NotFound", message: `No control route ${action}.` } }),
          );
      }
    } catch (error) {
      if (error instanceof z.ZodError) return finish(badRequest(describeZodError(error)));
      if (error instanceof EmulatedApiError) return finish(badRequest(error.message));
      if (error instanceof SeedConflictError) return finish(badRequest(error.message));
      throw error;
    }
  }

  const server = createServer((request, response) => {
    const started = performance.now();
    const url = new URL(request.url ?? "/", "http://emulator.invalid");
    const path = url.pathname;
    const requestId = pickRequestId(request.headers["client-request-id"]);
    const invokeTenant = INVOKE_COMMAND_PATH_PATTERN.exec(path)?.[1];
    const graphFolder = graphFolderOf(path);
    const handled = path.startsWith(CONTROL_PREFIX)
      ? handleControl(request, response, path, requestId, started)
      : graphFolder !== null
        ? handleGraph(request, response, path, graphFolder, url.search, requestId, started)
        : invokeTenant !== undefined
          ? handleInvoke(request, response, path, url.search, invokeTenant, requestId, started)
          : path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)
            ? handleApi(request, response, path, requestId, started)
            : Promise.resolve(send(response, errorResponse(404, "Not found.", "string"), requestId));
    handled.catch(() => {
      // An emulator bug must not hang the caller: answer 500 without details.
      send(response, errorResponse(500, "Emulator internal error.", "odata"), requestId);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of sleeping) clearTimeout(timer);
        sleeping.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
    reset: (seed) => state.reset(seed ?? {}),
    contacts: () => state.store.all(),
    requests: () => state.requests.map((entry) => ({ ...entry })),
    addFault: (spec) => state.faults.add(FaultSpecSchema.parse(spec)),
    clearFaults: () => state.faults.clear(),
    updateSettings: (patch) => {
      state.settings = applySettingsPatch(state.settings, EmulatorSettingsPatchSchema.parse(patch));
    },
    settings: () => structuredClone(state.settings),
  };
}
