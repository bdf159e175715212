/**
 * Realistic and hostile senders, each with what the analysis and the prefilled draft must say.
 * The signed-in user is me@fabrikam.com unless a row says otherwise, so fabrikam.com and its
 * subdomains are internal. Expected values are written out by hand from the rules in
 * sender.ts / names.ts / company.ts, not captured from the code.
 */
import type {
  DisplayNameCaution,
  DraftNote,
  HeaderAddress,
  SenderKind,
  SenderReason,
  SenderWarning,
} from "../types";

/** Some of a fact's fields, the code always among them: what a fixture expects of it. */
export type Expected<Fact extends { code: string }> = Pick<Fact, "code"> & Partial<Record<string, unknown>>;

export interface ExpectedDraft {
  displayName: string;
  firstName: string;
  lastName: string;
  company: string;
  /** Defaults to the display name. */
  name?: string;
  mailTip?: string;
  /** Each must match one note (the facts given; others are not checked). */
  notes?: Expected<DraftNote>[];
  /** Where the company came from; checked when given. */
  companySource?: "display-name" | "domain" | null;
}

export interface SenderFixture {
  title: string;
  from: HeaderAddress | null;
  /** item.sender; defaults to the same as `from`. */
  sender?: HeaderAddress | null;
  userAddress?: string;
  userDisplayName?: string;
  internalDomains?: string[];
  expect: {
    kind: SenderKind;
    /** The reason's facts that must match (the pane words them). */
    reason: Expected<SenderReason>;
    /** analysis.displayName: the header name made safe to show. */
    shownName?: string;
    /** The stored form (ASCII domain). */
    address?: string;
    displayAddress?: string;
    mixedScriptDomain?: boolean;
    /** Defaults to null. */
    onBehalfOf?: { displayName: string; address: string } | null;
    /** Each must match exactly one warning, and there are no others. Defaults to none. */
    warnings?: Expected<SenderWarning>[];
    /** Defaults to none. */
    cautions?: DisplayNameCaution[];
    /** Only for kind "external". */
    draft?: ExpectedDraft;
  };
}

export const USER_ADDRESS = "me@fabrikam.com";

const person = (displayName: string, emailAddress: string): HeaderAddress => ({ displayName, emailAddress });
const EXTERNAL: Expected<SenderReason> = { code: "external" };
const NO_REPLY: Expected<SenderReason> = { code: "automated", category: "no-reply" };
const MAIL_SYSTEM: Expected<SenderReason> = { code: "automated", category: "mail-system" };
const BOUNCE: Expected<SenderReason> = { code: "automated", category: "bounce" };
const NOTIFICATIONS: Expected<SenderReason> = { code: "automated", category: "notifications" };
const FREE_MAIL_NOTE: Expected<DraftNote> = { code: "free-mail" };
const DERIVED_NOTE: Expected<DraftNote> = { code: "name-from-address" };

