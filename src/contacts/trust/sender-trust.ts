/**
 * The sender-trust guard: one verdict per message from its authentication results, its
 * domain's look-alikes and its display name, and what that means for adding the sender to the
 * organization's address book. A contact is trusted by every colleague; a sender who failed
 * authentication or imitates a known domain or person must not get there in one click.
 */
import {
  hasInternationalLabel,
  findLookAlike,
  IMPERSONATED_BRANDS,
  type KnownDomain,
  type LookAlike,
  type Skeleton,
} from "./look-alike";
import {
  authenticationVerdict,
  type AuthenticationVerdict,
  type InternetHeaders,
} from "./message-authentication";
import { displayNameImpersonation, type Impersonation } from "./display-name";
import { loadConfusableSkeleton } from "./confusable-skeleton";
import type { TrustPolicy } from "./policy";

export type { TrustPolicy } from "./policy";
export { mayAdd } from "./policy";

export interface SenderTrustInput {
  /** The sender's display name as Outlook gives it. */
  displayName: string;
  /** Stored form (ASCII domain). */
  address: string;
  /** ASCII, lower-case. */
  domain: string;
  /** Outlook's internet headers for the message; null when it could not give them. */
  headers: InternetHeaders;
  /** The organization's domains: the user's own first, then the configured ones (ASCII). */
  organizationDomains: readonly string[];
  /** Domains of existing contacts the pane has seen (ASCII). */
  contactDomains: readonly string[];
  userDisplayName: string;
  /** Names of colleagues the pane has seen. */
  colleagueNames: readonly string[];
  /** Compare with the built-in list of much-impersonated brands (default true). */
  brands?: boolean;
}

export interface SenderTrust {
  authentication: AuthenticationVerdict;
  lookAlike: LookAlike | null;
  impersonation: Impersonation | null;
}

export type TrustRisk =
  | { kind: "authentication-failed" }
  | { kind: "look-alike"; lookAlike: LookAlike }
  | { kind: "impersonation"; impersonation: Impersonation };

/** What the pane may do with Add. */
export type AddDecision =
  /** Nothing failed or looks alike: the one-click Add. */
  | "one-click"
  /** "Add anyway…" behind a confirmation that names the risks. */
  | "confirm"
  /** Policy block and authentication failed: no Add from the pane. */
  | "blocked";

function knownDomainsFor(
  input: Pick<SenderTrustInput, "organizationDomains" | "contactDomains" | "brands">,
): KnownDomain[] {
  const known: KnownDomain[] = [];
  const add = (domain: string, source: KnownDomain["source"]) => {
    const lower = domain.trim().toLowerCase();
    if (lower !== "" && !known.some((entry) => entry.domain === lower)) known.push({ domain: lower, source });
  };
  for (const domain of input.organizationDomains) add(domain, "organization");
  for (const domain of input.contactDomains) add(domain, "contact");
  if (input.brands !== false) for (const domain of IMPERSONATED_BRANDS) add(domain, "brand");
  return known;
}

/**
 * Assesses a sender. Pure but for the on-demand skeleton table, fetched only when an
 * internationalized domain is involved (`loadSkeleton` is replaceable for tests).
 */
export async function assessSenderTrust(
  input: SenderTrustInput,
  loadSkeleton: () => Promise<Skeleton> = loadConfusableSkeleton,
): Promise<SenderTrust> {
  const authentication = authenticationVerdict(input.headers, {
    fromDomain: input.domain,
    organizationDomains: input.organizationDomains,
  });
  const known = knownDomainsFor(input);
  const international = [input.domain, ...known.map((entry) => entry.domain)].some(hasInternationalLabel);
  const skeleton = international ? await loadSkeleton() : undefined;
  return {
    authentication,
    lookAlike: findLookAlike(input.domain, known, skeleton),
    impersonation: displayNameImpersonation(input.displayName, input.address, {
      userDisplayName: input.userDisplayName,
      colleagueNames: input.colleagueNames,
    }),
  };
}

/** Everything the confirmation must name, most serious first. */
export function trustRisks(trust: SenderTrust): TrustRisk[] {
  const risks: TrustRisk[] = [];
  if (trust.authentication.status === "failed") risks.push({ kind: "authentication-failed" });
  if (trust.lookAlike !== null) risks.push({ kind: "look-alike", lookAlike: trust.lookAlike });
  if (trust.impersonation !== null) risks.push({ kind: "impersonation", impersonation: trust.impersonation });
  return risks;
}

export function addDecision(trust: SenderTrust, policy: TrustPolicy): AddDecision {
  if (policy === "block" && trust.authentication.status === "failed") return "blocked";
  return trustRisks(trust).length > 0 ? "confirm" : "one-click";
}

/** True when the prefill must not take a company name from the domain: it imitates someone else's. */
export function companyIsBorrowed(trust: SenderTrust): boolean {
  return trust.lookAlike !== null;
}
