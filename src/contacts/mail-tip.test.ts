import { EXCHANGE_LIMITS } from "./exchange-rules";
import {
  displayedLength,
  hasControlOrFormatCharacters,
  mailTipToPlainText,
  removeInvisibleCharacters,
  truncateAtWordBoundary,
} from "./mail-tip";
import { renderMailTip } from "./mail-tip-template";

const LIMIT = EXCHANGE_LIMITS.mailTip;

describe("mailTipToPlainText", () => {
  test.each([
    ["plain text stays", "Call before 10am.", "Call before 10am."],
    ["tags are dropped", "<b>Important</b> client", "Important client"],
    ["block tags separate words", "<p>Line one</p><p>Line two</p>", "Line one Line two"],
    ["br separates words", "one<br>two<br/>three", "one two three"],
    ["script content is dropped", "Hi<script>alert('x')</script> there", "Hi there"],
    ["unclosed script drops the rest", "Hi <script>alert('x')", "Hi"],
    ["style content is dropped", "<style>p{color:red}</style>Hello", "Hello"],
    ["comments are dropped", "a<!-- secret -->b", "ab"],
    ["attributes with > inside quotes are not left behind", '<a href="x">link</a> text', "link text"],
    ["event handlers go with their tag", '<img src=x onerror="alert(1)">Jane', "Jane"],
    ["unterminated tag at the end", "Jane <img src=x onerror=alert(1)", "Jane"],
    ["named entities are decoded", "R&amp;D &ndash; AT&amp;T&nbsp;team", "R&D – AT&T team"],
    ["numeric entities are decoded", "&#72;i &#x1F600;", "Hi 😀"],
    ["encoded tags do not survive as tags", "&lt;b&gt;bold&lt;/b&gt; text", "bold text"],
    ["double-encoded tags do not survive either", "&amp;lt;script&amp;gt;x&amp;lt;/script&amp;gt;ok", "ok"],
    ["unknown entities stay as written", "&bogus; stays", "&bogus; stays"],
    ["a less-than sign in prose stays", "a < b and 3 > 2", "a < b and 3 > 2"],
    ["a heart stays", "thanks <3", "thanks <3"],
    ["whitespace collapses", "  a \n\t b  ", "a b"],
    ["bidi overrides and zero-width spaces go", "ab\u202Ecd\u200Bef", "abcdef"],
    ["joiners inside emoji stay", "👩\u200D💻 dev", "👩\u200D💻 dev"],
    ["stray joiners go", "\u200Dhello\u200C", "hello"],
    ["controls go", "a\u0000b\u0007c", "abc"],
    ["empty stays empty", "", ""],
  ])("%s", (_title, input, expected) => {
    expect(mailTipToPlainText(input)).toBe(expected);
  });

  test("is idempotent", () => {
    const once = mailTipToPlainText("<b>R&amp;D</b> &lt;i&gt;x");
    expect(mailTipToPlainText(once)).toBe(once);
  });
});

describe("displayedLength counts what a reader sees", () => {
  test.each([
    ["abc", 3],
    ["é", 1],
    ["e\u0301", 1],
    ["😀", 1],
    ["👩\u200D💻", 1],
    ["🇩🇪", 1],
    ["日本語", 3],
  ])("%s → %d", (text, length) => {
    expect(displayedLength(text)).toBe(length);
  });
});

describe("truncateAtWordBoundary", () => {
  test("text that fits is unchanged", () => {
    expect(truncateAtWordBoundary("Jane Doe", 8)).toBe("Jane Doe");
  });
  test("cuts at the last word that fits", () => {
    expect(truncateAtWordBoundary("Jane Alexandra Doe", 16)).toBe("Jane Alexandra");
  });
  test("adds the ellipsis within the limit", () => {
    const result = truncateAtWordBoundary("one two three four", 12, { ellipsis: "…" });
    expect(result).toBe("one two…");
    expect(result.length).toBeLessThanOrEqual(12);
  });
  test("cuts inside a word when no boundary lies in the last half", () => {
    expect(truncateAtWordBoundary("Supercalifragilistic", 10)).toBe("Supercalif");
  });
  test("never splits a surrogate pair or an emoji sequence", () => {
    const result = truncateAtWordBoundary("ab👩\u200D💻cd", 4);
    expect(result).toBe("ab");
  });
  test("drops trailing separators", () => {
    expect(truncateAtWordBoundary("Jane Doe, Contoso Group", 10)).toBe("Jane Doe");
  });
});

describe("control characters", () => {
  test("hasControlOrFormatCharacters", () => {
    expect(hasControlOrFormatCharacters("a\tb")).toBe(true);
    expect(hasControlOrFormatCharacters("a\tb", { allowLineBreaks: true })).toBe(false);
    expect(hasControlOrFormatCharacters("a\u202Eb", { allowLineBreaks: true })).toBe(true);
    expect(hasControlOrFormatCharacters("مهسا\u200Cفر")).toBe(false);
    expect(hasControlOrFormatCharacters("plain")).toBe(false);
  });
  test("removeInvisibleCharacters keeps a Persian zero-width non-joiner inside a word", () => {
    expect(removeInvisibleCharacters("می\u200Cخواهم")).toBe("می\u200Cخواهم");
  });
});

