/**
 * The demo's message fixture (demo/messages.json, or any file given with --fixture):
 * parsing with clear errors, and turning each entry into what the Outlook stand-in page
 * lists and what the Office stand-in exposes as `mailbox.item`.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { sameAddress } from "../contacts/address";
import type { StandInEmailAddress, StandInItem } from "./bridge-protocol";
import { internalHeadersFor, internetHeadersFor } from "./internet-headers";

const AddressSchema = z.object({
  displayName: z.string(),
  emailAddress: z.string(),
});

const MessageSchema = z
  .object({
    /** Stable id; defaults to the position in the list. */
    id: z.string().min(1).optional(),
    /** "appointment" shows the pane's "not a message" state; `from` is then the organizer. */
    itemType: z.enum(["message", "appointment"]).default("message"),
    from: AddressSchema.nullable(),
    /** Who actually sent it, when someone sent on behalf of `from`. Defaults to `from`. */
    sender: AddressSchema.nullable().optional(),
    to: z.array(AddressSchema).default([]),
    cc: z.array(AddressSchema).default([]),
    subject: z.string(),
    body: z.string().default(""),
    /** ISO 8601 date-time. */
    receivedAt: z.iso.datetime({ offset: true }),
    unread: z.boolean().default(false),
    /**
     * What Exchange Online Protection stamped, for `getAllInternetHeadersAsync`: `results` is its
     * Authentication-Results value (null: none), `senderWrote` fields the sender's side added.
     * "no-headers": Outlook returns an empty string, as for Sent Items. Omitted: "no-headers".
     * "internal": a colleague's mailbox submitted it (Exchange's AuthAs Internal stamp).
     */
    authentication: z
      .union([
        z.literal("no-headers"),
        z.literal("internal"),
        z.object({ results: z.string().nullable(), senderWrote: z.array(z.string()).default([]) }).strict(),
      ])
      .default("no-headers"),
  })
  .strict();

export const MessageFixtureSchema = z
  .object({
    /** The signed-in user; their domain is internal. Defaults to DEFAULT_MAILBOX. */
    mailbox: AddressSchema.optional(),
    messages: z.array(MessageSchema).min(1),
    /**
     * The colleague without an admin role whom the demo's "Signed in as" switch signs in: their
     * own mailbox (proposals they send reach the approvers' inbox on the page).
     */
    colleague: z
      .object({ mailbox: AddressSchema, messages: z.array(MessageSchema) })
      .strict()
      .optional(),
  })
  .strict();

export type MessageFixture = z.infer<typeof MessageFixtureSchema>;
export type FixtureMessage = z.infer<typeof MessageSchema>;

const PREVIEW_LENGTH = 140;

export const DEFAULT_MAILBOX = { displayName: "Megan Bowen", emailAddress: "megan@contoso.com" } as const;

/** A message as the stand-in page lists it, with the item the pane will see. */
export interface DemoMessage {
  id: string;
  subject: string;
  /** Name shown in the list: the `from` person (or the organizer). */
  fromName: string;
  fromAddress: string;
  /** Set when someone else sent on behalf of `from`. */
  onBehalfOfName: string | null;
  toLine: string;
  ccLine: string;
  body: string;
  /** The start of the body on one line, for the list (as Outlook's preview). */
  preview: string;
  /** ISO 8601, shifted so that the newest message falls on today (see `rebaseDates`). */
  receivedAt: string;
  unread: boolean;
  item: StandInItem;
}

export interface DemoMailbox {
  user: { displayName: string; emailAddress: string };
  messages: DemoMessage[];
  /** The colleague without an admin role and their inbox, when the fixture has one. */
  colleague?: { user: { displayName: string; emailAddress: string }; messages: DemoMessage[] };
}

export class FixtureError extends Error {
  override name = "FixtureError";
}

/** Parses a fixture's JSON text; the error names the file and each offending field. */
export function parseMessageFixture(jsonText: string, source: string): MessageFixture {
  let json: unknown;
  try {
    json = JSON.parse(jsonText);
  } catch (error) {
    throw new FixtureError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = MessageFixtureSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
    throw new FixtureError(`${source} is not a valid message fixture:\n${problems.join("\n")}`);
  }
  const ids = new Set<string>();
  parsed.data.messages.forEach((message, index) => {
    const id = message.id ?? String(index + 1);
    if (ids.has(id)) throw new FixtureError(`${source}: message id "${id}" is used twice.`);
    ids.add(id);
  });
  return parsed.data;
}

