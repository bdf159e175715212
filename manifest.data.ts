/**
 * The facts both manifests state: manifest.xml (add-in only, every client) and manifest.json
 * (unified Microsoft 365 app manifest, Outlook on the web and new Outlook for Windows).
 * Each format says them in its own words; test/manifest/manifest-agreement.test.ts reads
 * both files back into these terms, so neither can drift from this list.
 */
export const DEV_ORIGIN = "https://localhost:3000";

export const ADDIN = {
  id: "9ece7f23-507c-405c-b23f-f13572fd92fc",
  /** XML wants four parts; the unified manifest three (the fourth must stay 0). */
  version: "1.0.0.0",
  provider: "GAL Contact",
  name: { en: "GAL Contact", de: "GAL-Kontakt" },
  description: {
    en: "Turn the sender of an email into an organization-wide mail contact in the Global Address List, with company and mail tip filled in, in one click.",
    de: "Macht den Absender einer E-Mail mit einem Klick zum organisationsweiten E-Mail-Kontakt in der globalen Adressliste, mit Firma und E-Mail-Info bereits ausgefüllt.",
  },
  button: {
    label: { en: "GAL Contact", de: "GAL-Kontakt" },
    tooltip: {
      en: "Add the sender to your organization's address book as a mail contact, or edit their mail tip and visibility.",
      de: "Fügt den Absender als E-Mail-Kontakt zum Adressbuch Ihrer Organisation hinzu oder bearbeitet seine E-Mail-Info und Sichtbarkeit.",
    },
  },
  /** Every URL either manifest names, relative to the add-in's base URL. */
  urls: [
    "taskpane.html",
    "support.html",
    "assets/icon-16.png",
    "assets/icon-20.png",
    "assets/icon-24.png",
    "assets/icon-32.png",
    "assets/icon-40.png",
    "assets/icon-48.png",
    "assets/icon-64.png",
    "assets/icon-80.png",
    "assets/icon-128.png",
  ],
  /**
   * Outlook mobile's button (XML only: the unified manifest is for Outlook on the web and new
   * Outlook for Windows): 25, 32 and 48 px at scale 1, 2 and 3, besides 32, 48 and 64 above.
   */
  mobileIconUrls: [
    "assets/icon-25.png",
    "assets/icon-50.png",
    "assets/icon-75.png",
    "assets/icon-96.png",
    "assets/icon-144.png",
  ],
  /** The unified manifest's package icons (files in the app package, not URLs). */
  packageIcons: { color: "assets/icon-192.png", outline: "assets/icon-outline-32.png" },
  /**
   * ReadItem reads the selected message (sender, headers) and opens a new-message form:
   * all the single-message pane does. Multi-select would need ReadWriteMailbox, so it is
   * only in the opt-in variant (ADDIN_MULTISELECT=on, docs/platform.md).
   */
  permission: { xml: "ReadItem", unified: "MailboxItem.Read.User" },
  /**
   * Mailbox requirement sets: the add-in itself, the ribbon button (add-in commands), the
   * pinnable pane that follows the selection (ItemChanged).
   */
  mailbox: { addin: "1.1", button: "1.3", pinnable: "1.5" },
} as const;

/** The opt-in multi-select variant: what changes, nothing else. */
export const MULTISELECT = {
  permission: { xml: "ReadWriteMailbox", unified: "Mailbox.ReadWrite.User" },
  /** Mailbox 1.13 brought item multi-select; older clients ignore the flag. */
  mailbox: "1.13",
} as const;