describe("renderMailTip", () => {
  const jane = { company: "Contoso", domain: "contoso.com", displayName: "Jane Doe" };
  const template = "External contact: {displayName} from {company} ({domain}).";

  test("fills every placeholder", () => {
    expect(renderMailTip(template, jane)).toBe("External contact: Jane Doe from Contoso (contoso.com).");
  });

  test("a German template (docs/admin-setup.md's example) drops its connector with an empty company", () => {
    const german = "Externer Kontakt: {displayName} von {company} ({domain}).";
    expect(renderMailTip(german, jane)).toBe("Externer Kontakt: Jane Doe von Contoso (contoso.com).");
    expect(renderMailTip(german, { ...jane, company: null })).toBe(
      "Externer Kontakt: Jane Doe (contoso.com).",
    );
  });

  test("placeholders are case-insensitive and may repeat", () => {
    expect(renderMailTip("{DisplayName} ({DOMAIN}) – {displayname}", jane)).toBe(
      "Jane Doe (contoso.com) – Jane Doe",
    );
  });

  test.each([
    ["a missing company drops its connector word", template, "External contact: Jane Doe (gmail.com)."],
    ["a missing company drops its brackets", "{displayName} ({company})", "Jane Doe"],
    ["a missing company drops a separator before it", "{displayName}, {company}", "Jane Doe"],
    ["a missing company drops a separator after it", "{company}: {displayName}", "Jane Doe"],
    [
      "an optional section goes as a whole",
      "Contact[ at {company} in {domain}]: {displayName}",
      "Contact: Jane Doe",
    ],
    [
      "an optional section with a connector",
      "{displayName}[, who works at {company},] writes from {domain}.",
      "Jane Doe writes from gmail.com.",
    ],
    ["a template without placeholders is used as is", "External contact.", "External contact."],
    ["a template with only some placeholders", "Writes from {domain}.", "Writes from gmail.com."],
    [
      "unknown placeholders stay visible to whoever configured them",
      "{displayName} {title}",
      "Jane Doe {title}",
    ],
    ["German connector", "Externer Kontakt: {displayName} von {company}", "Externer Kontakt: Jane Doe"],
  ])("%s", (_title, text, expected) => {
    expect(renderMailTip(text, { company: null, domain: "gmail.com", displayName: "Jane Doe" })).toBe(
      expected,
    );
  });

  test("brackets in the template without a placeholder inside are kept", () => {
    expect(renderMailTip("[External] {displayName}", jane)).toBe("[External] Jane Doe");
  });

  test("a value is never read as a placeholder", () => {
    expect(renderMailTip(template, { ...jane, displayName: "{company} {domain}" })).toBe(
      "External contact: {company} {domain} from Contoso (contoso.com).",
    );
  });

  test("markup in a value or in the template does not get through", () => {
    const result = renderMailTip("<b>External</b>: {displayName}", {
      ...jane,
      displayName: "<script>alert(1)</script>Jane &lt;i&gt;Doe",
    });
    expect(result).toBe("External: Jane Doe");
  });

  test("an overflowing display name is shortened first, keeping company and domain", () => {
    const longName = Array.from({ length: 40 }, (_, index) => `Name${index}`).join(" ");
    const result = renderMailTip(template, { ...jane, displayName: longName });
    expect(displayedLength(result)).toBeLessThanOrEqual(LIMIT);
    expect(result).toMatch(/^External contact: Name0 Name1 .*… from Contoso \(contoso\.com\)\.$/);
  });

  test("an overflowing template is cut at a word with an ellipsis", () => {
    const longTemplate = `${"Please remember the contract terms ".repeat(8)}{displayName}.`;
    const result = renderMailTip(longTemplate, jane);
    expect(displayedLength(result)).toBeLessThanOrEqual(LIMIT);
    expect(result.endsWith("…")).toBe(true);
    expect(result).toMatch(/ (Please|remember|the|contract|terms)…$/);
  });

  test("no ellipsis when the result fits exactly", () => {
    const exact = "x".repeat(LIMIT - "Jane Doe".length - 1);
    const result = renderMailTip(`${exact} {displayName}`, jane);
    expect(displayedLength(result)).toBe(LIMIT);
    expect(result.endsWith("Jane Doe")).toBe(true);
  });

  test("the limit counts what a reader sees: 175 emoji fit, 176 do not", () => {
    expect(renderMailTip("🦄".repeat(LIMIT), jane)).toBe("🦄".repeat(LIMIT));
    expect(displayedLength(renderMailTip("🦄".repeat(LIMIT + 1), jane))).toBeLessThanOrEqual(LIMIT);
  });

  test("a very long domain cannot push the result over the limit", () => {
    const domain = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.com`;
    const result = renderMailTip(template, { ...jane, domain });
    expect(displayedLength(result)).toBeLessThanOrEqual(LIMIT);
  });
});
