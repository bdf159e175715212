import {
  alternativeContactName,
  DEFAULT_MAIL_TIP_TEMPLATE,
  DEFAULT_ORGANIZATION_CONFIG,
  prefillDraft,
  toNewMailContact,
  validateDraft,
} from "./draft";
import { mailTipLength } from "./draft-rules";
import { EXCHANGE_LIMITS } from "./exchange-rules";
import { analyzeSender } from "./sender";
import type { ContactDraft, SenderAnalysis } from "./types";

const validDraft: ContactDraft = {
  address: "jane.doe@contoso.com",
  displayName: "Jane Doe",
  firstName: "Jane",
  lastName: "Doe",
  company: "Contoso",
  mailTip: "External contact: Jane Doe from Contoso (contoso.com).",
  hiddenFromAddressLists: false,
  name: "Jane Doe",
  notes: [],
};

function external(displayName: string, emailAddress: string): SenderAnalysis {
  const analysis = analyzeSender(
    { from: { displayName, emailAddress }, sender: null, userAddress: "me@fabrikam.com" },
    { internalDomains: [] },
  );
  expect(analysis.kind).toBe("external");
  return analysis;
}

describe("validateDraft", () => {
  test("a complete draft within every limit is sendable", () => {
    expect(validateDraft(validDraft)).toEqual([]);
  });

  test("values exactly at the limits are fine", () => {
    expect(
      validateDraft({
        ...validDraft,
        displayName: "d".repeat(256),
        name: "n".repeat(64),
        firstName: "f".repeat(64),
        lastName: "l".repeat(64),
        company: "c".repeat(64),
        mailTip: "m".repeat(175),
      }),
    ).toEqual([]);
  });

  test.each([
    ["company", "c".repeat(71), 64, 71],
    ["firstName", "f".repeat(65), 64, 65],
    ["lastName", "l".repeat(100), 64, 100],
    ["name", "n".repeat(65), 64, 65],
    ["displayName", "d".repeat(257), 256, 257],
    ["mailTip", "m".repeat(176), 175, 176],
  ] as const)("%s over its limit", (field, value, limit, length) => {
    expect(validateDraft({ ...validDraft, [field]: value })).toEqual([
      { field, problem: { code: "too-long", limit, length } },
    ]);
  });

  test("names are counted in UTF-16 units, as Exchange (.NET) counts", () => {
    // 32 emoji are 64 UTF-16 units: fits; 33 do not.
    expect(validateDraft({ ...validDraft, company: "🦄".repeat(32) })).toEqual([]);
    expect(validateDraft({ ...validDraft, company: "🦄".repeat(33) })).toEqual([
      { field: "company", problem: { code: "too-long", limit: 64, length: 66 } },
    ]);
  });

  test("the mail tip is counted as the reader sees it", () => {
    expect(validateDraft({ ...validDraft, mailTip: "👩‍💻".repeat(175) })).toEqual([]);
    expect(validateDraft({ ...validDraft, mailTip: "é".normalize("NFD").repeat(176) })).toEqual([
      { field: "mailTip", problem: { code: "too-long", limit: 175, length: 176 } },
    ]);
  });

  test("surrounding spaces do not count (they are trimmed when sent)", () => {
    expect(validateDraft({ ...validDraft, company: `  ${"c".repeat(64)}  ` })).toEqual([]);
  });

  test("display name and name are required", () => {
    expect(validateDraft({ ...validDraft, displayName: "  ", name: "" })).toEqual([
      { field: "displayName", problem: { code: "required" } },
      { field: "name", problem: { code: "required" } },
    ]);
  });

  test("first name, last name, company and mail tip may be empty", () => {
    expect(validateDraft({ ...validDraft, firstName: "", lastName: "", company: "", mailTip: "" })).toEqual(
      [],
    );
  });

  test("<, > and & in the mail tip are plain text: never refused, sent exactly as typed", () => {
    for (const mailTip of ["Use <ticket no.> in the subject", "R&D", "<b>hi</b>", "R&amp;D team"]) {
      const draft = { ...validDraft, mailTip };
      expect(validateDraft(draft)).toEqual([]);
      expect(toNewMailContact(draft).mailTip).toBe(mailTip);
    }
  });

  test("the mail tip's length is what colleagues will read, markup-looking text included", () => {
    expect(mailTipLength("<b>hi</b> <ticket no.>")).toBe(22);
    const atLimit = "<b>".repeat(58) + "&"; // 175 characters as typed and as shown
    expect(validateDraft({ ...validDraft, mailTip: atLimit })).toEqual([]);
    expect(validateDraft({ ...validDraft, mailTip: `${atLimit}>` })[0]?.problem).toEqual({
      code: "too-long",
      limit: 175,
      length: 176,
    });
  });

  test.each([
    ["displayName", "Jane\tDoe"],
    ["name", "Jane\nDoe"],
    ["firstName", "Ja\u0000ne"],
    ["lastName", "Doe\u202E"],
    ["company", "Con\u200Btoso"],
    ["mailTip", "Call\u0007 first"],
    ["displayName", "Jane\uD800 Doe"],
    ["company", "Con\uDC00toso"],
    ["mailTip", "Call \uD83D first"],
    ["mailTip", "Call \u202Efirst"],
  ] as const)("control or invisible characters in %s are rejected", (field, value) => {
    const errors = validateDraft({ ...validDraft, [field]: value });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe(field);
    expect(errors[0]?.problem).toEqual({ code: "invisible-characters" });
  });

  test("line breaks in the mail tip are allowed (they become spaces)", () => {
    expect(validateDraft({ ...validDraft, mailTip: "Line one\r\nLine two" })).toEqual([]);
  });

  test("a broken address is reported", () => {
    expect(validateDraft({ ...validDraft, address: "jane..doe@contoso.com" })).toEqual([
      {
        field: "address",
        problem: { code: "invalid-address", problem: { code: "local-double-dot" } },
      },
    ]);
  });

  test("several problems are all reported, one per field", () => {
    const errors = validateDraft({
      ...validDraft,
      company: "c".repeat(65),
      name: "",
      mailTip: "x".repeat(176),
    });
    expect(errors.map((error) => error.field)).toEqual(["name", "company", "mailTip"]);
  });
});

