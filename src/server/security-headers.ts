/**
 * Security headers on every response the server sends: relayed calls, static files and
 * 404s alike.
 *
 * frame-ancestors: the pane is only ever framed by Outlook on the web and new Outlook
 * for Windows, which both run the Outlook web app from these origins:
 * - https://outlook.office.com and https://outlook.office365.com: Outlook on the web for
 *   work and school accounts (both hosts are in use) and new Outlook for Windows;
 * - https://outlook.cloud.microsoft: the newer Microsoft 365 domain Outlook on the web is
 *   moving to.
 * Classic Outlook on Windows and Outlook on Mac load the pane as a top-level document in
 * an embedded browser, where frame-ancestors does not apply. 'self' is in the default
 * list because the pane frames its own origin: MSAL's silent sign-in (ssoSilent, used
 * when nested app authentication is unavailable) loads auth-redirect.html in a hidden
 * iframe inside the pane, and every ancestor must be allowed. Same-origin framing is no
 * clickjacking risk. Consumer Outlook
 * (outlook.live.com) is left out on purpose: the admin center API needs a work account
 * with an Exchange admin role. Office on the web for Word/Excel (*.officeapps.live.com)
 * does not host this mail add-in. Sovereign clouds (e.g. outlook.office365.us) can be
 * added through the `frameAncestors` option.
 *
 * script-src: the bundle (self) and Office.js from Microsoft's CDN, the only supported way
 * to load it. style-src needs 'unsafe-inline': Office.js's host scripts and Fluent UI
 * (Griffel) inject style elements at runtime. connect-src and frame-src: the relay (self)
 * and what the build's configuration uses (csp-sources.ts: the sign-in authority's
 * cloud, a cross-origin API base, Microsoft Graph); the Microsoft identity platform by
 * default. No CORS header is ever sent: the pane and the relay share one origin.
 *
 * For trials, `reportTo` adds report-uri / report-to (and a Reporting-Endpoints header)
 * pointing at the server's own report route (csp-report.ts).
 *
 * Deliberately absent: Cross-Origin-Resource-Policy (Outlook's own page loads the
 * manifest's icons from this server) and Cross-Origin-Opener-Policy (MSAL's popup
 * fallback needs its opener).
 */
import type { ServerResponse } from "node:http";

export const OUTLOOK_FRAME_ANCESTORS = [
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://outlook.cloud.microsoft",
] as const;

/** What frames the pane by default: Outlook, and the pane itself (MSAL's hidden iframe). */
export const DEFAULT_FRAME_ANCESTORS = ["'self'", ...OUTLOOK_FRAME_ANCESTORS] as const;

/** Office.js CDN. */
export const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";
/** Microsoft identity platform, used by MSAL (token requests, silent-renew iframe, popups). */
export const IDENTITY_PLATFORM_ORIGIN = "https://login.microsoftonline.com";

/** One year, the minimum the HSTS preload list accepts. */
const HSTS_MAX_AGE_SECONDS = 31_536_000;

export interface SecurityHeaderOptions {
  /** Origins (or 'self') allowed to frame the pane. Default: DEFAULT_FRAME_ANCESTORS. */
  frameAncestors?: readonly string[];
  /** Origins the pane may fetch from besides 'self'. Default: the Microsoft identity platform. */
  connectSources?: readonly string[];
  /** Origins the pane may frame besides 'self'. Default: the Microsoft identity platform. */
  frameSources?: readonly string[];
  /** Path of the CSP report route (e.g. "/csp-report"); absent: no reporting. */
  reportTo?: string;
}

/** The Reporting API endpoint name used by report-to. */
export const CSP_REPORT_GROUP = "csp-endpoint";

export function contentSecurityPolicy(options: SecurityHeaderOptions = {}): string {
  const frameAncestors = options.frameAncestors ?? DEFAULT_FRAME_ANCESTORS;
  for (const source of frameAncestors) assertValidSource(source, "frame-ancestors");
  const connect = options.connectSources ?? [IDENTITY_PLATFORM_ORIGIN];
  for (const source of connect) assertValidSource(source, "connect-src");
  const frames = options.frameSources ?? [IDENTITY_PLATFORM_ORIGIN];
  for (const source of frames) assertValidSource(source, "frame-src");
  if (options.reportTo !== undefined && !/^(\/[A-Za-z0-9._~-]+)+$/.test(options.reportTo)) {
    throw new Error(`Not a report path: ${options.reportTo}`);
  }
  const directives: [string, string][] = [
    ["default-src", "'self'"],
    ["script-src", `'self' ${OFFICE_JS_ORIGIN}`],
    ["style-src", "'self' 'unsafe-inline'"],
    ["img-src", "'self' data:"],
    ["font-src", "'self' data:"],
    ["connect-src", ["'self'", ...connect].join(" ")],
    ["frame-src", ["'self'", ...frames].join(" ")],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", frameAncestors.length > 0 ? frameAncestors.join(" ") : "'none'"],
  ];
  if (options.reportTo !== undefined) {
    // report-uri for browsers without the Reporting API; report-to where it exists.
    directives.push(["report-uri", options.reportTo], ["report-to", CSP_REPORT_GROUP]);
  }
  return directives.map(([name, value]) => `${name} ${value}`).join("; ");
}

export interface AppliedSecurityHeaders {
  /** Whether the response goes out over HTTPS (directly, or via a trusted TLS-terminating proxy). */
  https: boolean;
}

/** Returns a function that sets the headers on a response, with the CSP computed once. */
export function securityHeaderSetter(
  options: SecurityHeaderOptions = {},
): (res: ServerResponse, applied: AppliedSecurityHeaders) => void {
  const csp = contentSecurityPolicy(options);
  const reportingEndpoints =
    options.reportTo !== undefined ? `${CSP_REPORT_GROUP}="${options.reportTo}"` : undefined;
  return (res, { https }) => {
    res.setHeader("content-security-policy", csp);
    if (reportingEndpoints) res.setHeader("reporting-endpoints", reportingEndpoints);
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("referrer-policy", "no-referrer");
    if (https)
      res.setHeader("strict-transport-security", `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`);
  };
}

/** A CSP source expression: a keyword such as 'self', or an https origin (optionally with a `*.` host wildcard). */
function assertValidSource(source: string, directive: string): void {
  if (source === "'self'" || source === "'none'") return;
  if (/^https:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i.test(source)) return;
  if (/^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/.test(source)) return;
  throw new Error(`Not an allowed ${directive} source: ${source}`);
}
