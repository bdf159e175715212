/**
 * Deployment configuration, fixed at build time. webpack's DefinePlugin replaces
 * `__ADDIN_BUILD_CONFIG__` with the values of these environment variables
 * (see webpack.config.js and docs/platform.md):
 *
 *   ADDIN_BACKEND           admin-center (default) or exchange: which API stores the contacts (docs/admin-setup.md)
 *   ADDIN_CLIENT_ID         Entra application (client) id of the add-in's app registration (required, except in the demo)
 *   ADDIN_AUTHORITY         default https://login.microsoftonline.com/organizations
 *   ADDIN_API_SCOPE         default: the backend's (https://admin.microsoft.com/.default, https://outlook.office365.com/.default)
 *   ADDIN_API_BASE_URL      where /admin/api/... or /adminapi/... is called; default "" = the pane's own origin (the relay)
 *   ADDIN_EXCHANGE_TENANT   exchange: tenant id or domain for InvokeCommand; default "" = the token's tid
 *   ADDIN_INTERNAL_DOMAINS  comma-separated domains that count as internal (the user's own domain always does)
 *   ADDIN_MAIL_TIP_TEMPLATE mail tip template, placeholders {displayName} {company} {domain}
 *   ADDIN_TRUST_POLICY      warn (default) | block: what the pane does with a sender who failed authentication (docs/sender-trust.md)
 *   ADDIN_APPROVERS         comma-separated addresses (people or a group) proposals go to (docs/proposals.md); none: no proposals
 *                           (checked where it is used: the first download does not carry the check)
 *   ADDIN_DEMO              "1": demo build (token from the demo server, see src/auth/demo-token-provider.ts)
 *   ADDIN_SUGGESTIONS       "on": suggestions from Microsoft Graph (read by the served CSP, src/server/csp-sources.ts)
 *   ADDIN_GRAPH_BASE_URL    Graph's base URL for a cloud whose Graph host the CSP does not know
 *   ADDIN_SUGGESTIONS_DAYS  how many days of received mail suggestions count (default 30, 1 to 365)
 *
 * Nothing here is secret: the client id and scope are public by design.
 */
import { DEFAULT_MAIL_TIP_TEMPLATE } from "./contacts/draft-rules";
import { TRUST_POLICIES, type TrustPolicy } from "./contacts/trust/policy";
import type { OrganizationConfig } from "./contacts/types";

/** The raw strings injected at build time; every field may be missing. */
export interface BuildTimeConfig {
  backend?: string;
  exchangeTenant?: string;
  clientId?: string;
  authority?: string;
  apiScope?: string;
  apiBaseUrl?: string;
  internalDomains?: string;
  mailTipTemplate?: string;
  trustPolicy?: string;
  /** ADDIN_APPROVERS: where colleagues without a write role send proposals. */
  approvers?: string;
  demo?: string;
  /** "on": suggestions from Microsoft Graph (the served CSP then allows Graph). */
  suggestions?: string;
  /** Microsoft Graph's base URL where the authority's cloud is not one the CSP knows. */
  graphBaseUrl?: string;
  /** Days of received mail the suggestions count (default 30). */
  suggestionsDays?: string;
}

/** Which API stores the contacts: the admin center's contact API, or Exchange Online's InvokeCommand. */
export type DirectoryBackend = "admin-center" | "exchange";

export const DIRECTORY_BACKENDS: readonly DirectoryBackend[] = ["admin-center", "exchange"];

/**
 * The token scope each backend needs: the scope follows the backend. Here, not in the backends'
 * wire-constants files: importing those put both backends' constants in the first download.
 */
export const BACKEND_SCOPES: Record<DirectoryBackend, string> = {
  /** The admin center's contact API. */
  "admin-center": "https://admin.microsoft.com/.default",
  /** Exchange Online's InvokeCommand (delegated permission Exchange.Manage). */
  exchange: "https://outlook.office365.com/.default",
};

/** Microsoft Graph's origin for each cloud, by the sign-in authority's host (the CSP reads it too). */
export const GRAPH_BY_AUTHORITY_HOST: Readonly<Record<string, string>> = {
  "login.microsoftonline.com": "https://graph.microsoft.com",
  "login.microsoftonline.us": "https://graph.microsoft.us",
  "login.chinacloudapi.cn": "https://microsoftgraph.chinacloudapi.cn",
};

/** Suggestions (Microsoft Graph) are on with ADDIN_SUGGESTIONS=on (or 1 / true). */
export function suggestionsEnabled(config: BuildTimeConfig): boolean {
  return ["on", "1", "true"].includes((config.suggestions ?? "").trim().toLowerCase());
}

export const DEFAULT_SUGGESTIONS_DAYS = 30;
const MAX_SUGGESTIONS_DAYS = 365;