describe("alternativeContactName", () => {
  test("appends the domain in brackets", () => {
    expect(alternativeContactName(validDraft, "contoso.com")).toBe("Jane Doe (contoso.com)");
  });

  test("shows an IDN domain in Unicode", () => {
    expect(alternativeContactName({ ...validDraft, name: "Jürgen Müller" }, "xn--mnchen-3ya.de")).toBe(
      "Jürgen Müller (münchen.de)",
    );
  });

  test("differs from the original when the original already ends with the domain", () => {
    const first = alternativeContactName({ ...validDraft, name: "Jane Doe (contoso.com)" }, "contoso.com");
    expect(first).toBe("Jane Doe (contoso.com) 2");
    const second = alternativeContactName({ ...validDraft, name: first }, "contoso.com");
    expect(second).toBe("Jane Doe (contoso.com) 3");
  });

  test("is deterministic", () => {
    const draft = { ...validDraft, name: "x".repeat(60) };
    expect(alternativeContactName(draft, "contoso.com")).toBe(alternativeContactName(draft, "contoso.com"));
  });

  test("a 60-character name and a long domain stay within 64 characters, domain intact", () => {
    const name = "Alexandra Catherine Montgomery-Fitzgerald of Westminster Abb"; // 60 characters
    expect(name).toHaveLength(60);
    const domain = "engineering.research.contoso-international.com";
    const result = alternativeContactName({ ...validDraft, name }, domain);
    expect(result.length).toBeLessThanOrEqual(EXCHANGE_LIMITS.name);
    expect(result.endsWith(` (${domain})`)).toBe(true);
    expect(result.startsWith("Alexandra")).toBe(true);
    expect(result).not.toBe(name);
  });

  test("a domain too long to show whole falls back to its registrable domain", () => {
    const domain = "very-long-department-name.subsidiary-with-a-long-name.contoso.co.uk";
    const result = alternativeContactName({ ...validDraft, name: "x".repeat(60) }, domain);
    expect(result.length).toBeLessThanOrEqual(EXCHANGE_LIMITS.name);
    expect(result).toMatch(/^x+ \(contoso\.co\.uk\)$/);
  });

  test("an absurdly long registrable domain still yields a distinct name within the limit", () => {
    const a = alternativeContactName({ ...validDraft, name: "Jane Doe" }, `${"a".repeat(60)}-one.com`);
    const b = alternativeContactName({ ...validDraft, name: "Jane Doe" }, `${"a".repeat(60)}-two.com`);
    expect(a.length).toBeLessThanOrEqual(EXCHANGE_LIMITS.name);
    expect(b.length).toBeLessThanOrEqual(EXCHANGE_LIMITS.name);
    expect(a).not.toBe(b);
    expect(a.startsWith("Jane Doe (")).toBe(true);
  });

  test("a 64-character name ending in the domain gets a counter and still fits", () => {
    const suffix = " (contoso.com)";
    const name = `${"y".repeat(64 - suffix.length)}${suffix}`;
    const result = alternativeContactName({ ...validDraft, name }, "contoso.com");
    expect(result.length).toBeLessThanOrEqual(64);
    expect(result.endsWith("(contoso.com) 2")).toBe(true);
  });

  test("falls back to the display name when the name is empty", () => {
    expect(alternativeContactName({ ...validDraft, name: " " }, "contoso.com")).toBe(
      "Jane Doe (contoso.com)",
    );
  });
});

