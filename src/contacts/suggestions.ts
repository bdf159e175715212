/**
 * "Frequent senders": the external people the user received the most mail from in a recent
 * window, who are not in the directory yet. Counts and classification live here, over plain
 * (from, received) pairs; where the pairs come from (Microsoft Graph in the pane) is not this
 * file's business, and no body, subject or recipient is ever part of the input.
 *
 * A sender counts once per message, by address identity (addressKey). Excluded, each with a
 * count the pane can show: internal senders (the user's and configured domains), automated
 * ones (no-reply, postmaster...), unusable addresses, the user themself, messages outside
 * the window, and (second step, `withoutDirectoryContacts`) people the directory already has.
 */
import { addressKey, sameAddress } from "./address";
import { analyzeSender } from "./sender";
import type { HeaderAddress, OrganizationConfig, SenderAnalysis } from "./types";

export const DEFAULT_SUGGESTION_WINDOW_DAYS = 30;
/** How many suggestions the pane shows: the most frequent first. */
export const DEFAULT_SUGGESTION_LIMIT = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

/** One received message, as much of it as suggestions may know. */
export interface ReceivedMessage {
  from: HeaderAddress | null;
  /** ISO 8601, as Graph's receivedDateTime. */
  receivedDateTime: string;
}

export interface FrequentSender {
  /** The normalized address (ASCII domain): what a contact would be created with. */
  address: string;
  /** The newest non-empty display name the sender used. */
  displayName: string;
  messageCount: number;
  /** ISO 8601 of the newest message in the window. */
  lastReceived: string;
  analysis: SenderAnalysis;
}

export type ExclusionReason =
  "internal" | "automated" | "unusable" | "yourself" | "outside-window" | "in-directory";

export interface FrequentSenders {
  /** Most messages first; ties: newest last message first, then address. */
  senders: FrequentSender[];
  /** Messages (not people) left out, per reason; "in-directory" counts people. */
  excluded: Record<ExclusionReason, number>;
  /** External people past `limit`, not shown. */
  more: number;
}

export interface FrequentSenderOptions {
  now: Date;
  /** Default DEFAULT_SUGGESTION_WINDOW_DAYS. */
  windowDays?: number;
  /** Default DEFAULT_SUGGESTION_LIMIT. */
  limit?: number;
  userAddress: string;
  org: Pick<OrganizationConfig, "internalDomains">;
}

/** The window's start: `windowDays` before `now`. Graph's $filter uses the same instant. */
export function windowStart(now: Date, windowDays = DEFAULT_SUGGESTION_WINDOW_DAYS): Date {
  return new Date(now.getTime() - windowDays * DAY_MS);
}

function noExclusions(): Record<ExclusionReason, number> {
  return {
    internal: 0,
    automated: 0,
    unusable: 0,
    yourself: 0,
    "outside-window": 0,
    "in-directory": 0,
  };
}

/** Counts and ranks the external senders of `messages` within the window. */
export function rankFrequentSenders(
  messages: Iterable<ReceivedMessage>,
  options: FrequentSenderOptions,
): FrequentSenders {
  const windowDays = options.windowDays ?? DEFAULT_SUGGESTION_WINDOW_DAYS;
  const from = windowStart(options.now, windowDays).getTime();
  const until = options.now.getTime();
  const excluded = noExclusions();
  const people = new Map<string, FrequentSender & { lastMs: number; nameMs: number }>();

  for (const message of messages) {
    const receivedMs = Date.parse(message.receivedDateTime);
    // A date in the future (clock skew) still counts; one outside the window or unreadable does not.
    if (!Number.isFinite(receivedMs) || receivedMs < from || receivedMs > until + DAY_MS) {
      excluded["outside-window"] += 1;
      continue;
    }
    const address = message.from?.emailAddress.trim() ?? "";
    if (address !== "" && sameAddress(address, options.userAddress)) {
      excluded.yourself += 1;
      continue;
    }
    const analysis = analyzeSender(
      { from: message.from, sender: null, userAddress: options.userAddress },
      options.org,
    );
    if (analysis.kind !== "external" || analysis.address === null) {
      excluded[analysis.kind === "external" ? "unusable" : analysis.kind] += 1;
      continue;
    }
    const key = addressKey(analysis.address.address);
    const name = message.from?.displayName.trim() ?? "";
    const known = people.get(key);
    if (!known) {
      people.set(key, {
        address: analysis.address.address,
        displayName: name,
        messageCount: 1,
        lastReceived: new Date(receivedMs).toISOString(),
        analysis,
        lastMs: receivedMs,
        nameMs: name === "" ? -Infinity : receivedMs,
      });
      continue;
    }
    known.messageCount += 1;
    if (receivedMs > known.lastMs) {
      known.lastMs = receivedMs;
      known.lastReceived = new Date(receivedMs).toISOString();
    }
    // The name of the newest message that has one: people fix their display names.
    if (name !== "" && receivedMs > known.nameMs) {
      known.displayName = name;
      known.nameMs = receivedMs;
      known.analysis = analysis;
    }
  }

  const ranked = [...people.values()]
    .sort(
      (a, b) =>
        b.messageCount - a.messageCount ||
        b.lastMs - a.lastMs ||
        (a.address < b.address ? -1 : a.address > b.address ? 1 : 0),
    )
    .map(({ lastMs: _lastMs, nameMs: _nameMs, ...sender }) => sender);
  const limit = options.limit ?? DEFAULT_SUGGESTION_LIMIT;
  return { senders: ranked.slice(0, limit), excluded, more: Math.max(0, ranked.length - limit) };
}

/**
 * Drops the people the directory already has. `inDirectory` answers from lookups already made
 * (the pane runs them through the people batch: its gate, its cache, the one retry policy); a
 * person whose lookup failed is kept, and the list's own verdict says what went wrong.
 */
export function withoutDirectoryContacts(
  ranked: FrequentSenders,
  inDirectory: (address: string) => boolean,
): FrequentSenders {
  const senders = ranked.senders.filter((sender) => !inDirectory(sender.address));
  return {
    ...ranked,
    senders,
    excluded: { ...ranked.excluded, "in-directory": ranked.senders.length - senders.length },
  };
}