export async function loadMessageFixture(path: string): Promise<MessageFixture> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new FixtureError(
      `Cannot read the message fixture ${path}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
    );
  }
  return parseMessageFixture(text, path);
}

function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? "" : address.slice(at + 1).toLowerCase();
}

function formatAddresses(addresses: readonly { displayName: string; emailAddress: string }[]): string {
  return addresses.map((address) => address.displayName || address.emailAddress).join("; ");
}

/** An EWS-looking item id ("AAMkAG..."), stable for a fixture id. */
export function itemIdFor(id: string): string {
  return `AAMkAGRlbW8A${Buffer.from(id, "utf8").toString("base64url")}`;
}

/**
 * Shifts every date by the same whole number of days so that the newest message is
 * received today: a fixture written once keeps looking like a live inbox.
 */
export function rebaseDates(isoDates: readonly string[], now: Date): string[] {
  if (isoDates.length === 0) return [];
  const times = isoDates.map((iso) => Date.parse(iso));
  const newest = new Date(Math.max(...times));
  const dayMs = 24 * 60 * 60 * 1000;
  const startOfDay = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const shiftDays = Math.round((startOfDay(now) - startOfDay(newest)) / dayMs);
  return times.map((time) => new Date(time + shiftDays * dayMs).toISOString());
}

/** Builds the page's mailbox from a fixture: the list entries and each entry's Office item. */
export function buildDemoMailbox(fixture: MessageFixture, now: Date = new Date()): DemoMailbox {
  const user = fixture.mailbox ?? { ...DEFAULT_MAILBOX };
  const mailbox: DemoMailbox = { user, messages: buildMessages(fixture.messages, user, now) };
  if (fixture.colleague) {
    const colleague = fixture.colleague.mailbox;
    mailbox.colleague = {
      user: colleague,
      messages: buildMessages(fixture.colleague.messages, colleague, now),
    };
  }
  return mailbox;
}

function buildMessages(
  entries: readonly FixtureMessage[],
  user: { displayName: string; emailAddress: string },
  now: Date,
): DemoMessage[] {
  const userDomain = domainOf(user.emailAddress);
  const details = (address: { displayName: string; emailAddress: string }): StandInEmailAddress => ({
    displayName: address.displayName,
    emailAddress: address.emailAddress,
    recipientType: domainOf(address.emailAddress) === userDomain ? "user" : "externalUser",
  });
  const dates = rebaseDates(
    entries.map((message) => message.receivedAt),
    now,
  );

  const messages = entries.map((message, index): DemoMessage => {
    const id = message.id ?? String(index + 1);
    const receivedAt = dates[index] as string;
    const sender = message.sender === undefined ? message.from : message.sender;
    const isAppointment = message.itemType === "appointment";
    const onBehalf =
      !isAppointment &&
      message.from !== null &&
      sender !== null &&
      !sameAddress(sender.emailAddress, message.from.emailAddress);
    const headerMessage = message.from ? { ...message, from: message.from, id, receivedAt } : null;
    const item: StandInItem = {
      itemType: message.itemType,
      itemId: itemIdFor(id),
      itemClass: isAppointment ? "IPM.Appointment" : "IPM.Note",
      subject: message.subject,
      from: isAppointment || !message.from ? null : details(message.from),
      sender: isAppointment || !sender ? null : details(sender),
      organizer: isAppointment && message.from ? details(message.from) : null,
      to: message.to.map(details),
      cc: message.cc.map(details),
      dateTimeCreated: receivedAt,
      internetHeaders:
        message.authentication === "no-headers" || isAppointment || !headerMessage
          ? ""
          : message.authentication === "internal"
            ? internalHeadersFor(headerMessage)
            : internetHeadersFor(headerMessage, message.authentication),
      bodyText: message.body,
    };
    return {
      id,
      subject: message.subject,
      fromName: message.from ? message.from.displayName || message.from.emailAddress : "(no sender)",
      fromAddress: message.from?.emailAddress ?? "",
      onBehalfOfName: onBehalf && sender ? sender.displayName || sender.emailAddress : null,
      toLine: formatAddresses(message.to),
      ccLine: formatAddresses(message.cc),
      body: message.body,
      preview: message.body.replace(/\s+/g, " ").trim().slice(0, PREVIEW_LENGTH),
      receivedAt,
      unread: message.unread,
      item,
    };
  });
  // Newest first, as an inbox sorts.
  messages.sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
  return messages;
}
