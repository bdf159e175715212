import { FixedTokenProvider } from "../auth/token-provider";
import { DirectoryError } from "../contacts/directory-error";
import { exchangeWithAdminApi, sendAdminApiRequest, type AdminApiHttpConfig } from "./http";
import { scriptedFetch, SequenceTokenProvider, type ScriptedAnswer } from "./test-support/scripted-fetch";

const TOKEN = "unit-http-token-1";

function configWith(answers: ScriptedAnswer[], overrides: Partial<AdminApiHttpConfig> = {}) {
  const scripted = scriptedFetch(answers);
  const lines: string[] = [];
  const config: AdminApiHttpConfig = {
    baseUrl: "https://relay.example/",
    tokens: new FixedTokenProvider(TOKEN),
    fetch: scripted.fetch,
    logger: (line) => lines.push(line),
    ...overrides,
  };
  return { config, calls: scripted.calls, lines };
}

async function failure(promise: Promise<unknown>): Promise<DirectoryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DirectoryError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("sendAdminApiRequest", () => {
  it("sends the route's method and path with the bearer token, JSON body and a request id", async () => {
    const { config, calls } = configWith([{ status: 200, body: { Contacts: [], NextLink: null } }]);
    const response = await sendAdminApiRequest(config, "updateOptions", { ContactId: "x" });
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call).toMatchObject({
      url: "https://relay.example/admin/api/Contact/options",
      method: "PUT",
      body: { ContactId: "x" },
    });
    expect(call!.headers.Authorization).toBe(`Bearer ${TOKEN}`);
    expect(call!.headers["client-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.requestId).toBe(call!.headers["client-request-id"]);
  });

  it("uses a fresh client-request-id on every attempt", async () => {
    const { config, calls } = configWith([{ status: 401 }, { status: 200, body: "{}" }]);
    await sendAdminApiRequest(config, "search", { SearchString: "", NextLink: "" });
    expect(calls[0]!.headers["client-request-id"]).not.toBe(calls[1]!.headers["client-request-id"]);
  });

  it("on 401 refreshes the token silently once and retries with the new one", async () => {
    const tokens = new SequenceTokenProvider("old-token", "new-token");
    const { config, calls } = configWith([{ status: 401 }, { status: 200, body: "{}" }], { tokens });
    await sendAdminApiRequest(config, "create", {});
    expect(tokens.requests).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
    expect(calls.map((call) => call.headers.Authorization)).toEqual(["Bearer old-token", "Bearer new-token"]);
  });

  it("gives up as unauthenticated after the refreshed token is refused too", async () => {
    const tokens = new SequenceTokenProvider("old-token", "new-token");
    const { config, calls } = configWith(
      [
        { status: 401 },
        { status: 401, body: { error: { code: "InvalidAuthenticationToken", message: "expired" } } },
      ],
      { tokens },
    );
    const error = await failure(sendAdminApiRequest(config, "search", {}));
    expect(error.kind).toBe("unauthenticated");
    expect(calls).toHaveLength(2);
    expect(tokens.requests).toHaveLength(2);
  });

  it("turns a token provider failure into unauthenticated without its text", async () => {
    const tokens = {
      getToken: async () => Promise.reject(new Error("interaction_required: AADSTS12345 long details")),
    };
    const { config, calls } = configWith([], { tokens });
    const error = await failure(sendAdminApiRequest(config, "search", {}));
    expect(error.kind).toBe("unauthenticated");
    expect(error.message).not.toContain("AADSTS");
    expect(calls).toHaveLength(0);
  });

  it("treats a 200 HTML sign-in page as a protocol error that says so", async () => {
    const { config } = configWith([
      {
        status: 200,
        body: "<html><body><form>Sign in to your account</form></body></html>",
        headers: { "content-type": "text/html" },
      },
    ]);
    const error = await failure(sendAdminApiRequest(config, "search", {}));
    expect(error).toMatchObject({ kind: "protocol", reason: "sign-in-page", operation: "findByAddress" });
    expect(error.message).not.toContain("<form>");
  });

  it("a network failure is no answer, ambiguous for a write only", async () => {
    const { config } = configWith([{ networkError: true }, { networkError: true }]);
    expect(await failure(sendAdminApiRequest(config, "create", {}))).toMatchObject({
      kind: "unavailable",
      reason: "no-answer",
      ambiguous: true,
    });
    expect(await failure(sendAdminApiRequest(config, "search", {}))).toMatchObject({
      kind: "unavailable",
      reason: "no-answer",
      ambiguous: false,
    });
  });

  describe("timeouts and cancellation", () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it("times out an attempt after timeoutMs as no answer, ambiguous for create", async () => {
      const { config, lines } = configWith([{ hang: true }], { timeoutMs: 5000 });
      const pending = failure(sendAdminApiRequest(config, "create", {}));
      await jest.advanceTimersByTimeAsync(4999);
      let settled = false;
      void pending.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      const error = await pending;
      expect(error).toMatchObject({
        kind: "unavailable",
        reason: "no-answer",
        ambiguous: true,
        operation: "create",
      });
      expect(lines[0]).toMatch(/timeout/);
    });

    it("defaults the timeout to 15 s", async () => {
      const { config } = configWith([{ hang: true }]);
      const pending = failure(sendAdminApiRequest(config, "search", {}));
      await jest.advanceTimersByTimeAsync(15_000);
      expect(await pending).toMatchObject({ kind: "unavailable", ambiguous: false });
    });

    it("honours the caller's abort as kind aborted", async () => {
      const { config } = configWith([{ hang: true }]);
      const controller = new AbortController();
      const pending = failure(sendAdminApiRequest(config, "create", {}, { signal: controller.signal }));
      await jest.advanceTimersByTimeAsync(10);
      controller.abort();
      expect(await pending).toMatchObject({ kind: "aborted", ambiguous: false });
    });

    it("does not send at all when already aborted", async () => {
      const { config, calls } = configWith([{ status: 200, body: "{}" }]);
      const controller = new AbortController();
      controller.abort();
      expect(
        await failure(sendAdminApiRequest(config, "search", {}, { signal: controller.signal })),
      ).toMatchObject({ kind: "aborted" });
      expect(calls).toHaveLength(0);
    });
  });

  it("logs one line per exchange with method, route, status, ms, attempt and request id, and nothing secret", async () => {
    const { config, lines, calls } = configWith([{ status: 200, body: { ok: true } }]);
    await sendAdminApiRequest(
      config,
      "search",
      { SearchString: "ann@fabrikam.com", NextLink: "" },
      { attempt: 3 },
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^admin-api POST search status=200 \d+ms attempt=3 request-id=[0-9a-f-]{36}$/);
    expect(lines[0]).toContain(calls[0]!.headers["client-request-id"]);
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]).not.toContain("ann@fabrikam.com");
  });
});

describe("exchangeWithAdminApi", () => {
  it("returns failures as they are, for the probe", async () => {
    const { config } = configWith([{ status: 429, body: "slow down", headers: { "retry-after": "2" } }]);
    const raw = await exchangeWithAdminApi(config, "search", {});
    expect(raw).toMatchObject({ status: 429, bodyText: "slow down", retryAfterHeader: "2" });
  });
});

describe("request ids", () => {
  const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it("are fresh v4 UUIDs, one per attempt", async () => {
    const answers = Array.from({ length: 20 }, () => ({ status: 200, body: {} }));
    const { config, calls } = configWith(answers);
    for (let i = 0; i < 20; i++) await sendAdminApiRequest(config, "search", {});
    const ids = new Set(calls.map((call) => call.headers["client-request-id"]));
    expect(ids.size).toBe(20);
    for (const id of ids) expect(id).toMatch(V4);
  });
});
