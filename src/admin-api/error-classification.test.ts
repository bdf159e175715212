import { EXCHANGE_MESSAGES } from "../contacts/exchange-rules";
import {
  classifyFailedResponse,
  extractServerReason,
  parseRetryAfter,
  sanitizeServerText,
  type FailedResponse,
} from "./error-classification";

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
    ],
    [
      "odata details",
      "application/json",
      JSON.stringify({ error: { code: "Bad", details: [{ message: "detail text" }] } }),
      "detail text",
    ],
    ["Message", "application/json", JSON.stringify({ Message: "message text" }), "message text"],
    ["error string", "application/json", JSON.stringify({ error: "error string" }), "error string"],
    ["JSON string", "application/json", JSON.stringify("quoted text"), "quoted text"],
    ["plain text", "text/plain", "plain text", "plain text"],
    ["broken JSON as text", "application/json", "{not json", "{not json"],
  ])("reads the %s shape", (_shape, contentType, body, text) => {
    expect(extractServerReason(contentType, body)).toEqual({ text, isHtml: false });
  });
  it("never takes text out of an HTML page", () => {
    expect(extractServerReason("text/html", "<html><body>Sign in</body></html>")).toEqual({
      text: null,
      isHtml: true,
    });
    expect(extractServerReason("", "<!DOCTYPE html><p>x</p>")).toMatchObject({ text: null, isHtml: true });
  });
  it("returns nothing for an empty body", () => {
    expect(extractServerReason("application/json", "  ")).toEqual({ text: null, isHtml: false });
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
    expect(error).toMatchObject({
      kind: "conflict",
      reason: "address-held-by",
      operation: "create",
      field: "address",
      holder: { name: "Ann Other", kind: "other" },
      ambiguous: false,
    });
  });

  it("recognises Exchange's text even under a 500", () => {
    const error = classifyFailedResponse(
      failed({ status: 500, bodyText: JSON.stringify({ Message: nameInUse }) }),
    );
    expect(error).toMatchObject({ kind: "conflict", reason: "name-taken", field: "name", status: 500 });
  });

  it("401 asks to sign in again", () => {
    const error = classifyFailedResponse(
      failed({ status: 401, bodyText: "<html>Sign in</html>", contentType: "text/html" }),
    );
    expect(error.kind).toBe("unauthenticated");
  });

  it("403 is forbidden, with the operation that was refused (the pane names the roles)", () => {
    expect(classifyFailedResponse(failed({ status: 403 }))).toMatchObject({
      kind: "forbidden",
      operation: "create",
    });
    expect(classifyFailedResponse(failed({ route: "search", status: 403 })).operation).toBe("findByAddress");
  });

  it("404 on an update is not-found, on search a protocol error", () => {
    expect(classifyFailedResponse(failed({ route: "updateGeneral", status: 404 })).kind).toBe("not-found");
    expect(classifyFailedResponse(failed({ route: "updateOptions", status: 404 })).kind).toBe("not-found");
    expect(classifyFailedResponse(failed({ route: "search", status: 404 }))).toMatchObject({
      kind: "protocol",
      reason: "unexpected-status",
    });
  });

  it("400 keeps Exchange's validation text as a fact", () => {
    const bodyText = JSON.stringify({
      error: {
        code: "ValidationError",
        message:
          'The length of the property is too long. The maximum length is 64 and the length of the value provided is 71. Property: "FirstName"',
      },
    });
    const error = classifyFailedResponse(failed({ bodyText }));
    expect(error.kind).toBe("invalid");
    expect(error.serviceText).toContain("The maximum length is 64");
  });

  it("400 with an HTML body quotes nothing from it", () => {
    const error = classifyFailedResponse(
      failed({ contentType: "text/html", bodyText: "<html><body>secret-ish page text</body></html>" }),
    );
    expect(error.kind).toBe("invalid");
    expect(error.serviceText).toBeUndefined();
    expect(error.message).not.toContain("secret-ish");
  });

  it.each([429, 503])("%i is throttled with Retry-After in ms", (status) => {
    const error = classifyFailedResponse(failed({ route: "search", status, retryAfterHeader: "3" }));
    expect(error.kind).toBe("throttled");
    expect(error.retryAfterMs).toBe(3000);
  });

  it("throttled without Retry-After leaves retryAfterMs undefined", () => {
    expect(classifyFailedResponse(failed({ status: 429 })).retryAfterMs).toBeUndefined();
  });

  it("other 5xx is a server error, ambiguous only for writes", () => {
    const write = classifyFailedResponse(failed({ route: "create", status: 502 }));
    expect(write).toMatchObject({
      kind: "unavailable",
      reason: "server-error",
      ambiguous: true,
      status: 502,
      requestId: "rid-1",
    });
    expect(classifyFailedResponse(failed({ route: "search", status: 500 }))).toMatchObject({
      kind: "unavailable",
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
    expect(error).toMatchObject({ kind: "invalid", status: 200, serviceText: "Invalid MailTip" });
  });

  it("never quotes the bearer token a server echoed", () => {
    const error = classifyFailedResponse(
      failed({
        bodyText: JSON.stringify({ Message: "bad header Authorization: Bearer tok-123 for tok-123" }),
        secrets: ["tok-123"],
      }),
    );
    expect(error.message).not.toContain("tok-123");
    expect(error.serviceText).not.toContain("tok-123");
  });

  it("never carries a token-shaped holder name", () => {
    const bodyText = EXCHANGE_MESSAGES.proxyAddressInUse("a@b.example", "tok-123");
    expect(classifyFailedResponse(failed({ bodyText, secrets: ["tok-123"] })).holder?.name).toBe(
      "<redacted>",
    );
  });
});
