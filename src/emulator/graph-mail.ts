/**
 * Microsoft Graph's `GET /v1.0/me/mailFolders/{folder}/messages`, as far as suggestions use it,
 * over seeded mail: a well-known folder name (`inbox`, `junkemail`...; case as Graph takes it),
 * `$select` (only the named properties come back, beside id), `$filter=receivedDateTime ge
 * <ISO>` (the only filter Graph is asked for; any other is a 400 as Graph gives for a bad
 * query), newest first, `$top` (Graph's default 10, at most 1000) and `@odata.nextLink` with
 * `$skip`, as Graph pages messages. Tokens must be issued for Graph. CORS is open, as Graph's.
 * Seeded messages have a subject, so a test can tell that the client selected it away, and a
 * folder (the Inbox unless said), so a test can tell that Junk Email is not read.
 */
import { z } from "zod";
import { jsonResponse, type EmulatedResponse } from "./responses";

/** The well-known folders a seeded message can be in (Graph has more; these are the ones mail lands in). */
export const SEED_FOLDERS = ["inbox", "junkemail", "deleteditems", "archive", "clutter"] as const;
export type SeedFolder = (typeof SEED_FOLDERS)[number];
/** `/v1.0/me/mailFolders/{well-known name}/messages`: the folder's name, lower-cased, or null for another path. */
export function graphFolderOf(path: string): string | null {
  const match = /^\/v1\.0\/me\/mailFolders\/([^/]+)\/messages$/i.exec(path);
  return match ? decodeURIComponent(match[1] as string).toLowerCase() : null;
}
const DEFAULT_TOP = 10;
const MAX_TOP = 1000;
const SELECTABLE = ["from", "receivedDateTime", "subject"] as const;
type Selectable = (typeof SELECTABLE)[number];

export const SeedMessageSchema = z
  .object({
    from: z.object({ name: z.string(), address: z.string() }).nullable(),
    receivedDateTime: z.string().datetime({ offset: true }),
    subject: z.string().optional(),
    folder: z.enum(SEED_FOLDERS).optional(),
  })
  .strict();
export type SeedMessage = z.infer<typeof SeedMessageSchema>;

/** What Graph answers on the wire for a request it refuses. */
export function graphError(status: number, code: string, message: string): EmulatedResponse {
  return jsonResponse(status, {
    error: { code, message, innerError: { date: new Date().toISOString() } },
  });
}

export const GRAPH_CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, OPTIONS",
  "access-control-allow-headers": "authorization, client-request-id, accept",
  "access-control-expose-headers": "retry-after, client-request-id, request-id",
};

interface StoredMessage extends SeedMessage {
  id: string;
  receivedMs: number;
}

export class GraphMailbox {
  readonly #messages: StoredMessage[];

  constructor(seed: readonly SeedMessage[]) {
    this.#messages = seed
      .map((message, index) => ({
        ...message,
        id: `AAMkAGmsg${String(index).padStart(6, "0")}`,
        receivedMs: Date.parse(message.receivedDateTime),
      }))
      // Newest first, as Graph with $orderby=receivedDateTime desc; the seed's order breaks ties.
      .sort((a, b) => b.receivedMs - a.receivedMs);
  }

  get size(): number {
    return this.#messages.length;
  }

  /**
   * GET /v1.0/me/mailFolders/{folder}/messages?...: one page of that folder. `path`: as asked
   * (the nextLink repeats it); `origin` builds the nextLink as Graph does (absolute).
   */
  list(folder: string, path: string, search: string, origin: string): EmulatedResponse {
    if (!(SEED_FOLDERS as readonly string[]).includes(folder)) {
      return graphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }
    const query = new URLSearchParams(search);
    const select = (query.get("$select") ?? "").split(",").filter((name) => name !== "");
    const unknown = select.find((name) => !(SELECTABLE as readonly string[]).includes(name));
    if (unknown !== undefined) {
      return graphError(400, "RequestBroker--ParseUri", `Could not find a property named '${unknown}'.`);
    }
    const filter = query.get("$filter");
    let sinceMs = -Infinity;
    if (filter !== null) {
      const match = /^receivedDateTime ge (\S+)$/.exec(filter.trim());
      const parsed = match ? Date.parse(match[1] as string) : NaN;
      if (Number.isNaN(parsed)) return graphError(400, "BadRequest", "Invalid filter clause.");
      sinceMs = parsed;
    }
    const orderby = query.get("$orderby");
    if (orderby !== null && orderby !== "receivedDateTime desc") {
      return graphError(
        400,
        "InefficientFilter",
        "The restriction or sort order is too complex for this operation.",
      );
    }
    const top = query.has("$top") ? Number(query.get("$top")) : DEFAULT_TOP;
    const skip = query.has("$skip") ? Number(query.get("$skip")) : 0;
    if (!Number.isInteger(top) || top < 1 || top > MAX_TOP || !Number.isInteger(skip) || skip < 0) {
      return graphError(400, "BadRequest", "Invalid $top or $skip.");
    }
    const matching = this.#messages.filter(
      (message) => (message.folder ?? "inbox") === folder && message.receivedMs >= sinceMs,
    );
    const page = matching.slice(skip, skip + top);
    const fields: readonly Selectable[] = select.length > 0 ? (select as Selectable[]) : SELECTABLE;
    const value = page.map((message) => {
      const shown: Record<string, unknown> = { "@odata.etag": `W/"${message.id}"`, id: message.id };
      for (const field of fields) {
        if (field === "from")
          shown.from = message.from
            ? { emailAddress: { name: message.from.name, address: message.from.address } }
            : null;
        else if (field === "receivedDateTime") shown.receivedDateTime = message.receivedDateTime;
        else shown.subject = message.subject ?? "";
      }
      return shown;
    });
    const body: Record<string, unknown> = {
      "@odata.context": `${origin}/v1.0/$metadata#users('me')/mailFolders('${folder}')/messages(${fields.join(",")})`,
      value,
    };
    if (skip + top < matching.length) {
      const next = new URLSearchParams(query);
      next.set("$skip", String(skip + top));
      body["@odata.nextLink"] = `${origin}${path}?${next.toString()}`;
    }
    return jsonResponse(200, body);
  }
}

/** People who write a lot, a little, or are not for the address book: 30 days of synthetic mail. */
export function syntheticMail(now: Date, people: readonly SyntheticSender[]): SeedMessage[] {
  const messages: SeedMessage[] = [];
  const hour = 60 * 60 * 1000;
  for (const [index, person] of people.entries()) {
    for (let n = 0; n < person.messages; n++) {
      // Spread over the window, a few hours apart per sender, never in the future.
      const ageHours = Math.floor(((n + 0.5) * (person.withinDays * 24)) / person.messages) + index;
      messages.push({
        from: { name: person.name, address: person.address },
        receivedDateTime: new Date(now.getTime() - ageHours * hour).toISOString(),
        subject: `Synthetic message ${n + 1}`,
      });
    }
  }
  return messages;
}

export interface SyntheticSender {
  name: string;
  address: string;
  messages: number;
  /** How far back this sender's messages reach (older ones fall outside a 30-day window). */
  withinDays: number;
}
