/**
 * Entry of auth-dialog.html: the page Office's dialog API opens for the last-resort
 * sign-in (see dialog-fallback.ts). It runs MSAL's redirect flow and returns the token to
 * the task pane with messageParent.
 */
import { AppConfigError, readAppConfig } from "../app-config";
import { pageStrings } from "../taskpane/page-strings";
import { runAuthDialog, type AuthDialogStatus } from "./auth-dialog-page";
import { loginHintFromHash, type AuthDialogMessage } from "./auth-dialog-protocol";

function showText(text: string): void {
  const status = document.getElementById("status");
  if (status) status.textContent = text;
}

function showStatus(status: AuthDialogStatus): void {
  showText(pageStrings.signInDialog[status]);
}

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
  let settings;
  try {
    settings = readAppConfig().auth;
  } catch (error) {
    showText(pageStrings.signInDialog.notConfigured);
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
    showStatus,
  });
});
