import { EXCHANGE_MESSAGES } from "../contacts/exchange-rules";
import {
  classifyFailedResponse,
  extractServerReason,
  fieldNamedInText,
  parseRetryAfter,
  sanitizeServerText,
  toApiFieldName,
  type FailedResponse,
} from "./error-classification";
import { EXCHANGE_WRITE_ROLES } from "./wire";

const NOW = Date.parse("2025-03-01T12:00:00Z");

function failed(overrides: Partial<FailedResponse>): FailedResponse {
  return {
    route: "create",
    status: 400,
    contentType: "application/json",
    bodyText: "",
    retryAfterHeader: null,
    requestId: "rid-1",
    nowMs: NOW,
    ...overrides,
  };
}

const addressInUse = EXCHANGE_MESSAGES.proxyAddressInUse("ann@fabrikam.com", "Ann Other");
const nameInUse = EXCHANGE_MESSAGES.nameInUse("Ann Smith");

describe("parseRetryAfter", () => {
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("3", NOW)).toBe(3000);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
  });
  it("reads an HTTP date relative to now and never goes negative", () => {
    expect(parseRetryAfter("Sat, 01 Mar 2025 12:00:07 GMT", NOW)).toBe(7000);
    expect(parseRetryAfter("Sat, 01 Mar 2025 11:00:00 GMT", NOW)).toBe(0);
  });
  it("ignores absent or unreadable values", () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter("", NOW)).toBeUndefined();
    expect(parseRetryAfter("soon", NOW)).toBeUndefined();
    expect(parseRetryAfter("-5", NOW)).toBeUndefined();
  });
});

describe("extractServerReason", () => {
  it.each([
    [
      "odata",
      "application/json",
      JSON.stringify({ error: { code: "Bad", message: "odata text", target: "MailTip" } }),
      "odata text",
      "MailTip",
    ],
    [
      "odata details",
      "application/json",
      JSON.stringify({ error: { code: "Bad", details: [{ message: "detail text" }] } }),
      "detail text",
      null,
    ],
    ["Message", "application/json", JSON.stringify({ Message: "message text" }), "message text", null],
    ["error string", "application/json", JSON.stringify({ error: "error string" }), "error string", null],
    ["JSON string", "application/json", JSON.stringify("quoted text"), "quoted text", null],
    ["plain text", "text/plain", "plain text", "plain text", null],
    ["broken JSON as text", "application/json", "{not json", "{not json", null],
  ])("reads the %s shape", (_shape, contentType, body, text, field) => {
    expect(extractServerReason(contentType, body)).toEqual({ text, field, isHtml: false });
  });
  it("never takes text out of an HTML page", () => {
    expect(extractServerReason("text/html", "<html><body>Sign in</body></html>")).toEqual({
      text: null,
      field: null,
      isHtml: true,
    });
    expect(extractServerReason("", "<!DOCTYPE html><p>x</p>")).toMatchObject({ text: null, isHtml: true });
  });
  it("returns nothing for an empty body", () => {
    expect(extractServerReason("application/json", "  ")).toEqual({ text: null, field: null, isHtml: false });
  });
});

describe("field names", () => {
  it("finds the field Exchange names", () => {
    const text =
      'The length of the property is too long. The maximum length is 64 and the length of the value provided is 71. Property: "FirstName"';
    expect(fieldNamedInText(text)).toBe("FirstName");
    expect(fieldNamedInText("Cannot bind. Parameter name: Alias")).toBe("Alias");
    expect(fieldNamedInText("Something went wrong")).toBeNull();
  });
  it("maps Exchange's names to API fields", () => {
    expect(toApiFieldName("FirstName")).toBe("ContactFirstName");
    expect(toApiFieldName("MailTip")).toBe("ContactMailTip");
    expect(toApiFieldName("ContactTitle")).toBe("ContactTitle");
    expect(toApiFieldName("Name")).toBe("ContactName");
    expect(toApiFieldName("WeirdThing")).toBe("WeirdThing");
  });
});

describe("sanitizeServerText", () => {
  it("removes bearer tokens, JWTs and given secrets, and truncates", () => {
    const text = `Bad token Bearer abc.def-ghi and eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl and s3cr3t-value ${"x".repeat(400)}`;
    const cleaned = sanitizeServerText(text, ["s3cr3t-value"]);
    expect(cleaned).not.toContain("abc.def-ghi");
    expect(cleaned).not.toContain("eyJ");
    expect(cleaned).not.toContain("s3cr3t-value");
    expect(cleaned.length).toBeLessThanOrEqual(300);
    expect(cleaned.endsWith("…")).toBe(true);
  });
});

