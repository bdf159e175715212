import {
  ADDRESS_LIMITS,
  isLegacyExchangeDn,
  mixedScriptLabels,
  normalizeAddress,
  sameAddress,
} from "./address";

describe("normalizeAddress accepts and normalizes", () => {
  test.each([
    // raw, stored form, display form, local part, ASCII domain, Unicode domain
    ["jane@contoso.com", "jane@contoso.com", "jane@contoso.com", "jane", "contoso.com", "contoso.com"],
    [
      "Jane.Doe@CONTOSO.COM",
      "Jane.Doe@contoso.com",
      "Jane.Doe@contoso.com",
      "Jane.Doe",
      "contoso.com",
      "contoso.com",
    ],
    ["  jane@contoso.com  ", "jane@contoso.com", "jane@contoso.com", "jane", "contoso.com", "contoso.com"],
    ["<jane@contoso.com>", "jane@contoso.com", "jane@contoso.com", "jane", "contoso.com", "contoso.com"],
    ["a+tag@contoso.com", "a+tag@contoso.com", "a+tag@contoso.com", "a+tag", "contoso.com", "contoso.com"],
    ["o'brien@contoso.ie", "o'brien@contoso.ie", "o'brien@contoso.ie", "o'brien", "contoso.ie", "contoso.ie"],
    ["x@münchen.de", "x@xn--mnchen-3ya.de", "x@münchen.de", "x", "xn--mnchen-3ya.de", "münchen.de"],
    ["x@MÜNCHEN.DE", "x@xn--mnchen-3ya.de", "x@münchen.de", "x", "xn--mnchen-3ya.de", "münchen.de"],
    ["x@xn--mnchen-3ya.de", "x@xn--mnchen-3ya.de", "x@münchen.de", "x", "xn--mnchen-3ya.de", "münchen.de"],
    ["x@例え.jp", "x@xn--r8jz45g.jp", "x@例え.jp", "x", "xn--r8jz45g.jp", "例え.jp"],
    ["x@例え。jp", "x@xn--r8jz45g.jp", "x@例え.jp", "x", "xn--r8jz45g.jp", "例え.jp"],
    [
      "jürgen@münchen.de",
      "jürgen@xn--mnchen-3ya.de",
      "jürgen@münchen.de",
      "jürgen",
      "xn--mnchen-3ya.de",
      "münchen.de",
    ],
    [
      "SRS0=ab=CD=x.com=y@fwd.net",
      "SRS0=ab=CD=x.com=y@fwd.net",
      "SRS0=ab=CD=x.com=y@fwd.net",
      "SRS0=ab=CD=x.com=y",
      "fwd.net",
      "fwd.net",
    ],
  ])("%s", (raw, address, displayAddress, localPart, domain, displayDomain) => {
    const result = normalizeAddress(raw);
    expect(result).toEqual({
      ok: true,
      value: { address, displayAddress, localPart, domain, displayDomain, mixedScriptDomain: false },
    });
  });

  test("the local part is normalized to NFC (a decomposed ü equals the composed one)", () => {
    const decomposed = "ju\u0308rgen@contoso.de";
    const result = normalizeAddress(decomposed);
    expect(result.ok && result.value.localPart).toBe("jürgen");
  });

  test("limits: a 64-character local part and a 254-character address pass", () => {
    const local = "a".repeat(ADDRESS_LIMITS.localPart);
    expect(normalizeAddress(`${local}@contoso.com`).ok).toBe(true);
    const label = "b".repeat(63);
    const domain = `${label}.${label}.${label}.${"c".repeat(254 - 2 - 3 * 64 - 4)}.com`;
    const address = `a@${domain}`;
    expect(address.length).toBe(ADDRESS_LIMITS.address);
    expect(normalizeAddress(address).ok).toBe(true);
  });
});

