/**
 * The demo page's own words (the demo bar, its status line, the stand-in's app bar): the demo's,
 * not the product's, so they are not in the pane's catalogue, but built the same way: English is
 * the source, German is typed from it (a missing key fails typecheck; the pane's
 * locales/catalogue.test.ts compares them), and the pseudo-locales rewrite English with the
 * pane's own pseudo functions. The demo's Language switch picks them, as it picks the pane's.
 */
import type { TrustPolicy } from "../../contacts/trust/policy";
import { DEFAULT_RETRY_POLICY } from "../../contacts/retry-policy";
import { pseudoEntry, pseudoTag } from "../../taskpane/locales/pseudo-text";
import type { Widened } from "../../taskpane/strings";
import type { DemoBackend, DemoFaultName, DemoRole } from "../demo-routes";

/** Outlook display languages the demo offers: the shipped ones and the two pseudo-locales. */
export type DemoLanguage = "en-US" | "de-DE" | "qps-ploc" | "qps-plocm";
export const DEMO_LANGUAGE_TAGS: readonly DemoLanguage[] = ["en-US", "de-DE", "qps-ploc", "qps-plocm"];

/** The client's attempts per call: a fault meant to outlast the retries hits that many requests. */
const ATTEMPTS = DEFAULT_RETRY_POLICY.maxAttempts;

const en = {
  controls: "Demo controls",
  standIn: "demo stand-in",
  signedInAs: "Signed in as",
  roles: { admin: "Exchange admin", readonly: "User without an admin role" } satisfies Record<
    DemoRole,
    string
  >,
  roleShort: { admin: "Exchange admin", readonly: "no admin role" } satisfies Record<DemoRole, string>,
  backend: "Backend",
  backends: {
    "admin-center": "Admin center API",
    exchange: "Exchange (InvokeCommand)",
  } satisfies Record<DemoBackend, string>,
  trustPolicy: "Trust policy",
  trustPolicies: {
    warn: "warn: confirm risky senders",
    block: "block: no adding failed senders",
  } satisfies Record<TrustPolicy, string>,
  language: "Language",
  /** Each language by its own name (as language pickers do), the pseudo-locales described. */
  languages: {
    "en-US": "English",
    "de-DE": "Deutsch",
    "qps-ploc": "Pseudo (accented)",
    "qps-plocm": "Pseudo (right to left)",
  } satisfies Record<DemoLanguage, string>,
  injectFailure: "Inject a failure",
  faults: {
    throttle: {
      label: "Throttle next call",
      description:
        "The next API call answers 429 with Retry-After: 2; the pane says it is waiting, and the client retries.",
    },
    "throttle-sustained": {
      label: "Throttle past the retries",
      description: `The next ${ATTEMPTS} API calls answer 429 with Retry-After: 2; the pane says so and offers Try again.`,
    },
    "server-error": { label: "Server error on next call", description: "The next API call answers 500." },
    "fail-general-update": {
      label: "Fail after create",
      description:
        "In the next Add only: the contact is created, then setting its company and names fails (500, past the retries). If that Add has no company or names to set, nothing fails and the page says so.",
    },
    "fail-options-update": {
      label: "Fail before mail tip",
      description:
        "In the next Add only: create and company succeed, then setting the mail tip and visibility fails (500, past the retries). If that Add sets both with create already, nothing fails and the page says so.",
    },
  } satisfies Record<DemoFaultName, { label: string; description: string }>,
  clearFaults: "Clear injected failures",
  slowNetwork: (seconds: number) => `Slow network (${seconds} s)`,
  darkTheme: "Dark theme",
  reset: "Reset demo",
  loading: "Loading the demo mailbox",
  loadFailed: (reason: string) => `Could not load the demo mailbox: ${reason}`,
  serverSilent: "The demo server did not answer.",
  status: {
    sentTo: (names: string) => `Sent to ${names}. Switch "Signed in as" to read it in their inbox.`,
    sentOutside: (names: string) => `Sent to ${names}, outside this demo's mailboxes.`,
    language: (name: string, tag: string) =>
      `Outlook's display language is now ${name} (${tag}); the pane restarted.`,
    failed: (reason: string) => `Failed: ${reason}`,
    failedSilently: "Failed.",
    signedIn: {
      admin: "Signed in as an Exchange admin.",
      readonly: "Signed in as a user without an admin role.",
    },
    backend: (name: string) => `The pane now runs on the ${name} backend, as after a new deployment.`,
    armed: (description: string) => `Armed: ${description}`,
    slow: (seconds: number) => `Every API call now takes ${seconds} s longer.`,
    fast: "Network back to normal.",
    reset: "Demo reset: the seeded address book is back, failures cleared.",
    faultsCleared: "Injected failures cleared.",
    trustPolicy: (policy: string) => `Trust policy: ${policy}. The pane restarted with it.`,
    /** A promotion switch that ended without failing anything: why its step never came. */
    unfired: (label: string, why: "no-general-step" | "no-options-step" | "skipped" | "ended") =>
      `"${label}" did not fire: ${
        why === "no-general-step"
          ? "that Add had no company or names to set after creating the contact"
          : why === "no-options-step"
            ? "that Add set the mail tip and visibility while creating the contact"
            : why === "skipped"
              ? "that Add skipped the step"
              : "the Add ended before that step"
      }, so nothing failed. The switch is off now; arm it again for the next Add.`,
  },
} as const;