describe("classifyFailedResponse", () => {
  it.each([
    [
      "odata",
      "application/json",
      JSON.stringify({ error: { code: "InvalidOperation", message: addressInUse } }),
    ],
    ["message", "application/json", JSON.stringify({ Message: `Error executing cmdlet: ${addressInUse}` })],
    ["string", "text/plain", addressInUse],
  ])("recognises an address already in use in a %s body", (_shape, contentType, bodyText) => {
    const error = classifyFailedResponse(failed({ contentType, bodyText }));
    expect(error.kind).toBe("address-in-use");
    expect(error.field).toBe("ContactExternalEmailAddress");
    expect(error.message).toContain("Choose another proxy address.");
    expect(error.message).not.toContain("Error executing cmdlet");
    expect(error.ambiguous).toBe(false);
  });

  it("recognises Exchange's text even under a 500", () => {
    const error = classifyFailedResponse(
      failed({ status: 500, bodyText: JSON.stringify({ Message: nameInUse }) }),
    );
    expect(error.kind).toBe("name-in-use");
    expect(error.message).toContain('The name "Ann Smith" is already being used. Please try another name.');
  });

  it("401 asks to sign in again", () => {
    const error = classifyFailedResponse(
      failed({ status: 401, bodyText: "<html>Sign in</html>", contentType: "text/html" }),
    );
    expect(error.kind).toBe("unauthenticated");
    expect(error.message).toMatch(/sign in again/i);
  });

  it("403 on a write names the roles that may write", () => {
    const error = classifyFailedResponse(failed({ status: 403 }));
    expect(error.kind).toBe("forbidden");
    for (const role of EXCHANGE_WRITE_ROLES) expect(error.message).toContain(role);
  });

  it("404 on an update is not-found, on search a protocol error", () => {
    expect(classifyFailedResponse(failed({ route: "updateGeneral", status: 404 })).kind).toBe("not-found");
    expect(classifyFailedResponse(failed({ route: "updateOptions", status: 404 })).kind).toBe("not-found");
    expect(classifyFailedResponse(failed({ route: "search", status: 404 })).kind).toBe("protocol");
  });

  it("400 quotes Exchange's validation text and names the field", () => {
    const bodyText = JSON.stringify({
      error: {
        code: "ValidationError",
        message:
          'The length of the property is too long. The maximum length is 64 and the length of the value provided is 71. Property: "FirstName"',
      },
    });
    const error = classifyFailedResponse(failed({ bodyText }));
    expect(error.kind).toBe("validation");
    expect(error.field).toBe("ContactFirstName");
    expect(error.message).toContain("The maximum length is 64");
  });

  it("400 takes the field from the JSON when given there", () => {
    const bodyText = JSON.stringify({ error: { code: "x", message: "Too long.", target: "MailTip" } });
    expect(classifyFailedResponse(failed({ bodyText })).field).toBe("ContactMailTip");
  });

  it("400 with an HTML body quotes nothing from it", () => {
    const error = classifyFailedResponse(
      failed({ contentType: "text/html", bodyText: "<html><body>secret-ish page text</body></html>" }),
    );
    expect(error.kind).toBe("validation");
    expect(error.message).not.toContain("secret-ish");
  });

  it.each([429, 503])("%i is throttled with Retry-After in ms", (status) => {
    const error = classifyFailedResponse(failed({ route: "search", status, retryAfterHeader: "3" }));
    expect(error.kind).toBe("throttled");
    expect(error.retryAfterMs).toBe(3000);
    expect(error.message).toContain("3 s");
  });

  it("throttled without Retry-After leaves retryAfterMs undefined", () => {
    expect(classifyFailedResponse(failed({ status: 429 })).retryAfterMs).toBeUndefined();
  });

  it("other 5xx is transient, ambiguous only for writes", () => {
    const write = classifyFailedResponse(failed({ route: "create", status: 502 }));
    expect(write).toMatchObject({ kind: "transient", ambiguous: true, status: 502, requestId: "rid-1" });
    expect(classifyFailedResponse(failed({ route: "search", status: 500 }))).toMatchObject({
      kind: "transient",
      ambiguous: false,
    });
  });

  it("an unexpected 4xx is a protocol error", () => {
    expect(classifyFailedResponse(failed({ status: 405 })).kind).toBe("protocol");
  });

  it("a 2xx that reports failure is a refusal but keeps its real status", () => {
    const error = classifyFailedResponse(
      failed({
        status: 200,
        reportedFailure: true,
        bodyText: JSON.stringify({ Succeeded: false, Message: "Invalid MailTip" }),
      }),
    );
    expect(error).toMatchObject({ kind: "validation", status: 200 });
  });

  it("never quotes the bearer token a server echoed", () => {
    const error = classifyFailedResponse(
      failed({
        bodyText: JSON.stringify({ Message: "bad header Authorization: Bearer tok-123 for tok-123" }),
        secrets: ["tok-123"],
      }),
    );
    expect(error.message).not.toContain("tok-123");
  });
});
