import { inspectExchange, maskJsonValues, formatProbeReport } from "./probe";
import { contactRecord } from "./test-support/scripted-fetch";

describe("maskJsonValues", () => {
  it("keeps keys and structure, masks every value", () => {
    expect(
      maskJsonValues({
        name: "Ann Smith",
        n: 3,
        ok: true,
        none: null,
        list: ["a", "bb", "ccc", "dddd"],
        nested: { x: "xyz" },
      }),
    ).toEqual({
      name: "<string len=9>",
      n: "<number>",
      ok: "<boolean>",
      none: null,
      list: ["<string len=1>", "<string len=2>", "<2 more items>"],
      nested: { x: "<string len=3>" },
    });
  });
  it("masks keys that are data (addresses, ids)", () => {
    const masked = maskJsonValues({
      "ann@fabrikam.com": 1,
      "0f8fad5b-d9cb-469f-a165-70867728950e": 2,
    }) as object;
    expect(Object.keys(masked)).toEqual(["<key len=16>", "<key len=36>"]);
  });
});

describe("inspectExchange", () => {
  const raw = (body: string, status = 200, contentType = "application/json") => ({
    status,
    contentType,
    bodyText: body,
    requestId: "rid",
    retryAfterHeader: null,
  });

  it("reports a passing page, unknown and absent contact keys, and no values", () => {
    const body = JSON.stringify({
      Contacts: [contactRecord("ann@fabrikam.com", { Extra: "v" })],
      NextLink: "opaque-link",
    });
    const page = inspectExchange(raw(body), 1);
    expect(page).toMatchObject({
      passesSchema: true,
      schemaIssues: [],
      unknownContactKeys: ["Extra"],
      hasNextLink: true,
    });
    expect(page.absentContactKeys).toContain("ContactTitle");
    const text = formatProbeReport({ baseUrl: "http://x", searchString: "", pages: [page], ok: true });
    expect(text).not.toContain("ann@fabrikam.com");
    expect(text).not.toContain("opaque-link");
    expect(text).toContain('"ContactExternalEmailAddress": "<string len=16>"');
  });

  it("reports schema differences by path", () => {
    const page = inspectExchange(raw(JSON.stringify({ Users: [{ Id: "1" }] })), 1);
    expect(page.passesSchema).toBe(false);
    expect(page.schemaIssues).toEqual([{ path: "Contacts", problem: "is missing" }]);
  });

  it("describes an HTML page without quoting it", () => {
    const page = inspectExchange(raw("<html>Sign in secret</html>", 200, "text/html"), 1);
    expect(page).toMatchObject({ bodyKind: "html", passesSchema: false });
    expect(
      formatProbeReport({ baseUrl: "http://x", searchString: "", pages: [page], ok: false }),
    ).not.toContain("secret");
  });
});