export type DemoStrings = Widened<typeof en>;

const de: DemoStrings = {
  controls: "Demo-Steuerung",
  standIn: "Demo-Nachbildung",
  signedInAs: "Angemeldet als",
  roles: { admin: "Exchange-Administrator", readonly: "Benutzer ohne Administratorrolle" },
  roleShort: { admin: "Exchange-Administrator", readonly: "keine Administratorrolle" },
  backend: "Back-End",
  backends: { "admin-center": "Admin Center-API", exchange: "Exchange (InvokeCommand)" },
  trustPolicy: "Vertrauensrichtlinie",
  trustPolicies: {
    warn: "warn: riskante Absender bestätigen",
    block: "block: fehlgeschlagene Absender nicht hinzufügen",
  },
  language: "Sprache",
  languages: {
    "en-US": "English",
    "de-DE": "Deutsch",
    "qps-ploc": "Pseudo (mit Akzenten)",
    "qps-plocm": "Pseudo (von rechts nach links)",
  },
  injectFailure: "Fehler einschleusen",
  faults: {
    throttle: {
      label: "Nächsten Aufruf drosseln",
      description:
        "Der nächste API-Aufruf antwortet mit 429 und Retry-After: 2; der Bereich sagt, dass er wartet, und der Client versucht es erneut.",
    },
    "throttle-sustained": {
      label: "Über die Wiederholungen hinaus drosseln",
      description: `Die nächsten ${ATTEMPTS} API-Aufrufe antworten mit 429 und Retry-After: 2; der Bereich sagt das und bietet „Erneut versuchen“ an.`,
    },
    "server-error": {
      label: "Serverfehler beim nächsten Aufruf",
      description: "Der nächste API-Aufruf antwortet mit 500.",
    },
    "fail-general-update": {
      label: "Nach dem Anlegen scheitern",
      description:
        "Nur beim nächsten Hinzufügen: Der Kontakt wird angelegt, dann scheitert das Festlegen von Firma und Namen (500, über die Wiederholungen hinaus). Hat dieses Hinzufügen keine Firma und keine Namen festzulegen, scheitert nichts, und die Seite sagt das.",
    },
    "fail-options-update": {
      label: "Vor der E-Mail-Info scheitern",
      description:
        "Nur beim nächsten Hinzufügen: Anlegen und Firma gelingen, dann scheitert das Festlegen von E-Mail-Info und Sichtbarkeit (500, über die Wiederholungen hinaus). Legt dieses Hinzufügen beides schon beim Anlegen fest, scheitert nichts, und die Seite sagt das.",
    },
  },
  clearFaults: "Eingeschleuste Fehler entfernen",
  slowNetwork: (seconds) => `Langsames Netzwerk (${seconds} s)`,
  darkTheme: "Dunkles Design",
  reset: "Demo zurücksetzen",
  loading: "Das Demo-Postfach wird geladen",
  loadFailed: (reason) => `Das Demo-Postfach konnte nicht geladen werden: ${reason}`,
  serverSilent: "Der Demo-Server hat nicht geantwortet.",
  status: {
    sentTo: (names) =>
      `An ${names} gesendet. Wechseln Sie bei „Angemeldet als“, um es in deren Posteingang zu lesen.`,
    sentOutside: (names) => `An ${names} gesendet, außerhalb der Postfächer dieser Demo.`,
    language: (name, tag) =>
      `Die Anzeigesprache von Outlook ist jetzt ${name} (${tag}); der Bereich wurde neu gestartet.`,
    failed: (reason) => `Fehlgeschlagen: ${reason}`,
    failedSilently: "Fehlgeschlagen.",
    signedIn: {
      admin: "Als Exchange-Administrator angemeldet.",
      readonly: "Als Benutzer ohne Administratorrolle angemeldet.",
    },
    backend: (name) =>
      `Der Bereich läuft jetzt mit dem Back-End ${name}, wie nach einer neuen Bereitstellung.`,
    armed: (description) => `Scharf geschaltet: ${description}`,
    slow: (seconds) => `Jeder API-Aufruf dauert jetzt ${seconds} s länger.`,
    fast: "Das Netzwerk ist wieder normal.",
    reset: "Demo zurückgesetzt: Das ursprüngliche Adressbuch ist wieder da, Fehler sind entfernt.",
    faultsCleared: "Eingeschleuste Fehler entfernt.",
    trustPolicy: (policy) => `Vertrauensrichtlinie: ${policy}. Der Bereich wurde damit neu gestartet.`,
    unfired: (label, why) =>
      `„${label}“ hat nicht ausgelöst: ${
        why === "no-general-step"
          ? "Dieses Hinzufügen hatte nach dem Anlegen keine Firma und keine Namen festzulegen"
          : why === "no-options-step"
            ? "Dieses Hinzufügen hat E-Mail-Info und Sichtbarkeit schon beim Anlegen festgelegt"
            : why === "skipped"
              ? "Dieses Hinzufügen hat den Schritt übersprungen"
              : "Das Hinzufügen endete vor diesem Schritt"
      }, also ist nichts gescheitert. Der Schalter ist jetzt aus; schalten Sie ihn für das nächste Hinzufügen erneut scharf.`,
  },
};

/** English and German, as typed; the catalogue test compares their keys. */
export const DEMO_STRINGS = { en, de } satisfies Record<"en" | "de", DemoStrings>;

export interface DemoText {
  /** The page's lang and dir. */
  language: string;
  direction: "ltr" | "rtl";
  text: DemoStrings;
}

/** The demo's words in the language its switch shows (the pseudo-locales rewrite English). */
export function demoText(language: DemoLanguage): DemoText {
  switch (language) {
    case "en-US":
      return { language: "en", direction: "ltr", text: en };
    case "de-DE":
      return { language: "de", direction: "ltr", text: de };
    case "qps-ploc":
    case "qps-plocm": {
      const direction = language === "qps-plocm" ? "rtl" : "ltr";
      const text = pseudoEntry(en, direction) as DemoStrings;
      // English and Deutsch keep their own names, so the way back is always readable.
      const languages = { ...text.languages, "en-US": en.languages["en-US"], "de-DE": en.languages["de-DE"] };
      return { language: pseudoTag(direction), direction, text: { ...text, languages } };
    }
  }
}
