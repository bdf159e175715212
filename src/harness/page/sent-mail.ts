/**
 * Mail sent from the demo's compose panel (a form the pane opened with displayNewMessageForm
 * or displayReplyForm): turned into a message of the organization's own, delivered to the
 * page's mailboxes it is addressed to. In the page only: nothing is stored on the server.
 */
import type { StandInEmailAddress } from "../bridge-protocol";
import type { DemoMessage } from "../fixtures";
import { internalHeadersFor } from "../internet-headers";

/** Elements set off by a blank line, and those that only start a new line. */
const PARAGRAPH_TAGS = new Set(["p", "pre", "ul", "ol", "table", "h1", "h2", "h3", "blockquote"]);
const LINE_TAGS = new Set(["li", "div", "tr"]);

/** What Outlook's text body of an HTML message looks like: paragraphs apart, list items on lines of their own. */
export function htmlToText(html: string): string {
  const document = new DOMParser().parseFromString(html, "text/html");
  let text = "";
  const breakTo = (newlines: number) => {
    if (text === "") return;
    const trailing = /\n*$/.exec(text)?.[0].length ?? 0;
    if (trailing < newlines) text += "\n".repeat(newlines - trailing);
  };
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      text += node.textContent ?? "";
      return;
    }
    if (!(node instanceof Element)) return;
    const tag = node.tagName.toLowerCase();
    if (tag === "script" || tag === "style") return;
    if (tag === "br") {
      text += "\n";
      return;
    }
    const breaks = PARAGRAPH_TAGS.has(tag) ? 2 : LINE_TAGS.has(tag) ? 1 : 0;
    breakTo(breaks);
    node.childNodes.forEach(walk);
    breakTo(breaks);
  };
  walk(document.body);
  return text.replace(/[ \t]+\n/g, "\n").trim();
}

export interface SentMail {
  from: { displayName: string; emailAddress: string };
  /** Each recipient, with the name the page knows for it (its own mailboxes), else the address. */
  to: Array<{ displayName: string; emailAddress: string }>;
  subject: string;
  body: string;
  sentAt: Date;
  /** Unique on the page. */
  id: string;
}

function details(address: { displayName: string; emailAddress: string }): StandInEmailAddress {
  return { ...address, recipientType: "user" };
}

/** The message as each recipient's inbox lists it and the pane reads it: internal, from the sender's mailbox. */
export function deliveredMessage(mail: SentMail): DemoMessage {
  const receivedAt = mail.sentAt.toISOString();
  const internetHeaders = internalHeadersFor({
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    receivedAt,
    id: mail.id,
  });
  return {
    id: mail.id,
    subject: mail.subject,
    fromName: mail.from.displayName || mail.from.emailAddress,
    fromAddress: mail.from.emailAddress,
    onBehalfOfName: null,
    toLine: mail.to.map((address) => address.displayName || address.emailAddress).join("; "),
    ccLine: "",
    body: mail.body,
    preview: mail.body.replace(/\s+/g, " ").trim().slice(0, 140),
    receivedAt,
    unread: true,
    item: {
      itemType: "message",
      itemId: `AAMkAGRlbW8AU2VudA${mail.id.replace(/[^A-Za-z0-9]/g, "")}`,
      itemClass: "IPM.Note",
      subject: mail.subject,
      from: details(mail.from),
      sender: details(mail.from),
      organizer: null,
      to: mail.to.map(details),
      cc: [],
      dateTimeCreated: receivedAt,
      internetHeaders,
      bodyText: mail.body,
    },
  };
}