describe("normalizeAddress rejects what Exchange rejects, with a reason", () => {
  test.each([
    ["", /empty/],
    ["   ", /empty/],
    ["jane.contoso.com", /no @/],
    ["@contoso.com", /nothing before the @/],
    ["jane@", /no domain after the @/],
    ["a@b@contoso.com", /more than one @/],
    ['"jane doe"@contoso.com', /spaces/],
    ['"jane"@contoso.com', /Quoted local parts/],
    ["jane doe@contoso.com", /spaces/],
    ["jane\u200B@contoso.com", /invisible/],
    ["john..doe@contoso.com", /two dots in a row/],
    [".john@contoso.com", /start or end with a dot/],
    ["john.@contoso.com", /start or end with a dot/],
    ["jane@contoso..com", /two dots in a row/],
    ["jane@.contoso.com", /start or end with a dot/],
    ["jane@contoso.com.", /start or end with a dot/],
    ["root@[192.168.0.1]", /IP address in brackets/],
    ["root@[IPv6:2001:db8::1]", /IP address in brackets/],
    ["root@192.168.0.1", /IP address/],
    ["admin@localhost", /has no dot/],
    ["jane@-contoso.com", /"-contoso" is not valid/],
    ["jane@contoso_eu.com", /"contoso_eu" is not valid/],
    ["jane@contoso.c", /top-level domain/],
    ["jane@contoso.123", /top-level domain/],
    ["jane@xn--zz.de", /not a valid internationalized domain|not valid punycode/],
    ["jane(comment)@contoso.com", /characters an email address cannot have/],
    ["ja,ne@contoso.com", /characters an email address cannot have/],
    ["ja\\ne@contoso.com", /characters an email address cannot have/],
    [`${"a".repeat(65)}@contoso.com`, /longer than 64/],
    [`a@${"b".repeat(64)}.com`, /is not valid/],
    [`a@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.${"e".repeat(63)}.com`, /longer than 253/],
    [`${"a".repeat(60)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.com`, /longer than 254/],
    ["/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP (FYDIBOHF23SPDLT)/CN=RECIPIENTS/CN=abc", /legacy DN/],
  ])("%s", (raw, reason) => {
    const result = normalizeAddress(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe("sameAddress compares as Exchange does", () => {
  test.each([
    ["jane@contoso.com", "JANE@CONTOSO.COM", true],
    ["Jane.Doe@Contoso.com", "jane.doe@contoso.COM", true],
    [" jane@contoso.com", "<jane@contoso.com>", true],
    ["x@münchen.de", "X@xn--mnchen-3ya.de", true],
    ["x@MÜNCHEN.de", "x@münchen.de", true],
    ["jürgen@contoso.de", "JÜRGEN@contoso.de", true],
    ["jane+news@contoso.com", "jane@contoso.com", false],
    ["jane@contoso.com", "jane@contoso.com.evil.io", false],
    ["jane@contoso.com", "jane@pаypal.com", false],
    ["jane.doe@contoso.com", "janedoe@contoso.com", false],
    ["not an address", "NOT AN ADDRESS", true],
    ["", "jane@contoso.com", false],
  ])("%s vs %s → %s", (a, b, same) => {
    expect(sameAddress(a, b)).toBe(same);
    expect(sameAddress(b, a)).toBe(same);
  });
});

describe("mixed scripts in domain labels", () => {
  test.each([
    ["pаypal.com", [{ label: "pаypal", scripts: ["Latin", "Cyrillic"] }]],
    ["αpple.com", [{ label: "αpple", scripts: ["Greek", "Latin"] }]],
    ["micrоsоft.com", [{ label: "micrоsоft", scripts: ["Latin", "Cyrillic"] }]],
    ["contoso.com", []],
    ["münchen.de", []],
    ["яндекс.рф", []],
    ["日本語のテスト.jp", []],
    ["ソニーabc.jp", []],
    ["한국어漢字.kr", []],
    ["中文注音ㄅ.tw", []],
    ["ひらがなпривет.jp", [{ label: "ひらがなпривет", scripts: ["Hiragana", "Cyrillic"] }]],
    ["x1-2.com", []],
  ])("%s", (domain, expected) => {
    expect(mixedScriptLabels(domain)).toEqual(expected);
  });

  test("normalizeAddress sets mixedScriptDomain", () => {
    const result = normalizeAddress("service@pаypal.com");
    expect(result.ok && result.value.mixedScriptDomain).toBe(true);
  });
});

test.each([
  ["/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=x", true],
  ["  /o=First Organization/ou=Exchange/cn=Recipients/cn=jdoe", true],
  ["jane@contoso.com", false],
])("isLegacyExchangeDn(%s) is %s", (raw, expected) => {
  expect(isLegacyExchangeDn(raw)).toBe(expected);
});
