/**
 * Entry of auth-dialog.html: the page Office's dialog API opens for the last-resort
 * sign-in (see dialog-fallback.ts). It runs MSAL's redirect flow and returns the token to
 * the task pane with messageParent.
 */
import { AppConfigError, readAppConfig } from "../app-config";
import { runAuthDialog } from "./auth-dialog-page";
import { loginHintFromHash, type AuthDialogMessage } from "./auth-dialog-protocol";
import { statusPage } from "./status-page";

// The browser's language at once; Outlook's display language once Office is ready.
const page = statusPage(document, "title", "preparing");

/** Only our own origin may receive the message, where the host can enforce it (DialogOrigin 1.1). */
function messageParent(message: string): void {
  const ui = Office.context.ui;
  if (Office.context.requirements.isSetSupported("DialogOrigin", "1.1")) {
    ui.messageParent(message, { targetOrigin: window.location.origin });
  } else {
    ui.messageParent(message);
  }
}

void Office.onReady(() => {
  page.speak(Office.context.displayLanguage);
  let settings;
  try {
    settings = readAppConfig().auth;
  } catch (error) {
    page.show("notConfigured");
    const code = error instanceof AppConfigError ? "config_invalid" : "config_unreadable";
    const message: AuthDialogMessage = { type: "gal-auth-error", failure: "failed", code };
    messageParent(JSON.stringify(message));
    return;
  }
  // Read the pane's hint, then drop it from the address bar (MSAL's redirect returns here).
  const loginHint = loginHintFromHash(window.location.hash);
  if (window.location.hash) history.replaceState(null, "", window.location.pathname);
  void runAuthDialog(settings, {
    origin: window.location.origin,
    pageUrl: `${window.location.origin}${window.location.pathname}`,
    ...(loginHint ? { loginHint } : {}),
    messageParent,
    showStatus: (status) => page.show(status),
  });
});
