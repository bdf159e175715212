/**
 * The lists behind "several selected messages" and "frequent senders", as PersonCandidates
 * for the shared people list: one row per person (addressKey), classified by the same rules as
 * everyone on a message (`toCandidate`), with how many messages they sent.
 */
import type { PersonCandidate } from "./people";
import { toCandidate, type ParticipantContext } from "./participants";
import type { FrequentSender } from "./suggestions";
import type { HeaderAddress } from "./types";

/** The senders of several selected messages, one row per distinct sender, first seen first. */
export function selectionCandidates(
  messages: ReadonlyArray<{ from: HeaderAddress | null }>,
  context: ParticipantContext,
): PersonCandidate[] {
  const byKey = new Map<string, { candidate: PersonCandidate; count: number }>();
  for (const message of messages) {
    if (message.from === null) continue;
    const candidate = toCandidate(message.from, "selected-message", context);
    if (candidate === null) continue;
    const known = byKey.get(candidate.key);
    if (known) {
      known.count += 1;
      // Outlook often gives a name on one message and none on another.
      if (known.candidate.displayName === "")
        known.candidate = { ...known.candidate, displayName: candidate.displayName };
    } else {
      byKey.set(candidate.key, { candidate, count: 1 });
    }
  }
  return [...byKey.values()].map(({ candidate, count }) => ({
    ...candidate,
    sources: [{ kind: "selected-message", count }],
  }));
}

/** Frequent senders (already ranked, external only) as rows that say how many messages and when. */
export function suggestionCandidates(
  senders: readonly FrequentSender[],
  context: ParticipantContext,
): PersonCandidate[] {
  return senders.flatMap((sender) => {
    const candidate = toCandidate(
      { displayName: sender.displayName, emailAddress: sender.address },
      "suggestion",
      context,
    );
    if (candidate === null) return [];
    return [
      {
        ...candidate,
        sources: [{ kind: "suggestion", count: sender.messageCount, lastDate: sender.lastReceived }],
      },
    ];
  });
}
