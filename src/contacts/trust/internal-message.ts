/**
 * Did a message from a colleague really come from inside the organization? Used for proposals
 * (src/contacts/proposal.ts): an admin's pane accepts one only from an internal sender whose
 * message the organization's own Exchange authenticated.
 *
 * Two things count, both written by Microsoft's infrastructure, never by a sender:
 * - `X-MS-Exchange-Organization-AuthAs: Internal`: Exchange stamps it when a mailbox of the
 *   organization submitted the message, and its header firewall removes every
 *   X-MS-Exchange-Organization-* field from mail arriving from outside, so a sender cannot bring
 *   one in. Every such field in the block must say Internal (a forged one beside Exchange's own
 *   "Anonymous" is refused), and it must sit in the trusted top of the route.
 * - Or the trusted `Authentication-Results` (message-authentication.ts) verified the
 *   organization's domain: mail that came in through EOP from the organization's own systems.
 */
import { parseHeaderBlock } from "./authentication-results";
import { authenticationVerdict, trustedTop, type InternetHeaders } from "./message-authentication";

export type InternalMessageCheck =
  | { accepted: true; via: "exchange-submission" | "authentication-verified" }
  | {
      accepted: false;
      /**
       * headers-unavailable: Outlook gave no headers (nothing can be told, so nothing is accepted);
       * authentication-failed: the organization's infrastructure says the message is forged;
       * not-authenticated: nothing says the organization's Exchange accepted it from a colleague.
       */
      reason: "headers-unavailable" | "authentication-failed" | "not-authenticated";
    };

const AUTH_AS = "x-ms-exchange-organization-authas";

export function internalMessageCheck(
  headers: InternetHeaders,
  context: { fromDomain: string; organizationDomains: readonly string[] },
): InternalMessageCheck {
  if (headers === null || headers.trim() === "") return { accepted: false, reason: "headers-unavailable" };
  const authentication = authenticationVerdict(headers, context);
  if (authentication.status === "failed") return { accepted: false, reason: "authentication-failed" };

  const fields = parseHeaderBlock(headers);
  const top = trustedTop(fields, context.organizationDomains);
  const authAs = fields
    .map((field, index) => ({ index, name: field.name.toLowerCase(), value: field.value.trim() }))
    .filter((field) => field.name === AUTH_AS);
  const internal =
    authAs.length > 0 &&
    authAs.every((field) => field.value.toLowerCase() === "internal") &&
    (authAs[0] as { index: number }).index < top;
  if (internal) return { accepted: true, via: "exchange-submission" };
  if (authentication.status === "verified") return { accepted: true, via: "authentication-verified" };
  return { accepted: false, reason: "not-authenticated" };
}
