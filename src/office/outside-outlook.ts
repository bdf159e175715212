/**
 * Tells whether the page runs inside Outlook. Opened in a plain browser (someone follows
 * the manifest's URL, or the relay's root), Office.onReady resolves with no host and no
 * mailbox; if office.js itself failed to load there is no `Office` at all. The bootstrap
 * uses the verdict to explain where the add-in runs instead of showing a blank page.
 */

export type OutsideReason =
  /** office.js did not load (blocked, offline, or a build without it). */
  | "office-js-missing"
  /** office.js loaded, but no Office application hosts the page (a plain browser tab). */
  | "no-host"
  /** Hosted by another Office application (Word, Excel...): this add-in is Outlook-only. */
  | "other-host"
  /** Outlook, but without a mailbox (should not happen for a mail add-in; reported, not guessed). */
  | "no-mailbox"
  /** Office.onReady never answered. */
  | "timeout";

export type OfficeEnvironment =
  { kind: "outlook" } | { kind: "outside"; reason: OutsideReason; host: string | null };

/** What Office.onReady resolves with: `host` is an Office.HostType value (a string at runtime) or null. */
export interface OfficeReadyInfo {
  host: unknown;
  platform?: unknown;
}

/** The subset of the Office namespace this module reads. */
export interface OfficeReadySource {
  onReady(): Promise<OfficeReadyInfo>;
  context?: { mailbox?: unknown; displayLanguage?: unknown } | null;
  HostType?: { Outlook: unknown };
}

/** Office.HostType.Outlook at runtime, for an Office object that lacks the enum. */
const OUTLOOK_HOST = "Outlook";

/** Long enough for a slow Outlook start; short enough that a stuck page still explains itself. */
export const OFFICE_READY_TIMEOUT_MS = 15_000;

export function classifyOfficeReady(
  office: OfficeReadySource | undefined,
  info: OfficeReadyInfo | null,
): OfficeEnvironment {
  if (!office) return { kind: "outside", reason: "office-js-missing", host: null };
  const host = info?.host;
  if (host === null || host === undefined || host === "")
    return { kind: "outside", reason: "no-host", host: null };
  const hostName = String(host);
  if (host !== (office.HostType?.Outlook ?? OUTLOOK_HOST))
    return { kind: "outside", reason: "other-host", host: hostName };
  if (!office.context?.mailbox) return { kind: "outside", reason: "no-mailbox", host: hostName };
  return { kind: "outlook" };
}

/**
 * Waits for Office.onReady as long as it takes: after `timeoutMs` without an answer,
 * `onSlow` runs once (the page says Outlook did not answer), and a late answer still
 * resolves, so the page can start properly then. Never rejects; a failing onReady is
 * classified like a missing host.
 */
export async function waitForOfficeEnvironment(
  office: OfficeReadySource | undefined,
  { timeoutMs = OFFICE_READY_TIMEOUT_MS, onSlow }: { timeoutMs?: number; onSlow: () => void },
): Promise<OfficeEnvironment> {
  if (!office || typeof office.onReady !== "function") {
    return { kind: "outside", reason: "office-js-missing", host: null };
  }
  const timer = setTimeout(onSlow, timeoutMs);
  try {
    const info = await office.onReady().catch(() => null);
    return classifyOfficeReady(office, info);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The display language of the Office application that answered (Outlook, or Word... for
 * "other-host"), for the page that explains why the pane cannot start; null where no host
 * answered (a plain tab: office.js there reports no language of the person's).
 */
export function hostDisplayLanguage(
  office: OfficeReadySource | undefined,
  environment: OfficeEnvironment,
): string | null {
  if (environment.kind === "outside" && environment.host === null) return null;
  const language = office?.context?.displayLanguage;
  return typeof language === "string" && language.trim() !== "" ? language : null;
}
