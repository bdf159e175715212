/**
 * Everyone on a message (from, sender, To, Cc) or a meeting (organizer, attendees), as
 * PersonCandidates: one per person, deduplicated by `addressKey` (so "Jane@X.com" on To and
 * "jane@x.com" on Cc are one row that names both places), each classified by the same rules as
 * the single sender (`analyzeSender`), with a reason code. Outlook also gives recipients that
 * are not people to add: a name without an address, a group (distribution list), an Exchange
 * identifier, and the signed-in user themself; each keeps its row, greyed with its reason.
 */
import { addressKey, isLegacyExchangeDn, normalizeAddress, sameAddress } from "./address";
import { cleanDisplayName } from "./names";
import type {
  ItemParticipants,
  ParticipantAddress,
  PersonCandidate,
  PersonClassification,
  PersonSourceKind,
} from "./people";
import { analyzeSender, classifyAutomatedSender } from "./sender";
import type { OrganizationConfig } from "./types";

export interface ParticipantContext {
  /** The signed-in user's SMTP address: their own row says "This is you", and their domain is internal. */
  userAddress: string;
  org: Pick<OrganizationConfig, "internalDomains">;
}

/** Outlook's list of recipients can be long; nobody adds more than this from one item (and the batch is bounded). */
export const MAX_PARTICIPANTS = 500;

/** The people on `item`, in the order Outlook lists them (from first), one row per person. */
export function extractParticipants(item: ItemParticipants, context: ParticipantContext): PersonCandidate[] {
  const entries: Array<[PersonSourceKind, ParticipantAddress | null]> =
    item.kind === "message"
      ? [
          ["from", item.from],
          ["sender", item.sender],
          ...item.to.map((to): [PersonSourceKind, ParticipantAddress] => ["to", to]),
          ...item.cc.map((cc): [PersonSourceKind, ParticipantAddress] => ["cc", cc]),
        ]
      : item.kind === "meeting"
        ? [
            ["organizer", item.organizer],
            ...item.attendees.map((attendee): [PersonSourceKind, ParticipantAddress] => [
              "attendee",
              attendee,
            ]),
          ]
        : [];

  const byKey = new Map<string, PersonCandidate>();
  for (const [source, participant] of entries) {
    if (participant === null) continue;
    const candidate = toCandidate(participant, source, context);
    if (candidate === null) continue;
    const known = byKey.get(candidate.key);
    if (known) {
      byKey.set(candidate.key, merge(known, candidate));
    } else if (byKey.size < MAX_PARTICIPANTS) {
      byKey.set(candidate.key, candidate);
    }
  }
  return [...byKey.values()];
}

function merge(known: PersonCandidate, again: PersonCandidate): PersonCandidate {
  const kind = again.sources[0]?.kind;
  // "Sent by" the From person themself says nothing: only a delegate sending for them is worth a word.
  const redundant =
    known.sources.some((source) => source.kind === kind) ||
    (kind === "sender" && known.sources.some((source) => source.kind === "from"));
  const sources = redundant ? known.sources : [...known.sources, ...again.sources];
  // The first non-empty name wins: Outlook often gives a name on one line and none on another.
  const displayName = known.displayName || again.displayName;
  return { ...known, displayName, sources };
}

/** One row, or null for an entry with neither a name nor an address (nothing to show). */
export function toCandidate(
  participant: ParticipantAddress,
  source: PersonSourceKind,
  context: ParticipantContext,
): PersonCandidate | null {
  const displayName = cleanDisplayName(participant.displayName).text;
  const rawAddress = participant.emailAddress.trim();
  const sources = [{ kind: source }];
  if (rawAddress === "") {
    if (displayName === "") return null;
    // No address to key by: the name is the identity (the same name twice is one row).
    return {
      key: `name:${displayName.normalize("NFC").toLowerCase()}`,
      displayName,
      address: null,
      rawAddress: "",
      sources,
      classification: { kind: "unusable", reason: { code: "no-address" } },
    };
  }
  const key = addressKey(rawAddress);
  const normalized = normalizeAddress(rawAddress);
  const address = normalized.ok ? normalized.value : null;
  return {
    key,
    displayName,
    address,
    rawAddress,
    sources,
    classification: classify(participant, context),
  };
}

function classify(participant: ParticipantAddress, context: ParticipantContext): PersonClassification {
  const rawAddress = participant.emailAddress.trim();
  if (isLegacyExchangeDn(rawAddress)) return { kind: "unusable", reason: { code: "exchange-identifier" } };
  const normalized = normalizeAddress(rawAddress);
  if (!normalized.ok)
    return { kind: "unusable", reason: { code: "invalid-address", problem: normalized.problem } };
  if (context.userAddress !== "" && sameAddress(rawAddress, context.userAddress))
    return { kind: "internal", reason: { code: "yourself" } };
  // A distribution list is a group of people, already in the address lists.
  if (participant.recipientType === "distributionList")
    return { kind: "unusable", reason: { code: "group" } };
  const address = normalized.value;
  const analysis = analyzeSender(
    { from: participant, sender: null, userAddress: context.userAddress },
    context.org,
  );
  switch (analysis.kind) {
    case "internal":
      return { kind: "internal", reason: { code: "internal-domain", domain: address.displayDomain } };
    case "automated": {
      const category = classifyAutomatedSender(address.localPart, address.domain) ?? "mail-system";
      return { kind: "automated", reason: { code: "automated", category } };
    }
    case "unusable":
      return {
        kind: "unusable",
        reason: {
          code: "invalid-address",
          problem: analysis.reason.code === "invalid-address" ? analysis.reason.problem : null,
        },
      };
    case "external":
      return { kind: "external", reason: { code: "external" } };
  }
}
