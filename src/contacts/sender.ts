/**
 * Who sent this message, and can they become a contact?
 *
 * The contact to promote is the `from` person; when `sender` differs (send-on-behalf, a
 * delegate or a service sending for someone), it is reported as `onBehalfOf`. Classification,
 * first match wins: unusable (no address, legacy DN, invalid) → internal (the user's domain or a
 * configured one, subdomains included) → automated (see below) → external.
 *
 * Automated senders are recognised by the local part:
 * - no-reply in any spelling as a word of the local part: noreply, no-reply, no_reply,
 *   do-not-reply, donotreply, dont-reply, "jobs-noreply", "noreply123", ne-pas-repondre...;
 * - mail-system names: postmaster, mailer-daemon, mailer, autoreply, listserv, majordomo, root,
 *   and mailing-list plumbing (owner-x, x-request, x-owner);
 * - bounce handling: bounce(s) as a word, VERP "bounce-123@", "bounces+...=...@", BATV
 *   "prvs=" / "msprvs1=", SRS "SRS0=" / "SRS1=", long hexadecimal message ids, and domains
 *   whose first label is bounce(s);
 * - notifications: notification(s) as a word ("calendar-notification"); notify, alert(s) and
 *   newsletter(s) only as the whole local part. "notify" inside a longer local part is left
 *   external: "notify.smith" or "notifyteam" may well be read by people, and a false
 *   "automated" would block a real promotion while a false "external" only costs a click.
 * Shared mailboxes staffed by people (info@, support@, sales@) are external: promotable.
 */
import { isLegacyExchangeDn, mixedScriptLabels, normalizeAddress, sameAddress } from "./address";
import { addressesInDisplayName, cleanDisplayName, MAX_ANALYSED_LENGTH } from "./names";
import type {
  DisplayNameCaution,
  HeaderAddress,
  NormalizedAddress,
  OrganizationConfig,
  SenderAnalysis,
  SenderInput,
  SenderReason,
  SenderWarning,
} from "./types";
import { toASCII } from "punycode/";

export type { AutomatedCategory } from "./types";
import type { AutomatedCategory } from "./types";

const WORD_END = String.raw`(?=$|[._+=\-]|\d)`;
const NO_REPLY = new RegExp(
  String.raw`(?:^|[._+=\-])(?:(?:no|do[._\-]?not|dont|ne[._\-]?pas)[._\-]?(?:reply|replies|respond|response|answer|repondre)|nicht[._\-]?antworten|keine[._\-]?antwort)${WORD_END}`,
  "i",
);
const MAIL_SYSTEM_NAMES = new Set([
  "postmaster",
  "mailer-daemon",
  "mailer_daemon",
  "mailerdaemon",
  "mail-daemon",
  "maildaemon",
  "daemon",
  "mailer",
  "automailer",
  "autoreply",
  "auto-reply",
  "autoresponder",
  "auto-responder",
  "autoconfirm",
  "auto-confirm",
  "listserv",
  "majordomo",
  "mailman",
  "root",
]);
const MAILING_LIST_PLUMBING = /^owner-|-(?:request|owner)$/i;
const BOUNCE_WORD = new RegExp(String.raw`(?:^|[._\-])bounces?${WORD_END}`, "i");
const BATV = /^(?:ms)?prvs\d*=|^btv1==/i;
const SRS = /^srs[01][=+-]/i;
const MESSAGE_ID_LIKE = /^(?=[0-9a-f-]*\d)[0-9a-f-]{20,}$/i;
const BOUNCE_DOMAIN = /^bounces?\./i;
const NOTIFICATION_WORD = new RegExp(String.raw`(?:^|[._\-])notifications?${WORD_END}`, "i");
const NOTIFICATION_NAMES = new Set(["notify", "alert", "alerts", "newsletter", "newsletters"]);

/** Why an address is an automated sender, or null when it may be a person. */
export function classifyAutomatedSender(localPart: string, domain: string): AutomatedCategory | null {
  const local = localPart.toLowerCase();
  const base = (local.split("+")[0] ?? local).replace(/\d+$/, "");
  if (NO_REPLY.test(local)) return "no-reply";
  if (MAIL_SYSTEM_NAMES.has(base) || MAILING_LIST_PLUMBING.test(base)) return "mail-system";
  if (BOUNCE_WORD.test(local) || BATV.test(local) || SRS.test(local) || MESSAGE_ID_LIKE.test(base))
    return "bounce";
  if (BOUNCE_DOMAIN.test(domain)) return "bounce";
  if (NOTIFICATION_WORD.test(local) || NOTIFICATION_NAMES.has(base)) return "notifications";
  return null;
}

/** A configured domain in canonical form: lower-case ASCII, without "@", "*." or a leading dot. */
function canonicalDomain(domain: string): string | null {
  const stripped = domain
    .trim()
    .toLowerCase()
    .replace(/^[@*]*\.?/, "")
    .replace(/\.$/, "");
  if (stripped === "") return null;
  try {
    return toASCII(stripped.normalize("NFC"));
  } catch {
    return null;
  }
}

function organizationDomains(
  userAddress: string,
  configured: readonly string[],
): { domain: string; own: boolean }[] {
  const user = normalizeAddress(userAddress);
  const domains = user.ok ? [{ domain: user.value.domain, own: true }] : [];
  for (const entry of configured) {
    const domain = canonicalDomain(entry);
    if (domain !== null && !domains.some((known) => known.domain === domain))
      domains.push({ domain, own: false });
  }
  return domains;
}

