/**
 * Every wire shape of the one Microsoft Graph call this project makes, in one place: the
 * user's own Inbox, senders and dates only (`GET /v1.0/me/mailFolders/inbox/messages` with
 * `$select=from,receivedDateTime`, delegated Mail.ReadBasic), its OData page
 * (`value`, `@odata.nextLink`) and Graph's error body. Schemas keep unknown fields and are
 * strict only about what suggestions count: a message's date. Used by the client (to
 * validate answers) and by the emulator (to produce them).
 */
import { z } from "zod/mini";

/** The delegated permission suggestions need: senders and dates, never bodies (Mail.ReadBasic). */
export const GRAPH_MAIL_SCOPE = "https://graph.microsoft.com/Mail.ReadBasic";
export const GRAPH_BASE_URL = "https://graph.microsoft.com";
/**
 * The Inbox by its well-known name (any mailbox language): `/me/messages` would count every
 * folder, Junk Email and Deleted Items too, and a junk sender is nobody to suggest.
 */
export const GRAPH_MESSAGES_PATH = "/v1.0/me/mailFolders/inbox/messages";

/** A nextLink's path is the Inbox's messages, as asked or in OData's key form (`mailFolders('Inbox')`). */
export function isInboxMessagesPath(pathname: string): boolean {
  return /^\/v1\.0\/me\/mailFolders(?:\/inbox|\('inbox'\))\/messages$/i.test(pathname);
}
/** Messages per page the client asks for ($top); Graph allows up to 1000 for messages. */
export const GRAPH_PAGE_SIZE = 250;

/** The query of the first page: only from and receivedDateTime, newest first, since `since`. */
export function messagesQuery(since: Date, pageSize = GRAPH_PAGE_SIZE): string {
  const params = new URLSearchParams({
    $select: "from,receivedDateTime",
    // Graph wants the $orderby property in the $filter too, first.
    $filter: `receivedDateTime ge ${since.toISOString()}`,
    $orderby: "receivedDateTime desc",
    $top: String(pageSize),
  });
  return `?${params.toString()}`;
}

const text = z.optional(z.nullable(z.string()));

/** microsoft.graph.recipient: `{ emailAddress: { name, address } }`. */
export const GraphRecipientSchema = z.looseObject({
  emailAddress: z.optional(z.nullable(z.looseObject({ name: text, address: text }))),
});

/** A message with the two selected properties (Graph adds @odata.etag and id). */
export const GraphMessageSchema = z.looseObject({
  id: z.optional(z.string()),
  receivedDateTime: z.string().check(z.minLength(1, "receivedDateTime is empty")),
  from: z.optional(z.nullable(GraphRecipientSchema)),
});
export type GraphMessage = z.infer<typeof GraphMessageSchema>;

export const GraphMessagesPageSchema = z.looseObject({
  "@odata.context": z.optional(z.string()),
  "@odata.nextLink": z.optional(z.nullable(z.string())),
  value: z.array(z.unknown()),
});
export type GraphMessagesPage = z.infer<typeof GraphMessagesPageSchema>;

/** Graph's error body: `{"error": {"code", "message", "innerError": {"request-id", "date"}}}`. */
export const GraphErrorBodySchema = z.looseObject({
  error: z.looseObject({
    code: z.optional(z.string()),
    message: z.optional(z.string()),
  }),
});
export type GraphErrorBody = z.infer<typeof GraphErrorBodySchema>;
