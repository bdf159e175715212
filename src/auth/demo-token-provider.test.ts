import { DEMO_TOKEN_PATH, SameOriginDemoTokenProvider } from "./demo-token-provider";
import { SignInError } from "./sign-in-error";

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

describe("SameOriginDemoTokenProvider", () => {
  it("fetches the demo token from the same origin without caching or credentials beyond same-origin", async () => {
    const fetch = jest.fn(async (_input: string, _init?: RequestInit) =>
      jsonResponse({ token: "demo-admin-token" }),
    );
    const provider = new SameOriginDemoTokenProvider({ fetch });
    await expect(provider.getToken()).resolves.toBe("demo-admin-token");
    expect(fetch).toHaveBeenCalledWith(
      DEMO_TOKEN_PATH,
      expect.objectContaining({ method: "GET", cache: "no-store", credentials: "same-origin" }),
    );
  });

  it("asks once for concurrent callers and keeps the token in memory afterwards", async () => {
    const fetch = jest.fn(async () => jsonResponse({ token: "t" }));
    const provider = new SameOriginDemoTokenProvider({ fetch });
    await Promise.all([provider.getToken(), provider.getToken(), provider.getToken()]);
    await provider.getToken();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("asks again on forceRefresh or interactive sign-in (how the demo's identity switch arrives)", async () => {
    const tokens = ["demo-admin-token", "demo-readonly-token", "demo-admin-token"];
    const fetch = jest.fn(async () => jsonResponse({ token: tokens.shift() }));
    const provider = new SameOriginDemoTokenProvider({ fetch });
    await expect(provider.getToken()).resolves.toBe("demo-admin-token");
    await expect(provider.getToken({ forceRefresh: true })).resolves.toBe("demo-readonly-token");
    await expect(provider.getToken({ interactive: true })).resolves.toBe("demo-admin-token");
  });

  it.each([
    ["an HTTP error", async () => new Response("nope", { status: 404 }), "demo_token_http_404"],
    ["a body without a token", async () => jsonResponse({ other: 1 }), "demo_token_missing"],
    ["a body that is not JSON", async () => new Response("<html>", { status: 200 }), "demo_token_not_json"],
    [
      "a network failure",
      async () => {
        throw new TypeError("Failed to fetch");
      },
      "demo_token_unreachable",
    ],
  ])("fails with a sign-in error on %s", async (_label, fetch, code) => {
    const provider = new SameOriginDemoTokenProvider({ fetch });
    const error = await provider.getToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SignInError);
    expect(error).toMatchObject({ failure: "failed", code });
  });

  it("never shows the token when logged or serialised", async () => {
    const provider = new SameOriginDemoTokenProvider({
      fetch: async () => jsonResponse({ token: "demo-admin-token" }),
    });
    await provider.getToken();
    expect(JSON.stringify({ provider })).not.toContain("demo-admin-token");
  });
});
