/**
 * Proposals: a colleague without a write role asks the organization's approvers, by mail, to
 * add a person to the address book. The message has a part anyone reads in any mail client
 * and a compact block the pane reads (base64url JSON between two marker lines, whitespace
 * anywhere ignored, so a client that rewraps lines does not break it).
 *
 * The block is a convenience, never an authority: `checkProposalMessage` accepts it only in a
 * message from a colleague inside the organization that Exchange authenticated, written by
 * that colleague (not forwarded), whose readable part says the same as the block; every field
 * is checked against Exchange's limits and for markup or hidden characters. Anything wrong
 * refuses the whole block, with one problem named: nothing of it is used. What the pane can
 * derive from the address itself (the verdict, the prefill rules, the sender-trust checks)
 * it derives again; the block only supplies the proposer's choices and what they saw.
 *
 * No sentence here: the words of the message come from the pane (`ProposalWords`).
 */
import "../zod-jitless";
import { z } from "zod/mini";
import { normalizeAddress, sameAddress } from "./address";
import { EXCHANGE_LIMITS } from "./exchange-rules";
import { typedMailTipText } from "./mail-tip";
import { analyzeSender } from "./sender";
import type {
  AuthenticationReason,
  AuthenticationStatus,
  InternetHeaders,
} from "./trust/message-authentication";
import { internalMessageCheck } from "./trust/internal-message";
import type { ContactDraft, HeaderAddress, OrganizationConfig, SenderAnalysis } from "./types";

export const PROPOSAL_BEGIN = "-----BEGIN GAL CONTACT PROPOSAL-----";
export const PROPOSAL_END = "-----END GAL CONTACT PROPOSAL-----";
export const PROPOSAL_VERSION = 1;
/** Characters between the markers, whitespace included: a full proposal is about 1,600. */
export const MAX_BLOCK_CHARACTERS = 6000;
/** The proposer's reason, in characters. */
export const MAX_REASON_LENGTH = 500;
const BLOCK_LINE_LENGTH = 64;

export type ProposalRisk = "authentication-failed" | "look-alike" | "impersonation";

/** What a proposal carries: the draft the proposer saw and chose, why, and what their pane found. */
export interface ContactProposal extends Pick<
  ContactDraft,
  "address" | "displayName" | "firstName" | "lastName" | "company" | "mailTip" | "hiddenFromAddressLists"
> {
  /** The proposer's reason; may be "". */
  reason: string;
  proposer: { displayName: string; address: string };
  /** The sender check of the message the proposer saw (their pane's verdict; the admin's pane cannot repeat it). */
  senderCheck: { status: AuthenticationStatus; reason: AuthenticationReason };
  risks: readonly ProposalRisk[];
}

/** The words of the readable part, chosen by the pane (src/taskpane/strings.ts). */
export interface ProposalWords {
  subject(proposal: ContactProposal): string;
  intro(proposal: ContactProposal): string;
  labels: {
    address: string;
    displayName: string;
    firstName: string;
    lastName: string;
    company: string;
    mailTip: string;
    hidden: string;
    senderCheck: string;
    risks: string;
    reason: string;
  };
  yes: string;
  no: string;
  none: string;
  senderCheck(check: ContactProposal["senderCheck"]): string;
  risk(risk: ProposalRisk): string;
  howToApprove: string;
  blockNote: string;
}

export interface ComposedProposal {
  subject: string;
  /** For displayNewMessageForm: every value escaped; the block in a <pre> so it survives as text. */
  htmlBody: string;
  /** The same as plain text (what a text-only client shows). */
  textBody: string;
}

// ---- the approvers ----

/**
 * ADDIN_APPROVERS ("gal-approvers@contoso.com; Nestor <nestor@contoso.com>") → the addresses, in
 * order, without duplicates, and every entry that is not an address (a configuration problem).
 */
