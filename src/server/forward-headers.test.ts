import {
  buildUpstreamHeaders,
  hasBearerToken,
  isJsonContentType,
  pickResponseHeaders,
} from "./forward-headers";

describe("hasBearerToken", () => {
  it.each(["Bearer abc", "Bearer eyJ0eXAi.eyJhdWQi.c2ln", "Bearer a-b_c~d+e/f=="])("accepts %s", (value) => {
    expect(hasBearerToken(value)).toBe(true);
  });
  it.each([
    undefined,
    "",
    "Bearer",
    "Bearer ",
    "bearer abc",
    "Basic abc",
    "Bearer a b",
    "Bearer abc\r\nX: y",
    "Bearer =abc",
  ])("refuses %p", (value) => {
    expect(hasBearerToken(value)).toBe(false);
  });
});

describe("isJsonContentType", () => {
  it.each(["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"])(
    "accepts %s",
    (value) => {
      expect(isJsonContentType(value)).toBe(true);
    },
  );
  it.each([
    undefined,
    "",
    "text/json",
    "application/jsonp",
    "application/json-patch+json",
    "text/plain; application/json",
  ])("refuses %p", (value) => {
    expect(isJsonContentType(value)).toBe(false);
  });
});

describe("buildUpstreamHeaders", () => {
  it("drops an Accept-Language or Accept that is not a plain value, and the content type of an empty body", () => {
    const headers = buildUpstreamHeaders({
      incoming: {
        "accept-language": "en\u0000",
        accept: "x".repeat(300),
        "content-type": "application/json",
      },
      authorization: "Bearer t",
      requestId: "id-1",
      upstreamOrigin: "https://admin.microsoft.com",
      bodyLength: 0,
    });
    expect(headers["accept-language"]).toBeUndefined();
    expect(headers.accept).toBe("application/json");
    expect(headers["content-type"]).toBeUndefined();
    expect(headers["content-length"]).toBe("0");
  });
});

describe("pickResponseHeaders", () => {
  it("keeps a well-formed Retry-After date and drops malformed values", () => {
    expect(pickResponseHeaders({ "retry-after": "Wed, 21 Oct 2026 07:28:00 GMT" }, "id")["retry-after"]).toBe(
      "Wed, 21 Oct 2026 07:28:00 GMT",
    );
    const dropped = pickResponseHeaders(
      { "retry-after": "soon", "content-type": "text/html\u0000", "request-id": "a b" },
      "id",
    );
    expect(dropped["retry-after"]).toBeUndefined();
    expect(dropped["content-type"]).toBeUndefined();
    expect(dropped["request-id"]).toBeUndefined();
    expect(dropped["client-request-id"]).toBe("id");
  });
});
