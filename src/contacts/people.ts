/**
 * Several people at once: the vocabulary shared by every list of people the pane offers to add
 * (everyone on a message, the senders of several selected messages, frequent-sender
 * suggestions). Plain data: where a person was found, what they are (the same classification
 * as the single sender, `analyzeSender`), and why, as a code the pane words (strings.ts).
 */
import type { AddressProblem } from "./address";
import type { AutomatedCategory } from "./sender";
import type { NormalizedAddress, SenderKind } from "./types";

/** Where a person was found. A person found in several places keeps every place, first one first. */
export type PersonSourceKind =
  "from" | "sender" | "to" | "cc" | "organizer" | "attendee" | "selected-message" | "suggestion";

export interface PersonSource {
  kind: PersonSourceKind;
  /** Messages this person was found in (a selection or the suggestions' window); absent for one message. */
  count?: number;
  /** The newest of those messages (ISO 8601); absent for one message. */
  lastDate?: string;
}

/**
 * Why a person is (or is not) offered for adding, as a code: the pane chooses the sentence.
 * One code per classification reason, so a greyed row can say exactly why.
 */
export type PersonReason =
  | { code: "external" }
  /** The signed-in user: already in the directory as a mailbox. */
  | { code: "yourself" }
  /** The user's domain or a configured one (subdomains included); `domain` is the matching one as shown. */
  | { code: "internal-domain"; domain: string }
  | { code: "automated"; category: AutomatedCategory }
  /** A distribution list or other group: not a person, and already in an address list. */
  | { code: "group" }
  /** Outlook gave a display name without an address (a recipient typed as a name only). */
  | { code: "no-address" }
  /** An Exchange legacy DN instead of an SMTP address: someone in an Exchange directory. */
  | { code: "exchange-identifier" }
  /** An address Exchange would refuse, and why when the parser said (the pane words it). */
  | { code: "invalid-address"; problem: AddressProblem | null };

export interface PersonClassification {
  kind: SenderKind;
  reason: PersonReason;
}

/** One person a list offers: identity, where they were seen, and what they are. */
export interface PersonCandidate {
  /** addressKey of the stored address (or of the raw text when unusable): the list's identity for this person. */
  key: string;
  /** Display name as Outlook gave it, cleaned ("" when none). */
  displayName: string;
  /** The normalized address; null when unusable. */
  address: NormalizedAddress | null;
  /** What Outlook gave, for showing an unusable entry ("" when nothing). */
  rawAddress: string;
  sources: readonly PersonSource[];
  classification: PersonClassification;
}

/** Only external people are looked up, offered and added. */
export function isAddable(candidate: PersonCandidate): boolean {
  return candidate.classification.kind === "external" && candidate.address !== null;
}

/** An address as Outlook gives a recipient (EmailAddressDetails): `recipientType` tells a group from a person. */
export interface ParticipantAddress {
  displayName: string;
  emailAddress: string;
  /** Office's RecipientType where the host gives it: "distributionList" is a group. */
  recipientType?: "user" | "externalUser" | "distributionList" | "other";
}

/** Everyone on the item on screen, as Outlook gives them (read mode). */
export type ItemParticipants =
  | { kind: "none" }
  | {
      kind: "message";
      from: ParticipantAddress | null;
      sender: ParticipantAddress | null;
      to: readonly ParticipantAddress[];
      cc: readonly ParticipantAddress[];
    }
  | {
      kind: "meeting";
      organizer: ParticipantAddress | null;
      /** Required and optional attendees. */
      attendees: readonly ParticipantAddress[];
    };