describe("toNewMailContact", () => {
  test("sends trimmed values, the chosen name and the mail tip as typed, whitespace collapsed", () => {
    const contact = toNewMailContact(
      {
        ...validDraft,
        displayName: "  Jane Doe ",
        company: " Contoso ",
        mailTip: "  <b>VIP</b>&nbsp;client\n  call first  ",
        hiddenFromAddressLists: true,
      },
      "Jane Doe (contoso.com)",
    );
    expect(contact).toEqual({
      name: "Jane Doe (contoso.com)",
      displayName: "Jane Doe",
      firstName: "Jane",
      lastName: "Doe",
      address: "jane.doe@contoso.com",
      company: "Contoso",
      title: "",
      phone: "",
      mobilePhone: "",
      fax: "",
      webPage: "",
      mailTip: "<b>VIP</b>&nbsp;client call first",
      hiddenFromAddressLists: true,
    });
  });

  test("uses the draft's name when none is given", () => {
    expect(toNewMailContact(validDraft).name).toBe("Jane Doe");
  });
});

describe("prefillDraft", () => {
  test("refuses anything but an external sender", () => {
    const internal = analyzeSender(
      {
        from: { displayName: "A", emailAddress: "a@fabrikam.com" },
        sender: null,
        userAddress: "me@fabrikam.com",
      },
      { internalDomains: [] },
    );
    expect(() => prefillDraft(internal, DEFAULT_ORGANIZATION_CONFIG)).toThrow(
      "Only an external sender can be made into a contact; this sender is internal.",
    );
  });

  test("uses the deployment's mail tip template", () => {
    const draft = prefillDraft(external("Jane Doe", "jane@contoso.com"), {
      internalDomains: [],
      mailTipTemplate: "Externer Kontakt bei {company} – bitte keine vertraulichen Daten senden.",
    });
    expect(draft.mailTip).toBe("Externer Kontakt bei Contoso – bitte keine vertraulichen Daten senden.");
  });

  test("an empty template falls back to the default", () => {
    const draft = prefillDraft(external("Jane Doe", "jane@contoso.com"), {
      internalDomains: [],
      mailTipTemplate: " ",
    });
    expect(draft.mailTip).toBe("External contact: Jane Doe from Contoso (contoso.com).");
  });

  test("the default configuration", () => {
    expect(DEFAULT_ORGANIZATION_CONFIG).toEqual({
      internalDomains: [],
      mailTipTemplate: DEFAULT_MAIL_TIP_TEMPLATE,
    });
  });

  test("a display name over 256 characters is shortened at a word, with a note, and stays sendable", () => {
    const words = Array.from({ length: 60 }, (_, index) => `Word${index}`).join(" ");
    const draft = prefillDraft(external(words, "long@contoso.com"), DEFAULT_ORGANIZATION_CONFIG);
    expect(draft.displayName.length).toBeLessThanOrEqual(256);
    expect(words.startsWith(draft.displayName)).toBe(true);
    expect(words.charAt(draft.displayName.length)).toBe(" ");
    expect(draft.notes).toContainEqual({ code: "shortened", field: "displayName", limit: 256 });
    expect(validateDraft(draft)).toEqual([]);
  });

  test("the mail tip uses the Unicode domain, the stored address the ASCII one", () => {
    const draft = prefillDraft(external("Jürgen Müller", "juergen@münchen.de"), DEFAULT_ORGANIZATION_CONFIG);
    expect(draft.address).toBe("juergen@xn--mnchen-3ya.de");
    expect(draft.mailTip).toContain("(münchen.de)");
  });
});

describe("prefillDraft for a look-alike sender", () => {
  test("borrows no company from a domain that imitates another, and says why", () => {
    const analysis = external("Alex Wilber", "alex.wilber@contoso.co");
    expect(prefillDraft(analysis, DEFAULT_ORGANIZATION_CONFIG).company).toBe("Contoso");
    const draft = prefillDraft(analysis, DEFAULT_ORGANIZATION_CONFIG, { imitatedDomain: "contoso.com" });
    expect(draft.company).toBe("");
    expect(draft.mailTip).toBe("External contact: Alex Wilber (contoso.co).");
    expect(draft.notes).toContainEqual({
      code: "company-withheld",
      domain: "contoso.co",
      imitated: "contoso.com",
    });
  });
});
