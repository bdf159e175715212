import { FixedTokenProvider } from "../auth/token-provider";
import { firstPage } from "./test-support/search-all";
import { AdminCenterClient } from "./client";
import { DirectoryError } from "../contacts/directory-error";
import {
  DEFAULT_RETRY_POLICY,
  retryDelayMs,
  withRetry,
  type RetryNotice,
  type RetryPolicy,
} from "../contacts/retry-policy";
import { scriptedFetch, type ScriptedAnswer } from "./test-support/scripted-fetch";

const emptyPage = { status: 200, body: { Contacts: [], NextLink: null } } as const;
const throttled = (retryAfter?: string): ScriptedAnswer => ({
  status: 429,
  body: { error: { code: "TooManyRequests", message: "Too many requests" } },
  headers: retryAfter === undefined ? {} : { "Retry-After": retryAfter },
});

function clientWith(answers: ScriptedAnswer[], retry: Partial<RetryPolicy> = {}) {
  const scripted = scriptedFetch(answers);
  const notices: RetryNotice[] = [];
  const client = new AdminCenterClient({
    baseUrl: "http://api.test",
    tokens: new FixedTokenProvider("retry-test-token"),
    fetch: scripted.fetch,
    retry,
    onRetry: (notice) => notices.push(notice),
  });
  return { client, calls: scripted.calls, notices };
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

describe("retry timing (fake timers)", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("waits exactly Retry-After before retrying a throttled search", async () => {
    const { client, calls, notices } = clientWith([throttled("3"), emptyPage]);
    const pending = firstPage(client, "a");
    await jest.advanceTimersByTimeAsync(2999);
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toEqual({ Contacts: [], NextLink: null });
    expect(calls).toHaveLength(2);
    expect(notices).toEqual([
      expect.objectContaining({ operation: "findByAddress", attempt: 2, delayMs: 3000 }),
    ]);
    expect(notices[0]!.error.kind).toBe("throttled");
  });

  it("honours Retry-After given as an HTTP date", async () => {
    jest.setSystemTime(Date.parse("2025-03-01T12:00:00Z"));
    const { client, notices } = clientWith([throttled("Sat, 01 Mar 2025 12:00:02 GMT"), emptyPage]);
    const pending = firstPage(client, "");
    await jest.advanceTimersByTimeAsync(2000);
    await pending;
    expect(notices[0]!.delayMs).toBe(2000);
  });

  it("backs off with full jitter below an exponential ceiling", async () => {
    const random = jest.fn(() => 0.999);
    const { client, notices } = clientWith([{ status: 500 }, { status: 502 }, { status: 503 }, emptyPage], {
      random,
      baseDelayMs: 100,
      maxDelayMs: 250,
    });
    const pending = firstPage(client, "");
    await jest.advanceTimersByTimeAsync(10_000);
    await pending;
    // Ceilings 100, 200, then capped at 250; 503 without Retry-After uses backoff too.
    expect(notices.map((notice) => notice.delayMs)).toEqual([99, 199, 249]);
    expect(random).toHaveBeenCalledTimes(3);
  });

  it("stops after maxAttempts with the last error", async () => {
    const { client, calls } = clientWith(
      [{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, emptyPage],
      {
        random: () => 0,
      },
    );
    const pending = failure(firstPage(client, ""));
    await jest.advanceTimersByTimeAsync(60_000);
    expect(await pending).toMatchObject({ kind: "unavailable", reason: "server-error", status: 500 });
    expect(calls).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts);
  });

  it("gives up at once when Retry-After exceeds the remaining wait budget, keeping retryAfterMs", async () => {
    const { client, calls, notices } = clientWith([throttled("20"), throttled("20"), emptyPage], {
      maxTotalWaitMs: 30_000,
    });
    const pending = failure(firstPage(client, ""));
    await jest.advanceTimersByTimeAsync(60_000);
    const error = await pending;
    expect(error).toMatchObject({ kind: "throttled", retryAfterMs: 20_000 });
    expect(calls).toHaveLength(2);
    expect(notices).toHaveLength(1);
  });

  it("stops waiting when the caller aborts during the backoff", async () => {
    const { client, calls } = clientWith([throttled("5"), emptyPage]);
    const controller = new AbortController();
    const pending = failure(firstPage(client, "", { signal: controller.signal }));
    await jest.advanceTimersByTimeAsync(1000);
    controller.abort();
    expect(await pending).toMatchObject({ kind: "aborted" });
    await jest.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
  });

  it("never retries create, even when throttled", async () => {
    const { client, calls, notices } = clientWith([throttled("1"), { status: 200, body: "" }]);
    const pending = failure(
      client.createContact({
        ContactFirstName: "",
        ContactLastName: "",
        ContactDisplayName: "Ann",
        ContactExternalEmailAddress: "ann@fabrikam.com",
        ContactMailTip: "",
        ContactCompany: "",
        ContactTitle: "",
        ContactWebPage: "",
        ContactPhone: "",
        ContactMobilePhone: "",
        ContactFax: "",
        ContactHiddenFromAddressListsEnabled: false,
        selected: false,
      }),
    );
    await jest.advanceTimersByTimeAsync(5000);
    expect(await pending).toMatchObject({ kind: "throttled", retryAfterMs: 1000 });
    expect(calls).toHaveLength(1);
    expect(notices).toHaveLength(0);
  });

  it("retries a PUT that failed transiently", async () => {
    const record = { ContactId: "c1", ContactExternalEmailAddress: "ann@fabrikam.com" };
    const { client, calls } = clientWith([{ networkError: true }, { status: 200, body: "" }], {
      random: () => 0.5,
    });
    const pending = client.updateContactGeneral(record);
    await jest.advanceTimersByTimeAsync(1000);
    await expect(pending).resolves.toEqual(record);
    expect(calls).toHaveLength(2);
  });

  it("does not retry what retrying cannot fix", async () => {
    const { client, calls } = clientWith([{ status: 400, body: { Message: "Bad" } }]);
    expect(await failure(firstPage(client, ""))).toMatchObject({ kind: "invalid" });
    expect(calls).toHaveLength(1);
  });
});

describe("withRetry with an injected sleep", () => {
  it("never sends a create twice, whatever the policy says", async () => {
    let attempts = 0;
    const failing = withRetry(
      async () => {
        attempts += 1;
        throw new DirectoryError({ kind: "unavailable", reason: "no-answer", ambiguous: true });
      },
      { ...DEFAULT_RETRY_POLICY, sleep: async () => {} },
      { operation: "create" },
    );
    await expect(failing).rejects.toMatchObject({ kind: "unavailable" });
    expect(attempts).toBe(1);
  });

  it("sleeps the announced delays and stops at success", async () => {
    const slept: number[] = [];
    let attempts = 0;
    const result = await withRetry(
      async (attempt) => {
        attempts = attempt;
        if (attempt < 3) throw new DirectoryError({ kind: "throttled", retryAfterMs: attempt * 100 });
        return "done";
      },
      { ...DEFAULT_RETRY_POLICY, sleep: async (ms) => void slept.push(ms) },
      { operation: "findByAddress" },
    );
    expect(result).toBe("done");
    expect(attempts).toBe(3);
    expect(slept).toEqual([100, 200]);
  });

  it("computes a backoff within [0, ceiling)", () => {
    const error = new DirectoryError({ kind: "unavailable" });
    const policy = { ...DEFAULT_RETRY_POLICY, random: () => 0 };
    expect(retryDelayMs(error, 2, policy)).toBe(0);
    expect(retryDelayMs(error, 4, { ...policy, random: () => 0.5 })).toBe(1000);
  });
});
