import { contentSecurityPolicy, OUTLOOK_FRAME_ANCESTORS } from "./security-headers";

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split("; ").map((directive) => {
      const [name, ...values] = directive.split(" ");
      return [name!, values.join(" ")];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("allows scripts only from self and the Office.js CDN, and framing only by Outlook", () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get("script-src")).toBe("'self' https://appsforoffice.microsoft.com");
    expect(policy.get("connect-src")).toBe("'self' https://login.microsoftonline.com");
    expect(policy.get("frame-ancestors")).toBe(
      "'self' https://outlook.office.com https://outlook.office365.com https://outlook.cloud.microsoft",
    );
    expect(OUTLOOK_FRAME_ANCESTORS).not.toContain("https://outlook.live.com");
    expect(policy.get("default-src")).toBe("'self'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("script-src")).not.toContain("unsafe");
  });

  it("takes a replacement frame-ancestors list", () => {
    const policy = directives(
      contentSecurityPolicy({ frameAncestors: ["'self'", "https://outlook.office.com"] }),
    );
    expect(policy.get("frame-ancestors")).toBe("'self' https://outlook.office.com");
    expect(directives(contentSecurityPolicy({ frameAncestors: [] })).get("frame-ancestors")).toBe("'none'");
  });

  it.each([
    "*",
    "https:",
    "https://evil.example; script-src *",
    "'unsafe-inline'",
    "http://outlook.office.com",
  ])("rejects the frame-ancestors source %s", (source) => {
    expect(() => contentSecurityPolicy({ frameAncestors: [source] })).toThrow(/frame-ancestors/);
  });
});