export interface SuggestionsConfig {
  /** Graph's origin (the cloud's, or ADDIN_GRAPH_BASE_URL); "" in the demo: the pane's own origin. */
  graphBaseUrl: string;
  /** The Graph permission asked for, on that cloud's Graph: `${origin}/Mail.ReadBasic`. */
  scope: string;
  windowDays: number;
}

export interface AppConfig {
  backend: DirectoryBackend;
  /** exchange: the tenant for InvokeCommand's path; "" = the token's `tid`. */
  exchangeTenant: string;
  auth: { clientId: string; authority: string; scope: string };
  /** "" = same origin (the relay that serves the pane). No trailing slash. */
  apiBaseUrl: string;
  org: OrganizationConfig;
  /** Demo build: the token comes from the demo server, not from Microsoft Entra. */
  demo: boolean;
  /** ADDIN_SUGGESTIONS=on: frequent senders from Microsoft Graph; null when off. */
  suggestions: SuggestionsConfig | null;
}

export const DEFAULT_AUTHORITY = "https://login.microsoftonline.com/organizations";

declare const __ADDIN_BUILD_CONFIG__: BuildTimeConfig | undefined;

/** What webpack injected; {} when running unbundled (tests, tsx). */
export function injectedBuildConfig(): BuildTimeConfig {
  return typeof __ADDIN_BUILD_CONFIG__ === "undefined" ? {} : __ADDIN_BUILD_CONFIG__;
}

/**
 * The demo only: a demo build (ADDIN_DEMO=1) also takes `?backend=` and `?trustPolicy=` from the
 * pane's address, as if the add-in had been rebuilt and redeployed with ADDIN_BACKEND and
 * ADDIN_TRUST_POLICY, so the demo page can show every backend and policy from one build. A new
 * backend brings its own scope. An unknown backend is ignored (the build's stands); an unknown
 * policy is reported like a bad ADDIN_TRUST_POLICY. Any other build ignores the address.
 * The demo page writes the address with taskpaneUrl (src/harness/demo-routes.ts).
 */
export function withDemoOverrides(source: BuildTimeConfig, search: string): BuildTimeConfig {
  if (!isOn(source.demo)) return source;
  const params = new URLSearchParams(search);
  let overridden = source;
  const requested = params.get("backend");
  const backend = DIRECTORY_BACKENDS.find((name) => name === requested);
  const built = (nonEmpty(source.backend) ?? "admin-center").toLowerCase();
  if (backend !== undefined && backend !== built) {
    // The scope follows the backend: the build's scope belongs to the build's backend.
    overridden = { ...overridden, backend, apiScope: BACKEND_SCOPES[backend] };
  }
  const trustPolicy = params.get("trustPolicy");
  if (trustPolicy !== null) overridden = { ...overridden, trustPolicy };
  return overridden;
}

