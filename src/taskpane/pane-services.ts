/**
 * Everything the pane's components receive from outside, as one prop. Built once by
 * the bootstrap (src/taskpane/index.tsx) from Office.js, MSAL and the admin center
 * client; built from fakes or the emulator in tests and the demo. No component imports
 * Office, fetch or MSAL.
 */
import type { ContactDirectory } from "../contacts/directory";
import type { FrequentSenders } from "../contacts/suggestions";
import type { OrganizationConfig } from "../contacts/types";
import type { MailHost } from "../office/mail-host";
import type { RetryNoticeListener } from "./services/retry-notices";

export interface PaneServices {
  host: MailHost;
  directory: ContactDirectory;
  org: OrganizationConfig;
  /**
   * Interactive sign-in, offered when a call fails with "unauthenticated".
   * Resolves when a new token is available (the next call uses it).
   */
  signInAgain(): Promise<void>;
  /**
   * Tells `listener` when the admin center client waits to send a call again (throttled,
   * or a passing failure) and when that call has finished. Returns the unsubscribe function.
   */
  onRetryNotice(listener: RetryNoticeListener): () => void;
  /**
   * Whether the signed-in account may change contacts, when the platform tells up front
   * (directory roles in the token's claims); null when it cannot be told (the first 403 decides).
   */
  writeAllowed?(): Promise<boolean | null>;
  /** ADDIN_SUGGESTIONS=on: the user's frequent external senders (Microsoft Graph); absent when off. */
  suggestions?: SuggestionsService | null;
}

export interface SuggestionsService {
  /** How many days of received mail are counted. */
  windowDays: number;
  /**
   * Reads the window's senders and dates (never a body) and ranks them; rejects with a
   * DirectoryError (operation "readMail"). `truncated`: more mail than is read; the newest counted.
   */
  read(signal?: AbortSignal): Promise<FrequentSenders & { truncated: boolean }>;
}