export const SENDER_FIXTURES: SenderFixture[] = [
  // ── damage from real mail ────────────────────────────────────────────────────────────
  {
    title: "a line break then another header ends the name (no 'Jane Doe Bcc')",
    from: person("Jane Doe\r\nBcc: everyone@contoso.com", "jane@tailspin.example"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      shownName: "Jane Doe",
      warnings: [{ code: "name-cut-at-line-break" }],
      draft: { displayName: "Jane Doe", firstName: "Jane", lastName: "Doe", company: "Tailspin" },
    },
  },
  {
    title: "a folded line break is whitespace",
    from: person("Jane\r\n Doe", "jane@tailspin.example"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      shownName: "Jane Doe",
      draft: { displayName: "Jane Doe", firstName: "Jane", lastName: "Doe", company: "Tailspin" },
    },
  },
  {
    title: "terminal colour codes, with and without their escape, are not part of the name",
    from: person("\u001b[31mJane\u001b[0m [1;32mDoe[0m", "jane@tailspin.example"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      shownName: "Jane Doe",
      warnings: [{ code: "name-garbage-removed" }],
      draft: { displayName: "Jane Doe", firstName: "Jane", lastName: "Doe", company: "Tailspin" },
    },
  },
  {
    title: "a lone UTF-16 surrogate in the name is removed",
    from: person("Jane\uD83D Doe", "jane@tailspin.example"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      shownName: "Jane Doe",
      warnings: [{ code: "name-garbage-removed" }],
      draft: { displayName: "Jane Doe", firstName: "Jane", lastName: "Doe", company: "Tailspin" },
    },
  },
  {
    title: "a lone UTF-16 surrogate in the domain makes the address unusable, saying why",
    from: person("Jane Doe", "jane@tail\uDC00spin.example"),
    expect: { kind: "unusable", reason: { code: "invalid-address", problem: { code: "broken-character" } } },
  },
  {
    title: "a shared mailbox on free mail: the domain is said once in the mail tip",
    from: person("", "info@gmail.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: {
        displayName: "Info (gmail.com)",
        firstName: "",
        lastName: "",
        company: "",
        mailTip: "External contact: Info (gmail.com).",
        notes: [{ code: "shared-mailbox" }, { code: "free-mail" }],
      },
    },
  },
  {
    title: "a 40,000-character display name: only the start is analysed, with a warning",
    from: person(`Jane Doe ${"x".repeat(40_000)}`, "jane@tailspin.example"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      warnings: [{ code: "name-truncated", limit: 1024 }],
      draft: {
        displayName: `Jane Doe ${"x".repeat(247)}`,
        firstName: "Jane Doe",
        lastName: "x".repeat(64),
        name: `Jane Doe ${"x".repeat(55)}`,
        company: "Tailspin",
        notes: [
          { code: "shortened", field: "displayName" },
          { code: "shortened", field: "lastName" },
          { code: "shortened", field: "name" },
        ],
      },
    },
  },
  {
    title: "RFC 2047 encoded words are decoded (UTF-8 base64, ISO-8859-1 quoted-printable)",
    from: person("=?utf-8?B?SsO8cmdlbg==?= =?iso-8859-1?Q?_M=FCller?=", "j.mueller@tailspin.example"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      shownName: "Jürgen Müller",
      draft: { displayName: "Jürgen Müller", firstName: "Jürgen", lastName: "Müller", company: "Tailspin" },
    },
  },
  {
    title: "an encoded word with an unknown charset still gives a clean name",
    from: person("=?x-unknown?Q?Jane_Doe?=", "jane@tailspin.example"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      shownName: "Jane Doe",
      draft: { displayName: "Jane Doe", firstName: "Jane", lastName: "Doe", company: "Tailspin" },
    },
  },
  // ── impersonation ────────────────────────────────────────────────────────────────────
  {
    title: "an external sender using the signed-in user's own name is flagged",
    from: person("Bowen, Megan", "megan.bowen@fabrikam-payments.example"),
    userDisplayName: "Megan Bowen",
    expect: {
      kind: "external",
      reason: EXTERNAL,
      cautions: [{ kind: "your-own-name", name: "Bowen, Megan" }],
      draft: {
        displayName: "Megan Bowen",
        firstName: "Megan",
        lastName: "Bowen",
        company: "Fabrikam Payments",
        notes: [{ code: "last-name-first" }],
      },
    },
  },
  {
    title: "a display name showing another address is flagged in the draft too",
    from: person("ceo@fabrikam.com", "ceo@fabrikam-payments.example"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      warnings: [{ code: "name-shows-other-address", shown: "ceo@fabrikam.com" }],
      cautions: [{ kind: "shows-another-address", address: "ceo@fabrikam.com" }],
      draft: {
        displayName: "Ceo",
        firstName: "Ceo",
        lastName: "",
        company: "Fabrikam Payments",
        notes: [{ code: "name-from-address" }],
      },
    },
  },
  // ── company evidence ─────────────────────────────────────────────────────────────────
  {
    title: "a joined-up domain guess is marked as a guess and kept out of the mail tip",
    from: person("Olivia Brennan", "olivia@alpineskihouse.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: {
        displayName: "Olivia Brennan",
        firstName: "Olivia",
        lastName: "Brennan",
        company: "Alpineskihouse",
        companySource: "domain",
        mailTip: "External contact: Olivia Brennan (alpineskihouse.com).",
        notes: [{ code: "company-guessed" }, { code: "company-joined-up" }],
      },
    },
  },
  {
    title: "the display name's 'Jane Doe | Alpine Ski House' beats the domain guess",
    from: person("Jane Doe | Alpine Ski House", "jane@alpineskihouse.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: {
        displayName: "Jane Doe | Alpine Ski House",
        firstName: "Jane",
        lastName: "Doe",
        company: "Alpine Ski House",
        companySource: "display-name",
        mailTip: "External contact: Jane Doe | Alpine Ski House (alpineskihouse.com).",
        notes: [{ code: "company-from-display-name" }],
      },
    },
  },
  // --- ordinary external people ---
  {
    title: "plain external person",
    from: person("Jane Doe", "jane.doe@contoso.com"),
    expect: {
      kind: "external",
      reason: { code: "external", address: "jane.doe@contoso.com" },
      shownName: "Jane Doe",
      address: "jane.doe@contoso.com",
      displayAddress: "jane.doe@contoso.com",
      draft: {
        displayName: "Jane Doe",
        firstName: "Jane",
        lastName: "Doe",
        company: "Contoso",
        mailTip: "External contact: Jane Doe from Contoso (contoso.com).",
        notes: [{ code: "company-guessed", company: "Contoso", domain: "contoso.com" }],
      },
    },
  },
  {
    title: "upper-case address: domain lower-cased, local part kept as written",
    from: person("Jane Doe", "Jane.Doe@CONTOSO.COM"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      address: "Jane.Doe@contoso.com",
      displayAddress: "Jane.Doe@contoso.com",
      draft: { displayName: "Jane Doe", firstName: "Jane", lastName: "Doe", company: "Contoso" },
    },
  },
  {
    title: "plus-addressing is a distinct address and is kept",
    from: person("Sam Lee", "sam+invoices@litware.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      address: "sam+invoices@litware.com",
      draft: { displayName: "Sam Lee", firstName: "Sam", lastName: "Lee", company: "Litware" },
    },
  },
  {
    title: "quoted 'Doe, John' is last-name-first; company from a co.uk subdomain",
    from: person('"Doe, John"', "john.doe@mail.contoso.co.uk"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      shownName: "Doe, John",
      address: "john.doe@mail.contoso.co.uk",
      draft: {
        displayName: "John Doe",
        firstName: "John",
        lastName: "Doe",
        company: "Contoso",
        mailTip: "External contact: John Doe from Contoso (mail.contoso.co.uk).",
        notes: [{ code: "last-name-first", firstName: "John", lastName: "Doe" }],
      },
    },
  },
  {
    title: "'Doe, John (Department)': the qualifier stays in the display name only",
    from: person("Doe, John (Northwind Traders)", "john.doe@northwindtraders.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: {
        displayName: "John Doe (Northwind Traders)",
        firstName: "John",
        lastName: "Doe",
        company: "Northwind Traders",
        companySource: "display-name",
      },
    },
  },
  {
    title: "all capitals with an apostrophe",
    from: person("JOHN O'BRIEN", "jobrien@tailspintoys.ie"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      shownName: "JOHN O'BRIEN",
      draft: {
        displayName: "John O'Brien",
        firstName: "John",
        lastName: "O'Brien",
        company: "Tailspintoys",
        notes: [{ code: "capitals-softened", displayName: "John O'Brien" }],
      },
    },
  },
  {
    title: "all capitals with Dutch particles",
    from: person("JAN VAN DER BERG", "jan.vanderberg@wingtip.nl"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: {
        displayName: "Jan van der Berg",
        firstName: "Jan",
        lastName: "van der Berg",
        company: "Wingtip",
      },
    },
  },
  {
    title: "all capitals Mc-name and hyphenated company domain",
    from: person("MARY MCDONALD", "mary@adventure-works.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: {
        displayName: "Mary McDonald",
        firstName: "Mary",
        lastName: "McDonald",
        company: "Adventure Works",
      },
    },
  },
  {
    title: "French capitalized surname first, on a free-mail domain",
    from: person("DUPONT Jean", "jean.dupont@orange.fr"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: {
        displayName: "Jean Dupont",
        firstName: "Jean",
        lastName: "Dupont",
        company: "",
        mailTip: "External contact: Jean Dupont (orange.fr).",
        notes: [{ code: "capitalized-last-name-first" }, FREE_MAIL_NOTE],
      },
    },
  },
  {
    title: "particles written in lower case belong to the last name",
    from: person("Ludwig van Beethoven", "ludwig@bonn-music.de"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: {
        displayName: "Ludwig van Beethoven",
        firstName: "Ludwig",
        lastName: "van Beethoven",
        company: "Bonn Music",
      },
    },
  },

  // --- no usable name ---
  {
    title: "address used as the name",
    from: person("john@northwind.com", "john@northwind.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: {
        displayName: "John",
        firstName: "John",
        lastName: "",
        company: "Northwind",
        notes: [{ code: "name-from-address", localPart: "john", displayName: "John" }],
      },
    },
  },
  {
    title: "address in quotes used as the name",
    from: person("'john.smith@northwind.com'", "john.smith@northwind.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: {
        displayName: "John Smith",
        firstName: "John",
        lastName: "Smith",
        company: "Northwind",
        notes: [DERIVED_NOTE],
      },
    },
  },
  {
    title: "name followed by its own address in angle brackets",
    from: person("Jane Doe <jane@contoso.com>", "jane@contoso.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: { displayName: "Jane Doe", firstName: "Jane", lastName: "Doe", company: "Contoso" },
    },
  },
  {
    title: "empty display name, digits in the local part, gmail",
    from: person("", "jdoe42@gmail.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      shownName: "",
      draft: {
        displayName: "Jdoe",
        firstName: "Jdoe",
        lastName: "",
        company: "",
        mailTip: "External contact: Jdoe (gmail.com).",
        notes: [DERIVED_NOTE, FREE_MAIL_NOTE],
      },
    },
  },
  {
    title: "underscore local part on a yahoo country variant",
    from: person("   ", "j_doe@yahoo.co.uk"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: {
        displayName: "J Doe",
        firstName: "J",
        lastName: "Doe",
        company: "",
        notes: [DERIVED_NOTE, FREE_MAIL_NOTE],
      },
    },
  },
  {
    title: "display name that is just the local part",
    from: person("jdoe", "jdoe@contoso.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: {
        displayName: "Jdoe",
        firstName: "Jdoe",
        lastName: "",
        company: "Contoso",
        notes: [DERIVED_NOTE],
      },
    },
  },
  {
    title: "display name that is just the company: the person comes from the address",
    from: person("Contoso", "jane.doe@contoso.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: {
        displayName: "Jane Doe",
        firstName: "Jane",
        lastName: "Doe",
        company: "Contoso",
        notes: [DERIVED_NOTE],
      },
    },
  },
  {
    title: "shared mailbox without a name is named after the company",
    from: person("", "support@contoso.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: {
        displayName: "Contoso Support",
        firstName: "",
        lastName: "",
        company: "Contoso",
        notes: [{ code: "shared-mailbox", displayName: "Contoso Support" }],
      },
    },
  },
  {
    title: "shared mailbox with a name has no first/last name",
    from: person("Litware Sales Team", "sales@litware.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: { displayName: "Litware Sales Team", firstName: "", lastName: "", company: "Litware" },
    },
  },

  // --- scripts, emoji, long names ---
  {
    title: "Arabic name kept as written, split on spaces",
    from: person("محمد عبد الله", "m.abdullah@desert-trading.ae"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      shownName: "محمد عبد الله",
      draft: {
        displayName: "محمد عبد الله",
        firstName: "محمد عبد",
        lastName: "الله",
        company: "Desert Trading",
      },
    },
  },
  {
    title: "Hebrew name kept as written",
    from: person("דוד כהן", "david@galil-software.co.il"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: { displayName: "דוד כהן", firstName: "דוד", lastName: "כהן", company: "Galil Software" },
    },
  },
  {
    title: "Japanese name is family-name first; Japanese IDN domain",
    from: person("山田 太郎", "taro@例え.jp"),
    expect: {
      kind: "external",
      reason: { code: "external", address: "taro@例え.jp" },
      address: "taro@xn--r8jz45g.jp",
      displayAddress: "taro@例え.jp",
      mixedScriptDomain: false,
      draft: {
        displayName: "山田 太郎",
        firstName: "太郎",
        lastName: "山田",
        company: "例え",
        mailTip: "External contact: 山田 太郎 from 例え (例え.jp).",
      },
    },
  },
  {
    title: "Chinese name without a space on qq.com (numeric local part)",
    from: person("王伟", "123456789@qq.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: { displayName: "王伟", firstName: "王伟", lastName: "", company: "", notes: [FREE_MAIL_NOTE] },
    },
  },
  {
    title: "emoji stay in the display name but not in the name parts",
    from: person("Jane Doe 🦄", "jane@unicorn.io"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: { displayName: "Jane Doe 🦄", firstName: "Jane", lastName: "Doe", company: "Unicorn" },
    },
  },
  {
    title: "name longer than 64 characters: Name and first name shortened at a word",
    from: person(
      "Maximilian Alexander Konstantin Friedrich von Hohenzollern-Sigmaringen und Waldburg-Zeil",
      "max@hohenzollern.de",
    ),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: {
        displayName:
          "Maximilian Alexander Konstantin Friedrich von Hohenzollern-Sigmaringen und Waldburg-Zeil",
        firstName: "Maximilian Alexander Konstantin Friedrich von",
        lastName: "Waldburg-Zeil",
        company: "Hohenzollern",
        name: "Maximilian Alexander Konstantin Friedrich von",
        notes: [
          { code: "shortened", field: "firstName", limit: 64 },
          { code: "shortened", field: "name", limit: 64 },
        ],
      },
    },
  },

  // --- hostile display names ---
  {
    title: "HTML tags in the display name are dropped",
    from: person("<b>Jane</b> <i>Doe</i>", "jane@contoso.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      shownName: "Jane Doe",
      warnings: [{ code: "name-markup-removed" }],
      draft: { displayName: "Jane Doe", firstName: "Jane", lastName: "Doe", company: "Contoso" },
    },
  },
  {
    title: "script element in the display name is dropped with its content",
    from: person("<script>alert('x')</script>Eve Adams", "eve@fabrikam-rivals.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      shownName: "Eve Adams",
      warnings: [{ code: "name-markup-removed" }],
      draft: {
        displayName: "Eve Adams",
        firstName: "Eve",
        lastName: "Adams",
        company: "Fabrikam Rivals",
        mailTip: "External contact: Eve Adams from Fabrikam Rivals (fabrikam-rivals.com).",
      },
    },
  },
  {
    title: "bidi override and zero-width space are removed",
    from: person("Ann Smith\u202E\u200B", "ann.smith@proseware.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      shownName: "Ann Smith",
      warnings: [{ code: "name-invisible-removed" }],
      draft: { displayName: "Ann Smith", firstName: "Ann", lastName: "Smith", company: "Proseware" },
    },
  },
  {
    title: "tabs and line breaks are just whitespace",
    from: person("  Jane\t\nDoe  ", "jane@contoso.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      shownName: "Jane Doe",
      draft: { displayName: "Jane Doe", firstName: "Jane", lastName: "Doe", company: "Contoso" },
    },
  },
  {
    title: "display name showing someone else's address",
    from: person("ceo@fabrikam.com", "ceo.fabrikam@gmail.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      warnings: [
        { code: "name-shows-other-address", shown: "ceo@fabrikam.com", actual: "ceo.fabrikam@gmail.com" },
      ],
      cautions: [{ kind: "shows-another-address", address: "ceo@fabrikam.com" }],
      draft: {
        displayName: "Ceo Fabrikam",
        firstName: "Ceo",
        lastName: "Fabrikam",
        company: "",
        notes: [DERIVED_NOTE],
      },
    },
  },

  // --- internationalized and look-alike domains ---
  {
    title: "IDN domain in Unicode is stored as punycode",
    from: person("Jürgen Müller", "juergen@münchen.de"),
    expect: {
      kind: "external",
      reason: { code: "external", address: "juergen@münchen.de" },
      address: "juergen@xn--mnchen-3ya.de",
      displayAddress: "juergen@münchen.de",
      mixedScriptDomain: false,
      draft: {
        displayName: "Jürgen Müller",
        firstName: "Jürgen",
        lastName: "Müller",
        company: "München",
        mailTip: "External contact: Jürgen Müller from München (münchen.de).",
      },
    },
  },
  {
    title: "punycode domain is shown in Unicode; shared mailbox without a name",
    from: person("", "info@xn--mnchen-3ya.de"),
    expect: {
      kind: "external",
      reason: { code: "external", address: "info@münchen.de" },
      address: "info@xn--mnchen-3ya.de",
      displayAddress: "info@münchen.de",
      draft: { displayName: "München Info", firstName: "", lastName: "", company: "München" },
    },
  },
  {
    title: "Cyrillic 'а' in a Latin domain is flagged",
    from: person("PayPal", "service@pаypal.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      address: "service@xn--pypal-4ve.com",
      displayAddress: "service@pаypal.com",
      mixedScriptDomain: true,
      warnings: [
        {
          code: "mixed-script-domain",
          scripts: ["Latin", "Cyrillic"],
          label: "pаypal",
          asciiDomain: "xn--pypal-4ve.com",
        },
      ],
      draft: { displayName: "PayPal", firstName: "", lastName: "", company: "Pаypal" },
    },
  },
  {
    title: "Greek alpha in a Latin domain is flagged",
    from: person("Apple ID", "id@αpple.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      mixedScriptDomain: true,
      warnings: [{ code: "mixed-script-domain", scripts: ["Greek", "Latin"] }],
      draft: { displayName: "Apple ID", firstName: "Apple", lastName: "ID", company: "Αpple" },
    },
  },
  {
    title: "Japanese Han + Hiragana + Katakana in one label is normal, not flagged",
    from: person("Suzuki Hanako", "hanako@日本語のテスト.jp"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      mixedScriptDomain: false,
      draft: {
        displayName: "Suzuki Hanako",
        firstName: "Suzuki",
        lastName: "Hanako",
        company: "日本語のテスト",
      },
    },
  },

  // --- on behalf of ---
  {
    title: "sent on behalf of: the from person is the contact, the sender is reported",
    from: person("Bob Boss", "bob.boss@contoso.com"),
    sender: person("Pat Assistant", "pat.assistant@contoso.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      onBehalfOf: { displayName: "Pat Assistant", address: "pat.assistant@contoso.com" },
      draft: { displayName: "Bob Boss", firstName: "Bob", lastName: "Boss", company: "Contoso" },
    },
  },
  {
    title: "sender differing only in case is the same person",
    from: person("Jane Doe", "jane@contoso.com"),
    sender: person("Jane Doe", "JANE@Contoso.COM"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      onBehalfOf: null,
      draft: { displayName: "Jane Doe", firstName: "Jane", lastName: "Doe", company: "Contoso" },
    },
  },
  {
    title: "mailing service sending on behalf of a person",
    from: person("Anna Schmidt", "anna.schmidt@web.de"),
    sender: person("", "bounce-831@mailer.sendservice.net"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      onBehalfOf: { displayName: "", address: "bounce-831@mailer.sendservice.net" },
      draft: {
        displayName: "Anna Schmidt",
        firstName: "Anna",
        lastName: "Schmidt",
        company: "",
        notes: [FREE_MAIL_NOTE],
      },
    },
  },

  // --- free-mail providers ---
  {
    title: "free-mail: gmx.de",
    from: person("Max Mustermann", "max.mustermann@gmx.de"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: {
        displayName: "Max Mustermann",
        firstName: "Max",
        lastName: "Mustermann",
        company: "",
        notes: [FREE_MAIL_NOTE],
      },
    },
  },
  {
    title: "free-mail: hotmail.co.uk (country variant)",
    from: person("Olivia Brown", "olivia.brown@hotmail.co.uk"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: { displayName: "Olivia Brown", firstName: "Olivia", lastName: "Brown", company: "" },
    },
  },
  {
    title: "free-mail: outlook.de",
    from: person("Lena Wagner", "lena.wagner@outlook.de"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: { displayName: "Lena Wagner", firstName: "Lena", lastName: "Wagner", company: "" },
    },
  },
  {
    title: "free-mail: yandex.ru with a Cyrillic all-capitals name",
    from: person("ИВАН ПЕТРОВ", "ivan.petrov@yandex.ru"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: { displayName: "Иван Петров", firstName: "Иван", lastName: "Петров", company: "" },
    },
  },
  {
    title: "free-mail: icloud.com",
    from: person("Chris Green", "chris.green@icloud.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: { displayName: "Chris Green", firstName: "Chris", lastName: "Green", company: "" },
    },
  },
  {
    title: "free-mail: proton.me",
    from: person("Alex Kim", "alex.kim@proton.me"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: { displayName: "Alex Kim", firstName: "Alex", lastName: "Kim", company: "" },
    },
  },

  // --- automated senders ---
  {
    title: "noreply",
    from: person("GitHub", "noreply@github.com"),
    expect: {
      kind: "automated",
      reason: { code: "automated", category: "no-reply", address: "noreply@github.com" },
    },
  },
  {
    title: "no-reply on a subdomain",
    from: person("Google", "no-reply@accounts.google.com"),
    expect: { kind: "automated", reason: NO_REPLY },
  },
  {
    title: "do_not_reply",
    from: person("Northwind Bank", "do_not_reply@northwindbank.com"),
    expect: { kind: "automated", reason: NO_REPLY },
  },
  {
    title: "DoNotReply in mixed case",
    from: person("Microsoft", "DoNotReply@microsoft.com"),
    expect: { kind: "automated", reason: NO_REPLY },
  },
  {
    title: "noreply as one word of the local part",
    from: person("LinkedIn", "jobs-noreply@linkedin.com"),
    expect: { kind: "automated", reason: NO_REPLY },
  },
  {
    title: "mailer-daemon",
    from: person("Mail Delivery Subsystem", "mailer-daemon@googlemail.com"),
    expect: { kind: "automated", reason: MAIL_SYSTEM },
  },
  {
    title: "postmaster",
    from: person("Postmaster", "postmaster@contoso.com"),
    expect: { kind: "automated", reason: MAIL_SYSTEM },
  },
  {
    title: "VERP bounce address",
    from: person("Contoso News", "bounce-12345@mailer.contoso.com"),
    expect: { kind: "automated", reason: BOUNCE },
  },
  {
    title: "VERP bounces+ address",
    from: person("Contoso", "bounces+8827=me=fabrikam.com@em1234.contoso.com"),
    expect: { kind: "automated", reason: BOUNCE },
  },
  {
    title: "BATV-signed return path",
    from: person("Contoso", "msprvs1=19827abcd=bounces-2345@contoso.com"),
    expect: { kind: "automated", reason: BOUNCE },
  },
  {
    title: "SRS-rewritten forwarder address",
    from: person("Jane via forwarder", "SRS0=x1y2=AB=contoso.com=jane@forwarder.net"),
    expect: { kind: "automated", reason: BOUNCE },
  },
  {
    title: "notifications",
    from: person("GitHub", "notifications@github.com"),
    expect: { kind: "automated", reason: NOTIFICATIONS },
  },
  {
    title: "notification as a word of the local part",
    from: person("Google Calendar", "calendar-notification@google.com"),
    expect: { kind: "automated", reason: NOTIFICATIONS },
  },
  {
    title: "notify as the whole local part is automated",
    from: person("Contoso Status", "notify@status.contoso.com"),
    expect: { kind: "automated", reason: NOTIFICATIONS },
  },
  {
    title: "notify inside a longer local part is left to the user (external)",
    from: person("Nora Smith", "notify.smith@contoso.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: { displayName: "Nora Smith", firstName: "Nora", lastName: "Smith", company: "Contoso" },
    },
  },

  // --- internal ---
  {
    title: "the user's own domain",
    from: person("Colleague", "colleague@fabrikam.com"),
    expect: { kind: "internal", reason: { code: "internal-own", domain: "fabrikam.com" } },
  },
  {
    title: "a subdomain of the user's domain",
    from: person("Colleague", "colleague@mail.fabrikam.com"),
    expect: {
      kind: "internal",
      reason: { code: "internal-subdomain", domain: "mail.fabrikam.com", parent: "fabrikam.com" },
    },
  },
  {
    title: "a configured organization domain",
    from: person("Colleague", "kollege@fabrikam.de"),
    internalDomains: ["fabrikam.de"],
    expect: { kind: "internal", reason: { code: "internal-configured", domain: "fabrikam.de" } },
  },
  {
    title: "a subdomain of a configured domain written with @ and capitals",
    from: person("Colleague", "someone@eu.contoso-subsidiary.com"),
    internalDomains: ["@Contoso-Subsidiary.com"],
    expect: { kind: "internal", reason: { code: "internal-subdomain", parent: "contoso-subsidiary.com" } },
  },
  {
    title: "an internal no-reply is internal first",
    from: person("IT", "noreply@fabrikam.com"),
    expect: { kind: "internal", reason: { code: "internal-own" } },
  },
  {
    title: "a domain merely ending in the organization's name is external",
    from: person("Impostor", "boss@notfabrikam.com"),
    expect: {
      kind: "external",
      reason: EXTERNAL,
      draft: { displayName: "Impostor", firstName: "Impostor", lastName: "", company: "Notfabrikam" },
    },
  },

  // --- unusable ---
  {
    title: "no from at all",
    from: null,
    expect: { kind: "unusable", reason: { code: "no-from" }, shownName: "" },
  },
  {
    title: "Exchange legacy DN instead of an address",
    from: person(
      "Old Colleague",
      "/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP (FYDIBOHF23SPDLT)/CN=RECIPIENTS/CN=5a1b2c3d4e-oldcolleague",
    ),
    expect: { kind: "unusable", reason: { code: "legacy-dn" }, shownName: "Old Colleague" },
  },
  {
    title: "empty address",
    from: person("Someone", ""),
    expect: { kind: "unusable", reason: { code: "no-address" } },
  },
  {
    title: "address without a domain",
    from: person("Someone", "jane.doe@"),
    expect: { kind: "unusable", reason: { code: "invalid-address", problem: { code: "no-domain" } } },
  },
  {
    title: "IP-literal domain",
    from: person("Server", "root@[192.168.0.1]"),
    expect: { kind: "unusable", reason: { code: "invalid-address", problem: { code: "ip-literal" } } },
  },
  {
    title: "quoted local part with a space",
    from: person("Jane", '"jane doe"@contoso.com'),
    expect: {
      kind: "unusable",
      reason: { code: "invalid-address", problem: { code: "spaces-or-invisible" } },
    },
  },
  {
    title: "consecutive dots",
    from: person("John", "john..doe@contoso.com"),
    expect: { kind: "unusable", reason: { code: "invalid-address", problem: { code: "local-double-dot" } } },
  },
  {
    title: "domain without a dot",
    from: person("Admin", "admin@localhost"),
    expect: {
      kind: "unusable",
      reason: { code: "invalid-address", problem: { code: "domain-no-dot", domain: "localhost" } },
    },
  },
];
