import {
  ADDRESS_LIMITS,
  isLegacyExchangeDn,
  mixedScriptLabels,
  normalizeAddress,
  sameAddress,
  type AddressProblem,
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

describe("normalizeAddress rejects what Exchange rejects, saying why as facts", () => {
  test.each<[string, AddressProblem | AddressProblem["code"][]]>([
    ["", { code: "empty" }],
    ["   ", { code: "empty" }],
    ["jane.contoso.com", { code: "no-at" }],
    ["@contoso.com", { code: "nothing-before-at" }],
    ["jane@", { code: "no-domain" }],
    ["a@b@contoso.com", { code: "several-at" }],
    ['"jane doe"@contoso.com', { code: "spaces-or-invisible" }],
    ['"jane"@contoso.com', { code: "quoted-local-part" }],
    ["jane doe@contoso.com", { code: "spaces-or-invisible" }],
    ["jane\u200B@contoso.com", { code: "spaces-or-invisible" }],
    ["john..doe@contoso.com", { code: "local-double-dot" }],
    [".john@contoso.com", { code: "local-edge-dot" }],
    ["john.@contoso.com", { code: "local-edge-dot" }],
    ["jane@contoso..com", { code: "domain-double-dot" }],
    ["jane@.contoso.com", { code: "domain-edge-dot" }],
    ["jane@contoso.com.", { code: "domain-edge-dot" }],
    ["root@[192.168.0.1]", { code: "ip-literal" }],
    ["root@[IPv6:2001:db8::1]", { code: "ip-literal" }],
    ["root@192.168.0.1", { code: "ip-address" }],
    ["admin@localhost", { code: "domain-no-dot", domain: "localhost" }],
    ["jane@-contoso.com", { code: "domain-label-invalid", label: "-contoso" }],
    ["jane@contoso_eu.com", { code: "domain-label-invalid", label: "contoso_eu" }],
    ["jane@contoso.c", { code: "bad-top-level" }],
    ["jane@contoso.123", { code: "bad-top-level" }],
    ["jane@xn--zz.de", ["domain-invalid-idn", "domain-label-bad-punycode"]],
    ["jane(comment)@contoso.com", { code: "local-invalid-characters" }],
    ["ja,ne@contoso.com", { code: "local-invalid-characters" }],
    ["ja\\ne@contoso.com", { code: "local-invalid-characters" }],
    [`${"a".repeat(65)}@contoso.com`, { code: "local-too-long", limit: 64 }],
    [`a@${"b".repeat(64)}.com`, { code: "domain-label-invalid", label: "b".repeat(64) }],
    [
      `a@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.${"e".repeat(63)}.com`,
      { code: "domain-too-long", limit: 253 },
    ],
    [
      `${"a".repeat(60)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.com`,
      { code: "address-too-long", limit: 254 },
    ],
    [
      "/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP (FYDIBOHF23SPDLT)/CN=RECIPIENTS/CN=abc",
      { code: "legacy-dn" },
    ],
  ])("%s", (raw, expected) => {
    const result = normalizeAddress(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    if (Array.isArray(expected)) expect(expected).toContain(result.problem.code);
    else expect(result.problem).toEqual(expected);
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
