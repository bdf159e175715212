/**
 * Impersonation by display name: an external sender who calls themselves by the signed-in
 * user's own name or a colleague's, or whose display name shows another address than the one
 * the message came from ("support@contoso.com" <x@attacker.io>). Only asked of external
 * senders: a colleague's own mail is internal and never reaches this check.
 */
import { sameAddress } from "../address";
import { addressesInDisplayName, cleanDisplayName } from "../names";

export type Impersonation =
  | { kind: "user-name"; name: string }
  | { kind: "colleague-name"; name: string }
  | { kind: "other-address"; address: string };

export interface DisplayNameContext {
  /** The signed-in user's display name. */
  userDisplayName: string;
  /** Names of colleagues (internal senders) the pane has seen. */
  colleagueNames: readonly string[];
}

/** "Bowen, Megan", "megan  BOWEN" and "Megan Bowen" are one name: words compared without case, accents' forms or order. */
export function nameKey(displayName: string): string {
  const words = cleanDisplayName(displayName)
    .text.normalize("NFKC")
    .toLocaleLowerCase()
    .split(/[\s,;."'“”‘’()]+/u)
    .filter((word) => word !== "");
  return words.sort().join(" ");
}

/** The first way the display name impersonates someone, or null. */
export function displayNameImpersonation(
  displayName: string,
  senderAddress: string,
  context: DisplayNameContext,
): Impersonation | null {
  const shown = cleanDisplayName(displayName).text;
  const otherAddress = addressesInDisplayName(shown).find((address) => !sameAddress(address, senderAddress));
  if (otherAddress !== undefined) return { kind: "other-address", address: otherAddress };

  const key = nameKey(shown);
  // A single word ("Alex") is too common to accuse anyone of.
  if (!key.includes(" ")) return null;
  if (key === nameKey(context.userDisplayName)) return { kind: "user-name", name: shown };
  const colleague = context.colleagueNames.find((name) => nameKey(name) === key);
  return colleague === undefined ? null : { kind: "colleague-name", name: colleague };
}
