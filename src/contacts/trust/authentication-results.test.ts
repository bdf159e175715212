import { parseAuthenticationResults, parseHeaderBlock } from "./authentication-results";

describe("parseHeaderBlock", () => {
  test("unfolds continuation lines, keeps order and stops at the blank line", () => {
    const block =
      "Received: from a\r\n by b; Mon\r\nAuthentication-Results: spf=pass\r\n\tsmtp.mailfrom=x.com\r\nSubject: hi\r\n\r\nAuthentication-Results: body text";
    expect(parseHeaderBlock(block)).toEqual([
      { name: "Received", value: "from a by b; Mon" },
      { name: "Authentication-Results", value: "spf=pass\tsmtp.mailfrom=x.com" },
      { name: "Subject", value: "hi" },
    ]);
  });

  test("skips lines that are not fields and continuation lines with no field", () => {
    expect(parseHeaderBlock(" orphan\r\nnot a field\r\nX-Ok: 1\n")).toEqual([{ name: "X-Ok", value: "1" }]);
  });
});

describe("parseAuthenticationResults (RFC 8601 appendix B and EOP's form)", () => {
  test("B.2: no results", () => {
    expect(parseAuthenticationResults("example.org 1; none")).toEqual({
      authservId: "example.org",
      version: "1",
      results: [],
    });
  });

  test("B.3: SPF with its property", () => {
    expect(parseAuthenticationResults("example.com; spf=pass smtp.mailfrom=example.net")?.results).toEqual([
      {
        method: "spf",
        methodVersion: null,
        result: "pass",
        reason: null,
        properties: { "smtp.mailfrom": "example.net" },
        extras: {},
      },
    ]);
  });

  test("B.4: several methods, a comment, an address-valued property", () => {
    const parsed = parseAuthenticationResults(
      "example.com;\r\n  auth=pass (cram-md5) smtp.auth=sender@example.net;\r\n  spf=pass smtp.mailfrom=example.net",
    );
    expect(parsed?.results.map((result) => [result.method, result.result, result.properties])).toEqual([
      ["auth", "pass", { "smtp.auth": "sender@example.net" }],
      ["spf", "pass", { "smtp.mailfrom": "example.net" }],
    ]);
  });

  test("B.6: two DKIM results, a reason and a method version", () => {
    const parsed = parseAuthenticationResults(
      'example.com; dkim/1=pass reason="good signature" header.i=@mail-router.example.net; dkim=fail reason="bad signature" header.i=@newyork.example.com',
    );
    expect(parsed?.results).toEqual([
      expect.objectContaining({
        method: "dkim",
        methodVersion: "1",
        result: "pass",
        reason: "good signature",
        properties: { "header.i": "@mail-router.example.net" },
      }),
      expect.objectContaining({
        method: "dkim",
        methodVersion: null,
        result: "fail",
        reason: "bad signature",
      }),
    ]);
  });

  test("EOP: no authserv-id, action without a ptype, no space after ';', compauth's reason", () => {
    const parsed = parseAuthenticationResults(
      "spf=pass (sender IP is 40.107.22.81) smtp.mailfrom=contoso.com; dkim=pass (signature was verified) header.d=contoso.com;dmarc=pass action=none header.from=contoso.com;compauth=pass reason=100",
    );
    expect(parsed?.authservId).toBeNull();
    expect(parsed?.results.map((result) => `${result.method}=${result.result}`)).toEqual([
      "spf=pass",
      "dkim=pass",
      "dmarc=pass",
      "compauth=pass",
    ]);
    expect(parsed?.results[2]?.extras).toEqual({ action: "none" });
    expect(parsed?.results[3]?.reason).toBe("100");
  });

  test("a quoted authserv-id and escaped quotes in values", () => {
    const parsed = parseAuthenticationResults('"mx.example.org"; auth=pass smtp.auth="a\\"b"');
    expect(parsed?.authservId).toBe("mx.example.org");
    expect(parsed?.results[0]?.properties).toEqual({ "smtp.auth": 'a"b' });
  });

  test.each([
    "",
    "   ",
    "(only a comment)",
    'spf=pass smtp.mailfrom="unclosed',
    "spf=pass (unclosed",
    "example.com spf=pass",
  ])("unreadable: %j", (value) => {
    const parsed = parseAuthenticationResults(value);
    expect(parsed === null || parsed.results.length === 0).toBe(true);
  });
});
