/**
 * Did the message really come from the domain it shows? Read from the authentication results
 * the organization's own mail infrastructure (Exchange Online Protection) stamped on it.
 *
 * What is trusted, and why:
 * - Only `Authentication-Results` fields, never `ARC-Authentication-Results` (a chain of
 *   claims by earlier hops; EOP already weighed them, and says so with compauth reason 130)
 *   nor `Authentication-Results-Original` (an earlier hop's verdict that Exchange renamed).
 * - Only the topmost one: fields are prepended as a message travels, so EOP's sits above
 *   everything the sender wrote. Any field further down is ignored, whatever it claims.
 * - Only when it is Microsoft's: written without an authserv-id (EOP's form) or with a Microsoft
 *   host as authserv-id; and only when it sits inside the route's trusted part: below at least
 *   one `Received` field by a Microsoft (or the organization's) host, above the first one by any
 *   other host. A field below such a hop could have been written by that hop or by the sender.
 * - No usable result is "not checked", never "verified".
 */
import {
  parseAuthenticationResults,
  parseHeaderBlock,
  type AuthResult,
  type HeaderField,
} from "./authentication-results";

export type AuthenticationStatus = "verified" | "not-verified" | "failed" | "not-checked";

/** Why the verdict is what it is; the pane words each one (src/taskpane/strings.ts). */
export type AuthenticationReason =
  /** verified: EOP's composite authentication passed. */
  | "compauth-pass"
  /** verified: DMARC passed (no composite result written). */
  | "dmarc-pass"
  /** verified: DMARC failed, but EOP accepted a trusted forwarder's ARC seal (compauth reason 130). */
  | "arc-override"
  /** not-verified: EOP passed it only softly (compauth softpass, reasons 2xx). */
  | "compauth-softpass"
  /** not-verified: the domain publishes no DMARC policy and nothing else verified it. */
  | "no-policy"
  /** not-verified: the results were for another domain than the one the message shows. */
  | "other-domain"
  /** failed: EOP's composite authentication failed (compauth fail). */
  | "compauth-fail"
  /** failed: DMARC failed. */
  | "dmarc-fail"
  /** not-checked: Outlook cannot give the headers here (before Mailbox 1.8, or the call failed). */
  | "headers-unavailable"
  /** not-checked: the message has no internet headers (Sent Items, drafts). */
  | "headers-empty"
  /** not-checked: no authentication results stamped by the organization's infrastructure. */
  | "no-trusted-results";

/** The raw verdicts, for the details disclosure. */
export interface AuthenticationDetails {
  spf: string | null;
  dkim: string | null;
  dmarc: string | null;
  compauth: string | null;
  compauthReason: string | null;
  /** `header.from` of the DMARC (or compauth) result. */
  headerFrom: string | null;
  /** `smtp.mailfrom` of the SPF result: the envelope sender. */
  mailFrom: string | null;
  /** `header.d` of the DKIM result: the signing domain. */
  dkimDomain: string | null;
  /** Who stamped the results; null for EOP's header, which names nobody. */
  stampedBy: string | null;
}

export interface AuthenticationVerdict {
  status: AuthenticationStatus;
  reason: AuthenticationReason;
  /** Null when nothing was read (not-checked). */
  details: AuthenticationDetails | null;
}

/** The headers as the Office adapter read them: null when Outlook could not give them. */
export type InternetHeaders = string | null;

export interface AuthenticationContext {
  /** The `From` domain Outlook shows (ASCII, lower-case): the results must be about it. */
  fromDomain: string;
  /** The organization's domains: a `Received` hop by one of their hosts is its own infrastructure. */
  organizationDomains: readonly string[];
}

/** Microsoft's mail hosts (worldwide, GCC High/DoD, 21Vianet); authserv-ids and Received `by` hosts. */
const MICROSOFT_HOSTS = [
  "outlook.com",
  "office365.com",
  "microsoft.com",
  "office365.us",
  "outlook.cn",
  "partner.outlook.cn",
];

function isUnder(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function isMicrosoftHost(host: string): boolean {
  return MICROSOFT_HOSTS.some((domain) => isUnder(host, domain));
}

const fieldIs = (field: HeaderField, name: string) => field.name.toLowerCase() === name;

/** The host after "by" in a Received field, lower-case; null when there is none. */
function receivedBy(value: string): string | null {
  const match = /(?:^|[\s)])by\s+([^\s;()]+)/i.exec(value);
  return match ? (match[1] as string).toLowerCase().replace(/\.$/, "") : null;
}