export function parseApprovers(value: string): { addresses: string[]; invalid: string[] } {
  const addresses: string[] = [];
  const invalid: string[] = [];
  for (const entry of value.split(/[,;]/).map((part) => part.trim())) {
    if (entry === "") continue;
    const address = (/^[^<>]*<([^<>]*)>$/.exec(entry)?.[1] ?? entry).trim();
    if (!normalizeAddress(address).ok || /\s/.test(address)) invalid.push(entry);
    else if (!addresses.some((known) => sameAddress(known, address))) addresses.push(address);
  }
  return { addresses, invalid };
}

// ---- the block's wire shape ----

const AUTHENTICATION_STATUSES = ["verified", "not-verified", "failed", "not-checked"] as const;
const AUTHENTICATION_REASONS = [
  "compauth-pass",
  "dmarc-pass",
  "arc-override",
  "compauth-softpass",
  "no-policy",
  "other-domain",
  "compauth-fail",
  "dmarc-fail",
  "headers-unavailable",
  "headers-empty",
  "no-trusted-results",
] as const satisfies readonly AuthenticationReason[];
const RISKS = [
  "authentication-failed",
  "look-alike",
  "impersonation",
] as const satisfies readonly ProposalRisk[];

const text = (max: number) => z.string().check(z.maxLength(max));

/** Short keys keep the block compact; the readable part names every field. */
const BlockSchema = z.strictObject({
  v: z.literal(PROPOSAL_VERSION),
  address: z.string().check(z.minLength(3), z.maxLength(320)),
  displayName: z.string().check(z.minLength(1), z.maxLength(EXCHANGE_LIMITS.displayName)),
  firstName: text(EXCHANGE_LIMITS.firstName),
  lastName: text(EXCHANGE_LIMITS.lastName),
  company: text(EXCHANGE_LIMITS.company),
  mailTip: text(EXCHANGE_LIMITS.mailTip),
  hidden: z.boolean(),
  reason: text(MAX_REASON_LENGTH),
  by: z.strictObject({
    name: text(EXCHANGE_LIMITS.displayName),
    address: z.string().check(z.maxLength(320)),
  }),
  check: z.strictObject({ status: z.enum(AUTHENTICATION_STATUSES), reason: z.enum(AUTHENTICATION_REASONS) }),
  risks: z.array(z.enum(RISKS)).check(z.maxLength(RISKS.length)),
});
type Block = z.infer<typeof BlockSchema>;

function toBlock(proposal: ContactProposal): Block {
  return {
    v: PROPOSAL_VERSION,
    address: proposal.address,
    displayName: proposal.displayName,
    firstName: proposal.firstName,
    lastName: proposal.lastName,
    company: proposal.company,
    mailTip: proposal.mailTip,
    hidden: proposal.hiddenFromAddressLists,
    reason: proposal.reason,
    by: { name: proposal.proposer.displayName, address: proposal.proposer.address },
    check: { status: proposal.senderCheck.status, reason: proposal.senderCheck.reason },
    risks: [...proposal.risks],
  };
}

function fromBlock(block: Block): ContactProposal {
  return {
    address: block.address,
    displayName: block.displayName,
    firstName: block.firstName,
    lastName: block.lastName,
    company: block.company,
    mailTip: block.mailTip,
    hiddenFromAddressLists: block.hidden,
    reason: block.reason,
    proposer: { displayName: block.by.name, address: block.by.address },
    senderCheck: { status: block.check.status, reason: block.check.reason },
    risks: block.risks,
  };
}