export class AppConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: string[]) {
    super(`The add-in was built with an invalid configuration: ${problems.join(" ")}`);
    this.name = "AppConfigError";
    this.problems = problems;
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Labels of letters, digits and hyphens (Unicode letters allowed for IDN), at least one dot. */
const DOMAIN = /^(?=.{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}\p{N}-]{2,63}$/u;

/** Reads and checks the build-time configuration; throws AppConfigError listing every problem at once. */
export function readAppConfig(source: BuildTimeConfig = injectedBuildConfig()): AppConfig {
  const problems: string[] = [];
  const demo = isOn(source.demo);

  const clientId = (source.clientId ?? "").trim();
  if (!demo && clientId === "") {
    problems.push(
      "ADDIN_CLIENT_ID is not set: build with the application (client) id of the add-in's app registration.",
    );
  } else if (clientId !== "" && !GUID.test(clientId)) {
    problems.push("ADDIN_CLIENT_ID is not a GUID (an application id looks like 1b2c3d4e-...).");
  }

  const authority = withoutTrailingSlash(nonEmpty(source.authority) ?? DEFAULT_AUTHORITY);
  if (!isHttpsUrl(authority)) problems.push("ADDIN_AUTHORITY must be an https URL.");

  const backendText = (nonEmpty(source.backend) ?? "admin-center").toLowerCase();
  const backend = DIRECTORY_BACKENDS.find((name) => name === backendText);
  if (!backend) problems.push(`ADDIN_BACKEND must be ${DIRECTORY_BACKENDS.join(" or ")}.`);

  const exchangeTenant = nonEmpty(source.exchangeTenant) ?? "";
  if (exchangeTenant !== "" && !/^[A-Za-z0-9.-]{1,253}$/.test(exchangeTenant)) {
    problems.push("ADDIN_EXCHANGE_TENANT must be a tenant id (GUID) or a domain.");
  }

  const scope = nonEmpty(source.apiScope) ?? BACKEND_SCOPES[backend ?? "admin-center"];
  if (/\s/.test(scope)) problems.push("ADDIN_API_SCOPE must be a single scope without spaces.");

  const apiBaseUrl = withoutTrailingSlash(nonEmpty(source.apiBaseUrl) ?? "");
  if (apiBaseUrl !== "" && !isAllowedApiBase(apiBaseUrl)) {
    problems.push(
      "ADDIN_API_BASE_URL must be empty (same origin) or an https URL without query or fragment (http only for localhost).",
    );
  }

  const { domains, invalid } = parseDomainList(source.internalDomains ?? "");
  if (invalid.length > 0) {
    problems.push(`ADDIN_INTERNAL_DOMAINS has entries that are not domain names: ${invalid.join(", ")}.`);
  }

  const trustPolicy = (nonEmpty(source.trustPolicy) ?? "warn").toLowerCase();
  if (!isTrustPolicy(trustPolicy)) {
    problems.push(`ADDIN_TRUST_POLICY must be one of ${TRUST_POLICIES.join(", ")}.`);
  }

  const suggestions = readSuggestions(source, authority, demo, problems);

  if (problems.length > 0 || !isTrustPolicy(trustPolicy)) throw new AppConfigError(problems);
  return {
    backend: backend!,
    exchangeTenant,
    auth: { clientId, authority, scope },
    apiBaseUrl,
    org: {
      internalDomains: domains,
      mailTipTemplate: nonEmpty(source.mailTipTemplate) ?? DEFAULT_MAIL_TIP_TEMPLATE,
      trustPolicy,
      // As written: only the proposals chunk reads it (parseApprovers in src/contacts/proposal.ts).
      approvers: source.approvers ?? "",
    },
    demo,
    suggestions,
  };
}

function readSuggestions(
  source: BuildTimeConfig,
  authority: string,
  demo: boolean,
  problems: string[],
): SuggestionsConfig | null {
  if (!suggestionsEnabled(source)) return null;
  const daysText = nonEmpty(source.suggestionsDays);
  const windowDays = daysText === undefined ? DEFAULT_SUGGESTIONS_DAYS : Number(daysText);
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > MAX_SUGGESTIONS_DAYS) {
    problems.push(`ADDIN_SUGGESTIONS_DAYS must be a whole number of days from 1 to ${MAX_SUGGESTIONS_DAYS}.`);
  }
  const configured = nonEmpty(source.graphBaseUrl);
  let origin: string | undefined;
  if (configured !== undefined) {
    if (isAllowedApiBase(configured)) origin = new URL(configured).origin;
    else problems.push("ADDIN_GRAPH_BASE_URL must be an https URL (http only for localhost).");
  } else {
    origin = GRAPH_BY_AUTHORITY_HOST[parseUrl(authority)?.host ?? ""];
    if (origin === undefined && !demo) {
      problems.push(
        `ADDIN_SUGGESTIONS is on, but Microsoft Graph's host for the authority ${authority} is not known: set ADDIN_GRAPH_BASE_URL.`,
      );
    }
  }
  const graph = origin ?? GRAPH_BY_AUTHORITY_HOST["login.microsoftonline.com"]!;
  return {
    // The demo stands in for Graph on its own origin (the demo server, src/harness/demo-server.ts).
    graphBaseUrl: demo && configured === undefined ? "" : graph,
    scope: `${graph}/Mail.ReadBasic`,
    windowDays,
  };
}

/** "Contoso.com, @fabrikam.com ,,sub.contoso.com" → ["contoso.com", "fabrikam.com", "sub.contoso.com"]. */
export function parseDomainList(value: string): { domains: string[]; invalid: string[] } {
  const domains: string[] = [];
  const invalid: string[] = [];
  for (const entry of value.split(",")) {
    const domain = entry.trim().replace(/^@/, "").replace(/\.$/, "").toLowerCase();
    if (domain === "") continue;
    if (!DOMAIN.test(domain)) invalid.push(entry.trim());
    else if (!domains.includes(domain)) domains.push(domain);
  }
  return { domains, invalid };
}

function isOn(value: string | undefined): boolean {
  return ["1", "true"].includes((value ?? "").trim().toLowerCase());
}

function isTrustPolicy(value: string): value is TrustPolicy {
  return (TRUST_POLICIES as readonly string[]).includes(value);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function withoutTrailingSlash(value: string): string {
  return value.replace(/\/+$/, "");
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function isHttpsUrl(value: string): boolean {
  return parseUrl(value)?.protocol === "https:";
}

function isAllowedApiBase(value: string): boolean {
  const url = parseUrl(value);
  if (!url || url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "")
    return false;
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}