/**
 * The trusted top of the block: from the first field to the first Received field stamped by a
 * host outside Microsoft and the organization (excluded). Empty when no Microsoft or
 * organization hop heads the block: then nothing shows the organization's infrastructure
 * wrote any of it.
 */
export function trustedTop(fields: readonly HeaderField[], organizationDomains: readonly string[]): number {
  let ownHops = 0;
  for (const [index, field] of fields.entries()) {
    if (!fieldIs(field, "received")) continue;
    const by = receivedBy(field.value);
    const own =
      by !== null && (isMicrosoftHost(by) || organizationDomains.some((domain) => isUnder(by, domain)));
    if (!own) return ownHops > 0 ? index : 0;
    ownHops += 1;
  }
  return ownHops > 0 ? fields.length : 0;
}

function first(results: readonly AuthResult[], method: string): AuthResult | null {
  return results.find((result) => result.method === method) ?? null;
}

function domainOfValue(value: string | undefined): string | null {
  if (value === undefined || value === "" || value.toLowerCase() === "none") return null;
  const at = value.lastIndexOf("@");
  return (at < 0 ? value : value.slice(at + 1)).toLowerCase().replace(/\.$/, "");
}

function detailsOf(results: readonly AuthResult[], stampedBy: string | null): AuthenticationDetails {
  const spf = first(results, "spf");
  const dkim = first(results, "dkim");
  const dmarc = first(results, "dmarc");
  const compauth = first(results, "compauth");
  return {
    spf: spf?.result ?? null,
    dkim: dkim?.result ?? null,
    dmarc: dmarc?.result ?? null,
    compauth: compauth?.result ?? null,
    compauthReason: compauth?.reason ?? null,
    headerFrom: domainOfValue(dmarc?.properties["header.from"] ?? compauth?.properties["header.from"]),
    mailFrom: domainOfValue(spf?.properties["smtp.mailfrom"]),
    dkimDomain: domainOfValue(dkim?.properties["header.d"]),
    stampedBy,
  };
}

const notChecked = (reason: AuthenticationReason): AuthenticationVerdict => ({
  status: "not-checked",
  reason,
  details: null,
});

/** What the organization's infrastructure concluded about the message, from its internet headers. */
export function authenticationVerdict(
  headers: InternetHeaders,
  context: AuthenticationContext,
): AuthenticationVerdict {
  if (headers === null) return notChecked("headers-unavailable");
  if (headers.trim() === "") return notChecked("headers-empty");

  const fields = parseHeaderBlock(headers);
  const topmost = fields.findIndex((field) => fieldIs(field, "authentication-results"));
  if (topmost < 0 || topmost >= trustedTop(fields, context.organizationDomains)) {
    return notChecked("no-trusted-results");
  }
  const parsed = parseAuthenticationResults((fields[topmost] as HeaderField).value);
  if (parsed === null || parsed.results.length === 0) return notChecked("no-trusted-results");
  const stampedBy = parsed.authservId?.toLowerCase() ?? null;
  if (stampedBy !== null && !isMicrosoftHost(stampedBy)) return notChecked("no-trusted-results");

  const details = detailsOf(parsed.results, stampedBy);
  const verdict = (status: AuthenticationStatus, reason: AuthenticationReason): AuthenticationVerdict => ({
    status,
    reason,
    details,
  });

  const { compauth, compauthReason, dmarc } = details;
  if (compauth === "fail") return verdict("failed", "compauth-fail");
  if (compauth === "pass" && compauthReason === "130") return verdict("verified", "arc-override");
  if (dmarc === "fail" && compauth !== "pass") return verdict("failed", "dmarc-fail");
  // A verdict about another From domain than the one Outlook shows proves nothing about this one.
  if (details.headerFrom !== null && details.headerFrom !== context.fromDomain.toLowerCase()) {
    return verdict("not-verified", "other-domain");
  }
  if (compauth === "pass") return verdict("verified", "compauth-pass");
  if (compauth === "softpass") return verdict("not-verified", "compauth-softpass");
  if (dmarc === "pass") return verdict("verified", "dmarc-pass");
  return verdict("not-verified", "no-policy");
}
