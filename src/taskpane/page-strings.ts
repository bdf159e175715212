/**
 * The English of the pages around the pane, which never load the pane's catalogue: the
 * "not supported" note taskpane.html's classic script shows where the pane cannot run (put in
 * the page by the build), and the sign-in dialog's and redirect page's status line (their own
 * bundles). Kept out of strings.ts so that the pane's first download does not carry them.
 */
export const pageStrings = {
  /** Shown by taskpane.html's classic script where the pane cannot run (Trident, EdgeHTML). */
  unsupportedHost: {
    title: "This version of Outlook is not supported",
    body: "GAL Contact needs a newer Outlook: Outlook on the web, the new Outlook for Windows, Microsoft 365 Outlook for Windows with the Microsoft Edge WebView2 runtime, or Outlook for Mac. Ask your administrator which one to use.",
  },

  /** The sign-in dialog's and redirect page's status line (src/auth/auth-dialog-entry.ts, auth-redirect-entry.ts). */
  signInDialog: {
    returning: "Signed in. Returning to Outlook…",
    opening: "Opening Microsoft sign-in…",
    failed: "Sign-in did not complete. You can close this window and try again.",
    notConfigured:
      "Sign-in is not configured for this add-in. Close this window and tell your administrator.",
    redirectFailed: "Sign-in could not finish. Close this window and try again.",
  },
} as const;