function internalReason(address: NormalizedAddress, match: { domain: string; own: boolean }): SenderReason {
  const domain = address.displayDomain;
  if (address.domain !== match.domain) {
    const parent = normalizeAddress(`x@${match.domain}`);
    return {
      code: "internal-subdomain",
      domain,
      parent: parent.ok ? parent.value.displayDomain : match.domain,
    };
  }
  return { code: match.own ? "internal-own" : "internal-configured", domain };
}

function onBehalfOf(from: HeaderAddress, sender: HeaderAddress | null): SenderAnalysis["onBehalfOf"] {
  const senderAddress = sender?.emailAddress.trim() ?? "";
  if (sender === null || senderAddress === "" || from.emailAddress.trim() === "") return null;
  if (sameAddress(senderAddress, from.emailAddress)) return null;
  const normalized = normalizeAddress(senderAddress);
  return {
    displayName: cleanDisplayName(sender.displayName).text,
    address: normalized.ok ? normalized.value.displayAddress : senderAddress,
  };
}

function displayNameWarnings(rawName: string, address: NormalizedAddress | null): SenderWarning[] {
  const cleaned = cleanDisplayName(rawName);
  const warnings: SenderWarning[] = [];
  if (cleaned.truncated) warnings.push({ code: "name-truncated", limit: MAX_ANALYSED_LENGTH });
  if (cleaned.cutAtLineBreak) warnings.push({ code: "name-cut-at-line-break" });
  if (cleaned.removedGarbage) warnings.push({ code: "name-garbage-removed" });
  if (address !== null) {
    const shown = otherAddressShown(cleaned.text, address);
    if (shown !== undefined)
      warnings.push({ code: "name-shows-other-address", shown, actual: address.displayAddress });
  }
  if (cleaned.removedInvisible) warnings.push({ code: "name-invisible-removed" });
  if (cleaned.removedMarkup) warnings.push({ code: "name-markup-removed" });
  return warnings;
}

/** At most this many distinct addresses of a display name are compared (each comparison parses one). */
const MAX_ADDRESSES_COMPARED = 8;

/** The first address written in a display name that is not the sender's own, if any. */
function otherAddressShown(cleanedName: string, address: NormalizedAddress): string | undefined {
  const distinct = [...new Set(addressesInDisplayName(cleanedName))].filter(
    (shown) => shown.toLowerCase() !== address.address.toLowerCase(),
  );
  return distinct.slice(0, MAX_ADDRESSES_COMPARED).find((shown) => !sameAddress(shown, address.address));
}

/** Words of a name for comparing two spellings: accents, case, punctuation and order ignored. */
function nameWords(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "")
    .sort()
    .join(" ");
}

/** An external display name that impersonates: the user's own name, or another address. */
function displayNameCautions(
  cleanedName: string,
  address: NormalizedAddress,
  userDisplayName: string | undefined,
): DisplayNameCaution[] {
  const cautions: DisplayNameCaution[] = [];
  const own = userDisplayName === undefined ? "" : nameWords(cleanDisplayName(userDisplayName).text);
  if (own !== "" && nameWords(cleanedName) === own) {
    cautions.push({ kind: "your-own-name", name: cleanedName });
  }
  const shown = otherAddressShown(cleanedName, address);
  if (shown !== undefined) cautions.push({ kind: "shows-another-address", address: shown });
  return cautions;
}

function domainWarnings(address: NormalizedAddress): SenderWarning[] {
  return mixedScriptLabels(address.displayDomain).map(({ label, scripts }) => ({
    code: "mixed-script-domain",
    domain: address.displayDomain,
    asciiDomain: address.domain,
    label,
    scripts,
  }));
}

/** Classifies the sender of a message and says why, as facts (the pane words them). */
export function analyzeSender(
  input: SenderInput,
  org: Pick<OrganizationConfig, "internalDomains">,
): SenderAnalysis {
  const { from } = input;
  if (from === null) {
    return {
      kind: "unusable",
      reason: { code: "no-from" },
      displayName: "",
      address: null,
      onBehalfOf: null,
      warnings: [],
    };
  }
  const displayName = cleanDisplayName(from.displayName).text;
  const rawAddress = from.emailAddress.trim();
  const unusable = (reason: SenderReason): SenderAnalysis => ({
    kind: "unusable",
    reason,
    displayName,
    address: null,
    onBehalfOf: onBehalfOf(from, input.sender),
    warnings: displayNameWarnings(from.displayName, null),
  });
  if (rawAddress === "") return unusable({ code: "no-address" });
  if (isLegacyExchangeDn(rawAddress)) return unusable({ code: "legacy-dn" });
  const normalized = normalizeAddress(rawAddress);
  if (!normalized.ok) return unusable({ code: "invalid-address", problem: normalized.problem });

  const address = normalized.value;
  const verdict = (kind: SenderAnalysis["kind"], reason: SenderReason): SenderAnalysis => ({
    kind,
    reason,
    displayName,
    address,
    onBehalfOf: onBehalfOf(from, input.sender),
    warnings: [...domainWarnings(address), ...displayNameWarnings(from.displayName, address)],
  });

  const internal = organizationDomains(input.userAddress, org.internalDomains).find(
    ({ domain }) => address.domain === domain || address.domain.endsWith(`.${domain}`),
  );
  if (internal !== undefined) return verdict("internal", internalReason(address, internal));

  const automated = classifyAutomatedSender(address.localPart, address.domain);
  if (automated !== null) {
    return verdict("automated", { code: "automated", category: automated, address: address.displayAddress });
  }

  return {
    ...verdict("external", { code: "external", address: address.displayAddress }),
    cautions: displayNameCautions(displayName, address, input.userDisplayName),
  };
}