function encodeBase64Url(value: string): string {
  const bytes = new TextEncoder().encode(value);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decodeBase64Url(value: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(value) || value.length % 4 === 1) return null;
  try {
    const binary = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The block as it appears in the message: markers and 64-character lines. */
export function encodeProposalBlock(proposal: ContactProposal): string {
  const encoded = encodeBase64Url(JSON.stringify(toBlock(proposal)));
  const lines = encoded.match(new RegExp(`.{1,${BLOCK_LINE_LENGTH}}`, "g")) ?? [];
  return [PROPOSAL_BEGIN, ...lines, PROPOSAL_END].join("\n");
}

// ---- composing ----

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The field each readable line shows, in readableLines' order. */
const LINE_FIELDS = [
  "address",
  "displayName",
  "firstName",
  "lastName",
  "company",
  "mailTip",
  "hidden",
  "senderCheck",
  "risks",
  "reason",
] as const;

/** The readable lines: label and value, in the order an approver checks them. */
function readableLines(proposal: ContactProposal, words: ProposalWords): Array<[string, string]> {
  const { labels } = words;
  const orNone = (value: string) => (value.trim() === "" ? words.none : value);
  return [
    [labels.address, proposal.address],
    [labels.displayName, proposal.displayName],
    [labels.firstName, orNone(proposal.firstName)],
    [labels.lastName, orNone(proposal.lastName)],
    [labels.company, orNone(proposal.company)],
    [labels.mailTip, orNone(proposal.mailTip)],
    [labels.hidden, proposal.hiddenFromAddressLists ? words.yes : words.no],
    [labels.senderCheck, words.senderCheck(proposal.senderCheck)],
    [labels.risks, proposal.risks.length === 0 ? words.none : proposal.risks.map(words.risk).join("; ")],
    [labels.reason, orNone(proposal.reason)],
  ];
}

/** The message a proposer sends: readable part, then the block. Every value is escaped in the HTML. */
export function composeProposal(proposal: ContactProposal, words: ProposalWords): ComposedProposal {
  const lines = readableLines(proposal, words);
  const block = encodeProposalBlock(proposal);
  const textBody = [
    words.intro(proposal),
    "",
    ...lines.map(([label, value]) => `${label}: ${value}`),
    "",
    words.howToApprove,
    "",
    words.blockNote,
    block,
  ].join("\n");
  const rows = lines
    .map(([label, value]) => `<li><b>${escapeHtml(label)}:</b> ${escapeHtml(value)}</li>`)
    .join("");
  const htmlBody =
    `<p>${escapeHtml(words.intro(proposal))}</p>` +
    `<ul>${rows}</ul>` +
    `<p>${escapeHtml(words.howToApprove)}</p>` +
    `<p>${escapeHtml(words.blockNote)}</p>` +
    `<pre>${escapeHtml(block)}</pre>`;
  return { subject: words.subject(proposal), htmlBody, textBody };
}

// ---- reading ----

/** Why a block was refused: one problem, the first found; the pane words it. */
export type ProposalProblem =
  /** The message is not from a colleague inside the organization (for example forwarded from outside). */
  | { kind: "external-sender" }
  /** Someone sent it on behalf of the colleague it shows. */
  | { kind: "sent-on-behalf" }
  /** Outlook gave no headers, or nothing in them shows the organization's Exchange accepted it from a colleague. */
  | { kind: "not-authenticated" }
  /** The organization's infrastructure says the message is forged. */
  | { kind: "authentication-failed" }
  /** The block names another proposer than the colleague who sent it (forwarded, or copied). */
  | { kind: "forwarded"; proposer: string }
  | { kind: "too-large" }
  | { kind: "several-blocks" }
  /** Not base64url JSON, cut off, or an unknown version. */
  | { kind: "unreadable" }
  /** A field is missing, of the wrong type, too long, or unknown. */
  | { kind: "wrong-fields"; field: string }
  /** A field holds markup (a tag) or hidden characters (controls, direction overrides). */
  | { kind: "markup"; field: string }
  /** The address cannot be a contact: not an address, or internal, automated. */
  | { kind: "not-promotable"; analysis: SenderAnalysis | null }
  /** The readable part says something else than the block (edited after sending, or forged). */
  | { kind: "text-disagrees"; field: string };

export type ProposalCheck =
  /** No block: an ordinary message. */
  | { kind: "none" }
  | { kind: "refused"; problem: ProposalProblem }
  | {
      kind: "accepted";
      proposal: ContactProposal;
      /** The proposed person as the pane analyses any sender: the verdict and the draft start from this. */
      person: SenderAnalysis;
      /** The colleague who sent it, as Outlook and Exchange say (the block's own claim is checked against it). */
      proposer: SenderAnalysis;
    };

/** Markup-like text or characters that hide or reorder what a person reads. */
const MARKUP = /<\s*[A-Za-z/!?]/;
const HIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

function markupField(block: Block): string | null {
  const fields: Array<[string, string, boolean]> = [
    ["address", block.address, false],
    ["displayName", block.displayName, false],
    ["firstName", block.firstName, false],
    ["lastName", block.lastName, false],
    ["company", block.company, false],
    ["mailTip", block.mailTip, false],
    ["reason", block.reason, true],
    ["by.name", block.by.name, false],
    ["by.address", block.by.address, false],
  ];
  for (const [name, value, multiline] of fields) {
    if (MARKUP.test(value) || HIDDEN_CHARACTERS.test(value)) return name;
    if (!multiline && LINE_BREAK.test(value)) return name;
  }
  return null;
}

/**
 * The proposer's side of the same rule: the first field an approver's pane would refuse as markup
 * or hidden characters, so the proposer's pane can say so before the message is written.
 */
export function proposalFieldWithMarkup(proposal: ContactProposal): string | null {
  return markupField(toBlock(proposal));
}

const normalizeSpace = (value: string) => value.replace(/\s+/g, " ").trim();
const EMAIL_IN_TEXT = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+\.[^\s<>()[\]"',;:]+/g;

/**
 * The readable part must say what the block says: every value in it, and no other address than
 * the proposed person's and the proposer's (an address changed in the text but not in the block
 * would otherwise show the approver one person and add another). Label-independent: the
 * proposer's pane may speak another language than the approver's.
 */
function disagreement(readable: string, proposal: ContactProposal, words?: ProposalWords): string | null {
  const flat = normalizeSpace(readable);
  // Written in the approver's language: every labelled line must read exactly as composed.
  if (words && flat.includes(`${words.labels.address}:`)) {
    const lines = readableLines(proposal, words).map(([label, value]) =>
      normalizeSpace(`${label}: ${value}`),
    );
    const missing = lines.findIndex((line) => !flat.includes(line));
    if (missing >= 0) return LINE_FIELDS[missing] ?? "address";
    if (!flat.includes(lines.join(" "))) return "order";
  }
  const values: Array<[string, string]> = [
    ["address", proposal.address],
    ["displayName", proposal.displayName],
    ["firstName", proposal.firstName],
    ["lastName", proposal.lastName],
    ["company", proposal.company],
    ["mailTip", proposal.mailTip],
    ["reason", proposal.reason],
  ];
  for (const [field, value] of values) {
    const wanted = normalizeSpace(value);
    if (wanted !== "" && !flat.includes(wanted)) return field;
  }
  // The reason and names are the proposer's free text: an address in them is not a claim about the contact.
  let rest = flat;
  for (const free of [proposal.reason, proposal.displayName, proposal.mailTip]) {
    const wanted = normalizeSpace(free);
    if (wanted !== "") rest = rest.split(wanted).join(" ");
  }
  for (const found of rest.match(EMAIL_IN_TEXT) ?? []) {
    const candidate = found.replace(/[.]+$/, "");
    if (!sameAddress(candidate, proposal.address) && !sameAddress(candidate, proposal.proposer.address)) {
      return "address";
    }
  }
  return null;
}

/** Finds and validates the block in a message body (as text). Message-level checks are `checkProposalMessage`'s. */
export function readProposalBlock(
  body: string,
):
  | { kind: "none" }
  | { kind: "refused"; problem: ProposalProblem }
  | { kind: "block"; proposal: ContactProposal; readable: string } {
  const begin = body.indexOf(PROPOSAL_BEGIN);
  if (begin < 0) return { kind: "none" };
  if (body.indexOf(PROPOSAL_BEGIN, begin + PROPOSAL_BEGIN.length) >= 0) {
    return { kind: "refused", problem: { kind: "several-blocks" } };
  }
  const start = begin + PROPOSAL_BEGIN.length;
  const end = body.indexOf(PROPOSAL_END, start);
  // Size first: nothing larger than a proposal is decoded, even a block without its end marker.
  if ((end < 0 ? body.length : end) - start > MAX_BLOCK_CHARACTERS) {
    return { kind: "refused", problem: { kind: "too-large" } };
  }
  if (end < 0) return { kind: "refused", problem: { kind: "unreadable" } };
  const decoded = decodeBase64Url(body.slice(start, end).replace(/\s+/g, ""));
  let json: unknown;
  try {
    json = decoded === null ? undefined : JSON.parse(decoded);
  } catch {
    json = undefined;
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { kind: "refused", problem: { kind: "unreadable" } };
  }
  if ((json as { v?: unknown }).v !== PROPOSAL_VERSION)
    return { kind: "refused", problem: { kind: "unreadable" } };
  const parsed = BlockSchema.safeParse(json);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join(".") ?? "";
    const unknownKey = parsed.error.issues.find((issue) => issue.code === "unrecognized_keys");
    const field =
      unknownKey && "keys" in unknownKey ? String((unknownKey.keys as unknown[])[0]) : path || "(block)";
    return { kind: "refused", problem: { kind: "wrong-fields", field } };
  }
  const markup = markupField(parsed.data);
  if (markup !== null) return { kind: "refused", problem: { kind: "markup", field: markup } };
  const proposal = fromBlock(parsed.data);
  if (typedMailTipText(proposal.mailTip) !== proposal.mailTip.trim()) {
    return { kind: "refused", problem: { kind: "markup", field: "mailTip" } };
  }
  return { kind: "block", proposal, readable: body.slice(0, begin) };
}

export interface ProposalMessage {
  body: string;
  from: HeaderAddress | null;
  sender: HeaderAddress | null;
  headers: InternetHeaders;
  /** The signed-in user (the approver): their domain is internal. */
  userAddress: string;
  userDisplayName: string;
}

/**
 * The whole check of a message that may carry a proposal: who sent it and how it arrived first,
 * then the block, then the person it proposes (as the pane would analyse them as a sender).
 */
export function checkProposalMessage(
  message: ProposalMessage,
  org: Pick<OrganizationConfig, "internalDomains">,
  /** The pane's own words: a readable part in its language is compared line by line. */
  words?: ProposalWords,
): ProposalCheck {
  const found = readProposalBlock(message.body);
  if (found.kind === "none") return found;
  const refused = (problem: ProposalProblem): ProposalCheck => ({ kind: "refused", problem });

  const proposer = analyzeSender(
    { from: message.from, sender: message.sender, userAddress: message.userAddress },
    org,
  );
  if (proposer.kind !== "internal" || proposer.address === null) return refused({ kind: "external-sender" });
  if (proposer.onBehalfOf !== null) return refused({ kind: "sent-on-behalf" });
  const user = normalizeAddress(message.userAddress);
  const internal = internalMessageCheck(message.headers, {
    fromDomain: proposer.address.domain,
    organizationDomains: [
      ...(user.ok ? [user.value.domain] : []),
      ...org.internalDomains.map((domain) => domain.toLowerCase()),
    ],
  });
  if (!internal.accepted) {
    return refused({
      kind: internal.reason === "authentication-failed" ? "authentication-failed" : "not-authenticated",
    });
  }
  if (found.kind === "refused") return found;

  const { proposal, readable } = found;
  if (!sameAddress(proposal.proposer.address, proposer.address.address)) {
    return refused({ kind: "forwarded", proposer: proposal.proposer.address });
  }
  const field = disagreement(readable, proposal, words);
  if (field !== null) return refused({ kind: "text-disagrees", field });

  const person = analyzeSender(
    {
      from: { displayName: proposal.displayName, emailAddress: proposal.address },
      sender: null,
      userAddress: message.userAddress,
      userDisplayName: message.userDisplayName,
    },
    org,
  );
  if (person.kind !== "external" || person.address === null) {
    return refused({ kind: "not-promotable", analysis: person });
  }
  return { kind: "accepted", proposal, person, proposer };
}
